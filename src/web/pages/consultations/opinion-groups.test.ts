import { describe, expect, it } from 'vitest';
import { arrangeByGroup, GROUP_COLOURS, groupBands, groupSizes } from './opinion-groups';

const rows = (groups: number[]) => groups.map((group, id) => ({ id, group }));

describe('arrangeByGroup', () => {
  it('brings the members of a group together where the group first appears, keeping the rest in order', () => {
    const arranged = arrangeByGroup(rows([1, 2, 1, 3, 2, 4]));
    expect(arranged.map((r) => r.id)).toEqual([0, 2, 1, 4, 3, 5]);
  });

  it('leaves rows of distinct groups as they are', () => {
    expect(arrangeByGroup(rows([3, 1, 2])).map((r) => r.id)).toEqual([0, 1, 2]);
    expect(arrangeByGroup([])).toEqual([]);
  });
});

describe('groupBands', () => {
  it('colours groups with several members in order of appearance and leaves single opinions plain', () => {
    const list = rows([5, 7, 5, 8, 7, 9]);
    expect(groupSizes(list).get(5)).toBe(2);
    const bands = groupBands(list);
    expect(bands.get(5)).toBe(GROUP_COLOURS[0]);
    expect(bands.get(7)).toBe(GROUP_COLOURS[1]);
    expect(bands.get(8)).toBeNull();
    expect(bands.get(9)).toBeNull();
  });

  it('cycles through the palette when there are more groups than colours', () => {
    const groups = Array.from({ length: GROUP_COLOURS.length + 1 }, (_, g) => [g, g]).flat();
    expect(groupBands(rows(groups)).get(GROUP_COLOURS.length)).toBe(GROUP_COLOURS[0]);
  });
});
