import { deadlineInstant } from '../domain/consultation.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultationState } from './support/consultation-rows.js';
import { notifyUnits } from './support/notify-units.js';
import { reminderNotice } from './send-reminders.js';

const DAY = 86_400_000;

/**
 * Automatic reminders: N days before the deadline (N set per consultation), every unit that
 * has not replied is reminded once. The (consultation, unit, deadline) key makes "once"
 * hold with several servers, and again after an extension.
 */
export async function runDueReminders(ctx: ServiceContext): Promise<{ reminded: number; emails: number }> {
  const now = ctx.clock.now();
  const open = await ctx.db.selectFrom('consultations').select(['id', 'deadline', 'reminder_days']).where('closed_at', 'is', null).execute();
  let reminded = 0;
  let emails = 0;
  for (const row of open) {
    const due = deadlineInstant(row.deadline).getTime();
    if (row.reminder_days <= 0 || now.getTime() > due || now.getTime() < due - row.reminder_days * DAY) continue;
    const c = await loadConsultationState(ctx.db, ctx.clock, row.id);
    const silent = c.recipients.filter((r) => r.status === 'pending').map((r) => r.unitId);
    if (silent.length === 0) continue;
    const send = await inTransaction(ctx, async (trx) => {
      const fresh: number[] = [];
      for (const unitId of silent) {
        const inserted = await trx
          .insertInto('auto_reminders')
          .values({ consultation_id: row.id, unit_id: unitId, deadline: row.deadline, sent_at: nowIso(ctx) })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) fresh.push(unitId);
      }
      if (fresh.length === 0) return async () => 0;
      const send = await notifyUnits(trx, ctx, fresh, row.id, reminderNotice(c, 'auto'));
      await appendAudit(trx, ctx.actor, ctx.clock, {
        action: 'consultation.remind.auto',
        entity: 'consultation',
        entityId: row.id,
        detail: { units: fresh, deadline: row.deadline },
      });
      reminded += fresh.length;
      return send;
    });
    emails += await send();
  }
  return { reminded, emails };
}
