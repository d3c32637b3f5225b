import { describe, expect, it } from 'vitest';
import { nextPeriod, periodLabel } from './ledger-periods.js';
import { diffTasks, draftTaskOfItem, planYear, splitClauses, unitsOfItem } from './task-decomposition.js';
import type { ItemInput } from './task-decomposition.js';

const item = (over: Partial<ItemInput> = {}): ItemInput => ({
  ordinal: 15,
  number: '(十五)',
  section: 5,
  title: '实施城市更新行动',
  text: '实施城市更新行动。新开工改造城镇老旧小区1500个。',
  span: [100, 130],
  responsible: [
    { role: 'lead', unitId: 7, expandsUnitIds: [] },
    { role: 'cooperate', unitId: 8, expandsUnitIds: [] },
    { role: 'localities', unitId: null, expandsUnitIds: [20, 21, null, 7] },
  ],
  targets: [],
  ...over,
});

describe('task decomposition', () => {
  it('makes one task per item: lead first, cooperating units, then each locality once', () => {
    expect(unitsOfItem(item())).toEqual([
      { unitId: 7, role: 'lead' },
      { unitId: 8, role: 'cooperate' },
      { unitId: 20, role: 'locality' },
      { unitId: 21, role: 'locality' },
    ]);
    const draft = draftTaskOfItem(item());
    expect(draft).toMatchObject({ key: 'item:15', title: '(十五)实施城市更新行动', leadUnitId: 7, sectionOrdinal: 5 });
  });

  it('has no lead when the item names only localities', () => {
    expect(draftTaskOfItem(item({ responsible: [{ role: 'localities', unitId: null, expandsUnitIds: [20] }] })).leadUnitId).toBeNull();
  });

  it('splits an item into clauses with their spans in the plan text', () => {
    const text = '推进A工作。加快B建设；完善C机制。';
    const clauses = splitClauses(text, 50);
    expect(clauses.map((c) => c.text)).toEqual(['推进A工作。', '加快B建设；', '完善C机制。']);
    expect(clauses[1]!.span).toEqual([56, 62]);
    expect(splitClauses('。。短', 0)).toEqual([]);
  });

  it('lists what a later version changes, by task key', () => {
    const stored = [
      { id: 1, key: 'item:15', title: '(十五)实施城市更新行动', text: '旧', sectionOrdinal: 5, units: unitsOfItem(item()), targets: [], hasReports: true },
      { id: 2, key: 'item:16', title: '(十六)x', text: 'x', sectionOrdinal: 6, units: [], targets: [], hasReports: false },
    ];
    const changes = diffTasks(stored, [draftTaskOfItem(item()), draftTaskOfItem(item({ ordinal: 17, number: '(十七)' }))]);
    expect(changes).toEqual([
      { key: 'item:15', taskId: 1, itemOrdinal: 15, kind: 'changed', fields: ['text'], hasReports: true },
      { key: 'item:17', taskId: null, itemOrdinal: 17, kind: 'added', fields: [], hasReports: false },
      { key: 'item:16', taskId: 2, itemOrdinal: 16, kind: 'removed', fields: [], hasReports: false },
    ]);
  });

  it('finds the plan’s year and labels round periods', () => {
    expect(planYear('2021年湖南省新型城镇化工作要点', null, 2030)).toBe(2021);
    expect(planYear('工作要点', '2022-03-01', 2030)).toBe(2022);
    expect(periodLabel('2021-07-01', '2021-09-30')).toBe('2021-Q3');
    expect(periodLabel('2021-09-01', '2021-09-30')).toBe('2021-09');
    expect(periodLabel('2021-01-01', '2021-12-31')).toBe('2021');
    expect(periodLabel('2021-07-01', '2021-08-15')).toBe('2021-08-15');
    expect(nextPeriod('2021-10-01', 'quarterly')).toEqual(['2022-01-01', '2022-03-31']);
    expect(nextPeriod('2021-12-01', 'monthly')).toEqual(['2022-01-01', '2022-01-31']);
  });
});
