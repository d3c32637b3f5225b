import { onUniqueViolation } from '../db/errors.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { getPlan } from './get-plan.js';
import type { PlanView } from './get-plan.js';
import { loadVersion } from './support/plan-rows.js';
import { reviewedWarnings } from './support/warning-checks.js';

/**
 * Marks a parser warning of a version as checked (审核), or takes the mark back. Both are
 * conditional writes — the insert against the primary key, the delete counting its rows —
 * so when two people act at once one of them is told the warning's state has moved on.
 */
export async function markPlanWarning(
  planId: number,
  versionNumber: number,
  key: string,
  mark: { checked: boolean },
  ctx: ServiceContext,
): Promise<PlanView> {
  authorize(ctx.actor, 'plan.review');
  const version = await loadVersion(ctx.db, planId, versionNumber);
  const warning = (await reviewedWarnings(ctx.db, version)).find((w) => w.key === key);
  if (!warning) throw fail('warning_not_found');
  const detail = { version: version.number, key, code: warning.code, itemOrdinal: warning.itemOrdinal };
  if (mark.checked) {
    await inTransaction(ctx, async (trx) => {
      await trx
        .insertInto('plan_warning_checks')
        .values({
          version_id: version.id,
          warning_key: key,
          code: warning.code,
          item_ordinal: warning.itemOrdinal,
          checked_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          checked_at: nowIso(ctx),
        })
        .execute();
      await appendAudit(trx, ctx.actor, ctx.clock, { action: 'plan.warning.check', entity: 'plan', entityId: planId, detail });
    }).catch(onUniqueViolation('plan_warning_checks', () => fail('warning_already_checked')));
  } else {
    await inTransaction(ctx, async (trx) => {
      const removed = await trx.deleteFrom('plan_warning_checks').where('version_id', '=', version.id).where('warning_key', '=', key).executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw fail('warning_not_checked');
      await appendAudit(trx, ctx.actor, ctx.clock, { action: 'plan.warning.uncheck', entity: 'plan', entityId: planId, detail: { ...detail, was: warning.checked } });
    });
  }
  return getPlan(planId, ctx, version.number);
}
