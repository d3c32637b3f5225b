import { resolveQuoteInput } from '../contract/plans.js';
import type { ResolveQuoteInput } from '../contract/plans.js';
import { onUniqueViolation } from '../db/errors.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { getRedline } from './get-redline.js';
import type { RedlineView } from './get-redline.js';
import { loadVersion } from './support/plan-rows.js';
import { validateInput } from './support/validate-input.js';

/**
 * Resolves the redline's "quote no longer exists" alert for one opinion: by linking the
 * opinion to the change of the new version that answers it (added to that change's links,
 * as the change's own link editor would), or by acknowledging that the passage is gone on
 * purpose, with an optional note. Only a quote that is lost and not yet resolved can be.
 */
export async function resolveLostQuote(planId: number, versionNumber: number, opinionId: number, input: ResolveQuoteInput, ctx: ServiceContext): Promise<RedlineView> {
  authorize(ctx.actor, 'plan.review');
  const data = validateInput(resolveQuoteInput, input);
  const version = await loadVersion(ctx.db, planId, versionNumber);
  const view = await getRedline(planId, { to: versionNumber, ...(data.from !== undefined && { from: data.from }) }, ctx);
  if (!view.quoteGone.includes(opinionId)) throw fail('quote_not_lost');
  if (view.quoteResolutions.some((r) => r.opinionId === opinionId)) throw fail('quote_already_resolved');
  const by = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const at = nowIso(ctx);
  const detail = { version: version.number, from: view.from, opinionId };

  if (data.how === 'link') {
    const change = view.changes.find((c) => c.key === data.changeKey);
    if (!change || change.kind === 'equal') throw fail('change_not_found');
    await inTransaction(ctx, async (trx) => {
      await trx.insertInto('plan_change_links').values({ version_id: version.id, change_key: change.key, opinion_id: opinionId, created_by: by, created_at: at }).execute();
      await appendAudit(trx, ctx.actor, ctx.clock, {
        action: 'plan.quote.resolve',
        entity: 'plan',
        entityId: planId,
        detail: { ...detail, how: 'link', changeKey: change.key, kind: change.kind },
      });
    }).catch(onUniqueViolation('plan_change_links', () => fail('quote_already_resolved')));
  } else {
    const note = data.note ? data.note : null;
    await inTransaction(ctx, async (trx) => {
      await trx.insertInto('lost_quote_acknowledgements').values({ version_id: version.id, opinion_id: opinionId, note, acknowledged_by: by, acknowledged_at: at }).execute();
      await appendAudit(trx, ctx.actor, ctx.clock, { action: 'plan.quote.resolve', entity: 'plan', entityId: planId, detail: { ...detail, how: 'acknowledge', note } });
    }).catch(onUniqueViolation('lost_quote_acknowledgements', () => fail('quote_already_resolved')));
  }
  return getRedline(planId, { to: versionNumber, from: view.from }, ctx);
}
