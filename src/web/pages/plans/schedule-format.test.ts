import { describe, expect, it } from 'vitest';
import { formatDueDate, scheduleParts } from './schedule-format';

describe('an item’s schedule on the plan page', () => {
  it('writes due dates as each language does', () => {
    expect(formatDueDate('2021-12-31', 'zh-CN')).toBe('2021年12月31日');
    expect(formatDueDate('2021-06-30', 'en')).toBe('30 Jun 2021');
    expect(formatDueDate('not a date', 'en')).toBe('not a date');
  });

  it('names a due date, a frequency, both, or else shows the cell as written', () => {
    const span: [number, number] = [0, 4];
    expect(scheduleParts({ raw: '2021年底前', due: '2021-12-31', frequency: null, span }, 'zh-CN')).toEqual([{ key: 'plan.schedule.due', params: { date: '2021年12月31日' } }]);
    expect(scheduleParts({ raw: '每季度', due: null, frequency: 'quarterly', span }, 'en')).toEqual([{ key: 'plan.schedule.frequency.quarterly', params: {} }]);
    expect(scheduleParts({ raw: '2021年底前每月调度', due: '2021-12-31', frequency: 'monthly', span }, 'en').map((p) => p.key)).toEqual(['plan.schedule.due', 'plan.schedule.frequency.monthly']);
    expect(scheduleParts({ raw: '视情况', due: null, frequency: null, span }, 'zh-CN')).toEqual([{ key: 'plan.schedule.raw', params: { raw: '视情况' } }]);
  });
});
