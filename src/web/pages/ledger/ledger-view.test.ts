import { describe, expect, it } from 'vitest';
import { allocationSummary, cellState, filterFromSearch, formatPercent, rowMatches, rowsByTask, tasksLink } from './ledger-view';

const row = (over: Partial<Parameters<typeof cellState>[0]> = {}): Parameters<typeof cellState>[0] => ({
  taskId: 1,
  unitId: 2,
  role: 'lead',
  reportId: null,
  status: 'none',
  timeliness: 'pending',
  percent: null,
  firstSubmittedAt: null,
  submittedAt: null,
  ...over,
});

describe('ledger view helpers', () => {
  it('shows a report never submitted past its due date as missing, even when a draft exists', () => {
    expect(cellState(row({ timeliness: 'missing' }))).toBe('missing');
    expect(cellState(row({ status: 'draft', timeliness: 'missing' }))).toBe('missing');
    expect(cellState(row({ status: 'draft' }))).toBe('draft');
    expect(cellState(row())).toBe('pending');
    expect(cellState(row({ status: 'returned', timeliness: 'late' }))).toBe('returned');
  });

  it('filters round rows by state, late being about timeliness', () => {
    expect(rowMatches(row({ status: 'accepted', timeliness: 'late' }), 'late')).toBe(true);
    expect(rowMatches(row({ status: 'accepted', timeliness: 'on_time' }), 'late')).toBe(false);
    expect(rowMatches(row({ status: 'accepted' }), 'accepted')).toBe(true);
    expect(rowMatches(row(), null)).toBe(true);
  });

  it('reads only known filters from the URL and writes them back into a ledger link', () => {
    expect(filterFromSearch(new URLSearchParams('light=red&status=open&unitId=9'))).toEqual({ light: 'red', status: 'open', unitId: 9 });
    expect(filterFromSearch(new URLSearchParams('light=blue&status=x&unitId=-1'))).toEqual({ light: undefined, status: undefined, unitId: undefined });
    expect(tasksLink(1, { light: 'red' })).toBe('/ledger?plan=1&tab=tasks&light=red');
    expect(tasksLink(1, { unitId: 9, status: 'closed' })).toBe('/ledger?plan=1&tab=tasks&status=closed&unitId=9');
  });

  it('sums an allocation to the hundredth and flags going over what is held', () => {
    expect(allocationSummary(1500, [260, 120, undefined, null])).toEqual({ allocated: 380, remainder: 1120, over: false });
    expect(allocationSummary(0.3, [0.1, 0.2])).toEqual({ allocated: 0.3, remainder: 0, over: false });
    expect(allocationSummary(100, [60, 41])).toEqual({ allocated: 101, remainder: -1, over: true });
    expect(allocationSummary(null, [5])).toEqual({ allocated: 5, remainder: null, over: false });
  });

  it('groups round rows by task in order and formats percents', () => {
    const groups = rowsByTask([row({ taskId: 3 }), row({ taskId: 1 }), row({ taskId: 3, unitId: 4 })]);
    expect(groups.map((g) => [g.taskId, g.rows.length])).toEqual([[3, 2], [1, 1]]);
    expect(formatPercent(97.14)).toBe('97.1%');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(null)).toBe('—');
  });
});
