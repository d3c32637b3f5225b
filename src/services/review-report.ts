import { fail } from '../domain/errors.js';
import { authorize, unitPath } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { notifyUnits } from './support/notify-units.js';
import { loadReportView } from './support/report-rows.js';
import type { ReportView } from './support/report-rows.js';
import { loadRoundTask } from './support/round-task.js';
import { loadUnitTree } from './support/unit-tree.js';

export interface ReviewReportInput {
  accept: boolean;
  comment?: string | undefined;
  /** Whose report; the task's lead unit by default. */
  unitId?: number | undefined;
}

/**
 * 复核: the office governing the task accepts a submitted report (its indicator values then
 * count, and its percent becomes the unit's latest) or returns it with a comment for the
 * unit to revise and resubmit. Only a submitted report can be reviewed (conditional update).
 */
export async function reviewReport(roundId: number, taskId: number, input: ReviewReportInput, ctx: ServiceContext): Promise<ReportView> {
  const tree = await loadUnitTree(ctx.db);
  const { round, task } = await loadRoundTask(ctx.db, roundId, taskId);
  authorize(ctx.actor, 'report.review', { scopePath: unitPath(task.ownerUnitId, tree) });
  const unitId = input.unitId ?? task.leadUnitId;
  if (unitId === null || unitId === undefined) throw fail('report_not_found');
  const comment = input.comment?.trim() ?? '';
  if (!input.accept && comment === '') throw fail('report_return_needs_comment');
  const row = await ctx.db
    .selectFrom('reports')
    .select(['id', 'status', 'indicator_values', 'percent'])
    .where('round_id', '=', roundId)
    .where('task_id', '=', taskId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (!row) throw fail('report_not_found');
  const at = nowIso(ctx);
  const reviewer = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const sendMail = await inTransaction(ctx, async (trx) => {
    const status = input.accept ? 'accepted' : 'returned';
    const claimed = await trx
      .updateTable('reports')
      .set({ status, reviewed_by: reviewer, reviewed_at: at, review_comment: comment === '' ? null : comment, updated_at: at })
      .where('id', '=', row.id)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw fail('report_not_submitted', { status: row.status });
    if (input.accept) {
      const values = JSON.parse(row.indicator_values) as { indicatorId: number; value: number }[];
      for (const v of values) {
        await trx
          .insertInto('indicator_values')
          .values({ indicator_id: v.indicatorId, unit_id: unitId, period: round.period, value: v.value, source: 'report', report_id: row.id, updated_at: at })
          .onConflict((oc) => oc.columns(['indicator_id', 'unit_id', 'period', 'source']).doUpdateSet({ value: v.value, report_id: row.id, updated_at: at }))
          .execute();
      }
      // The unit's latest accepted percent, unless a later round's report was accepted first.
      await trx
        .updateTable('task_units')
        .set({ percent: row.percent, percent_due: round.dueDate })
        .where('task_id', '=', taskId)
        .where('unit_id', '=', unitId)
        .where((eb) => eb.or([eb('percent_due', 'is', null), eb('percent_due', '<=', round.dueDate)]))
        .execute();
    }
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: input.accept ? 'report.accept' : 'report.return',
      entity: 'report',
      entityId: row.id,
      detail: { roundId, taskId, unitId, comment: comment === '' ? null : comment },
    });
    if (input.accept) return async () => 0;
    return notifyUnits(trx, ctx, [unitId], null, { code: 'report.returned', params: { roundTitle: round.title, taskTitle: task.title, comment } });
  });
  await sendMail();
  return loadReportView(ctx.db, row.id, ctx.clock.now());
}
