import { describe, expect, it } from 'vitest';
import { formatDueDate, scheduleParts } from './schedule-format';

describe('an item’s schedule on the plan page', () => {
  it('writes due dates in the app’s one date format, in either language', () => {
    expect(formatDueDate('2021-12-31')).toBe('2021-12-31');
    expect(formatDueDate('not a date')).toBe('not a date');
  });

  it('names a due date, a frequency, both, or else shows the cell as written', () => {
    const span: [number, number] = [0, 4];
    expect(scheduleParts({ raw: '2021年底前', due: '2021-12-31', frequency: null, span })).toEqual([{ key: 'plan.schedule.due', params: { date: '2021-12-31' } }]);
    expect(scheduleParts({ raw: '每季度', due: null, frequency: 'quarterly', span })).toEqual([{ key: 'plan.schedule.frequency.quarterly', params: {} }]);
    expect(scheduleParts({ raw: '2021年底前每月调度', due: '2021-12-31', frequency: 'monthly', span }).map((p) => p.key)).toEqual(['plan.schedule.due', 'plan.schedule.frequency.monthly']);
    expect(scheduleParts({ raw: '视情况', due: null, frequency: null, span })).toEqual([{ key: 'plan.schedule.raw', params: { raw: '视情况' } }]);
  });
});
