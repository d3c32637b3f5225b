import { acceptsReplies } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation, loadConsultationState } from './support/consultation-rows.js';
import type { ConsultationState } from './support/consultation-rows.js';

/**
 * Stops taking replies (late ones included). Drafts never sealed stay private to their units.
 * Closing is a conditional update (`WHERE closed_at IS NULL`): of two closes at once, one
 * closes and is audited, the other gets 409 `consultation_already_closed`.
 */
export async function closeConsultation(id: number, ctx: ServiceContext): Promise<ConsultationState> {
  authorize(ctx.actor, 'consultation.manage');
  const c = await loadConsultation(ctx.db, id);
  if (!acceptsReplies(c)) throw fail('consultation_already_closed');
  await inTransaction(ctx, async (trx) => {
    const closed = await trx
      .updateTable('consultations')
      .set({ closed_at: nowIso(ctx), updated_at: nowIso(ctx) })
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) !== 1) throw fail('consultation_already_closed');
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'consultation.close', entity: 'consultation', entityId: id, detail: {} });
  });
  return loadConsultationState(ctx.db, ctx.clock, id);
}
