import { describe, expect, it } from 'vitest';
import { chineseToNumber } from './numerals.js';
import { parsePlan } from './parse-plan.js';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import type { Target } from '../model/plan.js';

const hunan = hunanResolver();

function targets(body: string): Target[] {
  const text = `湖南省2021年某项工作要点\n\n一、重点任务\n\n(一)某项任务。${body}(省发改委负责)\n`;
  const plan = parsePlan(text, { resolver: hunan });
  expect(spanProblems(text, plan)).toEqual([]);
  return plan.items[0]?.targets ?? [];
}

describe('Chinese numerals', () => {
  it.each([
    ['十', 10], ['十九', 19], ['二十二', 22], ['三十', 30], ['一百零五', 105], ['两千', 2000],
    ['一万二千', 12000], ['三亿五千万', 350_000_000], ['二〇二一', 2021], ['零', 0],
  ])('%s = %d', (s, n) => {
    expect(chineseToNumber(s)).toBe(n);
  });

  it.each(['十四五', '二三十', '', '万万', 'abc'])('%s is not a number', (s) => {
    expect(chineseToNumber(s)).toBeNull();
  });
});

describe('targets', () => {
  it('applies 万/亿 multipliers', () => {
    expect(targets('完成4.35万套保障性住房建设,投资2亿元。').map((t) => [t.raw, t.value, t.unit])).toEqual([
      ['4.35万套', 43500, '套'],
      ['2亿元', 200_000_000, '元'],
    ]);
  });

  it('reads harvests, herds, fleets and works: 600亿斤, 20万头, 50艘, 300眼, 5000盏', () => {
    expect(targets('粮食产量稳定在600亿斤以上,生猪出栏20万头,新增渔船50艘,打井300眼,新装路灯5000盏。').map((t) => [t.raw, t.value, t.unit])).toEqual([
      ['600亿斤', 60_000_000_000, '斤'],
      ['20万头', 200_000, '头'],
      ['50艘', 50, '艘'],
      ['300眼', 300, '眼'],
      ['5000盏', 5000, '盏'],
    ]);
  });

  it('reads electricity and schools\' pairs and lessons: 23.5亿度, 70对, 2000节 — not the pairing of 1对1', () => {
    expect(targets('新能源发电量达到23.5亿度以上,组建教共体70对,开展同步课堂2000节,开展1对1帮扶。').map((t) => [t.raw, t.value, t.unit])).toEqual([
      ['23.5亿度', 2_350_000_000, '度'],
      ['70对', 70, '对'],
      ['2000节', 2000, '节'],
    ]);
  });

  it('reads Chinese numerals: 二十二个, 两千户, 三十个', () => {
    expect(targets('建设二十二个示范点,改造两千户,新建三十个。').map((t) => [t.value, t.unit])).toEqual([
      [22, '个'], [2000, '户'], [30, '个'],
    ]);
  });

  it('reads ranges: 1-2个, 3至5家, 三至五个', () => {
    const [a, b, c] = targets('培育1-2个产业,引进3至5家企业,建设三至五个园区。');
    expect(a).toMatchObject({ value: 1, max: 2, comparator: 'range', unit: '个' });
    expect(b).toMatchObject({ value: 3, max: 5, comparator: 'range', unit: '家' });
    expect(c).toMatchObject({ value: 3, max: 5, comparator: 'range', unit: '个' });
  });

  it.each([
    ['至少5%', '>='], ['不少于300个', '>='], ['达到100%', '>='], ['85%以上', '>='],
    ['控制在10%以内', '<='], ['不超过3天', '<='], ['低于2%', '<='], ['完成200个', '='],
  ])('takes the comparator from context: %s → %s', (phrase, cmp) => {
    expect(targets(`${phrase}。`)[0]?.comparator).toBe(cmp);
  });

  it('reads percentages and 个百分点', () => {
    expect(targets('城镇化率提高1.5个百分点,达到60%。').map((t) => [t.value, t.unit])).toEqual([
      [1.5, '个百分点'], [60, '%'],
    ]);
  });

  it('takes subject, scope and year', () => {
    const [t] = targets('到2025年,指导长沙市完成4.35万套保障性租赁住房开工任务。');
    expect(t).toMatchObject({ subject: '保障性租赁住房开工', scope: '长沙市', year: 2025 });
    const [u] = targets('农民工随迁子女接受义务教育比例达到100%。');
    expect(u).toMatchObject({ subject: '农民工随迁子女接受义务教育比例', scope: null, year: 2021 });
  });

  it.each([
    ['dates and years', '2021年7月15日前完成,实施三年行动。'],
    ['event names and ordinals', '深入贯彻党的十九届五中全会精神,建设全省第二经济强市。'],
    ['document numbers', '依据发改规划〔2021〕493号文件。'],
    ['phone numbers and e-mail', '电话88950076,邮箱hnzjt0076@163.com。'],
    ['named things with digits', '加快5G建设,推进细颗粒物(PM2.5)和臭氧(O3)协同控制,消除劣V类水体。'],
    ['numeral slogans', '实施一核两副三带四区战略,推进三区一村改造,助力接二连三。'],
    ['quoted names', '推进“十四五”开篇,探索“三权”退出,立足“一江一心”。'],
    ['idioms and classes', '进一步推进一体化,扶持全国百强县,建设三级及以上公路,实施新一轮工程,四大类任务。'],
    ['the commuting circle', '优化1小时通勤圈。'],
    ['bare digit strings', '推动一二三产业融合。'],
    ['campaigns named by a lone 百, 千 or 万', '开展百家企业结对帮扶,推进千企万人大走访。'],
  ])('takes no targets from %s', (_what, body) => {
    expect(targets(body)).toEqual([]);
  });

  it('keeps an unsure figure with low confidence and a warning', () => {
    const text = '湖南省2021年要点\n\n一、任务\n\n(一)甲。推动实施三十大标志工程。(省发改委负责)\n';
    const plan = parsePlan(text, { resolver: hunan });
    const t = plan.items[0]?.targets[0];
    expect(t).toMatchObject({ raw: '三十大标志工程', value: 30, unit: '项' });
    expect(t?.confidence).toBeLessThan(0.7);
    expect(plan.warnings.map((w) => w.code)).toContain('target_uncertain');
  });

  it('reads a lifespan to reach (人均预期寿命达到76.5岁) and no other age (60岁以上老人)', () => {
    expect(targets('人均预期寿命达到76.5岁,60岁以上老人全部参保。').map((t) => t.raw)).toEqual(['76.5岁']);
  });

  it('至少有 is ≥; a duration (三个月, 6个月) is no count; 每20-30户 is a rate', () => {
    expect(targets('每个县至少有1所县级医院。')[0]).toMatchObject({ raw: '1所', comparator: '>=' });
    expect(targets('三个月内完成,6个月内建成5个。').map((t) => t.raw)).toEqual(['5个']);
    expect(targets('垃圾收集点按照每20-30户设置。')).toEqual([]);
  });

  it('reads 立方米 and keeps a figure before 的 with the subject before it', () => {
    const [t] = targets('公厕按照每个行政村1-2座的标准建设。');
    expect(t).toMatchObject({ raw: '1-2座', comparator: 'range', subject: '公厕按照每个行政村' });
    expect(targets('容积不少于1.5立方米。')[0]).toMatchObject({ value: 1.5, unit: '立方米', comparator: '>=' });
  });

  it('takes a bare prefecture name as scope, but not a county’s name or a direction, and only in the figure’s clause', () => {
    const [a, b, c] = targets('支持长沙建设3个示范区,推动长沙县完成5个,湘西北地区建成2个。');
    expect(a).toMatchObject({ raw: '3个', scope: '长沙市' });
    expect(b).toMatchObject({ raw: '5个', scope: '长沙县' });
    expect(c).toMatchObject({ raw: '2个', scope: null });
  });

  it('never reads the item number into a subject', () => {
    const text = '湖南省2021年某项工作要点\n\n一、重点任务\n\n5.县城污水处理率达到95%以上。(省发改委负责)\n';
    const plan = parsePlan(text, { resolver: hunan });
    expect(plan.items[0]?.targets[0]?.subject).toBe('县城污水处理率');
  });

  it('takes no target from a digit run too long to be a count', () => {
    expect(targets(`投资${'9'.repeat(40)}元。`)).toEqual([]);
  });

  it('reads rates with their denominator, a range with the unit on both figures, a decimal broken by a space, and no count of a plan’s own indicators', () => {
    expect(targets('用水量降至120立方米/万元,PM2.5浓度低于35微克/立方米。').map((t) => [t.raw, t.value, t.unit])).toEqual([
      ['120立方米/万元', 120, '立方米/万元'], ['35微克/立方米', 35, '微克/立方米'],
    ]);
    expect(targets('参合率达到80%~85%。')[0]).toMatchObject({ raw: '80%~85%', value: 80, max: 85, comparator: 'range', unit: '%' });
    expect(targets('失业率控制在4. 3%以内。')[0]).toMatchObject({ raw: '4. 3%', value: 4.3, comparator: '<=' });
    expect(targets('落实规划确定的22项主要指标,实际利用外资1.5亿美元。').map((t) => [t.raw, t.value])).toEqual([['1.5亿美元', 150000000]]);
  });

  it('takes no target from a sum that sizes the enterprises or projects meant (过百亿元企业, 10亿元以上项目), but does from 项目资金', () => {
    expect(targets('培育产值过百亿元企业3家,实施10亿元以上项目20个,下达1000万元项目资金。').map((t) => t.raw)).toEqual(['3家', '20个', '1000万元']);
  });

  it('reads container counts in 标箱 and 标准箱', () => {
    expect(targets('集装箱吞吐量达到3700万标箱,新增航线运力20万标准箱。').map((t) => [t.raw, t.value, t.unit])).toEqual([
      ['3700万标箱', 37000000, '标箱'], ['20万标准箱', 200000, '标准箱'],
    ]);
  });

  it('reads a rate per so many people (15/10万, 8/1000) with its base as the measure, and no date or fraction as one', () => {
    expect(targets('孕产妇死亡率不超过15/10万,婴儿死亡率降到8/1000以下。').map((t) => [t.raw, t.value, t.unit, t.comparator])).toEqual([
      ['15/10万', 15, '/10万', '<='], ['8/1000', 8, '/1000', '<='],
    ]);
    expect(targets('2021/3/1起施行,完成3/4的任务。').map((t) => t.raw)).toEqual([]);
  });

  it('takes no target from a rank that picks out a class (排在前20%的事项), but does from a rank to reach', () => {
    expect(targets('覆盖全部高频事项(办件频次排在前20%的事项)。').map((t) => t.raw)).toEqual([]);
    expect(targets('全市营商环境排名进入全省前20%。').map((t) => t.raw)).toEqual(['20%']);
  });

  it('names a target\'s subject within its table cell, not from the cells after it', () => {
    expect(targets('新建城市绿道50公里\t市林业局\t6月底前').map((t) => [t.raw, t.subject])).toEqual([['50公里', '新建城市绿道']]);
    expect(targets('新建城市绿道50公里 | 市林业局 |').map((t) => [t.raw, t.subject])).toEqual([['50公里', '新建城市绿道']]);
  });

  it('takes no target from the levels a change starts from (分别由574元、271元调高至609元、300元)', () => {
    expect(targets('低保标准分别由每人每月574元、271元调高至每人每月609元、300元。').map((t) => t.raw)).toEqual(['609元', '300元']);
  });

  it('takes no target from a count of the areas a text names (这6个方面, 从4个方面)', () => {
    expect(targets('围绕平台、服务、治理、协同、安全、数据这6个方面发力,建成政务服务站点120个。').map((t) => t.raw)).toEqual(['120个']);
  });
});
