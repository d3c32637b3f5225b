import type { Command } from 'commander';
import { fail } from '../domain/errors.js';
import { appendAudit } from '../services/support/audit-trail.js';
import { inTransaction, nowIso } from '../services/support/context.js';
import { rotateAuditKey } from '../services/rotate-audit-key.js';
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
        await inTransaction(ctx, async (trx) => {
          const row = await trx.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst();
          if (!row) throw fail('not_found');
          await trx
            .updateTable('users')
            .set({ totp_secret: null, totp_pending: null, totp_enabled_at: null, updated_at: nowIso(ctx) })
            .where('id', '=', row.id)
            .execute();
          await appendAudit(trx, ctx.actor, ctx.clock, { action: 'user.totp.reset', entity: 'user', entityId: row.id, detail: { login } });
        });
        io.out(`second factor turned off for ${login}`);
      }),
    );
}
