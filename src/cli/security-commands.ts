import type { Command } from 'commander';
import { rotateAuditKey } from '../services/rotate-audit-key.js';
import { resetTotp } from '../services/second-factor.js';
import { withDatabase } from './runtime.js';
import type { Io } from './runtime.js';

/** `luoshi audit rotate-key` and `luoshi user reset-totp LOGIN`. */
export function registerSecurityCommands(program: Command, io: Io): void {
  const audit = program.command('audit').description('the audit chain and its keys');
  audit
    .command('rotate-key')
    .description('add a new audit key (LUOSHI_AUDIT_KEY_FILE) and sign a rotation event with it; restart the servers afterwards')
    .action(async () =>
      withDatabase(async (ctx) => {
        const { from, to } = await rotateAuditKey(ctx);
        io.out(`审计密钥已轮换 / audit key rotated: ${from} → ${to} (file ${ctx.config.auditKeyFile}; copy it to every server and restart them)`);
      }),
    );

  const user = program.commands.find((c) => c.name() === 'user') ?? program.command('user');
  user
    .command('reset-totp <login>')
    .description('turn off the second factor of an account whose authenticator is lost')
    .action(async (login: string) =>
      withDatabase(async (ctx) => {
        await resetTotp(login, ctx);
        io.out(`second factor turned off for ${login}`);
      }),
    );
}
