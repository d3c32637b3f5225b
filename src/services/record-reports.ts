import { sql } from 'kysely';
import { authorize } from '../domain/policy.js';
import { signPayload } from '../security/seal.js';
import { serverSecret } from '../security/server-secret.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { loadRound } from './support/ledger-rows.js';
import type { RoundRow } from './support/ledger-rows.js';
import { reportPayloadOf } from './support/report-rows.js';
import { ensureUnitKey } from './support/unit-keys.js';
import type { UnitKey } from './support/unit-keys.js';
import { defaultSealAlgorithm } from './support/seal-default.js';

export interface ReportRecord {
  roundId: number;
  taskId: number;
  unitId: number;
  progress: string;
  problems?: string;
  nextSteps?: string;
  percent: number;
  indicators?: { indicatorId: number; value: number }[];
  /** When the unit's signatory sealed it (ISO). */
  submittedAt: string;
  signatory: { id: number; login: string };
  /** The office's review, if any (acceptance makes its figures count). */
  review: { accept: boolean; at: string; by: number | null; comment?: string } | null;
}

const CHUNK = 200;

/**
 * The bulk path: records many submitted (and reviewed) reports at once, each sealed with its
 * unit's key exactly as submit-report does, in one transaction with one audit event for the
 * batch. For loading reports run on paper or elsewhere, the demo and the benchmark — not for
 * a unit's own reporting, which goes through save/submit/review one report at a time.
 */
export async function recordReports(records: ReportRecord[], options: { seal: boolean; batch: string }, ctx: ServiceContext): Promise<{ count: number; firstId: number | null }> {
  authorize(ctx.actor, 'demo.load');
  if (records.length === 0) return { count: 0, firstId: null };
  const algorithm = await defaultSealAlgorithm(ctx);
  const rounds = new Map<number, RoundRow>();
  for (const id of new Set(records.map((r) => r.roundId))) rounds.set(id, await loadRound(ctx.db, id));
  return inTransaction(ctx, async (trx) => {
    // Taking the audit head first serialises this batch with every other audited write, so
    // the ids handed out below stay ours.
    await trx.updateTable('audit_head').set({ seq: sql`seq` }).where('id', '=', 1).execute();
    const max = await trx.selectFrom('reports').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
    let nextId = Number(max?.m ?? 0) + 1;
    const firstId = nextId;
    const keys = new Map<number, UnitKey>();
    const codes = new Map((await trx.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.id, u.code]));
    const secret = options.seal ? serverSecret(ctx.config) : '';
    for (let i = 0; i < records.length; i += CHUNK) {
      const rows = [];
      for (const r of records.slice(i, i + CHUNK)) {
        const id = nextId++;
        const indicators = r.indicators ?? [];
        let seal: { algorithm: string; key_id: string; signature: string } | null = null;
        if (options.seal) {
          let key = keys.get(r.unitId);
          if (!key) {
            key = await ensureUnitKey(trx, ctx, r.unitId, algorithm);
            keys.set(r.unitId, key);
          }
          const payload = reportPayloadOf(
            {
              id,
              roundId: r.roundId,
              taskId: r.taskId,
              unitId: r.unitId,
              revision: 1,
              progress: r.progress,
              problems: r.problems ?? '',
              nextSteps: r.nextSteps ?? '',
              percent: r.percent,
              indicators,
              attachments: [],
            },
            { unitCode: codes.get(r.unitId) ?? '', signatory: r.signatory, sealedAt: r.submittedAt, algorithm, keyId: key.keyId },
          );
          seal = { algorithm, key_id: key.keyId, signature: signPayload(payload, key, secret) };
        }
        rows.push({
          id,
          round_id: r.roundId,
          task_id: r.taskId,
          unit_id: r.unitId,
          status: r.review === null ? 'submitted' : r.review.accept ? 'accepted' : 'returned',
          progress: r.progress,
          problems: r.problems ?? '',
          next_steps: r.nextSteps ?? '',
          percent: r.percent,
          indicator_values: JSON.stringify(indicators),
          revision: 1,
          created_by: r.signatory.id,
          created_at: r.submittedAt,
          updated_at: r.review?.at ?? r.submittedAt,
          first_submitted_at: r.submittedAt,
          submitted_by: r.signatory.id,
          submitted_at: r.submittedAt,
          algorithm: seal?.algorithm ?? null,
          key_id: seal?.key_id ?? null,
          signature: seal?.signature ?? null,
          reviewed_by: r.review?.by ?? null,
          reviewed_at: r.review?.at ?? null,
          review_comment: r.review?.comment ?? null,
        });
      }
      await trx.insertInto('reports').values(rows).execute();
    }
    if (ctx.dialect === 'postgres') {
      await sql`SELECT setval(pg_get_serial_sequence('reports', 'id'), (SELECT max(id) FROM reports))`.execute(trx);
    }
    await applyAccepted(trx, records, rounds);
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'report.record',
      entity: 'round',
      entityId: [...rounds.keys()].join(','),
      detail: { batch: options.batch, count: records.length, firstId, lastId: nextId - 1, sealed: options.seal },
    });
    return { count: records.length, firstId };
  });
}

/** Accepted reports' figures count: indicator values per period, and each unit's latest percent. */
async function applyAccepted(trx: Tx, records: ReportRecord[], rounds: Map<number, RoundRow>): Promise<void> {
  const tasks = new Set<number>();
  for (const r of records) {
    if (!r.review?.accept) continue;
    tasks.add(r.taskId);
    const round = rounds.get(r.roundId)!;
    for (const v of r.indicators ?? []) {
      await trx
        .insertInto('indicator_values')
        .values({ indicator_id: v.indicatorId, unit_id: r.unitId, period: round.period, value: v.value, source: 'report', report_id: null, updated_at: r.review.at })
        .onConflict((oc) => oc.columns(['indicator_id', 'unit_id', 'period', 'source']).doUpdateSet({ value: v.value, updated_at: r.review!.at }))
        .execute();
    }
  }
  if (tasks.size === 0) return;
  // One statement for the whole batch: each unit's latest accepted report, by round due date.
  const latest = (column: 'percent' | 'due_date') => sql`(
    SELECT ${sql.ref(column === 'percent' ? 'r.percent' : 'ro.due_date')} FROM reports r JOIN rounds ro ON ro.id = r.round_id
    WHERE r.task_id = task_units.task_id AND r.unit_id = task_units.unit_id AND r.status = 'accepted'
    ORDER BY ro.due_date DESC, r.id DESC LIMIT 1)`;
  await sql`UPDATE task_units SET percent = ${latest('percent')}, percent_due = ${latest('due_date')}
    WHERE task_id IN (${sql.join([...tasks])})`.execute(trx);
}
