import { AppError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation, loadConsultationState } from './support/consultation-rows.js';
import type { ConsultationState } from './support/consultation-rows.js';
import { notifyUnits } from './support/notify-units.js';
import { isoDate } from './open-consultation.js';
import { validateInput } from './support/validate-input.js';

/** Moves the deadline later (audited); every recipient is told. */
export async function extendDeadline(id: number, deadline: string, ctx: ServiceContext): Promise<ConsultationState> {
  authorize(ctx.actor, 'consultation.manage');
  const day = validateInput(isoDate, deadline);
  const c = await loadConsultation(ctx.db, id);
  if (c.closedAt !== null) throw new AppError('conflict', { zh: '征求意见已结束，不能延期', en: 'The consultation is closed' });
  if (day <= c.deadline) {
    throw new AppError('validation_failed', { zh: `新的截止日期须晚于 ${c.deadline}`, en: `The new deadline must be after ${c.deadline}` });
  }
  const recipients = (await ctx.db.selectFrom('consultation_recipients').select('unit_id').where('consultation_id', '=', id).execute()).map(
    (r) => r.unit_id,
  );
  const send = await inTransaction(ctx, async (trx) => {
    await trx.updateTable('consultations').set({ deadline: day, updated_at: nowIso(ctx) }).where('id', '=', id).execute();
    const send = await notifyUnits(trx, ctx, recipients, id, {
      kind: 'consultation.extended',
      subject: `【征求意见延期】${c.title}`,
      message: `${c.title}：反馈截止日期由 ${c.deadline} 延至 ${day}。`,
    });
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'consultation.extend',
      entity: 'consultation',
      entityId: id,
      detail: { from: c.deadline, to: day },
    });
    return send;
  });
  await send();
  return loadConsultationState(ctx.db, ctx.clock, id);
}
