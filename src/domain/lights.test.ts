import { describe, expect, it } from 'vitest';
import { DEFAULT_LIGHT_RULES, computeLight, describeLightReason, expectedPercent, overrideInForce, parseLightRules, reportTimeliness, taskDueInRound } from './lights.js';
import type { LightInput, LightReasonCode, LightRules, RoundFacts } from './lights.js';

// A task published at the start of 2021 (China time) and due at its end: 365 days, so on
// 2 July at noon exactly half its time has gone and 50% progress is expected.
const PUBLISHED = '2020-12-31T16:00:00.000Z';
const DUE = '2021-12-31';
const china = (local: string) => new Date(`${local}+08:00`);
const MIDYEAR = china('2021-07-02T12:00:00');
const Q1: RoundFacts = { roundId: 1, title: '第一季度调度', dueDate: '2021-04-10', firstSubmittedAt: '2021-04-08T02:00:00.000Z' };
const Q2: RoundFacts = { roundId: 2, title: '第二季度调度', dueDate: '2021-06-30', firstSubmittedAt: '2021-06-29T02:00:00.000Z' };
const Q3_NOT_DUE: RoundFacts = { roundId: 3, title: '第三季度调度', dueDate: '2021-10-10', firstSubmittedAt: null };
const missing = (r: RoundFacts): RoundFacts => ({ ...r, firstSubmittedAt: null });
/** Sent at 01:00 the day after the due date. */
const late = (r: RoundFacts): RoundFacts => ({ ...r, firstSubmittedAt: new Date(china(`${r.dueDate}T01:00:00`).getTime() + 86_400_000).toISOString() });

const task = (over: Partial<LightInput> = {}): LightInput => ({
  publishedAt: PUBLISHED,
  dueDate: DUE,
  closedAt: null,
  percent: 50,
  rounds: [Q1, Q2],
  override: null,
  ...over,
});

interface Case {
  name: string;
  input: LightInput;
  at: Date;
  rules?: LightRules;
  light: 'green' | 'yellow' | 'red';
  code: LightReasonCode;
  params?: Record<string, string | number>;
}

const cases: Case[] = [
  { name: 'on schedule', input: task(), at: MIDYEAR, light: 'green', code: 'on_track', params: { points: 0 } },
  { name: 'ahead of schedule', input: task({ percent: 80 }), at: MIDYEAR, light: 'green', code: 'on_track', params: { points: -30 } },
  { name: 'exactly 10 points behind stays green', input: task({ percent: 40 }), at: MIDYEAR, light: 'green', code: 'on_track', params: { points: 10 } },
  { name: '11 points behind is yellow', input: task({ percent: 39 }), at: MIDYEAR, light: 'yellow', code: 'behind', params: { points: 11 } },
  { name: 'exactly 25 points behind stays yellow', input: task({ percent: 25 }), at: MIDYEAR, light: 'yellow', code: 'behind', params: { points: 25 } },
  { name: '26 points behind is red', input: task({ percent: 24 }), at: MIDYEAR, light: 'red', code: 'behind', params: { points: 26 } },
  { name: 'no accepted report counts as 0%', input: task({ percent: null }), at: MIDYEAR, light: 'red', code: 'behind', params: { points: 50 } },
  { name: 'the last due report missing is yellow', input: task({ rounds: [Q1, missing(Q2)] }), at: MIDYEAR, light: 'yellow', code: 'last_missing', params: { round: '第二季度调度' } },
  { name: 'the last due report late is yellow', input: task({ rounds: [Q1, late(Q2)] }), at: MIDYEAR, light: 'yellow', code: 'last_late', params: { round: '第二季度调度' } },
  { name: 'an earlier late report no longer matters', input: task({ rounds: [late(Q1), Q2] }), at: MIDYEAR, light: 'green', code: 'on_track' },
  {
    name: 'two due reports missing is red, whatever the percent',
    input: task({ percent: 90, rounds: [missing(Q1), missing(Q2)] }),
    at: MIDYEAR,
    light: 'red',
    code: 'missing_reports',
    params: { count: 2, rounds: '第一季度调度、第二季度调度' },
  },
  { name: 'a round not yet due is neither missing nor late', input: task({ rounds: [Q1, Q2, Q3_NOT_DUE] }), at: MIDYEAR, light: 'green', code: 'on_track' },
  {
    name: 'a report sent after the instant was still missing then (history)',
    input: task({ rounds: [Q1, { ...Q2, firstSubmittedAt: '2021-07-05T02:00:00.000Z' }] }),
    at: MIDYEAR,
    light: 'yellow',
    code: 'last_missing',
  },
  { name: 'due-date end (23:59:59.999 China time) is not yet overdue', input: task({ percent: 99, rounds: [] }), at: new Date(china('2022-01-01T00:00:00').getTime() - 1), light: 'green', code: 'on_track', params: { points: 1 } },
  { name: 'one millisecond later, unfinished is red', input: task({ percent: 99, rounds: [] }), at: china('2022-01-01T00:00:00'), light: 'red', code: 'overdue', params: { dueDate: DUE, percent: 99 } },
  { name: 'finished past the due date is green', input: task({ percent: 100, rounds: [] }), at: china('2022-03-01T00:00:00'), light: 'green', code: 'on_track' },
  { name: 'overdue outranks missing reports', input: task({ percent: 10, rounds: [missing(Q1), missing(Q2)] }), at: china('2022-03-01T00:00:00'), light: 'red', code: 'overdue' },
  { name: 'closed is green even when late and unfinished', input: task({ percent: 10, closedAt: '2021-06-01T00:00:00.000Z' }), at: MIDYEAR, light: 'green', code: 'closed' },
  { name: 'a closure after the instant does not count yet', input: task({ percent: 10, closedAt: '2021-08-01T00:00:00.000Z' }), at: MIDYEAR, light: 'red', code: 'behind' },
  {
    name: 'an override shows as one',
    input: task({ percent: 10, override: { light: 'yellow', reason: '已完工待验收' } }),
    at: MIDYEAR,
    light: 'yellow',
    code: 'override',
    params: { reason: '已完工待验收' },
  },
  { name: 'a closed task is closed even with an override', input: task({ closedAt: '2021-06-01T00:00:00.000Z', override: { light: 'red', reason: 'x' } }), at: MIDYEAR, light: 'green', code: 'closed' },
  { name: 'thresholds are the plan’s own', input: task({ percent: 44 }), at: MIDYEAR, rules: { yellowBehind: 5, redBehind: 15, missingForRed: 3 }, light: 'yellow', code: 'behind', params: { points: 6 } },
  { name: 'a plan may tolerate more missing reports', input: task({ rounds: [missing(Q1), missing(Q2)] }), at: MIDYEAR, rules: { yellowBehind: 10, redBehind: 25, missingForRed: 3 }, light: 'yellow', code: 'last_missing' },
  // A round's own light is taken at the last instant of its due date and includes its reports.
  {
    name: "a round's light at its due instant counts a report sent exactly then as on time",
    input: task({ rounds: [Q1, { ...Q2, firstSubmittedAt: china('2021-06-30T23:59:59.999').toISOString() }] }),
    at: china('2021-06-30T23:59:59.999'),
    light: 'green',
    code: 'on_track',
  },
  {
    name: "a round's light at its due instant finds a report sent one ms later missing",
    input: task({ rounds: [Q1, { ...Q2, firstSubmittedAt: china('2021-07-01T00:00:00.000').toISOString() }] }),
    at: china('2021-06-30T23:59:59.999'),
    light: 'yellow',
    code: 'last_missing',
    params: { round: '第二季度调度' },
  },
  {
    name: 'after the due instant, that report one ms late is late',
    input: task({ rounds: [Q1, { ...Q2, firstSubmittedAt: china('2021-07-01T00:00:00.000').toISOString() }] }),
    at: china('2021-07-02T00:00:00'),
    light: 'yellow',
    code: 'last_late',
    params: { round: '第二季度调度' },
  },
  {
    name: "at its due instant a round's report never sent is missing (the round counts, not only the one before)",
    input: task({ rounds: [late(Q1), missing(Q2)] }),
    at: china('2021-06-30T23:59:59.999'),
    light: 'yellow',
    code: 'last_missing',
    params: { round: '第二季度调度' },
  },
  {
    name: 'one ms before its due instant the round is not yet due (the earlier late report is the last due)',
    input: task({ rounds: [late(Q1), missing(Q2)] }),
    at: new Date(china('2021-06-30T23:59:59.999').getTime() - 1),
    light: 'yellow',
    code: 'last_late',
    params: { round: '第一季度调度' },
  },
  { name: 'before publication nothing is expected', input: task({ percent: 0, rounds: [] }), at: china('2020-12-01T00:00:00'), light: 'green', code: 'on_track', params: { points: 0 } },
];

describe('traffic lights', () => {
  it.each(cases)('$name → $light ($code)', (c) => {
    const result = computeLight(c.input, c.at, c.rules ?? DEFAULT_LIGHT_RULES);
    expect(result.light).toBe(c.light);
    expect(result.reason.code).toBe(c.code);
    if (c.params) expect(result.reason.params).toEqual(c.params);
  });

  it('expects the elapsed share of the task’s time, clamped to 0–100', () => {
    expect(expectedPercent(PUBLISHED, DUE, MIDYEAR)).toBe(50);
    expect(expectedPercent(PUBLISHED, DUE, china('2020-06-01T00:00:00'))).toBe(0);
    expect(expectedPercent(PUBLISHED, DUE, china('2023-01-01T00:00:00'))).toBe(100);
    expect(expectedPercent('2022-01-05T00:00:00.000Z', DUE, MIDYEAR)).toBe(100);
  });

  it('says the reason in words in both languages', () => {
    const behind = computeLight(task({ percent: 32 }), MIDYEAR).reason;
    expect(describeLightReason(behind)).toEqual({ zh: '落后进度 18 个百分点', en: '18 points behind schedule' });
    const missed = computeLight(task({ rounds: [Q1, missing({ ...Q2, title: '第三季度调度' })] }), MIDYEAR).reason;
    expect(describeLightReason(missed).zh).toBe('第三季度调度未报送');
  });

  it('keeps an override until the next round falls due after it was made', () => {
    const made = '2021-05-01T00:00:00.000Z';
    expect(overrideInForce(made, ['2021-04-10', '2021-06-30'], china('2021-06-30T23:00:00'))).toBe(true);
    expect(overrideInForce(made, ['2021-04-10', '2021-06-30'], china('2021-07-01T00:00:01'))).toBe(false);
    expect(overrideInForce(made, ['2021-04-10'], china('2025-01-01T00:00:00'))).toBe(true);
    expect(overrideInForce(made, [], china('2021-04-01T00:00:00'))).toBe(false);
    // It lapses at the next round's due instant itself, so that round's own light is computed.
    expect(overrideInForce(made, ['2021-06-30'], new Date(china('2021-06-30T23:59:59.999').getTime() - 1))).toBe(true);
    expect(overrideInForce(made, ['2021-06-30'], china('2021-06-30T23:59:59.999'))).toBe(false);
  });

  it('derives a report’s timeliness from its round’s due date and the clock', () => {
    expect(reportTimeliness('2021-10-15', null, china('2021-10-15T23:59:59'))).toBe('pending');
    expect(reportTimeliness('2021-10-15', null, china('2021-10-16T00:00:00'))).toBe('missing');
    expect(reportTimeliness('2021-10-15', china('2021-10-15T23:59:59').toISOString(), china('2021-10-20T00:00:00'))).toBe('on_time');
    expect(reportTimeliness('2021-10-15', china('2021-10-16T00:00:00').toISOString(), china('2021-10-20T00:00:00'))).toBe('late');
  });

  it('owes reports in a round only for tasks published before its due instant and not closed by then', () => {
    const t = { publishedAt: PUBLISHED, closedAt: null };
    expect(taskDueInRound(t, '2021-04-10')).toBe(true);
    expect(taskDueInRound({ ...t, publishedAt: china('2021-04-11T00:00:00').toISOString() }, '2021-04-10')).toBe(false);
    // Closed (销号) on 14 January: not due in a round falling due in February; still due in December's.
    expect(taskDueInRound({ ...t, closedAt: china('2022-01-14T10:00:00').toISOString() }, '2022-02-10')).toBe(false);
    expect(taskDueInRound({ ...t, closedAt: china('2022-01-14T10:00:00').toISOString() }, '2021-12-31')).toBe(true);
    // Closed on the due date itself (even at its last instant): not due.
    expect(taskDueInRound({ ...t, closedAt: china('2022-02-10T23:59:59.999').toISOString() }, '2022-02-10')).toBe(false);
    expect(taskDueInRound({ ...t, closedAt: china('2022-02-11T00:00:00').toISOString() }, '2022-02-10')).toBe(true);
  });

  it('reads a plan’s thresholds field by field, falling back to the defaults', () => {
    expect(parseLightRules(null)).toEqual(DEFAULT_LIGHT_RULES);
    expect(parseLightRules('{"yellowBehind":5}')).toEqual({ ...DEFAULT_LIGHT_RULES, yellowBehind: 5 });
    expect(parseLightRules('not json')).toEqual(DEFAULT_LIGHT_RULES);
    expect(parseLightRules('{"redBehind":-3}')).toEqual(DEFAULT_LIGHT_RULES);
  });
});
