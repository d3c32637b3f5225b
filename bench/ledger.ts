/**
 * The ledger at national scale: a deterministic generator (LEDGER_UNITS reporting units ×
 * 50 tasks × 12 monthly rounds, written through the bulk path), then
 *
 * 1. GET /api/plans/:id/overview over HTTP (p50/p95) against the bare SQL aggregation the
 *    overview is built on, run with better-sqlite3 on the same database file;
 * 2. report submissions per second through submit-report (seal with the unit's key, audit
 *    trail, conditional claim) against bare single-row INSERTs of the same rows.
 *
 * `npx tsx bench/ledger.ts`, or runLedgerBench() from bench/run.ts.
 * Environment: LEDGER_UNITS (default 330; LEDGER_SCALE=full means 3300, about 2 million
 * reports), LEDGER_SUBMISSIONS (default 300), LEDGER_REQUESTS (default 40).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { deadlineInstant } from '../src/domain/consultation.js';
import { SYSTEM_ACTOR } from '../src/domain/policy.js';
import type { Actor } from '../src/domain/policy.js';
import { installKeyring, loadKeyring } from '../src/security/keyring.js';
import { hashPassword } from '../src/security/password.js';
import { startServer } from '../src/server/start.js';
import { silentLogger } from '../src/services/support/context.js';
import type { ServiceContext } from '../src/services/support/context.js';
import { recordReports } from '../src/services/record-reports.js';
import type { ReportRecord } from '../src/services/record-reports.js';
import { submitReport, submitReports } from '../src/services/submit-report.js';
import { updateTask } from '../src/services/shape-tasks.js';
import { ensureUnitKey } from '../src/services/support/unit-keys.js';
import { defaultSealAlgorithm } from '../src/services/support/seal-default.js';
import { Client } from '../test/helpers/client.js';

const UNITS = Number(process.env.LEDGER_UNITS ?? (process.env.LEDGER_SCALE === 'full' ? 3300 : 330));
const TASKS = 50;
const ROUNDS = 12;
const SUBMISSIONS = Number(process.env.LEDGER_SUBMISSIONS ?? 300);
const REQUESTS = Number(process.env.LEDGER_REQUESTS ?? 40);
const PASSWORD = 'bench-password-2021';
const SECRET = 'bench-secret-for-seal-keys-0123456789abcdef';
const NOW = '2026-01-01T00:00:00.000Z';

/** A small seeded PRNG (mulberry32): the same data set on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Generated {
  file: string;
  planId: number;
  reports: number;
  seconds: number;
  signatories: { userId: number; login: string; unitId: number }[];
}

export async function generate(dir: string): Promise<Generated> {
  const file = path.join(dir, 'ledger.sqlite');
  const config = loadConfig({ DATABASE_URL: `sqlite:${file}`, LUOSHI_SECRET: SECRET, LUOSHI_SCRYPT_COST: '1024', LOG_LEVEL: 'silent', LUOSHI_DEMO: 'false' });
  // What start-up does (startServer, the CLI): the seal and audit keys are read once.
  installKeyring(loadKeyring(config));
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  const db = handle.db;
  const started = Date.now();
  const at = '2021-01-01T00:00:00.000Z';
  const ctx: ServiceContext = { db, dialect: 'sqlite', config, clock: { now: () => new Date(NOW) }, actor: SYSTEM_ACTOR, log: silentLogger };
  const random = prng(20210801);

  // The registry: a national root, the office, 50 lead departments, prefectures of ten counties.
  const unit = (code: string, name: string, kind: string, parent: number | null, order: number) => ({
    code,
    name,
    short_name: name,
    kind,
    parent_id: parent,
    division_code: null,
    member: kind === 'department' ? 1 : 0,
    sort_order: order,
    created_at: at,
    updated_at: at,
  });
  const root = (await db.insertInto('units').values(unit('root', '全国', 'province', null, 0)).returning('id').executeTakeFirstOrThrow()).id;
  const office = (await db.insertInto('units').values(unit('office', '领导小组办公室', 'office', root, 1)).returning('id').executeTakeFirstOrThrow()).id;
  const departments: number[] = [];
  for (let i = 0; i < TASKS; i += 1) departments.push((await db.insertInto('units').values(unit(`dept-${i}`, `部门${i}`, 'department', root, 10 + i)).returning('id').executeTakeFirstOrThrow()).id);
  const counties: number[] = [];
  for (let p = 0; p * 10 < UNITS; p += 1) {
    const pref = (await db.insertInto('units').values(unit(`pref-${p}`, `地区${p}`, 'prefecture', root, 100 + p)).returning('id').executeTakeFirstOrThrow()).id;
    const batch = [];
    for (let c = 0; c < 10 && p * 10 + c < UNITS; c += 1) batch.push(unit(`county-${p}-${c}`, `县${p}-${c}`, 'county', pref, 10_000 + p * 10 + c));
    counties.push(...(await db.insertInto('units').values(batch).returning('id').execute()).map((r) => r.id));
  }

  const hash = await hashPassword(PASSWORD, 1024);
  const user = (login: string, unitId: number, role: string) => ({
    login,
    display_name: login,
    unit_id: unitId,
    role,
    password_hash: hash,
    locale: 'zh-CN',
    email: null,
    active: 1,
    created_at: at,
    updated_at: at,
  });
  await db.insertInto('users').values(user('bench.office', office, 'office')).execute();
  // Signatories of the first units, for the submission benchmark.
  const signatoryUnits = counties.slice(0, Math.min(counties.length, 20));
  const signatories = [];
  for (const unitId of signatoryUnits) {
    const row = await db.insertInto('users').values(user(`signatory-${unitId}`, unitId, 'signatory')).returning(['id', 'login']).executeTakeFirstOrThrow();
    signatories.push({ userId: row.id, login: row.login, unitId });
  }

  const sections = Array.from({ length: 8 }, (_, i) => ({ number: String(i + 1), ordinal: i + 1, title: `第${i + 1}部分`, span: [0, 0] }));
  const plan = (await db
    .insertInto('plans')
    .values({ title: '全国工作要点（基准数据）', owner_unit_id: office, current_version: 1, stage: 'published', published_version: 1, published_at: at, light_rules: null, created_by: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()).id;
  await db
    .insertInto('plan_versions')
    .values({
      plan_id: plan,
      number: 1,
      status: 'final',
      filename: 'bench.txt',
      media_type: 'text/plain',
      encoding: 'utf-8',
      sha256: '0'.repeat(64),
      byte_size: 0,
      source: Buffer.alloc(0),
      text: '',
      parsed: JSON.stringify({ title: '全国工作要点（基准数据）', letter: null, sections, items: [], warnings: [] }),
      parser_version: 'bench',
      created_by: null,
      created_at: at,
    })
    .execute();
  const tasks: { id: number; lead: number }[] = [];
  for (let i = 0; i < TASKS; i += 1) {
    const id = (await db
      .insertInto('tasks')
      .values({
        plan_id: plan,
        key: `item:${i + 1}`,
        version_number: 1,
        item_ordinal: i + 1,
        clause_index: null,
        section_ordinal: (i % 8) + 1,
        position: i + 1,
        origin: 'item',
        title: `任务${i + 1}`,
        text: `任务${i + 1}的内容。`,
        span_start: null,
        span_end: null,
        owner_unit_id: office,
        parent_task_id: null,
        lead_unit_id: departments[i]!,
        due_date: '2021-12-31',
        milestones: '[]',
        status: 'open',
        closed_at: null,
        closed_by: null,
        closed_comment: null,
        published_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()).id;
    tasks.push({ id, lead: departments[i]! });
    const rows = [{ task_id: id, unit_id: departments[i]!, role: 'lead', acknowledged_at: at, acknowledged_by: null, percent: null, percent_due: null }];
    for (const c of counties) rows.push({ task_id: id, unit_id: c, role: 'locality', acknowledged_at: at, acknowledged_by: null, percent: null, percent_due: null });
    for (let j = 0; j < rows.length; j += 2000) await db.insertInto('task_units').values(rows.slice(j, j + 2000)).execute();
  }
  const rounds: number[] = [];
  for (let m = 1; m <= ROUNDS; m += 1) {
    const mm = String(m).padStart(2, '0');
    const end = new Date(Date.UTC(2021, m, 0)).toISOString().slice(0, 10);
    const due = m === 12 ? '2022-01-10' : `2021-${String(m + 1).padStart(2, '0')}-10`;
    rounds.push(
      (await db
        .insertInto('rounds')
        .values({ plan_id: plan, owner_unit_id: office, title: `2021年${m}月调度`, period_start: `2021-${mm}-01`, period_end: end, period: `2021-${mm}`, due_date: due, recurrence: 'monthly', created_by: null, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()).id,
    );
  }

  // Reports: 2% missing, 5% late, the rest on time; all accepted but the last round's 3%.
  let count = 0;
  const signer = { id: 1, login: 'bench.office' };
  for (let r = 0; r < ROUNDS; r += 1) {
    const due = deadlineInstant(r === 11 ? '2022-01-10' : `2021-${String(r + 2).padStart(2, '0')}-10`).getTime();
    let batch: ReportRecord[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await recordReports(batch, { seal: false, batch: `bench round ${r + 1}` }, ctx);
      count += batch.length;
      batch = [];
    };
    for (const t of tasks) {
      for (const unitId of [t.lead, ...counties]) {
        const roll = random();
        if (roll < 0.02) continue;
        const submitted = new Date(due - 86_400_000 + (roll < 0.07 ? 3 * 86_400_000 : 0)).toISOString();
        const percent = Math.min(100, Math.round(((r + 1) / 12) * 100 - 15 + random() * 30));
        batch.push({
          roundId: rounds[r]!,
          taskId: t.id,
          unitId,
          progress: '按计划推进。',
          percent,
          submittedAt: submitted,
          signatory: signer,
          review: r === 11 && random() < 0.03 ? null : { accept: true, at: new Date(due + 2 * 86_400_000).toISOString(), by: 1 },
        });
        if (batch.length >= 50_000) await flush();
      }
    }
    await flush();
  }
  await handle.close();
  return { file, planId: plan, reports: count, seconds: (Date.now() - started) / 1000, signatories };
}

/** The SQL the overview stands on, prepared once and run bare. */
function bareOverview(file: string, planId: number): () => void {
  const conn = new Database(file, { readonly: true });
  const plan = conn.prepare('SELECT id, owner_unit_id, light_rules, published_version FROM plans WHERE id = ?');
  const tasks = conn.prepare('SELECT * FROM tasks WHERE plan_id = ? AND owner_unit_id = ? ORDER BY position, id');
  const leads = conn.prepare(
    "SELECT r.task_id, r.round_id, r.status, r.percent, r.first_submitted_at, r.reviewed_at FROM reports r JOIN tasks t ON t.id = r.task_id AND t.lead_unit_id = r.unit_id WHERE t.plan_id = ? AND t.owner_unit_id = ?",
  );
  const rounds = conn.prepare('SELECT * FROM rounds WHERE plan_id = ? ORDER BY due_date, id');
  const units = conn.prepare(
    `SELECT tu.unit_id, count(*) AS tasks, sum(CASE WHEN tu.role = 'lead' THEN 1 ELSE 0 END) AS lead, sum(CASE WHEN t.status = 'closed' THEN 1 ELSE 0 END) AS closed,
       avg(tu.percent) AS percent, sum(CASE WHEN tu.acknowledged_at IS NOT NULL THEN 1 ELSE 0 END) AS acknowledged,
       sum(CASE WHEN r.first_submitted_at > ? AND t.published_at < ? AND (t.closed_at IS NULL OR t.closed_at > ?) THEN 1 ELSE 0 END) AS late,
       sum(CASE WHEN r.first_submitted_at IS NULL AND t.published_at < ? AND (t.closed_at IS NULL OR t.closed_at > ?) THEN 1 ELSE 0 END) AS missing
     FROM task_units tu JOIN tasks t ON t.id = tu.task_id LEFT JOIN reports r ON r.round_id = ? AND r.task_id = tu.task_id AND r.unit_id = tu.unit_id
     WHERE t.plan_id = ? AND t.owner_unit_id = ? GROUP BY tu.unit_id ORDER BY tu.unit_id`,
  );
  const late = conn.prepare(
    `SELECT tu.task_id, tu.unit_id, r.first_submitted_at FROM task_units tu JOIN tasks t ON t.id = tu.task_id
       LEFT JOIN reports r ON r.round_id = ? AND r.task_id = tu.task_id AND r.unit_id = tu.unit_id
     WHERE t.plan_id = ? AND t.owner_unit_id = ? AND t.published_at < ? AND (t.closed_at IS NULL OR t.closed_at > ?) AND (r.first_submitted_at IS NULL OR r.first_submitted_at > ?) LIMIT 200`,
  );
  return () => {
    const p = plan.get(planId) as { owner_unit_id: number };
    tasks.all(planId, p.owner_unit_id);
    leads.all(planId, p.owner_unit_id);
    const rs = rounds.all(planId) as { id: number; due_date: string }[];
    const last = rs.at(-1)!;
    const due = deadlineInstant(last.due_date).toISOString();
    units.all(due, due, due, due, due, last.id, planId, p.owner_unit_id);
    late.all(last.id, planId, p.owner_unit_id, due, due, due);
  };
}

export async function overviewBench(g: Generated): Promise<{ ours: number[]; bare: number[]; afterWrite: number[]; bareAfterWrite: number[]; bytes: number }> {
  const config = loadConfig({ DATABASE_URL: `sqlite:${g.file}`, LUOSHI_SECRET: SECRET, LUOSHI_DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', REMINDER_INTERVAL_MINUTES: '0' });
  const server = await startServer(config, { now: () => new Date(NOW) });
  const bare = bareOverview(g.file, g.planId);
  try {
    const client = new Client(server.url);
    const login = await client.login('bench.office', PASSWORD);
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const url = `/api/plans/${g.planId}/overview`;
    let bytes = 0;
    for (let i = 0; i < 3; i += 1) {
      const r = await client.request('GET', url);
      bytes = (await r.arrayBuffer()).byteLength;
      if (r.status !== 200) throw new Error(`overview: ${r.status}`);
      bare();
    }
    const ours: number[] = [];
    const bareTimes: number[] = [];
    // Alternate, so that a busy neighbour slows both alike.
    for (let i = 0; i < REQUESTS; i += 1) {
      let t = process.hrtime.bigint();
      const r = await client.request('GET', url);
      await r.arrayBuffer();
      ours.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      bare();
      bareTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    // After a write: the office renames a task (a real, audited write through the use case)
    // before each request, so nothing derived from the rows can be reused.
    const handle = openDatabase(config.database);
    const afterWrite: number[] = [];
    const bareAfterWrite: number[] = [];
    try {
      const officeUser = await handle.db.selectFrom('users').select(['id', 'unit_id']).where('login', '=', 'bench.office').executeTakeFirstOrThrow();
      const taskId = (await handle.db.selectFrom('tasks').select('id').where('plan_id', '=', g.planId).orderBy('id').executeTakeFirstOrThrow()).id;
      const ctx: ServiceContext = {
        db: handle.db,
        dialect: 'sqlite',
        config,
        clock: { now: () => new Date(NOW) },
        actor: { kind: 'user', userId: officeUser.id, login: 'bench.office', unitId: officeUser.unit_id, role: 'office' },
        log: silentLogger,
      };
      for (let i = 0; i < Math.max(5, Math.round(REQUESTS / 2)); i += 1) {
        await updateTask(taskId, { title: `任务1（第${i + 1}次修改）` }, ctx);
        let t = process.hrtime.bigint();
        const r = await client.request('GET', url);
        await r.arrayBuffer();
        afterWrite.push(Number(process.hrtime.bigint() - t) / 1e6);
        t = process.hrtime.bigint();
        bare();
        bareAfterWrite.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    } finally {
      await handle.close();
    }
    const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
    return { ours: sorted(ours), bare: sorted(bareTimes), afterWrite: sorted(afterWrite), bareAfterWrite: sorted(bareAfterWrite), bytes };
  } finally {
    await server.close();
  }
}

interface Rates {
  /** Submissions per second, and bare inserts per second, over the same wall-clock blocks. */
  ours: number;
  bare: number;
  /** Bare CPU time over ours (user + system): the ratio less bent by busy neighbours. */
  cpuRatio: number;
}

/**
 * Report submissions against bare INSERTs of the same rows (each its own transaction), in
 * alternating blocks so that a busy neighbour on a shared machine slows both alike:
 * - one at a time: submit-report per report (claim, seal, audit event, commit), as the route does;
 * - a unit's round at once: submit-reports for each signatory's drafts of the round (each
 *   manifest of the reports' digests sealed once, one transaction and one audit event per unit).
 */
export async function submissionBench(g: Generated): Promise<{ single: Rates; batch: Rates; algorithm: string }> {
  // LUOSHI_SEAL_ALGORITHM=ed25519 measures the other seal; by default the installation's own (SM2).
  const sealEnv = process.env.LUOSHI_SEAL_ALGORITHM ? { LUOSHI_SEAL_ALGORITHM: process.env.LUOSHI_SEAL_ALGORITHM } : {};
  const config = loadConfig({ DATABASE_URL: `sqlite:${g.file}`, LUOSHI_SECRET: SECRET, LOG_LEVEL: 'silent', LUOSHI_DEMO: 'false', ...sealEnv });
  const handle = openDatabase(config.database);
  const db = handle.db;
  const conn = new Database(g.file);
  try {
    const base: ServiceContext = { db, dialect: 'sqlite', config, clock: { now: () => new Date(NOW) }, actor: SYSTEM_ACTOR, log: silentLogger };
    const at = '2025-12-01T00:00:00.000Z';
    const office = (await db.selectFrom('units').select('id').where('code', '=', 'office').executeTakeFirstOrThrow()).id;
    const newRound = async (title: string, month: number) => {
      const mm = String(month).padStart(2, '0');
      return (await db
        .insertInto('rounds')
        .values({ plan_id: g.planId, owner_unit_id: office, title, period_start: `2025-${mm}-01`, period_end: `2025-${mm}-28`, period: `2025-${mm}`, due_date: '2025-12-10', recurrence: 'none', created_by: null, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()).id;
    };
    const tasks = (await db.selectFrom('tasks').select('id').where('plan_id', '=', g.planId).orderBy('id').execute()).map((t) => t.id);
    // Each signatory's unit reports on every task (a county is a locality of all 50).
    const pairs: { taskId: number; signer: Generated['signatories'][number] }[] = [];
    for (let i = 0; pairs.length < SUBMISSIONS; i += 1) pairs.push({ taskId: tasks[i % tasks.length]!, signer: g.signatories[Math.floor(i / tasks.length) % g.signatories.length]! });
    const draft = (taskId: number, unitId: number, roundId: number) => ({
      round_id: roundId,
      task_id: taskId,
      unit_id: unitId,
      status: 'draft',
      progress: '本月完成既定工作，重点项目按计划推进。',
      problems: '',
      next_steps: '',
      percent: 50,
      indicator_values: '[]',
      revision: 1,
      created_by: null,
      created_at: at,
      updated_at: at,
    });
    const single = await newRound('基准调度（逐条报送）', 11);
    const batch = await newRound('基准调度（整批报送）', 10);
    for (const r of [single, batch]) await db.insertInto('reports').values(pairs.map((p) => draft(p.taskId, p.signer.unitId, r))).execute();
    // Keys are made once per unit (a scrypt run each), before the clock starts, with the seal
    // the submissions will use: the installation's default (SM2 on a new installation).
    const algorithm = await defaultSealAlgorithm(base);
    for (const s of g.signatories) await db.transaction().execute((trx) => ensureUnitKey(trx, base, s.unitId, algorithm));
    const actor = (s: Generated['signatories'][number]): Actor => ({ kind: 'user', userId: s.userId, login: s.login, unitId: s.unitId, role: 'signatory' });

    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = NORMAL');
    const insert = conn.prepare(
      `INSERT INTO reports (round_id, task_id, unit_id, status, progress, problems, next_steps, percent, indicator_values, revision, created_at, updated_at, first_submitted_at, submitted_at, algorithm, key_id, signature)
       VALUES (?, ?, ?, 'submitted', ?, '', '', 50, '[]', 1, ?, ?, ?, ?, ?, 'k', ?)`,
    );
    const clock = () => ({ wall: process.hrtime.bigint(), cpu: process.cpuUsage() });
    const since = (t: ReturnType<typeof clock>) => {
      const cpu = process.cpuUsage(t.cpu);
      return { wall: Number(process.hrtime.bigint() - t.wall) / 1e9, cpu: (cpu.user + cpu.system) / 1e6 };
    };
    const measure = async (blocks: (typeof pairs)[], ours: (block: typeof pairs) => Promise<void>, month: number): Promise<Rates> => {
      // Bare: the same rows, into a round of their own.
      const bareRound = await newRound(`基准插入${month}`, month);
      const spent = { ours: { wall: 0, cpu: 0 }, bare: { wall: 0, cpu: 0 } };
      for (const block of blocks) {
        let t = clock();
        await ours(block);
        let d = since(t);
        spent.ours.wall += d.wall;
        spent.ours.cpu += d.cpu;
        t = clock();
        for (const p of block) insert.run(bareRound, p.taskId, p.signer.unitId, '本月完成既定工作，重点项目按计划推进。', at, at, at, at, algorithm, 'x'.repeat(96));
        d = since(t);
        spent.bare.wall += d.wall;
        spent.bare.cpu += d.cpu;
      }
      return { ours: pairs.length / spent.ours.wall, bare: pairs.length / spent.bare.wall, cpuRatio: spent.bare.cpu / spent.ours.cpu };
    };
    const chunks = (size: number) => Array.from({ length: Math.ceil(pairs.length / size) }, (_, i) => pairs.slice(i * size, (i + 1) * size));
    const one = await measure(
      chunks(25),
      async (block) => {
        for (const p of block) await submitReport(single, p.taskId, {}, { ...base, actor: actor(p.signer) });
      },
      9,
    );
    const groups = new Map<number, typeof pairs>();
    for (const p of pairs) groups.set(p.signer.unitId, [...(groups.get(p.signer.unitId) ?? []), p]);
    const bySigner = [...groups.values()];
    const all = await measure(
      bySigner,
      async (block) => {
        const sealed = await submitReports(batch, { taskIds: block.map((p) => p.taskId) }, { ...base, actor: actor(block[0]!.signer) });
        if (sealed.length !== block.length) throw new Error(`sealed ${sealed.length} of ${block.length}`);
      },
      8,
    );
    return { single: one, batch: all, algorithm };
  } finally {
    conn.close();
    await handle.close();
  }
}

export async function runLedgerBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-ledger-bench-'));
  try {
    const g = await generate(dir);
    const sizeMB = fs.statSync(g.file).size / 1048576;
    console.log(`\n## Ledger at scale: ${UNITS.toLocaleString('en')} reporting units × ${TASKS} tasks × ${ROUNDS} rounds (LEDGER_UNITS; LEDGER_SCALE=full for 3,300)`);
    console.log(`generated ${g.reports.toLocaleString('en')} reports through the bulk path in ${g.seconds.toFixed(1)} s (${Math.round(g.reports / g.seconds).toLocaleString('en')}/s), database ${sizeMB.toFixed(0)} MB`);
    const o = await overviewBench(g);
    const p50 = percentile(o.ours, 50);
    const p95 = percentile(o.ours, 95);
    const b50 = percentile(o.bare, 50);
    const b95 = percentile(o.bare, 95);
    console.log(`GET /api/plans/:id/overview (${REQUESTS} requests, ${Math.round(o.bytes / 1024)} KB): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    console.log(`bare SQL aggregation (better-sqlite3, same DB):      p50 ${b50.toFixed(1)} ms, p95 ${b95.toFixed(1)} ms`);
    console.log(`ratio overview/bare: p50 ${(p50 / b50).toFixed(2)}, p95 ${(p95 / b95).toFixed(2)} (aim ≤ 1.5; p95 aim < 100 ms)`);
    const w50 = percentile(o.afterWrite, 50);
    const w95 = percentile(o.afterWrite, 95);
    const wb50 = percentile(o.bareAfterWrite, 50);
    const wb95 = percentile(o.bareAfterWrite, 95);
    console.log(`the same, each request right after a write (${o.afterWrite.length} requests; nothing reused): p50 ${w50.toFixed(1)} ms, p95 ${w95.toFixed(1)} ms; bare p50 ${wb50.toFixed(1)} ms, p95 ${wb95.toFixed(1)} ms; ratio p50 ${(w50 / wb50).toFixed(2)}, p95 ${(w95 / wb95).toFixed(2)}`);
    const s = await submissionBench(g);
    const line = (label: string, r: Rates) =>
      console.log(`${label}: ${Math.round(r.ours).toLocaleString('en')}/s against ${Math.round(r.bare).toLocaleString('en')}/s bare single-row INSERTs; ratio ${(r.ours / r.bare).toFixed(3)} (aim ≥ 0.25), by CPU time ${r.cpuRatio.toFixed(3)}`);
    console.log(`seal: ${s.algorithm} (${process.env.LUOSHI_SEAL_ALGORITHM ? 'LUOSHI_SEAL_ALGORITHM' : "the installation's default"})`);
    line('report submissions one at a time (claim + seal + audit event + commit each)', s.single);
    line("report submissions a unit's round at once (批量签发: one seal over the batch's manifest of report digests; one commit and audit event per unit)", s.batch);
  } finally {
    if (process.env.LEDGER_KEEP) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === pathToFileURL(fileURLToPath(import.meta.url)).href) {
  await runLedgerBench();
}
