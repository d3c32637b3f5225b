import { fail } from '../domain/errors.js';
import { can, unitPath } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { mayReadReport } from './get-round.js';
import { loadReportViews } from './support/report-rows.js';
import type { ReportView } from './support/report-rows.js';
import { loadRoundTask } from './support/round-task.js';
import { loadUnitTree } from './support/unit-tree.js';

export interface ReportPage {
  roundId: number;
  taskId: number;
  unitId: number;
  report: ReportView | null;
  /** The unit's latest report on the task in an earlier round: "start from my last report". */
  previous: ReportView | null;
  /** For the lead unit (and the office): the cooperating units' sealed reports in this round. */
  cooperating: ReportView[];
  /** What the reader may do now. */
  can: { edit: boolean; submit: boolean; review: boolean };
}

/** One unit's report on a task in a round (the reader's own unit by default). */
export async function getReport(roundId: number, taskId: number, query: { unitId?: number | undefined }, ctx: ServiceContext): Promise<ReportPage> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'system') throw fail('unauthenticated');
  const tree = await loadUnitTree(ctx.db);
  const { round, task } = await loadRoundTask(ctx.db, roundId, taskId);
  const ownUnit = ctx.actor.kind === 'user' ? ctx.actor.unitId : undefined;
  const unitId = query.unitId ?? ownUnit ?? task.leadUnitId;
  if (unitId === null || unitId === undefined || !task.units.some((u) => u.unitId === unitId)) throw fail('not_responsible');
  const now = ctx.clock.now();
  const facts = (r: ReportView | { unitId: number; status: string }) => ({
    unitId: r.unitId,
    sealed: r.status !== 'draft',
    taskOwnerUnitId: task.ownerUnitId,
    leadUnitId: task.leadUnitId,
  });
  // Nothing of another unit's drafts, not even whether one exists.
  if (!mayReadReport(ctx.actor, tree, { unitId, sealed: true, taskOwnerUnitId: task.ownerUnitId, leadUnitId: task.leadUnitId })) throw fail('forbidden');
  const mine = await loadReportViews(ctx.db, { taskId, unitId }, now);
  const current = mine.find((r) => r.roundId === roundId) ?? null;
  const report = current && mayReadReport(ctx.actor, tree, facts(current)) ? current : null;
  const earlier = mine.filter((r) => r.roundId !== roundId && mayReadReport(ctx.actor, tree, facts(r)));
  const previous = earlier.at(-1) ?? null;
  const others = (await loadReportViews(ctx.db, { roundId, taskId }, now)).filter(
    (r) => r.unitId !== unitId && r.status !== 'draft' && task.units.find((u) => u.unitId === r.unitId)?.role === 'cooperate',
  );
  const cooperating = unitId === task.leadUnitId ? others.filter((r) => mayReadReport(ctx.actor, tree, facts(r))) : [];
  const own = ctx.actor.kind === 'user' && ctx.actor.unitId === unitId;
  const editable = report === null || report.status === 'draft' || report.status === 'returned';
  return {
    roundId: round.id,
    taskId,
    unitId,
    report,
    previous,
    cooperating,
    can: {
      edit: own && task.status === 'open' && editable && can(ctx.actor, 'report.draft', { unitId }),
      submit: own && task.status === 'open' && report?.status === 'draft' && can(ctx.actor, 'report.submit', { unitId }),
      review: report?.status === 'submitted' && can(ctx.actor, 'report.review', { scopePath: unitPath(task.ownerUnitId, tree) }),
    },
  };
}
