import { appendAudit } from './support/audit-trail.js';
import { inTransaction } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { notifyUnits } from './support/notify-units.js';

const DAY = 86_400_000;

/** Days after a task's publication before a unit that has not acknowledged it is reminded automatically. */
export const ACKNOWLEDGEMENT_REMINDER_DAYS = 3;

/**
 * Automatic 签收 reminders, run at the scheduler's tick with the consultation's automatic
 * reminders (server/start.ts): a unit that has not acknowledged an open task of a plan
 * ACKNOWLEDGEMENT_REMINDER_DAYS after the task's publication is reminded once per plan, in
 * the app and by e-mail, with the same notice as the office's manual reminder
 * (`task.acknowledge.reminder`, marked `auto`). "Once" holds with several servers without a
 * table of its own: each plan's run takes the plan's row first (a no-op conditional update
 * that serialises runs), then looks for the unit's earlier automatic reminder of that plan
 * among the stored notices.
 */
export async function runAcknowledgementReminders(ctx: ServiceContext): Promise<{ reminded: number; emails: number }> {
  const cutoff = new Date(ctx.clock.now().getTime() - ACKNOWLEDGEMENT_REMINDER_DAYS * DAY).toISOString();
  const pending = await ctx.db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select(['tasks.plan_id', 'plans.title', 'task_units.unit_id'])
    .distinct()
    .where('task_units.acknowledged_at', 'is', null)
    .where('tasks.status', '=', 'open')
    .where('tasks.published_at', '<=', cutoff)
    .execute();
  const byPlan = new Map<number, { title: string; units: number[] }>();
  for (const p of pending) {
    const entry = byPlan.get(p.plan_id) ?? { title: p.title, units: [] };
    entry.units.push(p.unit_id);
    byPlan.set(p.plan_id, entry);
  }
  let reminded = 0;
  let emails = 0;
  for (const [planId, { title, units }] of byPlan) {
    const send = await inTransaction(ctx, async (trx) => {
      await trx
        .updateTable('plans')
        .set((eb) => ({ published_version: eb.ref('published_version') }))
        .where('id', '=', planId)
        .execute();
      const sent = await trx
        .selectFrom('notifications')
        .select('unit_id')
        .where('code', '=', 'task.acknowledge.reminder')
        .where('unit_id', 'in', units)
        .where('params', 'like', `%"planId":${planId},"auto":1}`)
        .execute();
      const done = new Set(sent.map((s) => s.unit_id));
      const fresh = units.filter((u) => !done.has(u));
      if (fresh.length === 0) return async () => 0;
      const mail = await notifyUnits(trx, ctx, fresh, null, { code: 'task.acknowledge.reminder', params: { planTitle: title, planId, auto: 1 } });
      await appendAudit(trx, ctx.actor, ctx.clock, { action: 'task.acknowledge.remind.auto', entity: 'plan', entityId: planId, detail: { units: fresh, days: ACKNOWLEDGEMENT_REMINDER_DAYS } });
      reminded += fresh.length;
      return mail;
    });
    emails += await send();
  }
  return { reminded, emails };
}
