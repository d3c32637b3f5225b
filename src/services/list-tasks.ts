import type { Light, LightReasonCode } from '../domain/lights.js';
import { describeLightReason } from '../domain/lights.js';
import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { lightOf, loadPlanLedger, loadPlanOwner, taskPercent } from './support/ledger-rows.js';
import type { TaskUnit } from './support/ledger-rows.js';

export interface TaskListFilter {
  unitId?: number | undefined;
  light?: Light | undefined;
  status?: 'open' | 'closed' | undefined;
  /** The section's ordinal. */
  section?: number | undefined;
  /** Whose tasks: the plan's owner (default) or a 市州 for its local measures. */
  ownerUnitId?: number | undefined;
}

export interface TaskListRow {
  id: number;
  key: string;
  itemOrdinal: number | null;
  sectionOrdinal: number | null;
  title: string;
  leadUnitId: number | null;
  unitIds: number[];
  units: TaskUnit[];
  ownerUnitId: number;
  parentTaskId: number | null;
  dueDate: string;
  light: Light;
  lightReason: string;
  lightReasonCode: LightReasonCode;
  lightParams: Record<string, string | number>;
  percent: number | null;
  status: 'open' | 'closed';
}

/** The ledger (任务台账) of a plan: each task with its current light and percent. */
export async function listTasks(planId: number, filter: TaskListFilter, locale: 'zh' | 'en', ctx: ServiceContext): Promise<TaskListRow[]> {
  authorize(ctx.actor, 'task.read');
  const plan = await loadPlanOwner(ctx.db, planId);
  const ledger = await loadPlanLedger(ctx.db, planId, { ownerUnitId: filter.ownerUnitId ?? plan.ownerUnitId });
  const now = ctx.clock.now();
  const index = new Map(ledger.rounds.map((r) => [r.id, r]));
  const rows: TaskListRow[] = [];
  for (const task of ledger.tasks) {
    if (filter.status && task.status !== filter.status) continue;
    if (filter.section !== undefined && task.sectionOrdinal !== filter.section) continue;
    if (filter.unitId !== undefined && !task.units.some((u) => u.unitId === filter.unitId)) continue;
    const light = lightOf(ledger, task, now, index);
    if (filter.light && light.light !== filter.light) continue;
    rows.push({
      id: task.id,
      key: task.key,
      itemOrdinal: task.itemOrdinal,
      sectionOrdinal: task.sectionOrdinal,
      title: task.title,
      leadUnitId: task.leadUnitId,
      unitIds: task.units.map((u) => u.unitId),
      units: task.units,
      ownerUnitId: task.ownerUnitId,
      parentTaskId: task.parentTaskId,
      dueDate: task.dueDate,
      light: light.light,
      lightReason: describeLightReason(light.reason)[locale],
      lightReasonCode: light.reason.code,
      lightParams: light.reason.params,
      percent: taskPercent(ledger, task, now),
      status: task.status,
    });
  }
  return rows;
}
