import { describe, expect, it } from 'vitest';
import { filterWarnings, warningCounts } from './warning-review';

const checked = { by: '省城镇化办工作人员', at: '2021-07-16T02:00:00.000Z' };

describe('checking parser warnings', () => {
  const warnings = [{ checked: null }, { checked }, { checked: null }];

  it('counts the warnings and the checked ones', () => {
    expect(warningCounts(warnings)).toEqual({ total: 3, checked: 1 });
    expect(warningCounts([])).toEqual({ total: 0, checked: 0 });
  });

  it('lists the unchecked ones with their place in the whole list', () => {
    expect(filterWarnings(warnings, 'unchecked').map((w) => w.index)).toEqual([0, 2]);
    expect(filterWarnings(warnings, 'all').map((w) => w.index)).toEqual([0, 1, 2]);
  });
});
