import type { Kysely, Selectable } from 'kysely';
import type { Database, RoundsTable, TasksTable } from '../../db/schema.js';
import { fail } from '../../domain/errors.js';
import { computeLight, dueMs, overrideInForce, parseLightRules, taskDueInRound } from '../../domain/lights.js';
import type { Light, LightInput, LightResult, LightRules, RoundFacts } from '../../domain/lights.js';
import { unitPath } from '../../domain/policy.js';
import type { UnitTree } from '../../domain/policy.js';
import { deadlineInstant } from '../../domain/consultation.js';

type Reader = Kysely<Database>;

export type TaskRole = 'lead' | 'cooperate' | 'locality';

export interface TaskUnit {
  unitId: number;
  role: TaskRole;
  acknowledgedAt: string | null;
  percent: number | null;
}

export interface TaskRow {
  id: number;
  planId: number;
  key: string;
  versionNumber: number;
  itemOrdinal: number | null;
  clauseIndex: number | null;
  sectionOrdinal: number | null;
  position: number;
  origin: string;
  title: string;
  text: string;
  span: [number, number] | null;
  ownerUnitId: number;
  parentTaskId: number | null;
  leadUnitId: number | null;
  dueDate: string;
  milestones: { date: string; title: string }[];
  status: 'open' | 'closed';
  closedAt: string | null;
  closedComment: string | null;
  publishedAt: string;
  units: TaskUnit[];
}

export function toTask(r: Selectable<TasksTable>, units: TaskUnit[]): TaskRow {
  return {
    id: r.id,
    planId: r.plan_id,
    key: r.key,
    versionNumber: r.version_number,
    itemOrdinal: r.item_ordinal,
    clauseIndex: r.clause_index,
    sectionOrdinal: r.section_ordinal,
    position: r.position,
    origin: r.origin,
    title: r.title,
    text: r.text,
    span: r.span_start !== null && r.span_end !== null ? [r.span_start, r.span_end] : null,
    ownerUnitId: r.owner_unit_id,
    parentTaskId: r.parent_task_id,
    leadUnitId: r.lead_unit_id,
    dueDate: r.due_date,
    milestones: JSON.parse(r.milestones) as TaskRow['milestones'],
    status: r.status === 'closed' ? 'closed' : 'open',
    closedAt: r.closed_at,
    closedComment: r.closed_comment,
    publishedAt: r.published_at,
    units,
  };
}

const ROLE_ORDER: Record<TaskRole, number> = { lead: 0, cooperate: 1, locality: 2 };

export async function loadTaskUnits(db: Reader, taskIds: number[], leadsOnly = false): Promise<Map<number, TaskUnit[]>> {
  const out = new Map<number, TaskUnit[]>();
  if (taskIds.length === 0) return out;
  const rows = [];
  for (let i = 0; i < taskIds.length; i += 500) {
    const chunk = taskIds.slice(i, i + 500);
    let q = db
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['task_units.task_id', 'task_units.unit_id', 'task_units.role', 'task_units.acknowledged_at', 'task_units.percent', 'units.sort_order'])
      .where('task_units.task_id', 'in', chunk);
    if (leadsOnly) q = q.where('task_units.role', '=', 'lead');
    rows.push(...(await q.execute()));
  }
  rows.sort((a, b) => ROLE_ORDER[a.role as TaskRole] - ROLE_ORDER[b.role as TaskRole] || a.sort_order - b.sort_order || a.unit_id - b.unit_id);
  for (const r of rows) {
    const list = out.get(r.task_id) ?? [];
    list.push({ unitId: r.unit_id, role: r.role as TaskRole, acknowledgedAt: r.acknowledged_at, percent: r.percent });
    out.set(r.task_id, list);
  }
  return out;
}

export async function loadTask(db: Reader, taskId: number): Promise<TaskRow> {
  const row = await db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!row) throw fail('task_not_found');
  const units = await loadTaskUnits(db, [taskId]);
  return toTask(row, units.get(taskId) ?? []);
}

export interface RoundRow {
  id: number;
  planId: number;
  ownerUnitId: number;
  title: string;
  periodStart: string;
  periodEnd: string;
  period: string;
  dueDate: string;
  recurrence: string;
  createdAt: string;
}

export function toRound(r: Selectable<RoundsTable>): RoundRow {
  return {
    id: r.id,
    planId: r.plan_id,
    ownerUnitId: r.owner_unit_id,
    title: r.title,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    period: r.period,
    dueDate: r.due_date,
    recurrence: r.recurrence,
    createdAt: r.created_at,
  };
}

export async function loadRound(db: Reader, roundId: number): Promise<RoundRow> {
  const row = await db.selectFrom('rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
  if (!row) throw fail('round_not_found');
  return toRound(row);
}

/**
 * The rounds a task owes reports in: its owner's rounds of its plan falling due after it was
 * published and not after it was closed (`taskDueInRound`).
 */
export function roundsOfTask(task: Pick<TaskRow, 'planId' | 'ownerUnitId' | 'publishedAt' | 'closedAt'>, rounds: RoundRow[]): RoundRow[] {
  return rounds.filter((r) => r.planId === task.planId && r.ownerUnitId === task.ownerUnitId && taskDueInRound(task, r.dueDate));
}

export interface PlanLedgerOptions {
  ownerUnitId?: number;
  taskIds?: number[];
  /**
   * Load only each task's lead unit (all units of tasks without one): enough for lights and
   * percents, and what keeps the overview fast when thousands of units share each task.
   */
  leadsOnly?: boolean;
}

export interface LeadReport {
  taskId: number;
  roundId: number;
  status: string;
  percent: number;
  firstSubmittedAt: string | null;
  reviewedAt: string | null;
}

/** What the lights of a plan's tasks are computed from. */
export interface PlanLedger {
  planId: number;
  ownerUnitId: number;
  rules: LightRules;
  tasks: TaskRow[];
  rounds: RoundRow[];
  /** Reports of each task's lead unit (the ones lights read), by task. */
  leadReports: Map<number, LeadReport[]>;
  overrides: Map<number, { light: Light; reason: string; createdAt: string }[]>;
}

export async function loadPlanLedger(db: Reader, planId: number, options: PlanLedgerOptions = {}): Promise<PlanLedger> {
  const plan = await db.selectFrom('plans').select(['id', 'owner_unit_id', 'light_rules']).where('id', '=', planId).executeTakeFirst();
  if (!plan) throw fail('not_found');
  let query = db.selectFrom('tasks').selectAll().where('plan_id', '=', planId);
  if (options.ownerUnitId !== undefined) query = query.where('owner_unit_id', '=', options.ownerUnitId);
  if (options.taskIds) query = query.where('id', 'in', options.taskIds.length > 0 ? options.taskIds : [-1]);
  const taskRows = await query.orderBy('position').orderBy('id').execute();
  const units = await loadTaskUnits(
    db,
    taskRows.map((t) => t.id),
    options.leadsOnly === true,
  );
  if (options.leadsOnly) {
    const leadless = taskRows.filter((t) => t.lead_unit_id === null).map((t) => t.id);
    for (const [taskId, list] of await loadTaskUnits(db, leadless)) units.set(taskId, list);
  }
  const tasks = taskRows.map((t) => toTask(t, units.get(t.id) ?? []));
  const rounds = (await db.selectFrom('rounds').selectAll().where('plan_id', '=', planId).orderBy('due_date').orderBy('id').execute()).map(toRound);
  let reportQuery = db
    .selectFrom('reports')
    .innerJoin('tasks', (j) => j.onRef('tasks.id', '=', 'reports.task_id').onRef('tasks.lead_unit_id', '=', 'reports.unit_id'))
    .select([
      'reports.task_id',
      'reports.round_id',
      'reports.status',
      'reports.percent',
      'reports.first_submitted_at',
      'reports.reviewed_at',
    ])
    .where('tasks.plan_id', '=', planId);
  if (options.ownerUnitId !== undefined) reportQuery = reportQuery.where('tasks.owner_unit_id', '=', options.ownerUnitId);
  if (options.taskIds) reportQuery = reportQuery.where('tasks.id', 'in', options.taskIds.length > 0 ? options.taskIds : [-1]);
  const leadReports = new Map<number, LeadReport[]>();
  for (const r of await reportQuery.execute()) {
    const list = leadReports.get(r.task_id) ?? [];
    list.push({
      taskId: r.task_id,
      roundId: r.round_id,
      status: r.status,
      percent: r.percent,
      firstSubmittedAt: r.first_submitted_at,
      reviewedAt: r.reviewed_at,
    });
    leadReports.set(r.task_id, list);
  }
  const overrides = new Map<number, { light: Light; reason: string; createdAt: string }[]>();
  const overrideRows = await db
    .selectFrom('light_overrides')
    .innerJoin('tasks', 'tasks.id', 'light_overrides.task_id')
    .select(['light_overrides.task_id', 'light_overrides.light', 'light_overrides.reason', 'light_overrides.created_at'])
    .where('tasks.plan_id', '=', planId)
    .orderBy('light_overrides.id')
    .execute();
  for (const o of overrideRows) {
    const list = overrides.get(o.task_id) ?? [];
    list.push({ light: o.light as Light, reason: o.reason, createdAt: o.created_at });
    overrides.set(o.task_id, list);
  }
  return {
    planId,
    ownerUnitId: options.ownerUnitId ?? plan.owner_unit_id,
    rules: parseLightRules(plan.light_rules),
    tasks,
    rounds,
    leadReports,
    overrides,
  };
}

/**
 * The lead unit's percent as of an instant: its latest report (by round due date) that the
 * office has accepted and that was first submitted by then. Acceptance confirms a figure;
 * the time it counts from is when the unit sent it, so a round's history does not depend on
 * how fast the office reviewed.
 */
export function percentAsOf(reports: LeadReport[], rounds: Map<number, RoundRow>, at: Date): number | null {
  let best: { due: string; percent: number } | null = null;
  for (const r of reports) {
    if (r.status !== 'accepted' || r.firstSubmittedAt === null || Date.parse(r.firstSubmittedAt) > at.getTime()) continue;
    const due = rounds.get(r.roundId)?.dueDate ?? '';
    if (best === null || due > best.due) best = { due, percent: r.percent };
  }
  return best?.percent ?? null;
}

/**
 * What a task's light is computed from, gathered once per task and ledger: its rounds, its
 * lead's reports (accepted ones ordered by round due date, latest first, with the instant
 * each was sent) and its overrides. The overview asks for one task's light as of every round
 * due date; this keeps each of those a few comparisons instead of a pass over all rounds.
 */
interface TaskLightFacts {
  applicable: RoundRow[];
  applicableIds: Set<number>;
  rounds: RoundFacts[];
  dueDates: string[];
  /** Accepted reports by round due date, latest first; `sent` is the first submission in ms. */
  accepted: { due: string; sent: number; percent: number }[];
  overrides: { light: Light; reason: string; createdAt: string }[];
}

const factsCache = new WeakMap<TaskRow, { ledger: PlanLedger; facts: TaskLightFacts }>();
const indexCache = new WeakMap<PlanLedger, Map<number, RoundRow>>();

function roundIndexOf(ledger: PlanLedger): Map<number, RoundRow> {
  let index = indexCache.get(ledger);
  if (!index) {
    index = new Map(ledger.rounds.map((r) => [r.id, r]));
    indexCache.set(ledger, index);
  }
  return index;
}

/** The facts of a task's light (kept for as long as the ledger object lives). */
export function taskLightFacts(ledger: PlanLedger, task: TaskRow): TaskLightFacts {
  const cached = factsCache.get(task);
  if (cached && cached.ledger === ledger) return cached.facts;
  const applicable = roundsOfTask(task, ledger.rounds);
  const reports = ledger.leadReports.get(task.id) ?? [];
  const byRound = new Map(reports.map((r) => [r.roundId, r]));
  const index = roundIndexOf(ledger);
  const accepted = reports
    .filter((r) => r.status === 'accepted' && r.firstSubmittedAt !== null)
    .map((r) => ({ due: index.get(r.roundId)?.dueDate ?? '', sent: Date.parse(r.firstSubmittedAt!), percent: r.percent }))
    // Latest due date first; among equal dates the first in load order wins, as percentAsOf does.
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => (a.due < b.due ? 1 : a.due > b.due ? -1 : a.i - b.i))
    .map(({ due, sent, percent }) => ({ due, sent, percent }));
  const facts: TaskLightFacts = {
    applicable,
    applicableIds: new Set(applicable.map((r) => r.id)),
    rounds:
      task.leadUnitId === null
        ? []
        : applicable.map((r) => ({ roundId: r.id, title: r.title, dueDate: r.dueDate, firstSubmittedAt: byRound.get(r.id)?.firstSubmittedAt ?? null })),
    dueDates: applicable.map((r) => r.dueDate),
    accepted,
    overrides: [...(ledger.overrides.get(task.id) ?? [])].reverse(),
  };
  factsCache.set(task, { ledger, facts });
  return facts;
}

/** percentAsOf over prepared facts: the first (latest-due) accepted report sent by then. */
function acceptedPercentAsOf(facts: TaskLightFacts, at: Date): number | null {
  const ms = at.getTime();
  for (const r of facts.accepted) if (r.sent <= ms) return r.percent;
  return null;
}

/** The light of one task as of an instant. */
export function lightOf(ledger: PlanLedger, task: TaskRow, at: Date, _roundIndex?: Map<number, RoundRow>): LightResult {
  const facts = taskLightFacts(ledger, task);
  const override = facts.overrides.find((o) => overrideInForce(o.createdAt, facts.dueDates, at));
  const percent =
    task.leadUnitId !== null ? acceptedPercentAsOf(facts, at) : averageOf(task.units.map((u) => u.percent).filter((p): p is number => p !== null));
  const input: LightInput = {
    publishedAt: task.publishedAt,
    dueDate: task.dueDate,
    closedAt: task.closedAt,
    percent,
    rounds: facts.rounds,
    override: override ? { light: override.light, reason: override.reason } : null,
  };
  return computeLight(input, at, ledger.rules);
}

function averageOf(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/** The light of a task as of each applicable round's due date (its history), oldest first. */
export function lightHistory(ledger: PlanLedger, task: TaskRow, now: Date): { roundId: number; title: string; dueDate: string; light: LightResult }[] {
  const index = new Map(ledger.rounds.map((r) => [r.id, r]));
  return roundsOfTask(task, ledger.rounds)
    .filter((r) => dueMs(r.dueDate) <= now.getTime())
    .map((r) => ({ roundId: r.id, title: r.title, dueDate: r.dueDate, light: lightOf(ledger, task, deadlineInstant(r.dueDate), index) }));
}

/** A task's percent: its lead unit's latest accepted report (or its units' mean without a lead). */
export function taskPercent(ledger: PlanLedger, task: TaskRow, now: Date): number | null {
  if (task.leadUnitId === null) return averageOf(task.units.map((u) => u.percent).filter((p): p is number => p !== null));
  return acceptedPercentAsOf(taskLightFacts(ledger, task), now);
}

/** The scope path of a task's owner, for jurisdiction checks. */
export function taskScope(task: Pick<TaskRow, 'ownerUnitId'>, tree: UnitTree): number[] {
  return unitPath(task.ownerUnitId, tree);
}

export async function loadPlanOwner(db: Reader, planId: number): Promise<{ id: number; ownerUnitId: number; title: string; stage: string; publishedVersion: number | null; publishedAt: string | null }> {
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'owner_unit_id', 'title', 'stage', 'published_version', 'published_at'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw fail('not_found');
  return { id: plan.id, ownerUnitId: plan.owner_unit_id, title: plan.title, stage: plan.stage, publishedVersion: plan.published_version, publishedAt: plan.published_at };
}
