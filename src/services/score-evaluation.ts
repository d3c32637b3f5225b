import { sql } from 'kysely';
import { z } from 'zod';
import { fail } from '../domain/errors.js';
import { checkScores, gradeOf, proposeStatus, weightedTotal } from '../domain/evaluation.js';
import type { Grade } from '../domain/register-definition.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadEvaluation } from './support/evaluation-rows.js';
import type { EvaluationView } from './support/evaluation-rows.js';
import { loadRegister, rowValues } from './support/register-store.js';
import { validateInput } from './support/validate-input.js';

export const scoresInput = z.object({
  scores: z.array(z.object({ rowId: z.number().int().positive(), scores: z.record(z.string(), z.number()) })).min(1).max(5000),
});

/**
 * Enters (or replaces) scores while the evaluation is open: each row's total, grade and
 * proposed standing are computed here, from last year's grade for the same row.
 */
export async function scoreEvaluation(
  evaluationId: number,
  input: z.input<typeof scoresInput>,
  ctx: ServiceContext,
  audit: { action: 'evaluation.score' | 'evaluation.scores.import'; detail: Record<string, unknown> } = { action: 'evaluation.score', detail: {} },
): Promise<EvaluationView> {
  authorize(ctx.actor, 'register.evaluate');
  const data = validateInput(scoresInput, input);
  const evaluation = await loadEvaluation(ctx.db, evaluationId);
  const register = await loadRegister(ctx.db, evaluation.registerId);
  const config = register.definition.evaluation!;
  for (const s of data.scores) {
    const problems = checkScores(evaluation.criteria, s.scores);
    if (problems.length > 0) throw fail('evaluation_bad_scores', { detail: `#${s.rowId} ${problems.map((p) => `${p.criterion} ${p.reason}`).join(', ')}` });
  }
  await inTransaction(ctx, async (trx) => {
    // Scores change only while open: the claim is taken in the writing transaction.
    const open = await trx.updateTable('register_evaluations').set({ status: sql`status` }).where('id', '=', evaluationId).where('status', '=', 'open').executeTakeFirst();
    if (Number(open.numUpdatedRows) !== 1) throw fail('evaluation_not_open');
    const rows = await trx.selectFrom('register_rows').select(['id', 'data']).where('register_id', '=', evaluation.registerId).where('id', 'in', data.scores.map((s) => s.rowId)).execute();
    const byId = new Map(rows.map((r) => [r.id, rowValues(r.data)]));
    const previous = await trx
      .selectFrom('register_scores')
      .innerJoin('register_evaluations', 'register_evaluations.id', 'register_scores.evaluation_id')
      .select(['register_scores.row_id', 'register_scores.grade'])
      .where('register_evaluations.register_id', '=', evaluation.registerId)
      .where('register_evaluations.year', '=', evaluation.year - 1)
      .execute();
    const lastGrade = new Map(previous.map((p) => [p.row_id, p.grade as Grade]));
    const at = nowIso(ctx);
    for (const s of data.scores) {
      const values = byId.get(s.rowId);
      if (!values) throw fail('register_row_not_found');
      const total = weightedTotal(evaluation.criteria, s.scores);
      const grade = gradeOf(total, evaluation.thresholds);
      const current = values[config.statusField];
      const statusBefore = typeof current === 'string' ? current : null;
      const proposed = proposeStatus(config, statusBefore, grade, lastGrade.get(s.rowId) ?? null);
      const fields = { scores: JSON.stringify(s.scores), total, grade, status_before: statusBefore, proposed_status: proposed, updated_at: at };
      const updated = await trx.updateTable('register_scores').set(fields).where('evaluation_id', '=', evaluationId).where('row_id', '=', s.rowId).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) await trx.insertInto('register_scores').values({ evaluation_id: evaluationId, row_id: s.rowId, ...fields }).execute();
    }
    await appendAudit(trx, ctx.actor, ctx.clock, { action: audit.action, entity: 'register_evaluation', entityId: evaluationId, detail: { ...audit.detail, scores: data.scores } });
  });
  return loadEvaluation(ctx.db, evaluationId);
}
