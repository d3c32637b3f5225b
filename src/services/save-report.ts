import { sql } from 'kysely';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadReportView } from './support/report-rows.js';
import type { ReportView } from './support/report-rows.js';
import { loadRoundTaskFor, responsibleUnit } from './support/round-task.js';

export interface SaveReportInput {
  progress: string;
  problems?: string | undefined;
  nextSteps?: string | undefined;
  percent: number;
  indicators?: { indicatorId: number; value: number }[] | undefined;
}

/**
 * A reporter drafts (or revises a returned) report of their unit on a task in a round: 进展情况,
 * 存在问题, 下步打算, percent and indicator values. One report per round, task and unit (a
 * unique key); only a draft or a returned report can change (a conditional upsert).
 */
export async function saveReport(roundId: number, taskId: number, input: SaveReportInput, ctx: ServiceContext): Promise<ReportView> {
  if (ctx.actor.kind !== 'user') throw fail('forbidden');
  const actor = ctx.actor;
  authorize(actor, 'report.draft', { unitId: actor.unitId });
  const { round, task } = await loadRoundTaskFor(ctx.db, roundId, taskId, actor.unitId);
  responsibleUnit(task, actor.unitId);
  if (task.status === 'closed') throw fail('task_closed');
  const allowed = await allowedIndicators(ctx, task.id, task.parentTaskId);
  const indicators = (input.indicators ?? []).map((v) => ({ indicatorId: v.indicatorId, value: v.value }));
  for (const v of indicators) if (!allowed.has(v.indicatorId)) throw fail('indicator_not_of_task', { indicatorId: v.indicatorId });
  const at = nowIso(ctx);
  const values = {
    progress: input.progress,
    problems: input.problems ?? '',
    next_steps: input.nextSteps ?? '',
    percent: input.percent,
    indicator_values: JSON.stringify(indicators),
  };
  const id = await inTransaction(ctx, async (trx) => {
    const written = await trx
      .insertInto('reports')
      .values({
        round_id: round.id,
        task_id: task.id,
        unit_id: actor.unitId,
        status: 'draft',
        ...values,
        revision: 1,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['round_id', 'task_id', 'unit_id'])
          .doUpdateSet({
            ...values,
            status: 'draft',
            // A returned report being revised is the unit's next revision.
            revision: sql<number>`CASE WHEN reports.status = 'returned' THEN reports.revision + 1 ELSE reports.revision END`,
            updated_at: at,
          })
          .where('reports.status', 'in', ['draft', 'returned']),
      )
      .executeTakeFirst();
    const row = await trx
      .selectFrom('reports')
      .select(['id', 'status'])
      .where('round_id', '=', round.id)
      .where('task_id', '=', task.id)
      .where('unit_id', '=', actor.unitId)
      .executeTakeFirstOrThrow();
    if (Number(written.numInsertedOrUpdatedRows ?? 0) === 0) throw fail('report_not_draft', { status: row.status });
    await appendAudit(trx, actor, ctx.clock, {
      action: 'report.save',
      entity: 'report',
      entityId: row.id,
      detail: { roundId: round.id, taskId: task.id, unitId: actor.unitId, percent: input.percent, indicators },
    });
    return row.id;
  });
  return loadReportView(ctx.db, id, ctx.clock.now());
}

/** Indicators a report on the task may give values for: the task's and its parent task's. */
async function allowedIndicators(ctx: ServiceContext, taskId: number, parentTaskId: number | null): Promise<Set<number>> {
  const ids = parentTaskId === null ? [taskId] : [taskId, parentTaskId];
  const rows = await ctx.db.selectFrom('indicators').select('id').where('task_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
