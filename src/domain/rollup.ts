import type { UnitTree } from './policy.js';

/**
 * Actuals roll up county → city → province: a unit's figure is its own latest reported
 * value when it reported one, otherwise the sum of its children's figures (recursively);
 * a unit with neither has no figure. Allocations go the other way and must fit: the
 * children's shares of a unit never add up to more than what the unit itself holds.
 */
export function rollUp(own: ReadonlyMap<number, number>, tree: UnitTree): Map<number, number> {
  const children = new Map<number, number[]>();
  for (const [id, node] of tree) {
    if (node.parentId === null) continue;
    children.set(node.parentId, [...(children.get(node.parentId) ?? []), id]);
  }
  const memo = new Map<number, number | null>();
  const visit = (id: number, depth: number): number | null => {
    if (memo.has(id)) return memo.get(id)!;
    if (depth > 32) return null;
    let value: number | null = own.get(id) ?? null;
    if (value === null) {
      let sum: number | null = null;
      for (const child of children.get(id) ?? []) {
        const v = visit(child, depth + 1);
        if (v !== null) sum = (sum ?? 0) + v;
      }
      value = sum;
    }
    memo.set(id, value);
    return value;
  };
  const out = new Map<number, number>();
  for (const id of tree.keys()) {
    const v = visit(id, 0);
    if (v !== null) out.set(id, v);
  }
  return out;
}

export interface AllocationCheck {
  allocated: number;
  remainder: number;
  excess: number;
}

/** The total of a set of shares against what may be shared out; floating noise ignored. */
export function checkAllocation(available: number, values: number[]): AllocationCheck {
  const allocated = Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
  const remainder = Math.round((available - allocated) * 1e6) / 1e6;
  return { allocated, remainder, excess: remainder < 0 ? -remainder : 0 };
}
