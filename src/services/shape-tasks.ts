import { fail } from '../domain/errors.js';
import { isIsoDay, yearEnd } from '../domain/ledger-periods.js';
import { parseLightRules } from '../domain/lights.js';
import type { LightRules } from '../domain/lights.js';
import { authorize, unitPath } from '../domain/policy.js';
import type { UnitTree } from '../domain/policy.js';
import { splitClauses } from '../domain/task-decomposition.js';
import type { TaskDraft } from '../domain/task-decomposition.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { loadPlanOwner, loadTask } from './support/ledger-rows.js';
import type { TaskRow } from './support/ledger-rows.js';
import { notifyUnits } from './support/notify-units.js';
import { insertTask } from './publish-plan.js';
import { loadUnitTree } from './support/unit-tree.js';

/**
 * The office shapes the ledger after publication: splits an item's task by clause, merges
 * tasks, adds a task, and — for a 市州's office — adds local measures (对照工作要点制定具体措施)
 * linked to a provincial task, with units inside its own jurisdiction. A task that has
 * reports is never split or merged: its history would no longer match its text.
 */
async function managed(task: TaskRow, ctx: ServiceContext, tree: UnitTree): Promise<void> {
  authorize(ctx.actor, 'task.manage', { scopePath: unitPath(task.ownerUnitId, tree) });
}

async function hasReports(trx: Tx, taskIds: number[]): Promise<boolean> {
  const row = await trx.selectFrom('reports').select('id').where('task_id', 'in', taskIds).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Serialises changes to a plan's task list (positions and keys). */
async function lockPlan(trx: Tx, planId: number, at: string): Promise<void> {
  await trx.updateTable('plans').set({ updated_at: at }).where('id', '=', planId).execute();
}

async function nextPosition(trx: Tx, planId: number): Promise<number> {
  const row = await trx.selectFrom('tasks').select((eb) => eb.fn.max('position').as('p')).where('plan_id', '=', planId).executeTakeFirst();
  return Number(row?.p ?? 0) + 1;
}

async function yearOf(ctx: ServiceContext, planId: number): Promise<number> {
  const ind = await ctx.db.selectFrom('indicators').select('year').where('plan_id', '=', planId).where('year', 'is not', null).limit(1).executeTakeFirst();
  return ind?.year ?? Number(nowIso(ctx).slice(0, 4));
}

/** Splits an item's task into one task per clause; indicators follow the clause that holds them. */
export async function splitTask(taskId: number, ctx: ServiceContext): Promise<{ taskIds: number[] }> {
  const tree = await loadUnitTree(ctx.db);
  const task = await loadTask(ctx.db, taskId);
  await managed(task, ctx, tree);
  if (task.itemOrdinal === null || task.span === null || task.origin !== 'item') throw fail('task_not_splittable');
  const version = await ctx.db.selectFrom('plan_versions').select('text').where('plan_id', '=', task.planId).where('number', '=', task.versionNumber).executeTakeFirstOrThrow();
  const itemText = version.text.slice(task.span[0], task.span[1]);
  const offset = itemText.indexOf(task.text);
  const clauses = splitClauses(task.text, task.span[0] + Math.max(0, offset));
  if (clauses.length < 2) throw fail('task_not_splittable');
  const at = nowIso(ctx);
  const year = await yearOf(ctx, task.planId);
  return inTransaction(ctx, async (trx) => {
    await lockPlan(trx, task.planId, at);
    if (await hasReports(trx, [taskId])) throw fail('task_has_reports');
    const indicators = await trx.selectFrom('indicators').select(['id', 'span_start']).where('task_id', '=', taskId).execute();
    let position = await nextPosition(trx, task.planId);
    const ids: number[] = [];
    for (const clause of clauses) {
      const draft: TaskDraft = {
        key: `item:${task.itemOrdinal}:c${clause.index}`,
        itemOrdinal: task.itemOrdinal!,
        clauseIndex: clause.index,
        sectionOrdinal: task.sectionOrdinal,
        title: `${task.title.match(/^[（(][^）)]+[）)]/)?.[0] ?? ''}${clause.index}. ${clause.text.slice(0, 60)}`,
        text: clause.text,
        span: clause.span,
        leadUnitId: task.leadUnitId,
        units: task.units.map((u) => ({ unitId: u.unitId, role: u.role })),
        targets: [],
      };
      const id = await insertTask(trx, ctx, {
        planId: task.planId,
        ownerUnitId: task.ownerUnitId,
        version: task.versionNumber,
        draft,
        dueDate: task.dueDate,
        position: position++,
        publishedAt: task.publishedAt,
        year,
        origin: 'clause',
        parentTaskId: task.parentTaskId,
      });
      const inside = indicators.filter((i) => i.span_start !== null && i.span_start >= clause.span[0] && i.span_start < clause.span[1]).map((i) => i.id);
      if (inside.length > 0) await trx.updateTable('indicators').set({ task_id: id }).where('id', 'in', inside).execute();
      ids.push(id);
    }
    // Indicators outside every clause (rare) stay with the first clause.
    await trx.updateTable('indicators').set({ task_id: ids[0]! }).where('task_id', '=', taskId).execute();
    await trx.deleteFrom('tasks').where('id', '=', taskId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'task.split', entity: 'task', entityId: taskId, detail: { planId: task.planId, into: ids } });
    return { taskIds: ids };
  });
}

/** Merges tasks of one plan and owner into one (units united, the first task's lead leads). */
export async function mergeTasks(planId: number, input: { taskIds: number[]; title?: string | undefined }, ctx: ServiceContext): Promise<{ id: number }> {
  const tree = await loadUnitTree(ctx.db);
  const tasks: TaskRow[] = [];
  for (const id of [...new Set(input.taskIds)]) tasks.push(await loadTask(ctx.db, id));
  const first = tasks[0];
  if (!first || tasks.length < 2) throw fail('validation_failed');
  if (tasks.some((t) => t.planId !== planId || t.ownerUnitId !== first.ownerUnitId)) throw fail('task_not_in_round');
  await managed(first, ctx, tree);
  const at = nowIso(ctx);
  const year = await yearOf(ctx, planId);
  return inTransaction(ctx, async (trx) => {
    await lockPlan(trx, planId, at);
    if (await hasReports(trx, tasks.map((t) => t.id))) throw fail('task_has_reports');
    // The first task's lead leads; every other unit cooperates, each once.
    const units: TaskDraft['units'] = [];
    for (const t of tasks) {
      for (const u of t.units) {
        if (units.some((x) => x.unitId === u.unitId)) continue;
        units.push({ unitId: u.unitId, role: u.role === 'lead' && t !== first ? 'cooperate' : u.role });
      }
    }
    const draft: TaskDraft = {
      key: `merge:${tasks.map((t) => t.id).join('+')}`,
      itemOrdinal: first.itemOrdinal ?? 0,
      clauseIndex: null,
      sectionOrdinal: first.sectionOrdinal,
      title: input.title ?? tasks.map((t) => t.title).join('；'),
      text: tasks.map((t) => t.text).join('\n'),
      span: first.span ?? [0, 0],
      leadUnitId: first.leadUnitId,
      units,
      targets: [],
    };
    const id = await insertTask(trx, ctx, {
      planId,
      ownerUnitId: first.ownerUnitId,
      version: first.versionNumber,
      draft,
      dueDate: tasks.map((t) => t.dueDate).sort().at(-1)!,
      position: await nextPosition(trx, planId),
      publishedAt: first.publishedAt,
      year,
      origin: 'merge',
      parentTaskId: first.parentTaskId,
    });
    if (first.itemOrdinal === null) await trx.updateTable('tasks').set({ item_ordinal: null }).where('id', '=', id).execute();
    await trx.updateTable('indicators').set({ task_id: id }).where('task_id', 'in', tasks.map((t) => t.id)).execute();
    await trx.deleteFrom('tasks').where('id', 'in', tasks.map((t) => t.id)).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'task.merge', entity: 'task', entityId: id, detail: { planId, from: tasks.map((t) => t.id) } });
    return { id };
  });
}

export interface AddTaskInput {
  title: string;
  text?: string | undefined;
  leadUnitId: number;
  cooperatingUnitIds?: number[] | undefined;
  localityUnitIds?: number[] | undefined;
  dueDate?: string | undefined;
  parentTaskId?: number | undefined;
  itemOrdinal?: number | undefined;
  indicators?: { subject: string; unit: string; comparator: string; target: number }[] | undefined;
}

/**
 * Adds a task to a published plan. The provincial office adds provincial tasks; a 市州's office
 * adds local measures of its own (linked to a provincial task by parentTaskId), whose units
 * must all lie inside its jurisdiction.
 */
export async function addTask(planId: number, input: AddTaskInput, ctx: ServiceContext): Promise<{ id: number }> {
  const tree = await loadUnitTree(ctx.db);
  const plan = await loadPlanOwner(ctx.db, planId);
  if (plan.publishedAt === null || plan.publishedVersion === null) throw fail('plan_not_published');
  const ownerUnitId = ctx.actor.kind === 'user' && ctx.actor.officeOf !== undefined ? ctx.actor.officeOf : plan.ownerUnitId;
  authorize(ctx.actor, 'task.manage', { scopePath: unitPath(ownerUnitId, tree) });
  const local = ownerUnitId !== plan.ownerUnitId;
  const parent = input.parentTaskId !== undefined ? await loadTask(ctx.db, input.parentTaskId) : null;
  if (parent && parent.planId !== planId) throw fail('task_not_found');
  const all = [input.leadUnitId, ...(input.cooperatingUnitIds ?? []), ...(input.localityUnitIds ?? [])];
  const names = new Map((await ctx.db.selectFrom('units').select(['id', 'short_name']).execute()).map((u) => [u.id, u.short_name]));
  for (const unitId of all) {
    if (!tree.has(unitId)) throw fail('allocation_outside_jurisdiction', { unit: String(unitId) });
    if (local && !unitPath(unitId, tree).includes(ownerUnitId)) throw fail('allocation_outside_jurisdiction', { unit: names.get(unitId) ?? String(unitId) });
  }
  if (input.dueDate !== undefined && !isIsoDay(input.dueDate)) throw fail('round_dates_invalid', { detail: `dueDate ${input.dueDate}` });
  const at = nowIso(ctx);
  const year = await yearOf(ctx, planId);
  const { id, sendMail } = await inTransaction(ctx, async (trx) => {
    await lockPlan(trx, planId, at);
    const prefix = local ? `local:${ownerUnitId}:` : 'added:';
    const count = await trx.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('plan_id', '=', planId).where('key', 'like', `${prefix}%`).executeTakeFirstOrThrow();
    const units: TaskDraft['units'] = [];
    const add = (unitId: number, role: 'lead' | 'cooperate' | 'locality') => {
      if (!units.some((u) => u.unitId === unitId)) units.push({ unitId, role });
    };
    add(input.leadUnitId, 'lead');
    for (const u of input.cooperatingUnitIds ?? []) add(u, 'cooperate');
    for (const u of input.localityUnitIds ?? []) add(u, 'locality');
    const draft: TaskDraft = {
      key: `${prefix}${Number(count.n) + 1}`,
      itemOrdinal: input.itemOrdinal ?? parent?.itemOrdinal ?? 0,
      clauseIndex: null,
      sectionOrdinal: parent?.sectionOrdinal ?? null,
      title: input.title,
      text: input.text ?? input.title,
      span: [0, 0],
      leadUnitId: input.leadUnitId,
      units,
      targets: (input.indicators ?? []).map((i) => ({ raw: `${i.subject}${i.comparator}${i.target}${i.unit}`, value: i.target, unit: i.unit, comparator: i.comparator, subject: i.subject, scopeUnitId: null, year, span: [0, 0] as [number, number] })),
    };
    const taskId = await insertTask(trx, ctx, {
      planId,
      ownerUnitId,
      version: plan.publishedVersion!,
      draft,
      dueDate: input.dueDate ?? parent?.dueDate ?? yearEnd(year),
      position: await nextPosition(trx, planId),
      publishedAt: at,
      year,
      origin: local ? 'local' : 'added',
      parentTaskId: parent?.id ?? null,
    });
    // Added tasks have no place in the plan's text.
    await trx
      .updateTable('tasks')
      .set({ span_start: null, span_end: null, ...(input.itemOrdinal === undefined && !parent && { item_ordinal: null }) })
      .where('id', '=', taskId)
      .execute();
    await trx.updateTable('indicators').set({ span_start: null, span_end: null }).where('task_id', '=', taskId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: local ? 'task.add_local' : 'task.add', entity: 'task', entityId: taskId, detail: { planId, ownerUnitId, parentTaskId: parent?.id ?? null, title: input.title, units } });
    const mail = await notifyUnits(trx, ctx, units.map((u) => u.unitId), null, { code: 'task.added', params: { title: input.title } });
    return { id: taskId, sendMail: mail };
  });
  await sendMail();
  return { id };
}

/** The office changes a task's due date, milestones or title; audited with the old values. */
export async function updateTask(taskId: number, input: { dueDate?: string | undefined; milestones?: { date: string; title: string }[] | undefined; title?: string | undefined }, ctx: ServiceContext): Promise<{ id: number }> {
  const tree = await loadUnitTree(ctx.db);
  const task = await loadTask(ctx.db, taskId);
  await managed(task, ctx, tree);
  if (task.status === 'closed') throw fail('task_closed');
  const at = nowIso(ctx);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('tasks')
      .set({
        ...(input.dueDate !== undefined && { due_date: input.dueDate }),
        ...(input.milestones !== undefined && { milestones: JSON.stringify(input.milestones) }),
        ...(input.title !== undefined && { title: input.title }),
        updated_at: at,
      })
      .where('id', '=', taskId)
      .execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'task.update',
      entity: 'task',
      entityId: taskId,
      detail: { before: { dueDate: task.dueDate, milestones: task.milestones, title: task.title }, after: input },
    });
  });
  return { id: taskId };
}

/** The plan's light thresholds as they apply: the stored ones, or the defaults (domain/lights.ts). Anyone who reads the ledger may read them. */
export async function getLightRules(planId: number, ctx: ServiceContext): Promise<LightRules> {
  authorize(ctx.actor, 'task.read');
  const plan = await ctx.db.selectFrom('plans').select('light_rules').where('id', '=', planId).executeTakeFirst();
  if (!plan) throw fail('plan_not_found');
  return parseLightRules(plan.light_rules);
}

/** The plan's light thresholds (defaults in domain/lights.ts); the plan owner's office sets them. */
export async function setLightRules(planId: number, rules: { yellowBehind: number; redBehind: number; missingForRed: number }, ctx: ServiceContext) {
  const tree = await loadUnitTree(ctx.db);
  const plan = await loadPlanOwner(ctx.db, planId);
  authorize(ctx.actor, 'task.manage', { scopePath: unitPath(plan.ownerUnitId, tree) });
  if (rules.redBehind < rules.yellowBehind) throw fail('validation_failed');
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('plans').set({ light_rules: JSON.stringify(rules), updated_at: nowIso(ctx) }).where('id', '=', planId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'plan.light_rules', entity: 'plan', entityId: planId, detail: rules });
  });
  return rules;
}
