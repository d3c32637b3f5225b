import { describe, expect, it } from 'vitest';
import type { UnitTree } from './policy.js';
import { checkAllocation, rollUp } from './rollup.js';

// 1 province; 10, 20 cities; 11, 12 counties of 10; 21 county of 20; 5 a department.
const tree: UnitTree = new Map([
  [1, { parentId: null, kind: 'province' }],
  [5, { parentId: 1, kind: 'department' }],
  [10, { parentId: 1, kind: 'prefecture' }],
  [11, { parentId: 10, kind: 'county' }],
  [12, { parentId: 10, kind: 'county' }],
  [20, { parentId: 1, kind: 'prefecture' }],
  [21, { parentId: 20, kind: 'county' }],
]);

describe('roll-up and allocation', () => {
  it('rolls counties up to their city and cities up to the province', () => {
    const rolled = rollUp(new Map([[11, 30], [12, 12], [21, 7]]), tree);
    expect(rolled.get(10)).toBe(42);
    expect(rolled.get(20)).toBe(7);
    expect(rolled.get(1)).toBe(49);
    expect(rolled.has(5)).toBe(false);
  });

  it("prefers a unit's own figure to its children's sum", () => {
    const rolled = rollUp(new Map([[10, 50], [11, 30], [21, 7]]), tree);
    expect(rolled.get(10)).toBe(50);
    expect(rolled.get(1)).toBe(57);
  });

  it('gives no figure to a unit with neither its own nor its children’s', () => {
    expect(rollUp(new Map(), tree).size).toBe(0);
  });

  it('reports the remainder, and the excess when shares add up to more than is held', () => {
    expect(checkAllocation(1500, [260, 120, 80])).toEqual({ allocated: 460, remainder: 1040, excess: 0 });
    expect(checkAllocation(260, [100, 100, 60])).toEqual({ allocated: 260, remainder: 0, excess: 0 });
    expect(checkAllocation(260, [100, 100, 61])).toEqual({ allocated: 261, remainder: -1, excess: 1 });
    // Decimal shares do not fail on floating-point noise.
    expect(checkAllocation(0.3, [0.1, 0.2]).excess).toBe(0);
  });
});
