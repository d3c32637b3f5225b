import { reportTimeliness, taskDueInRound } from '../domain/lights.js';
import type { ReportTimeliness } from '../domain/lights.js';
import { authorize, can, unitPath } from '../domain/policy.js';
import type { Actor, UnitTree } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadPlanOwner, loadRound, toRound } from './support/ledger-rows.js';
import type { RoundRow } from './support/ledger-rows.js';
import { toReportStatus } from './support/report-rows.js';
import { loadUnitTree } from './support/unit-tree.js';

export interface RoundReportRow {
  taskId: number;
  unitId: number;
  role: string;
  reportId: number | null;
  /** none: nothing the reader may see yet (no report, or another unit's draft). */
  status: 'none' | 'draft' | 'submitted' | 'returned' | 'accepted';
  timeliness: ReportTimeliness;
  percent: number | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
}

export interface RoundCounts {
  expected: number;
  submitted: number;
  accepted: number;
  returned: number;
  late: number;
  missing: number;
  pending: number;
}

export interface RoundView extends RoundRow {
  counts: RoundCounts;
  rows: RoundReportRow[];
}

/** Whether the actor may see a unit's report on a task (sealed or not). */
export function mayReadReport(actor: Actor, tree: UnitTree, r: { unitId: number; sealed: boolean; taskOwnerUnitId: number; leadUnitId: number | null }): boolean {
  return can(actor, 'report.read', {
    unitId: r.unitId,
    sealed: r.sealed,
    scopePath: [...unitPath(r.unitId, tree), ...unitPath(r.taskOwnerUnitId, tree)],
    ...(r.leadUnitId !== null && { leadUnitId: r.leadUnitId }),
  });
}

/**
 * A round with one row per task and responsible unit: what the reader may see of each
 * report and its timeliness (pending, on time, late, missing), derived from the clock.
 */
export async function getRound(roundId: number, filter: { unitId?: number | undefined; taskId?: number | undefined }, ctx: ServiceContext): Promise<RoundView> {
  authorize(ctx.actor, 'round.read');
  const round = await loadRound(ctx.db, roundId);
  const tree = await loadUnitTree(ctx.db);
  const now = ctx.clock.now();
  let taskQuery = ctx.db
    .selectFrom('tasks')
    .innerJoin('task_units', 'task_units.task_id', 'tasks.id')
    .select(['tasks.id', 'tasks.lead_unit_id', 'tasks.published_at', 'tasks.status', 'tasks.closed_at', 'task_units.unit_id', 'task_units.role'])
    .where('tasks.plan_id', '=', round.planId)
    .where('tasks.owner_unit_id', '=', round.ownerUnitId);
  if (filter.taskId !== undefined) taskQuery = taskQuery.where('tasks.id', '=', filter.taskId);
  if (filter.unitId !== undefined) taskQuery = taskQuery.where('task_units.unit_id', '=', filter.unitId);
  // Who owes a report: tasks published before the due date and not closed by then.
  const pairs = (await taskQuery.orderBy('tasks.position').orderBy('task_units.unit_id').execute()).filter((p) =>
    taskDueInRound({ publishedAt: p.published_at, closedAt: p.closed_at }, round.dueDate),
  );
  let reportQuery = ctx.db
    .selectFrom('reports')
    .select(['id', 'task_id', 'unit_id', 'status', 'percent', 'first_submitted_at', 'submitted_at'])
    .where('round_id', '=', roundId);
  if (filter.taskId !== undefined) reportQuery = reportQuery.where('task_id', '=', filter.taskId);
  if (filter.unitId !== undefined) reportQuery = reportQuery.where('unit_id', '=', filter.unitId);
  const reports = new Map((await reportQuery.execute()).map((r) => [`${r.task_id}:${r.unit_id}`, r]));
  const counts: RoundCounts = { expected: 0, submitted: 0, accepted: 0, returned: 0, late: 0, missing: 0, pending: 0 };
  const rows: RoundReportRow[] = [];
  for (const p of pairs) {
    const report = reports.get(`${p.id}:${p.unit_id}`);
    const status = report ? toReportStatus(report.status) : null;
    const firstSubmittedAt = report?.first_submitted_at ?? null;
    const timeliness = reportTimeliness(round.dueDate, firstSubmittedAt, now);
    const sealed = status !== null && status !== 'draft';
    const facts = { unitId: p.unit_id, sealed, taskOwnerUnitId: round.ownerUnitId, leadUnitId: p.lead_unit_id };
    // The row itself (who owes what, and whether it is late) is the office's business and the
    // unit's own (and the lead unit's, for its cooperating units). The counts are those of the
    // rows the reader is shown: the governing office sees every unit's, a unit only its own.
    if (!mayReadReport(ctx.actor, tree, { ...facts, sealed: true })) continue;
    counts.expected += 1;
    if (status === 'submitted' || status === 'accepted' || status === 'returned') counts.submitted += 1;
    if (status === 'accepted') counts.accepted += 1;
    if (status === 'returned') counts.returned += 1;
    if (timeliness === 'late') counts.late += 1;
    if (timeliness === 'missing') counts.missing += 1;
    if (timeliness === 'pending') counts.pending += 1;
    const visible = report !== undefined && mayReadReport(ctx.actor, tree, facts);
    rows.push({
      taskId: p.id,
      unitId: p.unit_id,
      role: p.role,
      reportId: visible ? report.id : null,
      status: visible && status !== null ? status : 'none',
      timeliness,
      percent: visible ? report.percent : null,
      firstSubmittedAt,
      submittedAt: visible ? report.submitted_at : null,
    });
  }
  return { ...round, counts, rows };
}

export async function listRounds(planId: number, ctx: ServiceContext): Promise<RoundRow[]> {
  authorize(ctx.actor, 'round.read');
  const rows = await ctx.db.selectFrom('rounds').selectAll().where('plan_id', '=', planId).orderBy('due_date').orderBy('id').execute();
  return rows.map(toRound);
}

/**
 * Whether the actor may open a round on the plan: for the office's own level (a 市州's office
 * its jurisdiction, the province the plan's owner), and only once the plan is published.
 */
export async function allowedForRounds(planId: number, ctx: ServiceContext): Promise<{ open: boolean }> {
  const plan = await loadPlanOwner(ctx.db, planId);
  const owner = ctx.actor.kind === 'user' && ctx.actor.officeOf !== undefined ? ctx.actor.officeOf : plan.ownerUnitId;
  const tree = await loadUnitTree(ctx.db);
  return { open: plan.publishedAt !== null && can(ctx.actor, 'round.manage', { scopePath: unitPath(owner, tree) }) };
}
