import { acceptsReplies } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultationState } from './support/consultation-rows.js';
import type { ConsultationState } from './support/consultation-rows.js';
import { notifyUnits } from './support/notify-units.js';
import type { Notice } from './support/notify-units.js';

export interface ReminderResult {
  units: number[];
  emails: number;
}

export function reminderNotice(c: ConsultationState, kind: 'manual' | 'auto'): Notice {
  return {
    code: kind === 'manual' ? 'consultation.reminder.manual' : 'consultation.reminder.auto',
    params: { title: c.title, planTitle: c.planTitle, deadline: c.deadline, contact: c.contact },
  };
}

/** Reminds the units that have not replied (or the chosen ones): in the app, and by e-mail when configured. */
export async function sendReminders(consultationId: number, options: { unitIds?: number[] }, ctx: ServiceContext): Promise<ReminderResult> {
  authorize(ctx.actor, 'consultation.manage');
  const c = await loadConsultationState(ctx.db, ctx.clock, consultationId);
  if (!acceptsReplies(c)) throw fail('consultation_closed');
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
