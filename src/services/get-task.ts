import { describeLightReason, overrideInForce } from '../domain/lights.js';
import type { Light } from '../domain/lights.js';
import { authorize, can, unitPath } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { mayReadReport } from './get-round.js';
import { indicatorFigures } from './support/indicator-figures.js';
import type { IndicatorFigures } from './support/indicator-figures.js';
import { lightHistory, lightOf, loadPlanLedger, roundsOfTask, taskPercent } from './support/ledger-rows.js';
import type { TaskRow } from './support/ledger-rows.js';
import { listNotices } from './supervise-task.js';
import type { NoticeView } from './support/notice-rows.js';
import { attachmentsOf, loadReportViews } from './support/report-rows.js';
import type { AttachmentView, ReportView } from './support/report-rows.js';
import { loadUnitTree } from './support/unit-tree.js';
import { fail } from '../domain/errors.js';

export interface TaskDetail extends Omit<TaskRow, 'units'> {
  units: TaskRow['units'];
  unitIds: number[];
  light: Light;
  lightReason: string;
  lightReasonCode: string;
  lightParams: Record<string, string | number>;
  expected: number;
  percent: number | null;
  override: { light: Light; reason: string; createdAt: string } | null;
  indicators: IndicatorFigures[];
  reports: ReportView[];
  lightHistory: { roundId: number; title: string; dueDate: string; light: Light; lightReason: string; lightReasonCode: string }[];
  notices: NoticeView[];
  evidence: AttachmentView[];
  /** Local measures made against this task (a 市州's tasks linked to it). */
  children: { id: number; title: string; ownerUnitId: number; status: string }[];
  can: { manage: boolean; acknowledge: boolean; report: boolean };
}

/** One task: its text and span, units, indicators with actuals, the reports the reader may see, light history and notices. */
export async function getTask(taskId: number, locale: 'zh' | 'en', ctx: ServiceContext): Promise<TaskDetail> {
  authorize(ctx.actor, 'task.read');
  const head = await ctx.db.selectFrom('tasks').select(['plan_id']).where('id', '=', taskId).executeTakeFirst();
  if (!head) throw fail('task_not_found');
  const ledger = await loadPlanLedger(ctx.db, head.plan_id, { taskIds: [taskId] });
  const task = ledger.tasks[0];
  if (!task) throw fail('task_not_found');
  const tree = await loadUnitTree(ctx.db);
  const now = ctx.clock.now();
  const light = lightOf(ledger, task, now);
  const dueDates = roundsOfTask(task, ledger.rounds).map((r) => r.dueDate);
  const override = [...(ledger.overrides.get(task.id) ?? [])].reverse().find((o) => overrideInForce(o.createdAt, dueDates, now)) ?? null;
  const indicatorRows = await ctx.db
    .selectFrom('indicators')
    .select('id')
    .where((eb) => eb.or([eb('task_id', '=', taskId), ...(task.parentTaskId !== null ? [eb('task_id', '=', task.parentTaskId)] : [])]))
    .execute();
  const indicators = await indicatorFigures(
    ctx.db,
    indicatorRows.map((r) => r.id),
    tree,
    () => task.leadUnitId,
    task.ownerUnitId,
  );
  const reports = (await loadReportViews(ctx.db, { taskId }, now)).filter((r) =>
    mayReadReport(ctx.actor, tree, { unitId: r.unitId, sealed: r.status !== 'draft', taskOwnerUnitId: task.ownerUnitId, leadUnitId: task.leadUnitId }),
  );
  const notices = await listNotices({ taskId }, ctx);
  const evidence = (await attachmentsOf(ctx.db, 'task', [taskId])).get(taskId) ?? [];
  const children = await ctx.db.selectFrom('tasks').select(['id', 'title', 'owner_unit_id', 'status']).where('parent_task_id', '=', taskId).orderBy('id').execute();
  const own = ctx.actor.kind === 'user' ? ctx.actor.unitId : null;
  const responsible = own !== null && task.units.some((u) => u.unitId === own);
  return {
    ...task,
    unitIds: task.units.map((u) => u.unitId),
    light: light.light,
    lightReason: describeLightReason(light.reason)[locale],
    lightReasonCode: light.reason.code,
    lightParams: light.reason.params,
    expected: light.expected,
    percent: taskPercent(ledger, task, now),
    override,
    indicators,
    reports,
    lightHistory: lightHistory(ledger, task, now).map((h) => ({
      roundId: h.roundId,
      title: h.title,
      dueDate: h.dueDate,
      light: h.light.light,
      lightReason: describeLightReason(h.light.reason)[locale],
      lightReasonCode: h.light.reason.code,
    })),
    notices,
    evidence,
    children: children.map((c) => ({ id: c.id, title: c.title, ownerUnitId: c.owner_unit_id, status: c.status })),
    can: {
      manage: can(ctx.actor, 'task.manage', { scopePath: unitPath(task.ownerUnitId, tree) }),
      acknowledge: responsible && task.units.find((u) => u.unitId === own)?.acknowledgedAt === null && can(ctx.actor, 'task.acknowledge', { unitId: own }),
      report: responsible && task.status === 'open' && can(ctx.actor, 'report.draft', { unitId: own }),
    },
  };
}
