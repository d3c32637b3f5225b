import { fail } from '../domain/errors.js';
import { isIsoDay, yearEnd } from '../domain/ledger-periods.js';
import { authorize, unitPath } from '../domain/policy.js';
import { diffTasks, draftTaskOfItem, indicatorComparator, planYear } from '../domain/task-decomposition.js';
import type { ItemInput, StoredTaskFacts, TaskChange, TaskDraft } from '../domain/task-decomposition.js';
import { chinaDate } from '../domain/consultation.js';
import { deadlinesInText } from '../parse/schedule.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { getPlan } from './get-plan.js';
import type { PlanView } from './get-plan.js';
import { loadPlanOwner } from './support/ledger-rows.js';
import { notifyUnits } from './support/notify-units.js';
import { planRegistry } from './support/plan-resolver.js';
import { loadUnitTree } from './support/unit-tree.js';

export interface PublishPlanInput {
  version?: number | undefined;
  /** Default due date of new tasks (YYYY-MM-DD), for items whose body gives none; the end of the plan's year otherwise. */
  dueDate?: string | undefined;
  /** Apply changes to tasks that already have reports (they are listed in the answer). */
  confirmChanges?: boolean | undefined;
}

export interface PublishPlanResult {
  planId: number;
  version: number;
  stage: 'published';
  publishedAt: string;
  /** Tasks of the plan's owner after publishing. */
  tasks: number;
  created: number;
  updated: number;
  removed: number;
  /** What this publication changed, task by task (a first publication lists every task as added). */
  changes: TaskChange[];
  firstPublication: boolean;
}

/** The items of a plan view with registry ids, in the decomposition's input shape. */
export function itemsOf(view: PlanView, idOf: (name: string | null) => number | null): ItemInput[] {
  return view.items.map((item) => ({
    ordinal: item.ordinal,
    number: item.number,
    section: item.section,
    title: item.title,
    text: item.text,
    span: item.span,
    responsible: item.responsible.map((r) => ({
      role: r.role,
      unitId: r.unitId,
      expandsUnitIds: r.expandsUnitIds,
    })),
    targets: item.targets.map((t) => ({
      raw: t.raw,
      value: t.value,
      unit: t.unit,
      comparator: t.comparator,
      subject: t.subject,
      scopeUnitId: idOf(t.scope),
      year: t.year,
      span: t.span,
    })),
  }));
}

/**
 * 印发: publishes a plan version as final and decomposes it into tasks (one per item, with
 * its units and its targets as indicators). The version becomes 定稿 (final) and the plan
 * `published` in the same transaction. Publishing a later version re-links tasks by item;
 * a change to a task that already has reports is refused unless confirmed, and every
 * change is listed in the answer and the audit trail.
 */
export async function publishPlan(planId: number, input: PublishPlanInput, ctx: ServiceContext): Promise<PublishPlanResult> {
  const tree = await loadUnitTree(ctx.db);
  const plan = await loadPlanOwner(ctx.db, planId);
  authorize(ctx.actor, 'task.manage', { scopePath: unitPath(plan.ownerUnitId, tree) });
  if (input.dueDate !== undefined && !isIsoDay(input.dueDate)) {
    throw fail('round_dates_invalid', { detail: `dueDate ${input.dueDate}` });
  }
  const view = await getPlan(planId, ctx, input.version);
  const registry = await planRegistry(ctx.db);
  const year = planYear(view.title, view.letter?.date ?? null, Number(chinaDate(ctx.clock.now()).slice(0, 4)));
  const defaultDue = input.dueDate ?? yearEnd(year);
  const allDrafts = itemsOf(view, registry.idOf).map(draftTaskOfItem);
  // The body may give an item its own due date: a division table's 完成时限 cell, or a
  // deadline in its text (2021年6月底前, 年底前); the latest one it names. Others take the default.
  const itemDue = new Map<number, string>();
  for (const item of view.items) {
    const due = itemDueDate(item, year);
    if (due !== null) itemDue.set(item.ordinal, due);
  }
  const at = nowIso(ctx);

  const { result, sendMail } = await inTransaction(ctx, async (trx) => {
    // Taking the plan row first serialises publications of the same plan.
    const locked = await trx
      .updateTable('plans')
      .set({ stage: 'published', published_version: view.version.number, updated_at: at })
      .where('id', '=', planId)
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) !== 1) throw fail('not_found');
    const previous = await trx.selectFrom('plans').select(['published_at']).where('id', '=', planId).executeTakeFirstOrThrow();
    const publishedAt = previous.published_at ?? at;
    if (previous.published_at === null) await trx.updateTable('plans').set({ published_at: publishedAt }).where('id', '=', planId).execute();

    const stored = await storedItemTasks(trx, planId, plan.ownerUnitId);
    // Items an office split or merged are run by those tasks now: they are kept as the office
    // shaped them, and listed as `kept` (with `text` among the fields when their item's text
    // changed) so that nothing changes silently.
    const shaped = stored.filter((s) => s.origin !== 'item');
    const draftOf = new Map(allDrafts.map((d) => [d.itemOrdinal, d]));
    const managed = new Set<number | null>();
    for (const task of shaped) for (const ordinal of itemsRunBy(task, allDrafts)) managed.add(ordinal);
    const drafts = allDrafts.filter((d) => !managed.has(d.itemOrdinal));
    const changes = [
      ...diffTasks(
        stored.filter((s) => s.origin === 'item'),
        drafts,
      ),
      ...shaped.map((task) => keptChange(task, draftOf)),
    ];
    const blocked = changes.filter((c) => (c.kind === 'changed' || c.kind === 'removed') && c.hasReports);
    if (blocked.length > 0 && input.confirmChanges !== true) {
      throw fail('plan_has_reports', { tasks: blocked.map((c) => c.key).join(', ') }, { changes: blocked });
    }

    await trx
      .updateTable('plan_versions')
      .set({ status: 'final' })
      .where('plan_id', '=', planId)
      .where('number', '=', view.version.number)
      .execute();

    const draftByKey = new Map<string, TaskDraft>(drafts.map((d) => [d.key, d]));
    let position = (await trx.selectFrom('tasks').select((eb) => eb.fn.max('position').as('p')).where('plan_id', '=', planId).executeTakeFirst())?.p ?? 0;
    const newlyResponsible = new Set<number>();
    let created = 0;
    let updated = 0;
    let removed = 0;
    for (const change of changes) {
      if (change.kind === 'added') {
        const draft = draftByKey.get(change.key)!;
        position = Number(position) + 1;
        const dueDate = itemDue.get(draft.itemOrdinal) ?? defaultDue;
        const taskId = await insertTask(trx, ctx, { planId, ownerUnitId: plan.ownerUnitId, version: view.version.number, draft, dueDate, position, publishedAt: at, year });
        change.taskId = taskId;
        for (const u of draft.units) newlyResponsible.add(u.unitId);
        created += 1;
      } else if (change.kind === 'changed') {
        const draft = draftByKey.get(change.key)!;
        await updateTask(trx, ctx, change.taskId!, draft, change.fields, view.version.number, year, planId);
        for (const u of draft.units) newlyResponsible.add(u.unitId);
        updated += 1;
      } else if (change.kind === 'removed' && !change.hasReports) {
        await trx.deleteFrom('indicators').where('task_id', '=', change.taskId!).where('source', '=', 'task').execute();
        await trx.deleteFrom('tasks').where('id', '=', change.taskId!).execute();
        removed += 1;
      }
    }
    // Every task still on the plan now answers to this version.
    await trx
      .updateTable('tasks')
      .set({ version_number: view.version.number })
      .where('plan_id', '=', planId)
      .where('owner_unit_id', '=', plan.ownerUnitId)
      .execute();
    const count = await trx
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('plan_id', '=', planId)
      .where('owner_unit_id', '=', plan.ownerUnitId)
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'plan.publish',
      entity: 'plan',
      entityId: planId,
      detail: { version: view.version.number, created, updated, removed, changes },
    });
    const mail = await notifyUnits(trx, ctx, [...newlyResponsible], null, { code: 'task.published', params: { planTitle: view.title } });
    return {
      result: {
        planId,
        version: view.version.number,
        stage: 'published' as const,
        publishedAt,
        tasks: Number(count.n),
        created,
        updated,
        removed,
        changes,
        firstPublication: previous.published_at === null,
      },
      sendMail: mail,
    };
  });
  await sendMail();
  return result;
}

/**
 * An item's own due date: its 完成时限 cell when the parser read one, else the latest deadline
 * its text names (from the plan's year on); null when it names none.
 */
export function itemDueDate(item: { text: string; schedule?: { due: string | null } | undefined }, year: number): string | null {
  if (item.schedule?.due) return item.schedule.due;
  return (
    deadlinesInText(item.text, year)
      .map((d) => d.due)
      .sort()
      .at(-1) ?? null
  );
}

/** The items a split or merged task runs: its own item, and for a merge every item whose text it holds. */
function itemsRunBy(task: { origin: string; itemOrdinal: number | null; text: string }, drafts: TaskDraft[]): (number | null)[] {
  const out: (number | null)[] = [task.itemOrdinal];
  if (task.origin === 'merge') for (const d of drafts) if (d.text.trim() !== '' && task.text.includes(d.text.trim())) out.push(d.itemOrdinal);
  return out;
}

/** A split or merged task on re-publication: kept; `text` listed when its item's text no longer holds what the task says. */
function keptChange(task: StoredTaskFacts & { origin: string; itemOrdinal: number | null }, draftOf: Map<number, TaskDraft>): TaskChange {
  const draft = task.itemOrdinal === null ? undefined : draftOf.get(task.itemOrdinal);
  let unchanged: boolean;
  if (!draft) unchanged = false;
  else if (task.origin === 'clause') unchanged = draft.text.includes(task.text.trim());
  else unchanged = task.text.includes(draft.text.trim());
  return { key: task.key, taskId: task.id, itemOrdinal: task.itemOrdinal, kind: 'kept', fields: unchanged ? [] : ['text'], hasReports: task.hasReports };
}

async function storedItemTasks(trx: Tx, planId: number, ownerUnitId: number): Promise<(StoredTaskFacts & { origin: string; itemOrdinal: number | null })[]> {
  const rows = await trx
    .selectFrom('tasks')
    .select(['id', 'key', 'title', 'text', 'section_ordinal', 'origin', 'item_ordinal'])
    .where('plan_id', '=', planId)
    .where('owner_unit_id', '=', ownerUnitId)
    .where('item_ordinal', 'is not', null)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const units = await trx.selectFrom('task_units').select(['task_id', 'unit_id', 'role']).where('task_id', 'in', ids).execute();
  const targets = await trx.selectFrom('indicators').select(['task_id', 'raw', 'target', 'unit']).where('task_id', 'in', ids).where('source', '=', 'task').execute();
  const reported = new Set((await trx.selectFrom('reports').select('task_id').distinct().where('task_id', 'in', ids).execute()).map((r) => r.task_id));
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    title: r.title,
    text: r.text,
    sectionOrdinal: r.section_ordinal,
    origin: r.origin,
    itemOrdinal: r.item_ordinal,
    units: units.filter((u) => u.task_id === r.id).map((u) => ({ unitId: u.unit_id, role: u.role })),
    targets: targets.filter((t) => t.task_id === r.id).map((t) => ({ raw: t.raw ?? '', value: t.target ?? 0, unit: t.unit })),
    hasReports: reported.has(r.id),
  }));
}

interface NewTask {
  planId: number;
  ownerUnitId: number;
  version: number;
  draft: TaskDraft;
  dueDate: string;
  position: number;
  publishedAt: string;
  year: number;
  origin?: string;
  parentTaskId?: number | null;
}

/** Inserts a task with its units and its targets as indicators (a scoped target allocated to its place). */
export async function insertTask(trx: Tx, ctx: ServiceContext, t: NewTask): Promise<number> {
  const at = nowIso(ctx);
  const row = await trx
    .insertInto('tasks')
    .values({
      plan_id: t.planId,
      key: t.draft.key,
      version_number: t.version,
      item_ordinal: t.draft.itemOrdinal,
      clause_index: t.draft.clauseIndex,
      section_ordinal: t.draft.sectionOrdinal,
      position: t.position,
      origin: t.origin ?? 'item',
      title: t.draft.title,
      text: t.draft.text,
      span_start: t.draft.span[0],
      span_end: t.draft.span[1],
      owner_unit_id: t.ownerUnitId,
      parent_task_id: t.parentTaskId ?? null,
      lead_unit_id: t.draft.leadUnitId,
      due_date: t.dueDate,
      milestones: '[]',
      status: 'open',
      published_at: t.publishedAt,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (t.draft.units.length > 0) {
    await trx
      .insertInto('task_units')
      .values(t.draft.units.map((u) => ({ task_id: row.id, unit_id: u.unitId, role: u.role, acknowledged_at: null, acknowledged_by: null, percent: null, percent_due: null })))
      .execute();
  }
  await insertIndicators(trx, at, t.planId, row.id, t.draft, t.year);
  return row.id;
}

async function insertIndicators(trx: Tx, at: string, planId: number, taskId: number, draft: TaskDraft, year: number): Promise<void> {
  for (const target of draft.targets) {
    const ind = await trx
      .insertInto('indicators')
      .values({
        key: null,
        name: target.subject ?? target.raw,
        unit: target.unit,
        comparator: indicatorComparator(target.comparator),
        target: target.value,
        year: target.year ?? year,
        source: 'task',
        plan_id: planId,
        task_id: taskId,
        register_id: null,
        span_start: target.span[0],
        span_end: target.span[1],
        raw: target.raw,
        rule: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A target written for one place (指导长沙市完成…) is that place's whole share.
    if (target.scopeUnitId !== null) {
      await trx.insertInto('indicator_allocations').values({ indicator_id: ind.id, unit_id: target.scopeUnitId, value: target.value, updated_at: at }).execute();
    }
  }
}

async function updateTask(trx: Tx, ctx: ServiceContext, taskId: number, draft: TaskDraft, fields: string[], version: number, year: number, planId: number): Promise<void> {
  const at = nowIso(ctx);
  await trx
    .updateTable('tasks')
    .set({
      title: draft.title,
      text: draft.text,
      section_ordinal: draft.sectionOrdinal,
      span_start: draft.span[0],
      span_end: draft.span[1],
      lead_unit_id: draft.leadUnitId,
      version_number: version,
      updated_at: at,
    })
    .where('id', '=', taskId)
    .execute();
  if (fields.includes('units')) {
    const existing = await trx.selectFrom('task_units').select(['unit_id']).where('task_id', '=', taskId).execute();
    const wanted = new Map(draft.units.map((u) => [u.unitId, u.role]));
    const gone = existing.map((e) => e.unit_id).filter((id) => !wanted.has(id));
    if (gone.length > 0) await trx.deleteFrom('task_units').where('task_id', '=', taskId).where('unit_id', 'in', gone).execute();
    for (const [unitId, role] of wanted) {
      if (existing.some((e) => e.unit_id === unitId)) {
        await trx.updateTable('task_units').set({ role }).where('task_id', '=', taskId).where('unit_id', '=', unitId).execute();
      } else {
        await trx.insertInto('task_units').values({ task_id: taskId, unit_id: unitId, role, acknowledged_at: null, acknowledged_by: null, percent: null, percent_due: null }).execute();
      }
    }
  }
  if (fields.includes('targets')) {
    const existing = await trx.selectFrom('indicators').select(['id', 'raw']).where('task_id', '=', taskId).where('source', '=', 'task').execute();
    const keep = new Set(draft.targets.map((t) => t.raw));
    const gone = existing.filter((e) => !keep.has(e.raw ?? '')).map((e) => e.id);
    if (gone.length > 0) await trx.deleteFrom('indicators').where('id', 'in', gone).execute();
    const have = new Set(existing.map((e) => e.raw));
    await insertIndicators(trx, at, planId, taskId, { ...draft, targets: draft.targets.filter((t) => !have.has(t.raw)) }, year);
  }
}
