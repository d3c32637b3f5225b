/**
 * The deadline rush (npm run rush): loopback load, bounded in time.
 *
 * 500 unit accounts (created here: 500 units, one 签发人 each) log in spread over the minute
 * before the deadline, then each drafts and seals its reply at a random moment within the
 * next 60 s. Run against one server process on SQLite, and against two processes sharing
 * PostgreSQL when TEST_DATABASE_URL is set. Reports errors, p50/p99 latency of logins and of
 * writes (draft, seal), then checks that every sealed reply is present and its seal verifies,
 * and that the audit chain verifies. RUSH_UNITS and RUSH_SECONDS scale it down for a quick try.
 */
import path from 'node:path';
import { Client, SEED_TEXT_PATH, percentile, pool, startServer } from './lib/harness.js';
import type { ServerProcess } from './lib/harness.js';
import { POSTGRES_URL, scratchDatabase } from './lib/databases.js';
import fs from 'node:fs';

const UNITS = Number(process.env.RUSH_UNITS ?? 500);
const WINDOW_MS = Number(process.env.RUSH_SECONDS ?? 60) * 1000;
const ADMIN = 'Rush-admin-2026-x';
const PASSWORD = 'Rush-signatory-2026-x';
/** What each signatory changed the admin's password to at its first sign-in, long before the rush. */
const OWN_PASSWORD = 'Rush-own-choice-2026-y';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Figures {
  setup: string;
  logins: { ok: number; errors: number; p50: number; p99: number };
  writes: { ok: number; errors: number; p50: number; p99: number; max: number };
  sealedPresent: number;
  sealsValid: number;
  auditOk: boolean;
  errorSamples: string[];
}

async function rush(dialect: 'sqlite' | 'postgres', processes: number): Promise<Figures> {
  const db = await scratchDatabase(dialect, 'rush');
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    LUOSHI_ADMIN_PASSWORD: ADMIN,
    LUOSHI_DEMO_PASSWORD: 'Rush-demo-2026-x',
    LUOSHI_SECRET: 'rush-secret-0123456789abcdef-0123456789abcdef',
    LUOSHI_AUDIT_KEY_FILE: path.join(db.dir, 'audit-keys'),
    REMINDER_INTERVAL_MINUTES: '0',
    LOG_LEVEL: 'warn',
  };
  const servers: ServerProcess[] = [];
  try {
    servers.push(await startServer(env, 3122));
    for (let i = 1; i < processes; i++) servers.push(await startServer({ ...env, LUOSHI_DEMO: 'false' }, 3122 + i));
    const admin = new Client(servers[0]!.url);
    await admin.login('admin', ADMIN);
    const codes = Array.from({ length: UNITS }, (_, i) => `rush-${String(i).padStart(3, '0')}`);
    const imported = await admin.call('POST', '/api/units/import', {
      format: 'luoshi-registry',
      version: 1,
      units: codes.map((code, i) => ({ code, name: `冲刺测试单位${i}`, shortName: `冲刺${i}`, kind: 'department', member: false })),
    });
    if (imported.status !== 200) throw new Error(`unit import failed: ${JSON.stringify(imported.body)}`);
    const unitIds = new Map((await admin.call<{ units: { id: number; code: string }[] }>('GET', '/api/units')).body.units.map((u) => [u.code, u.id]));
    await pool(codes, 4, async (code) => {
      const r = await admin.call('POST', '/api/users', { login: `${code}.signatory`, displayName: `${code} 签发人`, unitId: unitIds.get(code), role: 'signatory', password: PASSWORD });
      if (r.status !== 201) throw new Error(`user ${code}: ${r.status} ${JSON.stringify(r.body)}`);
      // An account given its password by an admin must change it first (issue 12): done at setup.
      const own = new Client(servers[0]!.url);
      if ((await own.login(`${code}.signatory`, PASSWORD)) !== 200) throw new Error(`first sign-in ${code} failed`);
      const changed = await own.call('POST', '/api/session/password', { currentPassword: PASSWORD, newPassword: OWN_PASSWORD });
      if (changed.status !== 204) throw new Error(`password change ${code}: ${changed.status} ${JSON.stringify(changed.body)}`);
    });
    const office = new Client(servers[0]!.url);
    await office.login('office', 'Rush-demo-2026-x');
    const text = fs.readFileSync(SEED_TEXT_PATH, 'utf8').replace('工作要点', '工作要点（截止冲刺）');
    const plan = await office.call<{ id: number }>('POST', '/api/plans', { text, filename: 'rush.txt' });
    const consultation = await office.call<{ id: number }>('POST', `/api/plans/${plan.body.id}/consultations`, {
      deadline: '2099-12-31',
      recipientUnitIds: codes.map((c) => unitIds.get(c)!),
    });
    if (consultation.status !== 201) throw new Error(`open: ${JSON.stringify(consultation.body)}`);
    const consultationId = consultation.body.id;
    const setup = `${UNITS} units and accounts, 1 consultation to all of them`;

    const errors: string[] = [];
    const loginTimes: number[] = [];
    const writeTimes: number[] = [];
    const clients = codes.map((_, i) => new Client(servers[i % servers.length]!.url));
    // The minute before: logins spread over it.
    const t0 = performance.now();
    await Promise.all(
      codes.map(async (code, i) => {
        await sleep(Math.random() * WINDOW_MS);
        const started = performance.now();
        const status = await clients[i]!.login(`${code}.signatory`, OWN_PASSWORD).catch(() => 0);
        loginTimes.push(performance.now() - started);
        if (status !== 200) errors.push(`login ${code}: ${status}`);
      }),
    );
    // The deadline minute: each unit saves and seals within it.
    const sealed = new Map<string, number>();
    await Promise.all(
      codes.map(async (code, i) => {
        const c = clients[i]!;
        await sleep(Math.random() * WINDOW_MS);
        let started = performance.now();
        const draft = await c
          .call<{ id: number }>('POST', `/api/consultations/${consultationId}/replies`, {
            opinions: [{ itemOrdinal: 1 + (i % 20), content: `${code}：建议将目标任务进一步细化到季度，并明确牵头单位。` }],
          })
          .catch((error: Error) => ({ status: 0, body: { id: 0, error: `${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}` } }));
        writeTimes.push(performance.now() - started);
        if (draft.status !== 201) {
          errors.push(`draft ${code}: ${draft.status} ${JSON.stringify(draft.body).slice(0, 120)}`);
          return;
        }
        started = performance.now();
        const seal = await c
          .call('POST', `/api/replies/${draft.body.id}/seal`, {})
          .catch((error: Error) => ({ status: 0, body: `${error.message} ${String((error.cause as Error | undefined)?.message ?? '')}` }));
        writeTimes.push(performance.now() - started);
        if (seal.status !== 200) errors.push(`seal ${code}: ${seal.status} ${JSON.stringify(seal.body).slice(0, 120)}`);
        else sealed.set(code, draft.body.id);
      }),
    );
    const elapsed = performance.now() - t0;
    console.log(`  ${dialect} × ${processes}: load phase took ${Math.round(elapsed / 1000)} s`);

    // Afterwards: every sealed reply present and verifying, the audit chain intact.
    const state = await office.call<{ recipients: { status: string }[] }>('GET', `/api/consultations/${consultationId}`);
    const replied = state.body.recipients.filter((r) => r.status === 'replied').length;
    let valid = 0;
    await pool([...sealed.values()], 8, async (id) => {
      if ((await office.call<{ valid: boolean }>('GET', `/api/replies/${id}/verify`)).body.valid) valid += 1;
    });
    const audit = (await admin.call<{ ok: boolean }>('GET', '/api/audit/verify')).body;
    return {
      setup,
      logins: { ok: loginTimes.length - errors.filter((e) => e.startsWith('login')).length, errors: errors.filter((e) => e.startsWith('login')).length, p50: percentile(loginTimes, 50), p99: percentile(loginTimes, 99) },
      writes: { ok: writeTimes.length - errors.filter((e) => !e.startsWith('login')).length, errors: errors.filter((e) => !e.startsWith('login')).length, p50: percentile(writeTimes, 50), p99: percentile(writeTimes, 99), max: percentile(writeTimes, 100) },
      sealedPresent: replied,
      sealsValid: valid,
      auditOk: audit.ok,
      errorSamples: errors.slice(0, 5),
    };
  } finally {
    for (const s of servers) await s.kill();
    await db.drop();
  }
}

const runs: [string, Figures][] = [];
runs.push(['SQLite, 1 process', await rush('sqlite', 1)]);
if (POSTGRES_URL) runs.push(['PostgreSQL, 2 processes', await rush('postgres', 2)]);
else console.log('SKIP  PostgreSQL (set TEST_DATABASE_URL to run it too)');
let failed = false;
for (const [label, f] of runs) {
  const ok = f.logins.errors === 0 && f.writes.errors === 0 && f.sealedPresent === UNITS && f.sealsValid === UNITS && f.auditOk;
  failed ||= !ok;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${label}: ${f.setup}; logins ${f.logins.ok} ok, ${f.logins.errors} errors, p50 ${f.logins.p50} ms, p99 ${f.logins.p99} ms; ` +
      `writes (draft + seal) ${f.writes.ok} ok, ${f.writes.errors} errors, p50 ${f.writes.p50} ms, p99 ${f.writes.p99} ms, max ${f.writes.max} ms; ` +
      `sealed replies present ${f.sealedPresent}/${UNITS}, seals valid ${f.sealsValid}/${UNITS}, audit chain ${f.auditOk ? 'verifies' : 'BROKEN'}`,
  );
  for (const e of f.errorSamples) console.log(`      ${e}`);
}
process.exit(failed ? 1 : 0);
