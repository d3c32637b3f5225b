/**
 * The office's consultation list with 500 consultations (22 recipients each, 5 sealed
 * replies each): GET /api/consultations (over fastify's inject and over real HTTP) and the
 * listConsultations service, against the bare SQL that reads the same rows (one join, no
 * mapping) in the same run. The old way — one loadConsultationState per consultation, 3N+1
 * queries — is measured too.
 *
 * It also counts the SQL statements one GET /api/consultations issues (through Kysely's
 * `log` hook, on an app built over the same database) at 50 and at 500 consultations, and
 * fails if the count grows with N.
 *
 * `npx tsx bench/list-consultations.ts`, or runListConsultationsBench() from bench/run.ts.
 * Environment: CONSULTATIONS (default 500), FEW_CONSULTATIONS (default 50), BENCH_SECONDS
 * (default 5), BENCH_DIALECT (sqlite, the default, or postgres with TEST_DATABASE_URL set).
 */
import { pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { LogEvent } from 'kysely';
import pg from 'pg';
import { Bench } from 'tinybench';
import type { DatabaseHandle } from '../src/db/connect.js';
import type { Database } from '../src/db/schema.js';
import { SYSTEM_ACTOR } from '../src/domain/policy.js';
import { buildApp } from '../src/server/app.js';
import { listConsultations } from '../src/services/list-consultations.js';
import type { ServiceContext } from '../src/services/support/context.js';
import { systemClock } from '../src/services/support/context.js';
import { loadConsultationState } from '../src/services/support/consultation-rows.js';
import { loginAs, makePlan } from '../test/helpers/factories.js';
import { DEMO_PASSWORD, startTestServer } from '../test/helpers/test-server.js';
import type { TestServer } from '../test/helpers/test-server.js';

const COUNT = Number(process.env.CONSULTATIONS ?? 500);
const FEW = Number(process.env.FEW_CONSULTATIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const DIALECT = process.env.BENCH_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/** Consultations `from`…`to - 1` on one plan version, each sent to `units` with the first five replied (sealed 无意见). */
async function addConsultations(db: Kysely<Database>, planId: number, versionId: number, units: number[], from: number, to: number): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = from; i < to; i++) {
      const c = await trx
        .insertInto('consultations')
        .values({
          plan_id: planId,
          version_id: versionId,
          title: `征求意见 ${i}`,
          deadline: '2099-12-31',
          contact: '联系人',
          instructions: '',
          reminder_days: 0,
          missing_as_no_opinion: 0,
          closed_at: null,
          published_at: null,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('consultation_recipients').values(units.map((unitId) => ({ consultation_id: c.id, unit_id: unitId }))).execute();
      await trx
        .insertInto('replies')
        .values(
          units.slice(0, 5).map((unitId) => ({
            consultation_id: c.id,
            unit_id: unitId,
            status: 'sealed',
            no_opinion: 1,
            created_by: null,
            created_at: at,
            updated_at: at,
            sealed_by: null,
            sealed_at: at,
            algorithm: 'ed25519',
            key_id: 'bench',
            signature: 'bench',
            withdrawn_at: null,
          })),
        )
        .execute();
    }
  });
}

/**
 * A second Kysely over the server's database whose `log` hook counts every statement it
 * runs, and an app built on it: what one request costs in queries, measured from outside.
 */
async function countingApp(t: TestServer) {
  let queries = 0;
  const log = (event: LogEvent) => {
    if (event.level === 'query' || event.level === 'error') queries++;
  };
  const server = t.server.handle;
  const db =
    server.sqlite !== null
      ? new Kysely<Database>({ dialect: new SqliteDialect({ database: server.sqlite }), log })
      : new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: t.config.database.dialect === 'postgres' ? t.config.database.url : '', max: 2 }) }), log });
  // Closing this handle must not close the server's SQLite connection (the server owns it).
  const handle: DatabaseHandle = { db, dialect: server.dialect, sqlite: server.sqlite, close: async () => (server.sqlite ? undefined : db.destroy()) };
  const app = await buildApp({ config: t.config, handle, mailer: null });
  const login = await app.inject({ method: 'POST', url: '/api/session', payload: { login: 'office', password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`inject login: ${login.statusCode}`);
  const cookie = login.cookies.find((c) => c.name === 'luoshi_session')!;
  const headers = { cookie: `${cookie.name}=${cookie.value}` };
  const list = async () => {
    const r = await app.inject({ method: 'GET', url: '/api/consultations', headers });
    if (r.statusCode !== 200) throw new Error(`inject GET /api/consultations: ${r.statusCode}`);
    return r.json<{ consultations: unknown[] }>().consultations.length;
  };
  return {
    app,
    list,
    /** Statements one call of `run` issues, and what it returned. */
    async count<T>(run: () => Promise<T>): Promise<{ queries: number; result: T }> {
      queries = 0;
      const result = await run();
      return { queries, result };
    },
    countingDb: db,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

export async function runListConsultationsBench(): Promise<void> {
  const t = await startTestServer({ dialect: DIALECT, env: { LOG_LEVEL: 'warn', REMINDER_INTERVAL_MINUTES: '0' } });
  let counting: Awaited<ReturnType<typeof countingApp>> | undefined;
  try {
    const db = t.server.handle.db;
    const office = await loginAs(t, 'office');
    const planId = await makePlan(office, 'bench');
    const version = await db.selectFrom('plan_versions').select('id').where('plan_id', '=', planId).executeTakeFirstOrThrow();
    const units = (await db.selectFrom('units').select('id').where('member', '=', 1).orderBy('id').limit(22).execute()).map((u) => u.id);
    const app = await countingApp(t);
    counting = app;
    const oldWayOn = (on: Kysely<Database>) => async () => {
      const ids = await on.selectFrom('consultations').select('id').orderBy('id', 'desc').execute();
      for (const { id } of ids) await loadConsultationState(on, systemClock, id);
    };
    // Queries per request at FEW consultations, then at COUNT: constant for the endpoint,
    // 3N+1 for the old way.
    const officeActor = { kind: 'user' as const, userId: 0, login: 'office', unitId: 0, role: 'office' as const };
    const countedService = () =>
      listConsultations({ db: app.countingDb, dialect: t.server.handle.dialect, config: t.config, clock: systemClock, actor: officeActor, log: { info() {}, warn() {}, error() {} } });
    const queryCounts: { n: number; listed: number; endpoint: number; service: number; old: number }[] = [];
    for (const n of [FEW, COUNT]) {
      await addConsultations(db, planId, version.id, units, queryCounts.length === 0 ? 0 : FEW, n);
      await app.list(); // once first, so a session touch on the first request is not counted against N
      const endpoint = await app.count(app.list);
      const service = await app.count(countedService);
      const old = await app.count(oldWayOn(app.countingDb));
      queryCounts.push({ n, listed: endpoint.result, endpoint: endpoint.queries, service: service.queries, old: old.queries });
    }
    const ctx: ServiceContext = { db, dialect: t.server.handle.dialect, config: t.config, clock: systemClock, actor: SYSTEM_ACTOR, log: { info() {}, warn() {}, error() {} } };
    const manager = { ...ctx, actor: officeActor };
    const listed = await listConsultations(manager);
    if (listed.length < COUNT) throw new Error(`expected ${COUNT} consultations, listed ${listed.length}`);
    // The same three reads the service makes, as raw SQL with no mapping: what the list
    // costs at the least.
    const bare = () =>
      Promise.all([
        sql`SELECT c.*, pv.number, p.title AS plan_title FROM consultations c
            JOIN plan_versions pv ON pv.id = c.version_id JOIN plans p ON p.id = c.plan_id ORDER BY c.id DESC`.execute(db),
        sql`SELECT cr.consultation_id, u.id, u.code, u.short_name FROM consultation_recipients cr
            JOIN units u ON u.id = cr.unit_id ORDER BY u.sort_order, u.id`.execute(db),
        sql`SELECT id, consultation_id, unit_id, no_opinion, sealed_at FROM replies WHERE status = 'sealed'`.execute(db),
      ]);
    const oldWay = oldWayOn(db);
    const bench = new Bench({ time: SECONDS * 1000 });
    bench
      .add('baseline: the same three queries as bare SQL', async () => void (await bare()))
      .add('listConsultations (3 queries)', async () => void (await listConsultations(manager)))
      .add('GET /api/consultations', async () => {
        const r = await office.request('GET', '/api/consultations');
        if (r.status !== 200) throw new Error(`status ${r.status}`);
        await r.arrayBuffer();
      })
      .add('GET /api/consultations (inject, no socket)', async () => void (await app.list()))
      .add('old: loadConsultationState per consultation (3N+1)', oldWay);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result as { error?: unknown } | undefined;
      if (result?.error) console.error(`${task.name}: ${String(result.error)}`);
    }
    const mean = (i: number) => {
      const result = bench.tasks[i]?.result;
      return result && 'latency' in result ? result.latency.mean : NaN;
    };
    const [base, service, http, inject, old] = [0, 1, 2, 3, 4].map(mean) as [number, number, number, number, number];
    console.log(`\n## Consultation list: ${COUNT} consultations × 22 recipients, ${DIALECT === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${SECONDS}s each)`);
    console.log(`bare SQL (same 3 queries):       ${base.toFixed(1)} ms`);
    console.log(`listConsultations (3 queries):   ${service.toFixed(1)} ms   ratio service/bare ${(service / base).toFixed(2)}`);
    console.log(`GET /api/consultations (HTTP):   ${http.toFixed(1)} ms   ratio endpoint/bare ${(http / base).toFixed(2)}`);
    console.log(`GET /api/consultations (inject): ${inject.toFixed(1)} ms   ratio endpoint/bare ${(inject / base).toFixed(2)}`);
    console.log(`old 3N+1 (per consultation):     ${old.toFixed(1)} ms   ratio old/bare ${(old / base).toFixed(2)}, old/new ${(old / service).toFixed(1)}`);
    console.log('SQL statements per call (Kysely log hook; the endpoint count includes the session check):');
    for (const q of queryCounts) {
      console.log(`  ${String(q.n).padStart(4)} consultations (${q.listed} listed): GET /api/consultations ${q.endpoint} queries (listConsultations ${q.service}); old way ${q.old} queries`);
    }
    const [few, many] = queryCounts as [(typeof queryCounts)[0], (typeof queryCounts)[0]];
    const constant = few.endpoint === many.endpoint && few.service === many.service;
    console.log(`  endpoint queries constant in N: ${constant ? 'yes' : 'NO'} (${few.endpoint} at ${few.n}, ${many.endpoint} at ${many.n})`);
    if (!constant) throw new Error('GET /api/consultations issues more queries as consultations grow');
  } finally {
    await counting?.close();
    await t.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runListConsultationsBench();
