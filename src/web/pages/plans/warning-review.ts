import type { PlanWarning } from '../../../contract/plans';

export type WarningFilter = 'all' | 'unchecked';

/** How many warnings there are and how many of them a person has checked. */
export function warningCounts(warnings: readonly Pick<PlanWarning, 'checked'>[]): { total: number; checked: number } {
  return { total: warnings.length, checked: warnings.filter((w) => w.checked !== null).length };
}

/** The warnings to list, each with its index in the plan's list (the document pane highlights by index). */
export function filterWarnings<W extends Pick<PlanWarning, 'checked'>>(warnings: readonly W[], filter: WarningFilter): { warning: W; index: number }[] {
  return warnings.map((warning, index) => ({ warning, index })).filter(({ warning }) => filter === 'all' || warning.checked === null);
}
