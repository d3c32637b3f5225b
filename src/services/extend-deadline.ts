import { acceptsReplies } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import { isoDate } from '../domain/iso-date.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation, loadConsultationState } from './support/consultation-rows.js';
import type { ConsultationState } from './support/consultation-rows.js';
import { notifyUnits } from './support/notify-units.js';
import { validateInput } from './support/validate-input.js';

/**
 * Moves the deadline later (audited); every recipient is told. The move is a conditional
 * update (still open, deadline still earlier), so it never lands on a consultation that was
 * closed, or extended further, a moment before.
 */
export async function extendDeadline(id: number, deadline: string, ctx: ServiceContext): Promise<ConsultationState> {
  authorize(ctx.actor, 'consultation.manage');
  const day = validateInput(isoDate, deadline);
  const c = await loadConsultation(ctx.db, id);
  if (!acceptsReplies(c)) throw fail('consultation_closed');
  if (day <= c.deadline) throw fail('deadline_not_later', { deadline: c.deadline });
  const recipients = (await ctx.db.selectFrom('consultation_recipients').select('unit_id').where('consultation_id', '=', id).execute()).map(
    (r) => r.unit_id,
  );
  const send = await inTransaction(ctx, async (trx) => {
    const before = await loadConsultation(trx, id);
    const moved = await trx
      .updateTable('consultations')
      .set({ deadline: day, updated_at: nowIso(ctx) })
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .where('deadline', '<', day)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      const now = await loadConsultation(trx, id);
      throw !acceptsReplies(now) ? fail('consultation_closed') : fail('deadline_not_later', { deadline: now.deadline });
    }
    const send = await notifyUnits(trx, ctx, recipients, id, {
      code: 'consultation.extended',
      params: { title: before.title, from: before.deadline, to: day },
    });
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'consultation.extend',
      entity: 'consultation',
      entityId: id,
      detail: { from: before.deadline, to: day },
    });
    return send;
  });
  await send();
  return loadConsultationState(ctx.db, ctx.clock, id);
}
