import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { importRegisterRows } from '../services/import-register-rows.js';
import { installBuiltinRegisters } from '../services/install-builtin-registers.js';
import { loadRegisterByKey } from '../services/support/register-store.js';
import { parseRegistryJson } from '../catalog/registry-file.js';
import { AppError, fail } from '../domain/errors.js';
import { ROLES } from '../domain/roles.js';
import { registryToXlsx } from '../office/units-xlsx.js';
import { readRegistryXlsx } from '../services/support/read-upload.js';
import { generatePassword } from '../security/password.js';
import { addUser } from '../services/add-user.js';
import { backUpDatabase } from '../services/back-up-database.js';
import { exportRegistry } from '../services/export-registry.js';
import { importPlan } from '../services/import-plan.js';
import { importRegistry } from '../services/import-registry.js';
import { runParse } from './parse-command.js';
import { hunanResolver, localResolver } from '../catalog/registry-resolver.js';
import { HUNAN_PROVINCE_CODE } from '../catalog/hunan.js';
import { placeNamedBy } from '../services/support/plan-resolver.js';
import type { ParsedPlan } from '../model/plan.js';
import { listUsers } from '../services/list-users.js';
import { loadDemo } from '../services/load-demo.js';
import { setUserPassword } from '../services/set-user-password.js';
import { loadUnits } from '../services/support/unit-rows.js';
import { verifyAudit } from '../services/verify-audit.js';
import { verifyReplySeal } from '../services/verify-reply-seal.js';
import { VERSION } from '../version.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { processIo, withDatabase } from './runtime.js';
import type { Io } from './runtime.js';
import { registerSecurityCommands } from './security-commands.js';
import { serve } from './serve-command.js';

const EXIT_HELP = `
Exit codes:
  0 success · 1 unexpected failure · 2 usage error · 3 verification failed
  4 not found · 5 invalid input or conflict · 6 invalid configuration · 7 not allowed

Configuration comes from the environment (DATABASE_URL, PORT, HOST, …); see README.md.`;

function progressBar(io: Io, label: string): { update(done: number, total: number): void; stop(): void } {
  if (!io.isTty) return { update() {}, stop() {} };
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr });
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function buildProgram(io: Io): Command {
  const program = new Command('luoshi')
    .description('luoshi (落实): run a government work plan from draft to delivered results')
    .version(VERSION)
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command('serve')
    .description('start the server (migrates the database; loads the demo into an empty one unless LUOSHI_DEMO=false)')
    .option('-p, --port <port>', 'port (overrides PORT)')
    .option('-H, --host <host>', 'address to listen on (overrides HOST)')
    .action(async (opts: { port?: string; host?: string }) => serve(opts, io));

  program
    .command('migrate')
    .description('apply database migrations')
    .action(async () =>
      withDatabase(async () => {
        io.out('数据库已是最新 / database is up to date');
      }),
    );

  program
    .command('demo')
    .description('load the demo (Hunan registry and accounts) into an empty database')
    .action(async () =>
      withDatabase(async (ctx) => {
        const result = await loadDemo(ctx);
        if (!result.loaded) {
          io.out('数据库中已有账号,未载入演示数据 / the database already has accounts; demo not loaded');
          return;
        }
        io.out(`演示数据已载入 / demo loaded: ${result.accounts} accounts`);
        if (result.generatedAdminPassword) io.out(`admin password: ${result.generatedAdminPassword}`);
        if (result.generatedDemoPassword) io.out(`demo accounts password: ${result.generatedDemoPassword}`);
      }),
    );

  const user = program.command('user').description('manage accounts');
  user
    .command('add <login>')
    .description('add an account; prints a generated password unless --password is given')
    .requiredOption('-u, --unit <code>', 'the unit code, e.g. hn-gat or 430100')
    .addOption(new Option('-r, --role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
    .option('-n, --name <displayName>', 'display name (default: the login)')
    .option('--password <password>', 'password (at least 8 characters)')
    .action(async (login: string, opts: { unit: string; role: (typeof ROLES)[number]; name?: string; password?: string }) =>
      withDatabase(async (ctx) => {
        const [unit] = await loadUnits(ctx.db, { code: opts.unit });
        if (!unit) throw fail('unit_code_unknown', { code: opts.unit });
        const password = opts.password ?? generatePassword();
        const created = await addUser(
          { login, displayName: opts.name ?? login, unitId: unit.id, role: opts.role, password },
          ctx,
        );
        io.out(`added ${created.login} (${created.role}, ${created.unitName})`);
        if (!opts.password) io.out(`password: ${password}`);
      }),
    );
  user
    .command('passwd <login>')
    .description("set an account's password; prints a generated one unless --password is given")
    .option('--password <password>', 'new password (at least 8 characters)')
    .action(async (login: string, opts: { password?: string }) =>
      withDatabase(async (ctx) => {
        const password = opts.password ?? generatePassword();
        await setUserPassword({ login, password }, ctx);
        io.out(`password set for ${login}; its sessions have ended`);
        if (!opts.password) io.out(`password: ${password}`);
      }),
    );
  user
    .command('list')
    .description('list accounts')
    .option('-u, --unit <code>', 'only this unit')
    .option('--json', 'print JSON')
    .action(async (opts: { unit?: string; json?: boolean }) =>
      withDatabase(async (ctx) => {
        let unitId: number | undefined;
        if (opts.unit !== undefined) {
          const [unit] = await loadUnits(ctx.db, { code: opts.unit });
          if (!unit) throw fail('unit_code_unknown', { code: opts.unit });
          unitId = unit.id;
        }
        const users = await listUsers(unitId === undefined ? {} : { unitId }, ctx);
        if (opts.json) {
          io.out(JSON.stringify(users, null, 2));
          return;
        }
        for (const u of users) io.out(`${u.login.padEnd(28)} ${u.role.padEnd(10)} ${u.active ? '' : '(disabled) '}${u.unitName}`);
        io.out(`${users.length} accounts`);
      }),
    );

  program
    .command('verify-audit')
    .description('recompute the audit hash chain; exit 3 and name the first broken link if it is broken')
    .action(async () =>
      withDatabase(async (ctx) => {
        const bar = progressBar(io, 'verify');
        const result = await verifyAudit(ctx, (done, total) => bar.update(done, total));
        bar.stop();
        const keys = `${result.keyed} keyed (key ${result.keyIds.join(', ') || '-'}), ${result.legacy} from before the chain was keyed (seq < ${result.keyedFromSeq})`;
        const decisions = `${result.decisions.checked} decisions checked against the trail`;
        if (result.ok) {
          io.out(`审计链完好 / audit chain intact: ${result.checked} events — ${keys}; ${decisions}, all match`);
          return;
        }
        if (result.firstBroken) {
          const broken = result.firstBroken;
          io.err(`审计链断裂 / audit chain broken at event #${broken.seq}: ${broken.reason} (${result.checked} events before it are intact; ${keys})`);
        }
        for (const m of result.decisions.mismatches) io.err(`处理意见与审计记录不符 / decision on opinion ${m.opinionId} does not match the trail: ${m.reason}`);
        process.exitCode = EXIT.verificationFailed;
      }),
    );

  program
    .command('verify-seal <replyId>')
    .description("check a sealed reply's seal against its unit's public key; exit 3 if it does not hold")
    .action(async (replyId: string) =>
      withDatabase(async (ctx) => {
        if (!/^\d+$/.test(replyId)) throw fail('reply_id_invalid');
        const result = await verifyReplySeal(Number(replyId), ctx);
        const who = `${result.signatory ?? '?'} ${result.sealedAt ?? ''} ${result.algorithm ?? ''} key ${result.keyId ?? '?'}`;
        if (result.valid) {
          io.out(`签章有效 / seal valid: reply ${replyId} — ${who}`);
          return;
        }
        io.err(`签章无效 / seal NOT valid: reply ${replyId} — ${result.reason} (${who})`);
        process.exitCode = EXIT.verificationFailed;
      }),
    );

  program
    .command('backup <file>')
    .description('online backup of the SQLite database to FILE (for PostgreSQL use pg_dump)')
    .action(async (file: string) =>
      withDatabase(async (ctx, handle) => {
        const bar = progressBar(io, 'backup');
        const result = await backUpDatabase(file, handle.sqlite, ctx, (done, total) => bar.update(done, total));
        bar.stop();
        io.out(`backed up to ${result.file} (${result.bytes} bytes)`);
      }),
    );

  program
    .command('parse <file>')
    .description("parse a work plan (.txt/.md in UTF-8 or GB18030, a web page saved as .html, .docx, or a 分工表 as .xlsx) and print its structure; no database needed")
    .option('--json', 'print the parse as one JSON object')
    .option('--place <code>', "a 市州's or 县市区's GB/T 2260 code (510100): resolve names against its standard departments instead of Hunan's registry (without it, a title opening with a Hunan 市州 or 县市区, 长沙市2024年…, chooses that place's)")
    .action(async (file: string, opts: { json?: boolean; place?: string }) => {
      const resolver = opts.place ? localResolver(opts.place) : hunanResolver();
      const reread = opts.place ? undefined : (plan: ParsedPlan) => {
        const code = placeNamedBy(plan, HUNAN_PROVINCE_CODE);
        return code ? localResolver(code) : null;
      };
      await runParse(file, { json: opts.json === true, resolver, ...(reread && { reread }) }, { stdout: (s) => process.stdout.write(s) });
    });

  program
    .command('import <file>')
    .description('import a work plan file (.txt/.md, .docx, or a 分工表 as .xlsx) as a new plan (version 1, draft)')
    .option('--place <code>', "a 市州's or 县市区's GB/T 2260 code (510100): resolve the plan's names against its standard departments")
    .action(async (file: string, opts: { place?: string }) =>
      withDatabase(async (ctx) => {
        const result = await importPlan({ bytes: fs.readFileSync(file), filename: file, ...(opts.place && { place: opts.place }) }, ctx);
        io.out(`导入成功 / imported plan ${result.id}: 《${result.title}》 — ${result.items} items, ${result.warnings} warnings`);
      }),
    );

  program
    .command('register')
    .description('registers (专项台账)')
    .command('import <file>')
    .description('import rows of a register from an .xlsx (its template layout); upsert by the unique key')
    .requiredOption('--register <key>', 'the register key, e.g. old-communities')
    .option('--mode <mode>', 'atomic (nothing written on any error) or partial (valid rows only)', 'atomic')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { register: string; mode: string; json?: boolean }) =>
      withDatabase(async (ctx) => {
        if (opts.mode !== 'atomic' && opts.mode !== 'partial') throw new AppError('bad_request', { zh: '--mode 须为 atomic 或 partial', en: '--mode must be atomic or partial' });
        await installBuiltinRegisters(ctx);
        const register = await loadRegisterByKey(ctx.db, opts.register);
        const bar = progressBar(io, register.key);
        const { result } = await importRegisterRows(
          { registerId: register.id, bytes: fs.readFileSync(file), mode: opts.mode, lang: 'zh', onProgress: (done, total) => bar.update(done, total) },
          ctx,
        ).finally(() => bar.stop());
        if (opts.json) io.out(JSON.stringify(result, null, 2));
        else {
          io.out(`新增 ${result.added}，更新 ${result.updated}，未变 ${result.unchanged}，拒绝 ${result.rejected} / added ${result.added}, updated ${result.updated}, unchanged ${result.unchanged}, rejected ${result.rejected}`);
          for (const e of result.errors.slice(0, 50)) io.err(`  第 ${e.row} 行 ${e.column}：${e.message}（${e.value ?? ''}）`);
        }
        if (result.rejected > 0) process.exitCode = 5;
      }),
    );

  const units = program.command('units').description('the organisation registry');
  units
    .command('export <file>')
    .description('write the registry to FILE (.json or .xlsx)')
    .action(async (file: string) =>
      withDatabase(async (ctx) => {
        const registry = await exportRegistry(ctx);
        const bytes = file.toLowerCase().endsWith('.xlsx') ? await registryToXlsx(registry) : JSON.stringify(registry, null, 2);
        fs.writeFileSync(file, bytes);
        io.out(`${registry.units.length} units written to ${file}`);
      }),
    );
  units
    .command('import <file>')
    .description('create or update units by code from FILE (.json or .xlsx); never deletes')
    .action(async (file: string) =>
      withDatabase(async (ctx) => {
        const bytes = fs.readFileSync(file);
        const registry = file.toLowerCase().endsWith('.xlsx') ? await readRegistryXlsx(bytes) : parseRegistryJson(bytes.toString('utf8'));
        const result = await importRegistry(registry, ctx);
        io.out(`created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}`);
      }),
    );

  registerSecurityCommands(program, io);
  return program;
}

/** Runs the CLI and returns its exit code. */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  program.exitOverride();
  for (const sub of program.commands) {
    sub.exitOverride();
    for (const subsub of sub.commands) subsub.exitOverride();
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof AppError) {
      io.err(`${error.messages.zh}\n${error.messages.en}`);
      return exitCodeFor(error.kind);
    }
    if (error instanceof Error && 'code' in error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`文件不存在 / no such file: ${(error as NodeJS.ErrnoException).path ?? ''}`);
      return EXIT.notFound;
    }
    io.err(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}
