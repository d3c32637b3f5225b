import { sql } from 'kysely';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { computeRegisterRollups } from './support/compute-register-rollups.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadEvaluation } from './support/evaluation-rows.js';
import type { EvaluationView } from './support/evaluation-rows.js';
import { jsonText } from '../db/json-fields.js';
import { loadRegister, openChange, rowValues } from './support/register-store.js';
import type { RowChange } from './support/register-store.js';

/**
 * The office confirms an evaluation: every listed row must have been scored; the proposed
 * standings (警告, 退出 …) are then written to the rows as one audited change, and scores
 * are frozen. Until this, proposals change nothing.
 */
export async function confirmEvaluation(evaluationId: number, ctx: ServiceContext): Promise<EvaluationView> {
  authorize(ctx.actor, 'register.evaluate');
  const evaluation = await loadEvaluation(ctx.db, evaluationId);
  const register = await loadRegister(ctx.db, evaluation.registerId);
  const config = register.definition.evaluation!;
  await inTransaction(ctx, async (trx) => {
    const at = nowIso(ctx);
    const claimed = await trx
      .updateTable('register_evaluations')
      .set({ status: 'confirmed', confirmed_at: at })
      .where('id', '=', evaluationId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw fail('evaluation_not_open');
    const unscored = await trx
      .selectFrom('register_rows')
      .select(sql<number>`count(*)`.as('n'))
      .where('register_id', '=', register.id)
      .where(jsonText(ctx.dialect, 'data', config.statusField), '!=', config.statuses.removed)
      .where('id', 'not in', trx.selectFrom('register_scores').select('row_id').where('evaluation_id', '=', evaluationId))
      .executeTakeFirstOrThrow();
    if (Number(unscored.n) > 0) throw fail('evaluation_incomplete', { count: Number(unscored.n) });
    const scores = await trx
      .selectFrom('register_scores')
      .innerJoin('register_rows', 'register_rows.id', 'register_scores.row_id')
      .select(['register_rows.id', 'register_rows.data', 'register_rows.version', 'register_scores.proposed_status'])
      .where('register_scores.evaluation_id', '=', evaluationId)
      .execute();
    const changes: RowChange[] = [];
    for (const s of scores) {
      const before = rowValues(s.data);
      if (s.proposed_status === null || before[config.statusField] === s.proposed_status) continue;
      const after = { ...before, [config.statusField]: s.proposed_status };
      await trx.updateTable('register_rows').set({ data: JSON.stringify(after), version: s.version + 1, updated_at: at }).where('id', '=', s.id).execute();
      changes.push({ rowId: s.id, before, after });
    }
    const change = await openChange(trx, ctx.actor, ctx.clock, register.id, 'evaluation');
    await change.add(changes);
    await change.close({ evaluationId, year: evaluation.year, statusChanges: changes.length });
    await computeRegisterRollups(trx, ctx.dialect, register, at);
  });
  return loadEvaluation(ctx.db, evaluationId);
}
