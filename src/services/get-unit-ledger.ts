import { deadlineInstant } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import { describeLightReason, reportTimeliness } from '../domain/lights.js';
import type { Light, ReportTimeliness } from '../domain/lights.js';
import { authorize, unitPath } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { governmentRoot, indicatorFigures } from './support/indicator-figures.js';
import type { UnitFigure } from './support/indicator-figures.js';
import { lightOf, loadPlanLedger, roundsOfTask, taskPercent } from './support/ledger-rows.js';
import { toReportStatus } from './support/report-rows.js';
import { listNotices } from './supervise-task.js';
import type { NoticeView } from './support/notice-rows.js';
import { childrenOf, loadUnitTree } from './support/unit-tree.js';

export interface UnitTaskRow {
  id: number;
  planId: number;
  title: string;
  role: string;
  ownerUnitId: number;
  parentTaskId: number | null;
  dueDate: string;
  status: 'open' | 'closed';
  acknowledgedAt: string | null;
  light: Light;
  lightReason: string;
  /** The task's percent (its lead's latest accepted report). */
  percent: number | null;
  /** This unit's own latest accepted percent. */
  ownPercent: number | null;
}

export interface ReportDue {
  roundId: number;
  roundTitle: string;
  dueDate: string;
  taskId: number;
  taskTitle: string;
  status: 'none' | 'draft' | 'submitted' | 'returned' | 'accepted';
  timeliness: ReportTimeliness;
  reviewComment: string | null;
}

export interface UnitLedger {
  unitId: number;
  planId: number;
  tasks: UnitTaskRow[];
  /** Reports of open rounds the unit still owes or must revise, and returned ones. */
  reportsDue: ReportDue[];
  notices: NoticeView[];
}

async function unitTasks(planId: number, unitId: number, locale: 'zh' | 'en', ctx: ServiceContext): Promise<{ rows: UnitTaskRow[]; ledger: Awaited<ReturnType<typeof loadPlanLedger>> }> {
  const taskIds = (
    await ctx.db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .select('tasks.id')
      .where('tasks.plan_id', '=', planId)
      .where('task_units.unit_id', '=', unitId)
      .execute()
  ).map((r) => r.id);
  const ledger = await loadPlanLedger(ctx.db, planId, { taskIds });
  const now = ctx.clock.now();
  const rows = ledger.tasks.map((task) => {
    const light = lightOf(ledger, task, now);
    const mine = task.units.find((u) => u.unitId === unitId)!;
    return {
      id: task.id,
      planId,
      title: task.title,
      role: mine.role,
      ownerUnitId: task.ownerUnitId,
      parentTaskId: task.parentTaskId,
      dueDate: task.dueDate,
      status: task.status,
      acknowledgedAt: mine.acknowledgedAt,
      light: light.light,
      lightReason: describeLightReason(light.reason)[locale],
      percent: taskPercent(ledger, task, now),
      ownPercent: mine.percent,
    };
  });
  return { rows, ledger };
}

/** A unit's own view of a plan: my tasks, my reports due, my notices. */
export async function getUnitLedger(planId: number, query: { unitId?: number | undefined; locale: 'zh' | 'en' }, ctx: ServiceContext): Promise<UnitLedger> {
  const tree = await loadUnitTree(ctx.db);
  const own = ctx.actor.kind === 'user' ? ctx.actor.unitId : undefined;
  const unitId = query.unitId ?? own;
  if (unitId === undefined) throw fail('bad_request');
  authorize(ctx.actor, 'report.read', { unitId, sealed: true, scopePath: unitPath(unitId, tree) });
  const { rows, ledger } = await unitTasks(planId, unitId, query.locale, ctx);
  const now = ctx.clock.now();
  const reports = await ctx.db
    .selectFrom('reports')
    .innerJoin('rounds', 'rounds.id', 'reports.round_id')
    .select(['reports.round_id', 'reports.task_id', 'reports.status', 'reports.first_submitted_at', 'reports.review_comment'])
    .where('rounds.plan_id', '=', planId)
    .where('reports.unit_id', '=', unitId)
    .execute();
  const byKey = new Map(reports.map((r) => [`${r.round_id}:${r.task_id}`, r]));
  const reportsDue: ReportDue[] = [];
  for (const task of ledger.tasks) {
    if (task.status === 'closed') continue;
    for (const round of roundsOfTask(task, ledger.rounds)) {
      const r = byKey.get(`${round.id}:${task.id}`);
      const status = r ? toReportStatus(r.status) : 'none';
      const timeliness = reportTimeliness(round.dueDate, r?.first_submitted_at ?? null, now);
      const owing = status === 'none' || status === 'draft' || status === 'returned';
      // Rounds long past and answered are history, not to-dos.
      if (!owing) continue;
      if (status === 'none' && deadlineInstant(round.dueDate).getTime() < now.getTime() - 120 * 86_400_000) continue;
      reportsDue.push({ roundId: round.id, roundTitle: round.title, dueDate: round.dueDate, taskId: task.id, taskTitle: task.title, status, timeliness, reviewComment: r?.review_comment ?? null });
    }
  }
  reportsDue.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.taskId - b.taskId));
  const notices = (await listNotices({ planId }, ctx)).filter((n) => n.unitId === unitId);
  return { unitId, planId, tasks: rows, reportsDue, notices };
}

export interface CityLedger {
  unitId: number;
  planId: number;
  /** The 市州's shares of provincial tasks. */
  shares: UnitTaskRow[];
  /** Its local measures (tasks it owns). */
  localTasks: UnitTaskRow[];
  counties: { unitId: number; tasks: number; percent: number | null; acknowledged: number }[];
  /** Provincial indicators allocated to the city: its share, its counties' shares and actuals (rolled up). */
  indicators: { id: number; taskId: number | null; subject: string; unit: string; target: number | null; allocated: number | null; actual: number | null; suballocated: number; remainder: number | null; counties: UnitFigure[] }[];
}

/** A 市州's view: its shares, its local measures, its counties and its roll-ups. */
export async function getCityLedger(planId: number, unitId: number, locale: 'zh' | 'en', ctx: ServiceContext): Promise<CityLedger> {
  const tree = await loadUnitTree(ctx.db);
  if (!tree.has(unitId)) throw fail('not_found');
  authorize(ctx.actor, 'report.read', { unitId, sealed: true, scopePath: unitPath(unitId, tree) });
  const { rows } = await unitTasks(planId, unitId, locale, ctx);
  const localIds = (await ctx.db.selectFrom('tasks').select('id').where('plan_id', '=', planId).where('owner_unit_id', '=', unitId).execute()).map((r) => r.id);
  const localLedger = await loadPlanLedger(ctx.db, planId, { taskIds: localIds });
  const now = ctx.clock.now();
  const localTasks = localLedger.tasks.map((task) => {
    const light = lightOf(localLedger, task, now);
    const lead = task.units.find((u) => u.role === 'lead');
    return {
      id: task.id,
      planId,
      title: task.title,
      role: 'owner',
      ownerUnitId: task.ownerUnitId,
      parentTaskId: task.parentTaskId,
      dueDate: task.dueDate,
      status: task.status,
      acknowledgedAt: lead?.acknowledgedAt ?? null,
      light: light.light,
      lightReason: describeLightReason(light.reason)[locale],
      percent: taskPercent(localLedger, task, now),
      ownPercent: null,
    };
  });
  const countyIds = childrenOf(unitId, tree);
  const countyRows =
    countyIds.length === 0
      ? []
      : await ctx.db
          .selectFrom('task_units')
          .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
          .select(['task_units.unit_id', 'task_units.percent', 'task_units.acknowledged_at'])
          .where('tasks.plan_id', '=', planId)
          .where('task_units.unit_id', 'in', countyIds)
          .execute();
  const counties = countyIds.map((id) => {
    const mine = countyRows.filter((r) => r.unit_id === id);
    const percents = mine.map((r) => r.percent).filter((p): p is number => p !== null);
    return {
      unitId: id,
      tasks: mine.length,
      percent: percents.length === 0 ? null : Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 10) / 10,
      acknowledged: mine.filter((r) => r.acknowledged_at !== null).length,
    };
  });
  const allocated = await ctx.db
    .selectFrom('indicator_allocations')
    .innerJoin('indicators', 'indicators.id', 'indicator_allocations.indicator_id')
    .select(['indicators.id', 'indicators.task_id'])
    .where('indicators.plan_id', '=', planId)
    .where('indicator_allocations.unit_id', '=', unitId)
    .execute();
  const leadOf = new Map<number, number | null>();
  for (const a of allocated) {
    if (a.task_id !== null && !leadOf.has(a.task_id)) {
      const t = await ctx.db.selectFrom('tasks').select(['lead_unit_id', 'owner_unit_id']).where('id', '=', a.task_id).executeTakeFirst();
      leadOf.set(a.task_id, t?.lead_unit_id ?? null);
    }
  }
  const plan = await ctx.db.selectFrom('plans').select('owner_unit_id').where('id', '=', planId).executeTakeFirstOrThrow();
  const figures = await indicatorFigures(
    ctx.db,
    allocated.map((a) => a.id),
    tree,
    (taskId) => (taskId === null ? null : (leadOf.get(taskId) ?? null)),
    governmentRoot(plan.owner_unit_id, tree) ?? plan.owner_unit_id,
  );
  const countySet = new Set(countyIds);
  return {
    unitId,
    planId,
    shares: rows.filter((r) => r.ownerUnitId !== unitId),
    localTasks,
    counties,
    indicators: figures.map((f) => {
      const mine = f.units.find((u) => u.unitId === unitId);
      const below = f.units.filter((u) => countySet.has(u.unitId));
      const suballocated = Math.round(below.reduce((a, u) => a + (u.allocated ?? 0), 0) * 1e6) / 1e6;
      const share = mine?.allocated ?? null;
      return {
        id: f.id,
        taskId: f.taskId,
        subject: f.subject,
        unit: f.unit,
        target: f.target,
        allocated: share,
        actual: mine?.actual ?? null,
        suballocated,
        remainder: share === null ? null : Math.round((share - suballocated) * 1e6) / 1e6,
        counties: below,
      };
    }),
  };
}
