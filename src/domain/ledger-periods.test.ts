import { describe, expect, it } from 'vitest';
import { baseRoundTitle, periodWords, roundTitleFor } from './ledger-periods.js';

describe('recurring round titles', () => {
  it('says a period in words, zh-CN and English', () => {
    expect(periodWords('2022-02-01', '2022-02-28')).toBe('2022年2月');
    expect(periodWords('2022-01-01', '2022-03-31')).toBe('2022年第一季度');
    expect(periodWords('2021-01-01', '2021-12-31')).toBe('2021年');
    expect(periodWords('2021-07-05', '2021-07-20')).toBe('2021-07-05至2021-07-20');
    expect(periodWords('2022-02-01', '2022-02-28', 'en')).toBe('February 2022');
    expect(periodWords('2021-10-01', '2021-12-31', 'en')).toBe('Q4 2021');
  });

  it('keeps a base title without its period, also out of titles grown with bracketed labels', () => {
    expect(baseRoundTitle('2022年1月调度')).toBe('调度');
    expect(baseRoundTitle('2021年第三季度调度')).toBe('调度');
    expect(baseRoundTitle('2022年1月调度（2022-02）（2022-03）')).toBe('调度');
    expect(baseRoundTitle('2021年第三季度城镇化工作调度')).toBe('城镇化工作调度');
    expect(baseRoundTitle('城镇化重点任务月度调度')).toBe('城镇化重点任务月度调度');
    expect(baseRoundTitle('2022年')).toBe('调度');
  });

  it('builds each title from the base and the period, never stacking labels', () => {
    const first = '2022年1月调度';
    const second = roundTitleFor(baseRoundTitle(first), '2022-02-01', '2022-02-28');
    const third = roundTitleFor(baseRoundTitle(second), '2022-03-01', '2022-03-31');
    expect(second).toBe('2022年2月调度');
    expect(third).toBe('2022年3月调度');
    expect(roundTitleFor('调度', '2022-01-01', '2022-03-31')).toBe('2022年第一季度调度');
  });
});
