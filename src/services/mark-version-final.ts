import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';

export interface MarkedFinal {
  /** The plan's stage now: final (定稿), or published (印发) when it already was. */
  stage: string;
  version: number;
}

/**
 * 定稿: after the consultation the office marks a version as final; that is the version the
 * ledger publishes. One version is final at a time (besides the one already published, which
 * stays as it was published). The plan row is taken first, so marking and publishing the same
 * plan at once serialise; a published plan keeps its stage.
 */
export async function markVersionFinal(planId: number, number: number, ctx: ServiceContext): Promise<MarkedFinal> {
  authorize(ctx.actor, 'plan.edit');
  return inTransaction(ctx, async (trx) => {
    const at = nowIso(ctx);
    const locked = await trx.updateTable('plans').set({ updated_at: at }).where('id', '=', planId).executeTakeFirst();
    if (Number(locked.numUpdatedRows) !== 1) throw fail('plan_not_found');
    const version = await trx.selectFrom('plan_versions').select(['id', 'status']).where('plan_id', '=', planId).where('number', '=', number).executeTakeFirst();
    if (!version) throw fail('plan_version_not_found');
    const plan = await trx.selectFrom('plans').select(['stage', 'published_version']).where('id', '=', planId).executeTakeFirstOrThrow();
    let others = trx.updateTable('plan_versions').set({ status: 'draft' }).where('plan_id', '=', planId).where('status', '=', 'final').where('number', '!=', number);
    if (plan.published_version !== null) others = others.where('number', '!=', plan.published_version);
    await others.execute();
    await trx.updateTable('plan_versions').set({ status: 'final' }).where('id', '=', version.id).execute();
    await trx.updateTable('plans').set({ stage: 'final' }).where('id', '=', planId).where('stage', 'in', ['draft', 'consultation']).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'plan.version.final',
      entity: 'plan',
      entityId: planId,
      detail: { version: number, was: version.status, stage: plan.stage },
    });
    const after = await trx.selectFrom('plans').select('stage').where('id', '=', planId).executeTakeFirstOrThrow();
    return { stage: after.stage, version: number };
  });
}
