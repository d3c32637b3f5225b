/**
 * The office's consultation list with 500 consultations (22 recipients each, 5 sealed
 * replies each), on SQLite: GET /api/consultations and the listConsultations service,
 * against the bare SQL that reads the same rows (one join, no mapping) in the same run.
 * The old way — one loadConsultationState per consultation, 3N+1 queries — is measured too.
 *
 * `npx tsx bench/list-consultations.ts`, or runListConsultationsBench() from bench/run.ts.
 * Environment: CONSULTATIONS (default 500), BENCH_SECONDS (default 5).
 */
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { Bench } from 'tinybench';
import { SYSTEM_ACTOR } from '../src/domain/policy.js';
import { listConsultations } from '../src/services/list-consultations.js';
import type { ServiceContext } from '../src/services/support/context.js';
import { systemClock } from '../src/services/support/context.js';
import { loadConsultationState } from '../src/services/support/consultation-rows.js';
import { loginAs, makePlan } from '../test/helpers/factories.js';
import { startTestServer } from '../test/helpers/test-server.js';

const COUNT = Number(process.env.CONSULTATIONS ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

export async function runListConsultationsBench(): Promise<void> {
  const t = await startTestServer({ env: { LOG_LEVEL: 'warn', REMINDER_INTERVAL_MINUTES: '0' } });
  try {
    const db = t.server.handle.db;
    const office = await loginAs(t, 'office');
    const planId = await makePlan(office, 'bench');
    const version = await db.selectFrom('plan_versions').select('id').where('plan_id', '=', planId).executeTakeFirstOrThrow();
    const units = (await db.selectFrom('units').select('id').where('member', '=', 1).orderBy('id').limit(22).execute()).map((u) => u.id);
    const at = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < COUNT; i++) {
        const c = await trx
          .insertInto('consultations')
          .values({
            plan_id: planId,
            version_id: version.id,
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
    const ctx: ServiceContext = { db, dialect: t.server.handle.dialect, config: t.config, clock: systemClock, actor: SYSTEM_ACTOR, log: { info() {}, warn() {}, error() {} } };
    const manager = { ...ctx, actor: { kind: 'user' as const, userId: 0, login: 'office', unitId: 0, role: 'office' as const } };
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
    const oldWay = async () => {
      const ids = await db.selectFrom('consultations').select('id').orderBy('id', 'desc').execute();
      for (const { id } of ids) await loadConsultationState(db, systemClock, id);
    };
    const bench = new Bench({ time: SECONDS * 1000 });
    bench
      .add('baseline: the same three queries as bare SQL', async () => void (await bare()))
      .add('listConsultations (3 queries)', async () => void (await listConsultations(manager)))
      .add('GET /api/consultations', async () => {
        const r = await office.request('GET', '/api/consultations');
        if (r.status !== 200) throw new Error(`status ${r.status}`);
        await r.arrayBuffer();
      })
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
    const [base, service, http, old] = [0, 1, 2, 3].map(mean) as [number, number, number, number];
    console.log(`\n## Consultation list: ${COUNT} consultations × 22 recipients, SQLite (${SECONDS}s each)`);
    console.log(`bare SQL (same 3 queries):       ${base.toFixed(1)} ms`);
    console.log(`listConsultations (3 queries):   ${service.toFixed(1)} ms   ratio service/bare ${(service / base).toFixed(2)}`);
    console.log(`GET /api/consultations:          ${http.toFixed(1)} ms   ratio endpoint/bare ${(http / base).toFixed(2)}`);
    console.log(`old 3N+1 (per consultation):     ${old.toFixed(1)} ms   ratio old/bare ${(old / base).toFixed(2)}, old/new ${(old / service).toFixed(1)}`);
  } finally {
    await t.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runListConsultationsBench();
