import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fail } from '../../domain/errors.js';
import { loadRound, loadTask, toTask } from './ledger-rows.js';
import type { RoundRow, TaskRow } from './ledger-rows.js';

/** A round and one of its tasks: the task must belong to the round's plan and owner. */
export async function loadRoundTask(db: Kysely<Database>, roundId: number, taskId: number): Promise<{ round: RoundRow; task: TaskRow }> {
  const round = await loadRound(db, roundId);
  const task = await loadTask(db, taskId);
  if (task.planId !== round.planId || task.ownerUnitId !== round.ownerUnitId) throw fail('task_not_in_round');
  return { round, task };
}

/**
 * A round and one of its tasks with only the given unit's place on it (or none): what a unit's
 * own report needs, without reading the thousands of other units a task may have.
 */
export async function loadRoundTaskFor(db: Kysely<Database>, roundId: number, taskId: number, unitId: number): Promise<{ round: RoundRow; task: TaskRow }> {
  const round = await loadRound(db, roundId);
  const row = await db.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
  if (!row) throw fail('task_not_found');
  const mine = await db
    .selectFrom('task_units')
    .select(['unit_id', 'role', 'acknowledged_at', 'percent'])
    .where('task_id', '=', taskId)
    .where('unit_id', '=', unitId)
    .execute();
  const task = toTask(
    row,
    mine.map((u) => ({ unitId: u.unit_id, role: u.role as TaskRow['units'][number]['role'], acknowledgedAt: u.acknowledged_at, percent: u.percent })),
  );
  if (task.planId !== round.planId || task.ownerUnitId !== round.ownerUnitId) throw fail('task_not_in_round');
  return { round, task };
}

/** The unit a reporting user acts for on a task: their own, which must be responsible for it. */
export function responsibleUnit(task: TaskRow, unitId: number): TaskRow['units'][number] {
  const unit = task.units.find((u) => u.unitId === unitId);
  if (!unit) throw fail('not_responsible');
  return unit;
}
