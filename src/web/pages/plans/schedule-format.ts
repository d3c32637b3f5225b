import type { PlanItem } from '../../../contract/plans';
import { formatChinaDate } from '../../format';

export type PlanSchedule = NonNullable<PlanItem['schedule']>;
export type ScheduleFrequency = NonNullable<PlanSchedule['frequency']>;

/** A due date in the app's one date format (2021-12-31), in either language; other text as it is. */
export function formatDueDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatChinaDate(iso) : iso;
}

/**
 * What the plan page says of an item's schedule: its due date and/or its frequency, each as
 * a message key with parameters; nothing when the cell was read as neither (the raw text is
 * shown then).
 */
export type SchedulePart =
  | { key: 'plan.schedule.due'; params: { date: string } }
  | { key: 'plan.schedule.raw'; params: { raw: string } }
  | { key: `plan.schedule.frequency.${ScheduleFrequency}`; params: Record<string, never> };

export function scheduleParts(schedule: PlanSchedule): SchedulePart[] {
  const parts: SchedulePart[] = [];
  if (schedule.due) parts.push({ key: 'plan.schedule.due', params: { date: formatDueDate(schedule.due) } });
  if (schedule.frequency) parts.push({ key: `plan.schedule.frequency.${schedule.frequency}`, params: {} });
  if (parts.length === 0) parts.push({ key: 'plan.schedule.raw', params: { raw: schedule.raw } });
  return parts;
}
