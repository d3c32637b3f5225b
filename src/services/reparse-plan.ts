import { authorize } from '../domain/policy.js';
import { parsePlan } from '../parse/parse-plan.js';
import { PARSER_VERSION } from '../parse/version.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { getPlan } from './get-plan.js';
import type { PlanView } from './get-plan.js';
import { placeOfPlan, planRegistry } from './support/plan-resolver.js';
import { loadVersion } from './support/plan-rows.js';

/**
 * Parses a stored version's text again (after a parser upgrade or registry changes). The
 * corrections stay: they are applied to the new parse; any whose fact is gone is reported.
 */
export async function reparsePlan(planId: number, ctx: ServiceContext, versionNumber?: number): Promise<PlanView> {
  authorize(ctx.actor, 'plan.edit');
  const version = await loadVersion(ctx.db, planId, versionNumber);
  const registry = await planRegistry(ctx.db, await placeOfPlan(ctx.db, planId));
  const parsed = parsePlan(version.text, { resolver: registry.resolver });
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('plan_versions')
      .set({ parsed: JSON.stringify(parsed), parser_version: PARSER_VERSION })
      .where('id', '=', version.id)
      .execute();
    await trx.updateTable('plans').set({ title: parsed.title || version.filename, updated_at: nowIso(ctx) }).where('id', '=', planId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'plan.reparse',
      entity: 'plan',
      entityId: planId,
      detail: {
        version: version.number,
        parserVersion: PARSER_VERSION,
        before: { items: version.parsed.items.length, warnings: version.parsed.warnings.length },
        after: { items: parsed.items.length, warnings: parsed.warnings.length },
      },
    });
  });
  return getPlan(planId, ctx, version.number);
}
