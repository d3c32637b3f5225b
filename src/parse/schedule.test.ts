import { describe, expect, it } from 'vitest';
import { spanProblems } from '../model/plan-spans.js';
import { parsePlan } from './parse-plan.js';
import { deadlinesInText, readSchedule } from './schedule.js';
import { mapResolver } from './map-resolver.js';

const listResolver = (names: string[]) => mapResolver({ units: Object.fromEntries(names.map((n) => [n, []])) });

describe('readSchedule (完成时限 and 频次 cells)', () => {
  it.each([
    ['2021年底前', 2020, '2021-12-31', null],
    ['2017年9月底前', null, '2017-09-30', null],
    ['6月底前', 2021, '2021-06-30', null],
    ['2021年6月15日前', null, '2021-06-15', null],
    ['2022年上半年', null, '2022-06-30', null],
    ['三季度', 2019, '2019-09-30', null],
    ['2021—2025年', null, '2025-12-31', null],
    ['二〇二一年十二月', null, '2021-12-31', null],
    ['2月底前', 2024, '2024-02-29', null],
    ['每季度', 2021, null, 'quarterly'],
    ['每月5日前报送', 2021, null, 'monthly'],
    ['长期坚持', 2021, null, 'ongoing'],
    ['2022年底前完成,持续推进', null, '2022-12-31', 'ongoing'],
    ['按要求', 2021, null, null],
    ['6月底前', null, null, null],
  ])('%s (plan year %s) → due %s, frequency %s', (text, year, due, frequency) => {
    expect(readSchedule(text, year)).toEqual({ due, frequency });
  });
});

describe('division tables: deadlines and frequencies on the items', () => {
  const resolver = listResolver(['市发展改革委', '市财政局', '市统计局']);

  it('reads a 完成时限 column into each row item, raw and span kept', () => {
    const text = [
      '2021年重点任务分工表',
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
      '1\t编制规划。\t市发展改革委\t市财政局\t2021年底前',
      '2\t开展监测。\t市统计局\t\t每季度',
      '3\t落实资金。\t市财政局\t\t长期坚持',
      '4\t修订办法。\t市财政局\t\t',
    ].join('\n');
    const plan = parsePlan(text, { resolver });
    expect(plan.items.map((i) => i.schedule && [i.schedule.raw, i.schedule.due, i.schedule.frequency])).toEqual([
      ['2021年底前', '2021-12-31', null],
      ['每季度', null, 'quarterly'],
      ['长期坚持', null, 'ongoing'],
      undefined,
    ]);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('takes the frequency from a 频次 column, the due date from 完成时限, in traditional script too', () => {
    const text = ['2022年工作任務分工', '序號 | 工作任務 | 牽頭單位 | 完成時限 | 調度頻次', '1 | 建立台賬。 | 市財政局 | 6月底前 | 每月'].join('\n');
    const plan = parsePlan(text, { resolver: listResolver(['市财政局']) });
    expect(plan.items[0]?.schedule).toEqual({ raw: '6月底前', due: '2022-06-30', frequency: 'monthly', span: expect.any(Array) });
    expect(spanProblems(text, plan)).toEqual([]);
  });
});

describe('deadlines in an item’s running text', () => {
  it.each([
    ['加快编制规划，2021年6月底前印发实施。', ['2021-06-30']],
    ['年底前完成全省评估。', ['2021-12-31']],
    ['9月30日前上报名单，年底前完成验收。', ['2021-09-30', '2021-12-31']],
    ['三季度末前完成摸底。', ['2021-09-30']],
    ['2022年上半年前出台办法。', ['2022-06-30']],
    ['力争2021年新开工改造老旧小区1500个。', []],
    ['2019年底前已完成的项目不再重复申报。', []],
    ['每年年底前报送总结。', ['2021-12-31']],
  ])('%s → %j', (text, dues) => {
    expect(deadlinesInText(text, 2021).map((d) => d.due)).toEqual(dues);
  });

  it('keeps the phrase as written and where it stands', () => {
    const [d] = deadlinesInText('加快编制规划，2021年6月底前印发实施。', 2021);
    expect(d).toEqual({ raw: '2021年6月底前', due: '2021-06-30', index: 7 });
  });
});
