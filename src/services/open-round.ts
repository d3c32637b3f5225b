import { fail } from '../domain/errors.js';
import { baseRoundTitle, isIsoDay, nextPeriod, periodLabel, roundTitleFor } from '../domain/ledger-periods.js';
import { authorize, unitPath } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadPlanOwner, loadRound } from './support/ledger-rows.js';
import { notifyUnits } from './support/notify-units.js';
import { loadUnitTree } from './support/unit-tree.js';

export type Recurrence = 'none' | 'monthly' | 'quarterly';

export interface OpenRoundInput {
  title: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  recurrence?: Recurrence | undefined;
  /** Whose tasks the round covers: the plan's owner, or a 市州 for its local measures. */
  ownerUnitId?: number | undefined;
}

/**
 * 调度: the office opens a reporting round over its open tasks. A round may be opened for a
 * period already past (to record one run on paper); its missing reports count at once,
 * because lateness is derived from the due date and the clock. One round per period
 * and owner (a unique key). The responsible units are told in the app and by e-mail.
 */
export async function openRound(planId: number, input: OpenRoundInput, ctx: ServiceContext): Promise<{ id: number }> {
  const tree = await loadUnitTree(ctx.db);
  const plan = await loadPlanOwner(ctx.db, planId);
  const defaultOwner = ctx.actor.kind === 'user' && ctx.actor.officeOf !== undefined ? ctx.actor.officeOf : plan.ownerUnitId;
  const ownerUnitId = input.ownerUnitId ?? defaultOwner;
  authorize(ctx.actor, 'round.manage', { scopePath: unitPath(ownerUnitId, tree) });
  if (plan.publishedAt === null) throw fail('plan_not_published');
  for (const [name, value] of [['periodStart', input.periodStart], ['periodEnd', input.periodEnd], ['dueDate', input.dueDate]] as const) {
    if (!isIsoDay(value)) throw fail('round_dates_invalid', { detail: `${name} ${value}` });
  }
  if (input.periodEnd < input.periodStart) throw fail('round_dates_invalid', { detail: 'periodEnd < periodStart' });
  if (input.dueDate < input.periodStart) throw fail('round_dates_invalid', { detail: 'dueDate < periodStart' });
  const title = input.title.trim();
  const at = nowIso(ctx);
  const { id, sendMail } = await inTransaction(ctx, async (trx) => {
    const existing = await trx
      .selectFrom('rounds')
      .select('id')
      .where('plan_id', '=', planId)
      .where('owner_unit_id', '=', ownerUnitId)
      .where('period_start', '=', input.periodStart)
      .where('period_end', '=', input.periodEnd)
      .executeTakeFirst();
    if (existing) throw fail('round_exists', {}, { roundId: existing.id });
    const row = await trx
      .insertInto('rounds')
      .values({
        plan_id: planId,
        owner_unit_id: ownerUnitId,
        title,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        period: periodLabel(input.periodStart, input.periodEnd),
        due_date: input.dueDate,
        recurrence: input.recurrence ?? 'none',
        created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'round.open',
      entity: 'round',
      entityId: row.id,
      detail: { planId, ownerUnitId, title, periodStart: input.periodStart, periodEnd: input.periodEnd, dueDate: input.dueDate, recurrence: input.recurrence ?? 'none' },
    });
    const units = await trx
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .select('task_units.unit_id')
      .distinct()
      .where('tasks.plan_id', '=', planId)
      .where('tasks.owner_unit_id', '=', ownerUnitId)
      .where('tasks.status', '=', 'open')
      .execute();
    const mail = await notifyUnits(
      trx,
      ctx,
      units.map((u) => u.unit_id),
      null,
      { code: 'round.opened', params: { planTitle: plan.title, title, dueDate: input.dueDate } },
    );
    return { id: row.id, sendMail: mail };
  });
  await sendMail();
  return { id };
}

/**
 * The next round of a recurring one: the following month or quarter, due the same number of
 * days after its end, titled from the round's base title and the new period (2022年2月调度
 * after 2022年1月调度). A one-off round (`recurrence: 'none'`) has no next: 409
 * `round_not_recurring`.
 */
export async function openNextRound(roundId: number, ctx: ServiceContext): Promise<{ id: number }> {
  const round = await loadRound(ctx.db, roundId);
  const tree = await loadUnitTree(ctx.db);
  authorize(ctx.actor, 'round.manage', { scopePath: unitPath(round.ownerUnitId, tree) });
  if (round.recurrence !== 'monthly' && round.recurrence !== 'quarterly') throw fail('round_not_recurring', { title: round.title });
  const recurrence = round.recurrence;
  const [start, end] = nextPeriod(round.periodStart, recurrence);
  const lag = Math.round((Date.parse(round.dueDate) - Date.parse(round.periodEnd)) / 86_400_000);
  const due = new Date(Date.parse(end) + lag * 86_400_000).toISOString().slice(0, 10);
  const title = roundTitleFor(baseRoundTitle(round.title), start, end);
  return openRound(round.planId, { title, periodStart: start, periodEnd: end, dueDate: due, recurrence, ownerUnitId: round.ownerUnitId }, ctx);
}
