import type { Opinion } from '../../../contract/consultations';

/**
 * The opinions table shows similar opinions (same `group` number) next to each other: every
 * member of a group moves up to where its group first appears, and the order is otherwise
 * kept (the server sends item, then unit order). Groups of one stay where they are.
 */
export function arrangeByGroup<T extends Pick<Opinion, 'group'>>(rows: readonly T[]): T[] {
  const byGroup = new Map<number, T[]>();
  for (const row of rows) {
    const members = byGroup.get(row.group);
    if (members) members.push(row);
    else byGroup.set(row.group, [row]);
  }
  // Map iteration follows first insertion, which is where each group first appears.
  return [...byGroup.values()].flat();
}

/** How many opinions share each group number. */
export function groupSizes(rows: readonly Pick<Opinion, 'group'>[]): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const row of rows) sizes.set(row.group, (sizes.get(row.group) ?? 0) + 1);
  return sizes;
}

/** Colours of the bands that mark groups of similar opinions; groups of one get none. */
export const GROUP_COLOURS = ['#1d5bb8', '#d46b08', '#389e0d', '#c41d7f', '#08979c', '#7c3aed'] as const;

/**
 * A band colour for every group with more than one member, in order of first appearance, so
 * that neighbouring groups differ; null for opinions that stand alone.
 */
export function groupBands(rows: readonly Pick<Opinion, 'group'>[]): Map<number, string | null> {
  const sizes = groupSizes(rows);
  const bands = new Map<number, string | null>();
  let next = 0;
  for (const row of rows) {
    if (bands.has(row.group)) continue;
    if ((sizes.get(row.group) ?? 0) > 1) {
      bands.set(row.group, GROUP_COLOURS[next % GROUP_COLOURS.length]!);
      next++;
    } else {
      bands.set(row.group, null);
    }
  }
  return bands;
}
