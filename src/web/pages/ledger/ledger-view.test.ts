import { describe, expect, it } from 'vitest';
import { allocationSummary, cellState, filterFromSearch, formatPercent, roundLink, rowFilterFromSearch, rowMatches, rowShown, rowsByTask, tasksLink } from './ledger-view';
import type { TaskRow } from './queries';

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
    expect(filterFromSearch(new URLSearchParams('light=red&status=open&unitId=9'))).toEqual({ light: 'red', status: 'open', unitId: 9, section: undefined });
    expect(filterFromSearch(new URLSearchParams('light=blue&status=x&unitId=-1&section=x'))).toEqual({ light: undefined, status: undefined, unitId: undefined, section: undefined });
    expect(filterFromSearch(new URLSearchParams('section=0')).section).toBe(0);
    expect(filterFromSearch(new URLSearchParams('section=4')).section).toBe(4);
    expect(tasksLink(1, { light: 'red' })).toBe('/ledger?plan=1&tab=tasks&light=red');
    expect(tasksLink(1, { unitId: 9, status: 'closed' })).toBe('/ledger?plan=1&tab=tasks&status=closed&unitId=9');
    expect(tasksLink(1, { section: 4 })).toBe('/ledger?plan=1&tab=tasks&section=4');
    expect(tasksLink(1, { unitId: 9, lead: true })).toBe('/ledger?plan=1&tab=tasks&unitId=9&lead=1');
    expect(tasksLink(1, { ack: 'no' })).toBe('/ledger?plan=1&tab=tasks');
    expect(roundLink(3, 'late', 9)).toBe('/rounds/3?state=late&unitId=9');
    expect(roundLink(3)).toBe('/rounds/3');
  });

  it('narrows the list to a section, to the tasks a unit leads, and to what it has or has not acknowledged', () => {
    const task = (over: Partial<TaskRow>): TaskRow =>
      ({ id: 1, sectionOrdinal: 2, leadUnitId: 9, units: [{ unitId: 9, role: 'lead', acknowledgedAt: null, percent: null }, { unitId: 5, role: 'cooperate', acknowledgedAt: '2021-08-03T00:00:00Z', percent: null }], ...over }) as TaskRow;
    expect(rowShown(task({}), { section: 2 }, {})).toBe(true);
    expect(rowShown(task({}), { section: 3 }, {})).toBe(false);
    expect(rowShown(task({ sectionOrdinal: null }), { section: 0 }, {})).toBe(true);
    expect(rowShown(task({}), { unitId: 9 }, { lead: true })).toBe(true);
    expect(rowShown(task({}), { unitId: 5 }, { lead: true })).toBe(false);
    expect(rowShown(task({}), { unitId: 9 }, { ack: 'no' })).toBe(true);
    expect(rowShown(task({}), { unitId: 5 }, { ack: 'no' })).toBe(false);
    expect(rowShown(task({}), { unitId: 5 }, { ack: 'yes' })).toBe(true);
    expect(rowFilterFromSearch(new URLSearchParams('lead=1&ack=no'))).toEqual({});
    expect(rowFilterFromSearch(new URLSearchParams('unitId=9&lead=1&ack=no'))).toEqual({ lead: true, ack: 'no' });
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
