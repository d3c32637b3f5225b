import type { Locale } from '../../../contract/common';
import type { PlanItem } from '../../../contract/plans';

export type PlanSchedule = NonNullable<PlanItem['schedule']>;
export type ScheduleFrequency = NonNullable<PlanSchedule['frequency']>;

/** A due date the way the plan's readers write it: 2021年12月31日 in Chinese, 31 Dec 2021 in English. */
export function formatDueDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (locale === 'en') {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
  }
  return `${year}年${month}月${day}日`;
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

export function scheduleParts(schedule: PlanSchedule, locale: Locale): SchedulePart[] {
  const parts: SchedulePart[] = [];
  if (schedule.due) parts.push({ key: 'plan.schedule.due', params: { date: formatDueDate(schedule.due, locale) } });
  if (schedule.frequency) parts.push({ key: `plan.schedule.frequency.${schedule.frequency}`, params: {} });
  if (parts.length === 0) parts.push({ key: 'plan.schedule.raw', params: { raw: schedule.raw } });
  return parts;
}
