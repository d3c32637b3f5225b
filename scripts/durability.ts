/**
 * Durability under SIGKILL, and backup/restore round trips (npm run durability).
 *
 * For SQLite, and PostgreSQL when TEST_DATABASE_URL is set:
 * 1. bulk import: a 3000-unit registry import is sent and the server is killed (SIGKILL) at a
 *    random moment; after a restart the import must be there completely or not at all, and
 *    completely if it was acknowledged;
 * 2. burst of submissions: 22 units draft and seal replies at once and the server is killed
 *    mid-burst; after a restart every acknowledged draft and seal must be there and verify;
 * 3. `luoshi verify-audit` passes and every sealed reply's seal verifies;
 * 4. backup and restore (SQLite online backup; pg_dump/pg_restore), a server on the copy, and
 *    the same verification on the copy.
 * Prints one summary line per check and exits 1 if any fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client, SEED_TEXT_PATH, luoshi, startServer } from './lib/harness.js';
import type { ServerProcess } from './lib/harness.js';
import { POSTGRES_URL, scratchDatabase } from './lib/databases.js';

const ADMIN = 'Durability-admin-2026';
const DEMO = 'Durability-demo-2026';
const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 3);
const DEPARTMENTS = ['hn-czhb', 'hn-gat', 'hn-mzt', 'hn-jyt', 'hn-rst', 'hn-wjw', 'hn-zjt', 'hn-fgw', 'hn-czt', 'hn-zrzyt', 'hn-nynct', 'hn-tjj', 'hn-txglj', 'hn-gxt', 'hn-sthjt', 'hn-jtyst', 'hn-kjt', 'hn-yjt', 'hn-slt', 'hn-swt', 'hn-wlt', 'hn-wwj'];

let failures = 0;
function check(ok: boolean, what: string): void {
  if (!ok) failures += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const randomBetween = (a: number, b: number) => a + Math.floor(Math.random() * (b - a));

async function verifyEverything(url: string, label: string): Promise<{ sealed: number; valid: number; audit: { ok: boolean; checked: number } }> {
  const admin = new Client(url);
  await admin.login('admin', ADMIN);
  const office = new Client(url);
  await office.login('office', DEMO);
  const audit = (await admin.call<{ ok: boolean; checked: number }>('GET', '/api/audit/verify')).body;
  const consultations = (await office.call<{ consultations: { id: number }[] }>('GET', '/api/consultations')).body.consultations;
  let sealed = 0;
  let valid = 0;
  for (const c of consultations) {
    const replies = (await office.call<{ replies: { id: number; status: string }[] }>('GET', `/api/consultations/${c.id}/replies`)).body.replies;
    for (const r of replies.filter((x) => x.status === 'sealed')) {
      sealed += 1;
      if ((await office.call<{ valid: boolean }>('GET', `/api/replies/${r.id}/verify`)).body.valid) valid += 1;
    }
  }
  check(audit.ok, `${label}: audit chain verifies (${audit.checked} events)`);
  check(sealed > 0 && valid === sealed, `${label}: every sealed reply verifies (${valid}/${sealed})`);
  return { sealed, valid, audit };
}

async function run(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const db = await scratchDatabase(dialect, 'durability');
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    LUOSHI_ADMIN_PASSWORD: ADMIN,
    LUOSHI_DEMO_PASSWORD: DEMO,
    LUOSHI_SECRET: 'durability-secret-0123456789abcdef-0123456789',
    LUOSHI_AUDIT_KEY_FILE: path.join(db.dir, 'audit-keys'),
    LUOSHI_SCRYPT_COST: '1024',
    REMINDER_INTERVAL_MINUTES: '0',
    LOG_LEVEL: 'warn',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
  };
  const port = dialect === 'sqlite' ? 3120 : 3121;
  let server: ServerProcess = await startServer(env, port);
  const restart = async () => {
    server = await startServer(env, port);
  };
  try {
    // 1. Bulk import killed mid-flight.
    for (let round = 1; round <= ROUNDS; round++) {
      const admin = new Client(server.url);
      await admin.login('admin', ADMIN);
      const units = Array.from({ length: 3000 }, (_, i) => ({ code: `dur-r${round}-${i}`, name: `耐久测试单位${round}-${i}`, shortName: `耐久${round}-${i}`, kind: 'department', member: false }));
      let acknowledged = false;
      const sent = admin.call('POST', '/api/units/import', { format: 'luoshi-registry', version: 1, units }).then((r) => {
        acknowledged = r.status === 200;
      }, () => undefined);
      await sleep(randomBetween(50, 1500));
      await server.kill('SIGKILL');
      await sent;
      await restart();
      const reader = new Client(server.url);
      await reader.login('admin', ADMIN);
      const all = (await reader.call<{ units: { code: string }[] }>('GET', '/api/units')).body.units;
      const present = all.filter((u) => u.code.startsWith(`dur-r${round}-`)).length;
      check(present === 0 || present === 3000, `${dialect} import round ${round}: all or nothing after SIGKILL (${present}/3000 present, acknowledged: ${acknowledged})`);
      if (acknowledged) check(present === 3000, `${dialect} import round ${round}: the acknowledged import is complete`);
    }

    // 2. Burst of submissions killed mid-flight.
    const seed = fs.readFileSync(SEED_TEXT_PATH, 'utf8');
    for (let round = 1; round <= ROUNDS; round++) {
      const office = new Client(server.url);
      await office.login('office', DEMO);
      const plan = await office.call<{ id: number }>('POST', '/api/plans', { text: seed.replace('工作要点', `工作要点（耐久测试 ${dialect} ${round}）`), filename: `durability-${round}.txt` });
      const opened = await office.call<{ id: number }>('POST', `/api/plans/${plan.body.id}/consultations`, { deadline: '2099-12-31' });
      const consultationId = opened.body.id;
      const pairs = await Promise.all(
        DEPARTMENTS.map(async (code) => {
          const reporter = new Client(server.url);
          const signatory = new Client(server.url);
          await reporter.login(`${code}.reporter`, DEMO);
          await signatory.login(`${code}.signatory`, DEMO);
          return { code, reporter, signatory };
        }),
      );
      const drafts = new Map<string, number>();
      const seals = new Set<number>();
      const burst = Promise.all(
        pairs.map(async ({ code, reporter, signatory }) => {
          try {
            await sleep(randomBetween(0, 300));
            const draft = await reporter.call<{ id: number }>('POST', `/api/consultations/${consultationId}/replies`, {
              opinions: [{ itemOrdinal: 1, content: `${code} 第 ${round} 轮意见：建议细化任务分工。` }],
            });
            if (draft.status !== 201) return;
            drafts.set(code, draft.body.id);
            const sealed = await signatory.call('POST', `/api/replies/${draft.body.id}/seal`, {});
            if (sealed.status === 200) seals.add(draft.body.id);
          } catch {
            // the server died under us: this write was not acknowledged
          }
        }),
      );
      await sleep(randomBetween(100, 900));
      await server.kill('SIGKILL');
      await burst;
      await restart();
      let draftsPresent = 0;
      let sealsValid = 0;
      for (const { code, reporter } of pairs) {
        const id = drafts.get(code);
        if (id === undefined) continue;
        const got = await reporter.call<{ id: number; status: string }>('GET', `/api/replies/${id}`);
        if (got.status === 200) draftsPresent += 1;
        if (seals.has(id)) {
          const v = await reporter.call<{ valid: boolean }>('GET', `/api/replies/${id}/verify`);
          if (got.body.status === 'sealed' && v.body.valid) sealsValid += 1;
        }
      }
      check(draftsPresent === drafts.size, `${dialect} burst round ${round}: every acknowledged draft present after SIGKILL (${draftsPresent}/${drafts.size})`);
      check(sealsValid === seals.size, `${dialect} burst round ${round}: every acknowledged seal present and valid (${sealsValid}/${seals.size})`);
      // Finish the round so the next one has sealed replies to verify.
      await Promise.all(
        pairs.map(async ({ code, reporter, signatory }) => {
          let id = drafts.get(code);
          if (id === undefined || (await reporter.call('GET', `/api/replies/${id}`)).status !== 200) {
            const d = await reporter.call<{ id: number }>('POST', `/api/consultations/${consultationId}/replies`, { noOpinion: true });
            id = d.body.id;
          }
          if (!seals.has(id)) await signatory.call('POST', `/api/replies/${id}/seal`, {});
        }),
      );
    }

    // 3. The whole database verifies, through the API and through the CLI.
    const live = await verifyEverything(server.url, `${dialect} after ${ROUNDS * 2} kills`);
    const cli = luoshi(['verify-audit'], env);
    check(cli.code === 0, `${dialect}: luoshi verify-audit exits 0 — ${cli.out.trim() || cli.err.trim()}`);

    // 4. Backup and restore, then the same verification on the copy.
    const copy = await scratchDatabase(dialect, 'restore');
    try {
      if (dialect === 'sqlite') {
        const file = path.join(copy.dir, 'luoshi.sqlite');
        const backup = luoshi(['backup', file], env);
        check(backup.code === 0, `sqlite: online backup while serving — ${backup.out.trim()}`);
      } else {
        const dump = path.join(copy.dir, 'luoshi.dump');
        const d = spawnSync('pg_dump', ['-Fc', '-f', dump, db.url], { encoding: 'utf8' });
        const r = spawnSync('pg_restore', ['--no-owner', '-d', copy.url, dump], { encoding: 'utf8' });
        check(d.status === 0 && r.status === 0, `postgres: pg_dump/pg_restore round trip ${d.stderr}${r.stderr}`);
      }
      const copyEnv = { ...env, DATABASE_URL: copy.url, LUOSHI_DEMO: 'false' };
      const restored = await startServer(copyEnv, port + 5);
      try {
        const onCopy = await verifyEverything(restored.url, `${dialect} restored copy`);
        check(onCopy.sealed === live.sealed && onCopy.audit.checked >= live.audit.checked, `${dialect} restored copy holds every sealed reply (${onCopy.sealed}/${live.sealed})`);
      } finally {
        await restored.kill();
      }
      const cliCopy = luoshi(['verify-audit'], copyEnv);
      check(cliCopy.code === 0, `${dialect} restored copy: luoshi verify-audit exits 0 — ${cliCopy.out.trim() || cliCopy.err.trim()}`);
    } finally {
      await copy.drop();
    }
  } finally {
    await server.kill();
    await db.drop();
  }
}

const started = Date.now();
await run('sqlite');
if (POSTGRES_URL) await run('postgres');
else console.log('SKIP  PostgreSQL (set TEST_DATABASE_URL to run it too)');
console.log(`${failures === 0 ? 'durability: all checks passed' : `durability: ${failures} check(s) FAILED`} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failures === 0 ? 0 : 1);
