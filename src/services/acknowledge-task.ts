import { fail } from '../domain/errors.js';
import { authorize, unitPath } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadPlanOwner, loadTask } from './support/ledger-rows.js';
import { notifyUnits } from './support/notify-units.js';
import { loadUnitTree } from './support/unit-tree.js';

/** 签收: a reporter or signatory acknowledges a task for their unit, once. */
export async function acknowledgeTask(taskId: number, ctx: ServiceContext): Promise<{ taskId: number; unitId: number; acknowledgedAt: string }> {
  if (ctx.actor.kind !== 'user') throw fail('forbidden');
  const actor = ctx.actor;
  authorize(actor, 'task.acknowledge', { unitId: actor.unitId });
  const task = await loadTask(ctx.db, taskId);
  if (!task.units.some((u) => u.unitId === actor.unitId)) throw fail('not_responsible');
  const at = nowIso(ctx);
  await inTransaction(ctx, async (trx) => {
    const done = await trx
      .updateTable('task_units')
      .set({ acknowledged_at: at, acknowledged_by: actor.userId })
      .where('task_id', '=', taskId)
      .where('unit_id', '=', actor.unitId)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw fail('already_acknowledged');
    await appendAudit(trx, actor, ctx.clock, { action: 'task.acknowledge', entity: 'task', entityId: taskId, detail: { unitId: actor.unitId } });
  });
  return { taskId, unitId: actor.unitId, acknowledgedAt: at };
}

export interface PendingAcknowledgement {
  unitId: number;
  taskIds: number[];
}

/** The units that have not acknowledged all their tasks of a plan (the office's list). */
export async function pendingAcknowledgements(planId: number, ctx: ServiceContext, ownerUnitId?: number): Promise<PendingAcknowledgement[]> {
  const tree = await loadUnitTree(ctx.db);
  const plan = await loadPlanOwner(ctx.db, planId);
  const owner = ownerUnitId ?? plan.ownerUnitId;
  authorize(ctx.actor, 'task.manage', { scopePath: unitPath(owner, tree) });
  const rows = await ctx.db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .select(['task_units.unit_id', 'task_units.task_id'])
    .where('tasks.plan_id', '=', planId)
    .where('tasks.owner_unit_id', '=', owner)
    .where('tasks.status', '=', 'open')
    .where('task_units.acknowledged_at', 'is', null)
    .orderBy('task_units.unit_id')
    .orderBy('task_units.task_id')
    .execute();
  const byUnit = new Map<number, number[]>();
  for (const r of rows) byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r.task_id]);
  return [...byUnit].map(([unitId, taskIds]) => ({ unitId, taskIds }));
}

/** Reminds the units that have not acknowledged (all, or those named), in the app and by e-mail. */
export async function remindAcknowledgements(planId: number, input: { unitIds?: number[] | undefined }, ctx: ServiceContext): Promise<{ reminded: number; emailed: number }> {
  const pending = await pendingAcknowledgements(planId, ctx);
  const plan = await loadPlanOwner(ctx.db, planId);
  const targets = pending.filter((p) => input.unitIds === undefined || input.unitIds.includes(p.unitId));
  const sendMail = await inTransaction(ctx, async (trx) => {
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'task.acknowledge.remind',
      entity: 'plan',
      entityId: planId,
      detail: { units: targets.map((t) => ({ unitId: t.unitId, tasks: t.taskIds.length })) },
    });
    return notifyUnits(
      trx,
      ctx,
      targets.map((t) => t.unitId),
      null,
      { code: 'task.acknowledge.reminder', params: { planTitle: plan.title } },
    );
  });
  const emailed = await sendMail();
  return { reminded: targets.length, emailed };
}
