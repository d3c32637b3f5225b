import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { criterionSchema, thresholdsSchema } from '../domain/register-definition.js';
import { z } from 'zod';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadEvaluation } from './support/evaluation-rows.js';
import type { EvaluationView } from './support/evaluation-rows.js';
import { loadRegister } from './support/register-store.js';
import { validateInput } from './support/validate-input.js';

export const openEvaluationInput = z.object({
  year: z.number().int().min(2000).max(2100),
  criteria: z.array(criterionSchema).min(1).max(20).optional(),
  thresholds: thresholdsSchema.optional(),
});

/** The office opens a year's evaluation with its criteria, weights and grade thresholds (defaults: the register's). */
export async function openEvaluation(registerId: number, input: z.input<typeof openEvaluationInput>, ctx: ServiceContext): Promise<EvaluationView> {
  authorize(ctx.actor, 'register.evaluate');
  const data = validateInput(openEvaluationInput, input);
  const register = await loadRegister(ctx.db, registerId);
  const config = register.definition.evaluation;
  if (!config) throw fail('evaluation_not_supported');
  const id = await inTransaction(ctx, async (trx) => {
    const clash = await trx.selectFrom('register_evaluations').select('id').where('register_id', '=', registerId).where('year', '=', data.year).executeTakeFirst();
    if (clash) throw fail('evaluation_exists', { year: data.year });
    const row = await trx
      .insertInto('register_evaluations')
      .values({
        register_id: registerId,
        year: data.year,
        criteria: JSON.stringify(data.criteria ?? config.criteria),
        thresholds: JSON.stringify(data.thresholds ?? config.thresholds),
        status: 'open',
        created_at: nowIso(ctx),
        confirmed_at: null,
        published_at: null,
        snapshot_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'evaluation.open', entity: 'register_evaluation', entityId: row.id, detail: { registerId, year: data.year } });
    return row.id;
  });
  return loadEvaluation(ctx.db, id);
}

export async function listEvaluations(registerId: number, ctx: ServiceContext): Promise<Omit<EvaluationView, 'scores'>[]> {
  authorize(ctx.actor, 'register.read');
  await loadRegister(ctx.db, registerId);
  const ids = await ctx.db.selectFrom('register_evaluations').select('id').where('register_id', '=', registerId).orderBy('year', 'desc').execute();
  const views = await Promise.all(ids.map((r) => loadEvaluation(ctx.db, r.id)));
  return views.map(({ scores: _scores, ...rest }) => rest);
}

export async function getEvaluation(id: number, ctx: ServiceContext): Promise<EvaluationView> {
  authorize(ctx.actor, 'register.read');
  return loadEvaluation(ctx.db, id);
}
