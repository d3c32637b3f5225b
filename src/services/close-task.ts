import { fail } from '../domain/errors.js';
import { LIGHTS } from '../domain/lights.js';
import type { Light } from '../domain/lights.js';
import { authorize, unitPath } from '../domain/policy.js';
import { closingBasis } from '../domain/task-closing.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadTask } from './support/ledger-rows.js';
import type { TaskRow } from './support/ledger-rows.js';
import { loadUnitTree } from './support/unit-tree.js';

async function managedTask(taskId: number, ctx: ServiceContext): Promise<TaskRow> {
  const tree = await loadUnitTree(ctx.db);
  const task = await loadTask(ctx.db, taskId);
  authorize(ctx.actor, 'task.manage', { scopePath: unitPath(task.ownerUnitId, tree) });
  return task;
}

/**
 * 销号: the office closes a finished task with a comment, on a record that it is finished
 * (`domain/task-closing.ts`): the lead's accepted report at 100 %, or evidence attached to
 * the task or to one of its sealed reports; otherwise 409 `task_not_finished`.
 */
export async function closeTask(taskId: number, input: { comment: string }, ctx: ServiceContext): Promise<TaskRow> {
  const task = await managedTask(taskId, ctx);
  const comment = input.comment.trim();
  if (comment === '') throw fail('validation_failed');
  const at = nowIso(ctx);
  await inTransaction(ctx, async (trx) => {
    const done = await trx
      .updateTable('tasks')
      .set({ status: 'closed', closed_at: at, closed_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, closed_comment: comment, updated_at: at })
      .where('id', '=', taskId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw fail('task_closed');
    // Read after taking the row, so the record of completion is the one the closure rests on.
    const evidence = await trx.selectFrom('attachments').select(['id', 'sha256']).where('owner_kind', '=', 'task').where('owner_id', '=', taskId).execute();
    const reports = await trx
      .selectFrom('reports')
      .innerJoin('rounds', 'rounds.id', 'reports.round_id')
      .select(['reports.id', 'reports.unit_id', 'reports.status', 'reports.percent', 'rounds.due_date'])
      .where('reports.task_id', '=', taskId)
      .where('reports.status', 'in', ['submitted', 'accepted'])
      .execute();
    const reportEvidence =
      reports.length === 0
        ? []
        : await trx
            .selectFrom('attachments')
            .select(['id', 'sha256'])
            .where('owner_kind', '=', 'report')
            .where(
              'owner_id',
              'in',
              reports.map((r) => r.id),
            )
            .execute();
    const accepted = reports.filter((r) => r.status === 'accepted').map((r) => ({ unitId: r.unit_id, percent: r.percent, due: r.due_date }));
    const basis = closingBasis({ leadUnitId: task.leadUnitId, accepted, evidence: evidence.length + reportEvidence.length });
    const own = accepted.filter((r) => task.leadUnitId === null || r.unitId === task.leadUnitId).sort((a, b) => (a.due < b.due ? 1 : -1));
    const percent = own[0]?.percent ?? null;
    if (basis === null) throw fail('task_not_finished', { percent: percent ?? 0 }, { percent });
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'task.close',
      entity: 'task',
      entityId: taskId,
      detail: { planId: task.planId, comment, basis, percent, evidence, reportEvidence },
    });
  });
  return loadTask(ctx.db, taskId);
}

/** Reopening a closed task needs a reason, kept in the audit trail. */
export async function reopenTask(taskId: number, input: { reason: string }, ctx: ServiceContext): Promise<TaskRow> {
  const task = await managedTask(taskId, ctx);
  const reason = input.reason.trim();
  if (reason === '') throw fail('validation_failed');
  const at = nowIso(ctx);
  await inTransaction(ctx, async (trx) => {
    const done = await trx
      .updateTable('tasks')
      .set({ status: 'open', closed_at: null, closed_by: null, closed_comment: null, updated_at: at })
      .where('id', '=', taskId)
      .where('status', '=', 'closed')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw fail('task_open');
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'task.reopen',
      entity: 'task',
      entityId: taskId,
      detail: { planId: task.planId, reason, closedAt: task.closedAt, closedComment: task.closedComment },
    });
  });
  return loadTask(ctx.db, taskId);
}

/** The office overrides a task's light with a reason; it shows as an override and lapses at the next round's due date. */
export async function overrideLight(taskId: number, input: { light: Light; reason: string }, ctx: ServiceContext): Promise<{ id: number }> {
  const task = await managedTask(taskId, ctx);
  if (!(LIGHTS as readonly string[]).includes(input.light)) throw fail('validation_failed');
  const reason = input.reason.trim();
  if (reason === '') throw fail('validation_failed');
  return inTransaction(ctx, async (trx) => {
    const row = await trx
      .insertInto('light_overrides')
      .values({ task_id: taskId, light: input.light, reason, created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, created_at: nowIso(ctx) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'task.light.override', entity: 'task', entityId: taskId, detail: { planId: task.planId, light: input.light, reason } });
    return { id: row.id };
  });
}
