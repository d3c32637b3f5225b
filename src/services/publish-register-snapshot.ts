import { fail } from '../domain/errors.js';
import { GRADE_LABELS } from '../domain/evaluation.js';
import { authorize } from '../domain/policy.js';
import type { Grade } from '../domain/register-definition.js';
import type { StoredValue } from '../domain/register-values.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { loadEvaluation } from './support/evaluation-rows.js';
import type { EvaluationView } from './support/evaluation-rows.js';
import { loadRegister, rowValues } from './support/register-store.js';
import type { LoadedRegister } from './support/register-store.js';

export interface SnapshotField {
  name: string;
  nameEn?: string | undefined;
  type: string;
}

/**
 * A published snapshot: the register's public fields (never the others) and its rows as
 * they were at publication, stored as one frozen document that later edits never change.
 */
async function writeSnapshot(
  trx: Tx,
  ctx: ServiceContext,
  register: LoadedRegister,
  label: string,
  extra?: { fields: SnapshotField[]; valuesOf: (rowId: number) => StoredValue[] | null },
): Promise<number> {
  const fields: SnapshotField[] = register.definition.fields.filter((f) => f.public).map((f) => ({ name: f.name, nameEn: f.nameEn, type: f.type }));
  const rows: StoredValue[][] = [];
  let after = 0;
  for (;;) {
    const page = await trx.selectFrom('register_rows').select(['id', 'data']).where('register_id', '=', register.id).where('id', '>', after).orderBy('id').limit(2000).execute();
    for (const r of page) {
      const values = rowValues(r.data);
      const more = extra ? extra.valuesOf(r.id) : [];
      if (more === null) continue;
      rows.push([...fields.map((f) => values[f.name] ?? null), ...more]);
    }
    if (page.length < 2000) break;
    after = page[page.length - 1]!.id;
  }
  const allFields = [...fields, ...(extra?.fields ?? [])];
  const clash = await trx.selectFrom('register_snapshots').select('id').where('register_id', '=', register.id).where('label', '=', label).executeTakeFirst();
  if (clash) throw fail('conflict');
  const at = nowIso(ctx);
  const row = await trx
    .insertInto('register_snapshots')
    .values({ register_id: register.id, label, fields: JSON.stringify(allFields), rows: JSON.stringify(rows), row_count: rows.length, published_at: at, published_by: ctx.actor.login })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, ctx.actor, ctx.clock, { action: 'register.publish', entity: 'register_snapshot', entityId: row.id, detail: { registerId: register.id, label, rows: rows.length, fields: allFields.map((f) => f.name) } });
  return row.id;
}

/** Publishes the register as it stands now, under a label such as “2021年”. */
export async function publishRegisterSnapshot(registerId: number, label: string, ctx: ServiceContext): Promise<{ id: number; label: string; rowCount: number; publishedAt: string }> {
  authorize(ctx.actor, 'register.publish');
  const register = await loadRegister(ctx.db, registerId);
  const id = await inTransaction(ctx, (trx) => writeSnapshot(trx, ctx, register, label));
  const s = await ctx.db.selectFrom('register_snapshots').select(['id', 'label', 'row_count', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id: s.id, label: s.label, rowCount: s.row_count, publishedAt: s.published_at };
}

/** Publishes a confirmed evaluation: the evaluated rows with their total and grade, frozen. */
export async function publishEvaluation(evaluationId: number, ctx: ServiceContext): Promise<EvaluationView> {
  authorize(ctx.actor, 'register.publish');
  const evaluation = await loadEvaluation(ctx.db, evaluationId);
  const register = await loadRegister(ctx.db, evaluation.registerId);
  const scored = new Map(evaluation.scores.map((s) => [s.rowId, s]));
  await inTransaction(ctx, async (trx) => {
    const at = nowIso(ctx);
    const claimed = await trx
      .updateTable('register_evaluations')
      .set({ status: 'published', published_at: at })
      .where('id', '=', evaluationId)
      .where('status', '=', 'confirmed')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw fail('evaluation_not_confirmed');
    const snapshotId = await writeSnapshot(trx, ctx, register, `${evaluation.year}年度评估`, {
      fields: [
        { name: '评估得分', nameEn: 'Score', type: 'number' },
        { name: '评估等级', nameEn: 'Grade', type: 'text' },
      ],
      valuesOf: (rowId) => {
        const s = scored.get(rowId);
        return s ? [s.total, GRADE_LABELS[s.grade as Grade].zh] : null;
      },
    });
    await trx.updateTable('register_evaluations').set({ snapshot_id: snapshotId }).where('id', '=', evaluationId).execute();
  });
  return loadEvaluation(ctx.db, evaluationId);
}

export async function listSnapshots(registerId: number, ctx: ServiceContext): Promise<{ id: number; label: string; rowCount: number; publishedAt: string }[]> {
  authorize(ctx.actor, 'register.read');
  const rows = await ctx.db.selectFrom('register_snapshots').select(['id', 'label', 'row_count', 'published_at']).where('register_id', '=', registerId).orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, label: r.label, rowCount: r.row_count, publishedAt: r.published_at }));
}
