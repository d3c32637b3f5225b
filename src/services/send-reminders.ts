import { AppError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultationState } from './support/consultation-rows.js';
import type { ConsultationState } from './support/consultation-rows.js';
import { notifyUnits } from './support/notify-units.js';

export interface ReminderResult {
  units: number[];
  emails: number;
}

export function reminderNotice(c: ConsultationState, kind: 'manual' | 'auto') {
  return {
    kind: `consultation.reminder.${kind}`,
    subject: `【催办】请反馈对《${c.planTitle}》的意见`,
    message: `${c.title}：贵单位尚未反馈意见，请于 ${c.deadline} 前由签发人签发后反馈（无意见也请反馈）。联系人：${c.contact}`,
  };
}

/** Reminds the units that have not replied (or the chosen ones): in the app, and by e-mail when configured. */
export async function sendReminders(consultationId: number, options: { unitIds?: number[] }, ctx: ServiceContext): Promise<ReminderResult> {
  authorize(ctx.actor, 'consultation.manage');
  const c = await loadConsultationState(ctx.db, ctx.clock, consultationId);
  if (c.closedAt !== null) throw new AppError('conflict', { zh: '征求意见已结束', en: 'The consultation is closed' });
  const silent = c.recipients.filter((r) => r.status === 'pending' || r.status === 'not_replied').map((r) => r.unitId);
  const units = options.unitIds ? options.unitIds.filter((id) => silent.includes(id)) : silent;
  if (units.length === 0) return { units: [], emails: 0 };
  const send = await inTransaction(ctx, async (trx) => {
    const send = await notifyUnits(trx, ctx, units, consultationId, reminderNotice(c, 'manual'));
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'consultation.remind',
      entity: 'consultation',
      entityId: consultationId,
      detail: { units, email: Boolean(ctx.mailer) },
    });
    return send;
  });
  return { units, emails: await send() };
}
