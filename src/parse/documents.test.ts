/**
 * Documents of other kinds than the seed, parsed against Hunan's registry the way `luoshi parse`
 * reads them: a national task-division document, a prefecture-level city's 工作要点 with
 * 第一部分 sections, and a county's plan with (1) sub-items. The fixtures are synthetic.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapResolver } from './map-resolver.js';
import { parsePlan } from './parse-plan.js';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import type { ParsedItem, ParsedPlan } from '../model/plan.js';
import type { UnitResolver } from '../model/unit-resolver.js';

const hunan = hunanResolver();

const dir = new URL('../../test/fixtures/parse/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

function parse(text: string, resolver: UnitResolver = hunan): ParsedPlan {
  const plan = parsePlan(text, { resolver });
  expect(spanProblems(text, plan)).toEqual([]);
  return plan;
}

function item(plan: ParsedPlan, ordinal: number): ParsedItem {
  const found = plan.items.find((i) => i.ordinal === ordinal);
  if (!found) throw new Error(`no item ${ordinal}`);
  return found;
}

const units = (i: ParsedItem): [string, string | null, string][] => i.responsible.map((r) => [r.raw, r.unit, r.role]);
const figures = (i: ParsedItem): [string, number, number | null, string, string][] =>
  i.targets.map((t) => [t.raw, t.value, t.max, t.unit, t.comparator]);

describe('a national task-division document (国家发展改革委 notice, 1. tasks under (一) headings)', () => {
  const text = read('national-county-towns.txt');
  const plan = parse(text);

  it('reads the notice and the structure', () => {
    expect(plan.title).toBe('2022年县城建设重点任务分工方案');
    expect(plan.letter).toMatchObject({
      issuer: '国家发展改革委办公厅',
      date: '2022-05-10',
      deadline: '2022-12-20',
      emails: ['xianchengchu@example.gov.cn'],
      contacts: [{ name: '王明', phones: ['010-68501234'], faxes: ['010-68505678'] }],
    });
    expect(plan.sections.map((s) => s.title)).toEqual([
      '推进县城公共服务设施提标扩面', '推进县城环境基础设施提级扩能', '推进县城市政公用设施提档升级',
    ]);
    expect(plan.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(plan.items.map((i) => i.section)).toEqual([1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3]);
  });

  it('takes an item’s title up to its first 。, brackets and 《》 included', () => {
    expect(item(plan, 1).title).toBe('推动县级医院提标改造,每个县至少有1所县级医院达到二级甲等水平');
    expect(item(plan, 2).title).toBe(
      '健全县级疾病预防控制机构,按照《关于加强疾病预防控制体系建设的若干意见》(国办发〔2021〕21号)要求改善实验室检测条件',
    );
  });

  it('never matches a ministry or a bare 发展改革委 to a provincial department', () => {
    const all = plan.items.flatMap((i) => i.responsible);
    expect(all.filter((r) => r.role !== 'localities').every((r) => r.unit === null)).toBe(true);
    const bare = item(plan, 7).responsible[0];
    expect(bare).toMatchObject({ raw: '发展改革委', unit: null, role: 'lead' });
    const warning = plan.warnings.find((w) => w.span[0] === bare?.span[0]);
    expect(warning?.code).toBe('unit_unknown');
    expect(warning?.message).toContain('国家层面');
    expect(plan.warnings.filter((w) => w.code === 'unit_corrected')).toEqual([]);
  });

  it('applies the rule in the opening paragraph and the one in item 10 to the items after them', () => {
    for (const i of plan.items) {
      expect(i.responsible.filter((r) => r.raw === '各省级人民政府')).toEqual([
        expect.objectContaining({ role: 'localities', unit: null, expands: [] }),
      ]);
    }
    expect(plan.items.filter((i) => i.responsible.some((r) => r.raw === '各地区')).map((i) => i.ordinal)).toEqual([11]);
  });

  it('reads 牵头 and 按职责分工负责, 下同 on a heading, and 由…牵头,会同…', () => {
    expect(units(item(plan, 1)).slice(0, 3)).toEqual([
      ['国家卫生健康委', null, 'lead'], ['国家发展改革委', null, 'cooperate'], ['财政部', null, 'cooperate'],
    ]);
    expect(units(item(plan, 3))[0]).toEqual(['教育部', null, 'lead']);
    expect(units(item(plan, 4))[0]).toEqual(['教育部', null, 'lead']);
    expect(units(item(plan, 9)).slice(0, 3)).toEqual([
      ['住房城乡建设部', null, 'lead'], ['国家发展改革委', null, 'cooperate'], ['财政部', null, 'cooperate'],
    ]);
  });

  it('with a national registry, the same names resolve and the roles hold', () => {
    const national = mapResolver({
      units: {
        国家发展改革委: ['发展改革委'], 国家卫生健康委: [], 国家疾控局: [], 财政部: [], 教育部: [], 住房城乡建设部: [],
        生态环境部: [], 工业和信息化部: [], 应急管理部: [], 公安部: [], 自然资源部: [],
      },
    });
    const p = parse(text, national);
    expect(units(item(p, 7)).slice(0, 2)).toEqual([['发展改革委', '国家发展改革委', 'lead'], ['住房城乡建设部', '住房城乡建设部', 'cooperate']]);
    expect(p.warnings.filter((w) => w.code.startsWith('unit_'))).toEqual([]);
  });

  it('reads 万 multipliers, ranges and comparators', () => {
    expect(figures(item(plan, 1))).toEqual([['1所', 1, null, '所', '>=']]);
    expect(figures(item(plan, 3))).toEqual([['50万个', 500_000, null, '个', '>=']]);
    expect(figures(item(plan, 4))).toEqual([['95%', 95, null, '%', '>=']]);
    expect(figures(item(plan, 5))).toEqual([['95%', 95, null, '%', '>='], ['1.5万公里', 15_000, null, '公里', '=']]);
    expect(figures(item(plan, 7))).toEqual([['3-5万吨', 30_000, 50_000, '吨', 'range']]);
    expect(figures(item(plan, 8))).toEqual([['60万个', 600_000, null, '个', '>=']]);
    expect(figures(item(plan, 9))).toEqual([['5.3万个', 53_000, null, '个', '='], ['900万户', 9_000_000, null, '户', '=']]);
    expect(figures(item(plan, 10))).toEqual([['15平方公里', 15, null, '平方公里', '<=']]);
  });

  it('keeps subjects inside the item: no item number, no 原则上', () => {
    expect(item(plan, 5).targets[0]?.subject).toBe('县城污水处理率');
    expect(item(plan, 10).targets[0]?.subject).toBe('单个消防站辖区面积');
  });

  it('takes no targets from document numbers, 5G, PM2.5, O3, V类 or 二级甲等', () => {
    expect(item(plan, 2).targets).toEqual([]);
    expect(item(plan, 6).targets).toEqual([]);
    const raws = plan.items.flatMap((i) => i.targets.map((t) => t.raw));
    for (const bad of ['21', '2021', '5G', '2.5', '3', '二级']) expect(raws).not.toContain(bad);
  });
});

describe('a city’s 工作要点 (第一部分 sections, 1、 items, 责任单位 lines of their own)', () => {
  const plan = parse(read('city-part-plan.txt'));

  it('reads 第…部分 as sections and 1、 as items, numbered across the plan', () => {
    expect(plan.title).toBe('株洲市2022年城市更新工作要点');
    expect(plan.sections.map((s) => [s.number, s.title])).toEqual([['一', '总体要求'], ['二', '重点任务'], ['三', '保障措施']]);
    expect(plan.items.map((i) => [i.number, i.ordinal, i.section])).toEqual([
      ['1', 1, 2], ['2', 2, 2], ['3', 3, 2], ['4', 4, 2], ['5', 5, 2], ['1', 6, 3], ['2', 7, 3], ['3', 8, 3],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'numbering_irregular')).toEqual([]);
    expect(item(plan, 1).title).toBe('加快老旧小区改造');
  });

  it('reads 责任单位: and 牵头单位:/配合单位: lines; city units stay unknown, never provincial', () => {
    expect(units(item(plan, 1))).toEqual([
      ['市住建局', null, 'lead'], ['市财政局', null, 'cooperate'], ['各区人民政府', null, 'localities'],
    ]);
    expect(units(item(plan, 2))).toEqual([
      ['市住建局', null, 'lead'], ['市自然资源和规划局', null, 'cooperate'], ['市发改委', null, 'cooperate'],
    ]);
    expect(units(item(plan, 4))).toEqual([['市林业局', null, 'lead'], ['市城管局', null, 'cooperate']]);
  });

  it('expands a city’s 各区人民政府 to that city’s districts only', () => {
    expect(item(plan, 1).responsible[2]?.expands).toEqual(['荷塘区', '芦淞区', '石峰区', '天元区', '渌口区']);
  });

  it('reads the targets, with the district as scope', () => {
    expect(figures(item(plan, 1))).toEqual([
      ['126个', 126, null, '个', '='], ['1.2万户', 12_000, null, '户', '='], ['150台', 150, null, '台', '>='],
    ]);
    expect(item(plan, 2).targets).toEqual([expect.objectContaining({ raw: '1-2个', value: 1, max: 2, comparator: 'range', scope: '石峰区' })]);
    expect(figures(item(plan, 3)).map((f) => [f[0], f[4]])).toEqual([['120公里', '='], ['15处', '>='], ['72%', '>=']]);
    expect(figures(item(plan, 4))).toEqual([['20个', 20, null, '个', '='], ['38.5%', 38.5, null, '%', '>=']]);
    expect(figures(item(plan, 5))).toEqual([['2000台', 2000, null, '台', '>=']]);
    expect(figures(item(plan, 7))).toEqual([['2亿元', 200_000_000, null, '元', '=']]);
  });

  it('keeps (CIM), (试行), 三区一村 and a phone number out of the facts, and the contact line out of the item', () => {
    expect(item(plan, 8).text).toBe('严格督查考核。将城市更新工作纳入市对县市区绩效考核,考核办法另行制定(试行)。');
    expect(item(plan, 8).targets).toEqual([]);
    expect(plan.warnings.filter((w) => w.code === 'responsibility_unclear')).toEqual([]);
  });
});

describe('a county plan with (1) sub-items', () => {
  const plan = parse(read('county-subitems.txt'));

  it('keeps (1) sub-points inside their (一) item', () => {
    expect(plan.title).toBe('攸县2022年农村人居环境整治提升工作方案');
    expect(plan.items.map((i) => [i.number, i.section])).toEqual([
      ['(一)', 2], ['(二)', 2], ['(三)', 2], ['(四)', 2], ['(一)', 3], ['(二)', 3],
    ]);
    expect(item(plan, 1).text).toContain('(2)公厕按照每个行政村1-2座的标准建设');
    expect(item(plan, 3).title).toBe('健全农村生活垃圾收运处置体系');
    expect(item(plan, 6).text.endsWith('(县财政局负责)')).toBe(true);
  });

  it('reads the label line under sub-points, 负责具体实施, 牵头…落实 and an actor', () => {
    expect(units(item(plan, 1))).toEqual([
      ['县农业农村局', null, 'lead'], ['县卫健局', null, 'cooperate'], ['县财政局', null, 'cooperate'], ['各乡镇人民政府', null, 'localities'],
    ]);
    expect(units(item(plan, 2))).toEqual([
      ['县生态环境局', null, 'lead'], ['县住建局', null, 'cooperate'], ['县水利局', null, 'cooperate'], ['各乡镇人民政府', null, 'localities'],
    ]);
    expect(units(item(plan, 3))).toEqual([['县城管局', null, 'lead'], ['各乡镇人民政府', null, 'localities']]);
    expect(units(item(plan, 5))).toEqual([['各乡镇', null, 'localities']]);
    expect(plan.items.flatMap((i) => i.responsible).every((r) => r.expands.length === 0)).toBe(true);
  });

  it('reads targets from sub-points and skips rates, ordinals and quoted names', () => {
    expect(figures(item(plan, 1))).toEqual([
      ['2000户', 2000, null, '户', '='], ['30座', 30, null, '座', '='], ['1.5立方米', 1.5, null, '立方米', '>='], ['1-2座', 1, 2, '座', 'range'],
    ]);
    expect(item(plan, 1).targets[3]?.subject).toBe('公厕按照每个行政村');
    expect(figures(item(plan, 3)).map((f) => f[0])).toEqual(['2名', '1个', '100%']);
    expect(figures(item(plan, 4)).map((f) => f[0])).toEqual(['1次', '500户']);
    expect(figures(item(plan, 6))).toEqual([['3000万元', 30_000_000, null, '元', '='], ['800元', 800, null, '元', '<=']]);
  });
});

describe('a plan whose every item has (1) sub-points and a 责任单位 line after them', () => {
  const text = [
    '株洲市2022年某项工作要点', '', '一、重点任务', '',
    '1.推进甲。', '(1)做好第一件事,完成3个。', '(2)做好第二件事。', '责任单位:市住建局、市财政局', '',
    '2.推进乙。', '(1)做好第一件事。', '(2)做好第二件事,建成5个。', '责任单位:市城管局', '',
    '二、保障措施', '', '1.加强领导。', '(1)细则一。', '(2)细则二。', '责任单位:市发改委',
  ].join('\n');
  const plan = parse(text);

  it('takes the 1. tasks as the items, with their sub-points and the label line', () => {
    expect(plan.items.map((i) => [i.number, i.title])).toEqual([['1', '推进甲'], ['2', '推进乙'], ['1', '加强领导']]);
    expect(units(item(plan, 1))).toEqual([['市住建局', null, 'lead'], ['市财政局', null, 'cooperate']]);
    expect(units(item(plan, 3))).toEqual([['市发改委', null, 'lead']]);
    expect(item(plan, 2).targets.map((t) => t.raw)).toEqual(['5个']);
  });
});

