import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { getRedline } from './get-redline.js';
import type { RedlineView } from './get-redline.js';
import { loadVersion } from './support/plan-rows.js';

/**
 * Takes back the acknowledgement of a lost quote, so the alert is open again. (A quote
 * resolved by a link is reopened by removing the link from the change.) Conditional: the
 * delete counts its rows, so a second undo is told there was nothing left to undo.
 */
export async function reopenLostQuote(planId: number, versionNumber: number, opinionId: number, options: { from?: number }, ctx: ServiceContext): Promise<RedlineView> {
  authorize(ctx.actor, 'plan.review');
  const version = await loadVersion(ctx.db, planId, versionNumber);
  await inTransaction(ctx, async (trx) => {
    const removed = await trx
      .deleteFrom('lost_quote_acknowledgements')
      .where('version_id', '=', version.id)
      .where('opinion_id', '=', opinionId)
      .returning(['note', 'acknowledged_by', 'acknowledged_at'])
      .executeTakeFirst();
    if (!removed) throw fail('quote_not_acknowledged');
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'plan.quote.reopen',
      entity: 'plan',
      entityId: planId,
      detail: { version: version.number, opinionId, was: { note: removed.note, by: removed.acknowledged_by, at: removed.acknowledged_at } },
    });
  });
  return getRedline(planId, { to: versionNumber, ...(options.from !== undefined && { from: options.from }) }, ctx);
}
