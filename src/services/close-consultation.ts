import { AppError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation, loadConsultationState } from './support/consultation-rows.js';
import type { ConsultationState } from './support/consultation-rows.js';

/** Stops taking replies (late ones included). Drafts never sealed stay private to their units. */
export async function closeConsultation(id: number, ctx: ServiceContext): Promise<ConsultationState> {
  authorize(ctx.actor, 'consultation.manage');
  const c = await loadConsultation(ctx.db, id);
  if (c.closedAt !== null) throw new AppError('conflict', { zh: '征求意见已结束', en: 'The consultation is already closed' });
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('consultations').set({ closed_at: nowIso(ctx), updated_at: nowIso(ctx) }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'consultation.close', entity: 'consultation', entityId: id, detail: {} });
  });
  return loadConsultationState(ctx.db, ctx.clock, id);
}
