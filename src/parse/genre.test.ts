/** The forms of the genre beyond the seed (issue 9): each one a small document in its own shape. */
import { describe, expect, it } from 'vitest';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import type { ParsedPlan } from '../model/plan.js';
import { parsePlan } from './parse-plan.js';

const hunan = hunanResolver();

function parse(text: string): ParsedPlan {
  const plan = parsePlan(text, { resolver: hunan });
  expect(spanProblems(text, plan)).toEqual([]);
  return plan;
}

const units = (p: ParsedPlan, ordinal: number): string[][] =>
  (p.items[ordinal - 1]?.responsible ?? []).map((r) => [r.raw, r.unit ?? '', r.role]);

describe('traditional script', () => {
  const text = '湖南省2021年某項工作要點\n一、任務\n(一)推進某事。完成1500個。(省公安廳牽頭,省衛健委、各市州政府配合)\n';

  it('reads role words, numerals and units folded to simplified, and keeps raw names and spans as written', () => {
    const p = parse(text);
    expect(units(p, 1)).toEqual([
      ['省公安廳', '省公安厅', 'lead'],
      ['省衛健委', '省卫健委', 'cooperate'],
      ['各市州政府', '', 'localities'],
    ]);
    expect(p.items[0]?.responsible[2]?.expands).toHaveLength(14);
    expect(p.items[0]?.targets.map((t) => [t.raw, t.value, t.unit])).toEqual([['1500個', 1500, '個']]);
    expect(p.items[0]?.title).toBe('推進某事');
  });
});

describe('run-on text', () => {
  const text =
    '2010年某省工作要点\n一、民生 (1)扩大就业。完成新增就业50万人。(省人力资源社会保障厅牵头负责) (2)提高收入。(省财政厅负责) ' +
    '(3)加强和完善社会保障 发展社会救助,城乡低保标准提高10%左右。(省民政厅牵头负责) (4)提升全民健康水平。(省卫生健康委负责)\n';

  it('finds the numbered items inside one paragraph, each with its own bracket', () => {
    const p = parse(text);
    expect(p.items.map((i) => [i.number, i.title])).toEqual([
      ['(1)', '扩大就业'],
      ['(2)', '提高收入'],
      ['(3)', '加强和完善社会保障'],
      ['(4)', '提升全民健康水平'],
    ]);
    expect(p.items.map((i) => i.responsible.map((r) => r.raw))).toEqual([['省人力资源社会保障厅'], ['省财政厅'], ['省民政厅'], ['省卫生健康委']]);
    expect(p.items[2]?.targets[0]).toMatchObject({ raw: '10%', comparator: '≈' });
  });

  it('does not cut where the numbers do not continue a sequence', () => {
    const p = parse('标题\n一、任务\n(一)推进甲。按照(1)号文件执行。(3)项指标另行下达。(省公安厅负责)\n');
    expect(p.items).toHaveLength(1);
  });
});

describe('tasks without numbers under a heading', () => {
  const text =
    '某市“十一五”规划纲要主要目标和任务分解\n二、责任主体和工作分工\n1、约束性指标的责任部门\n' +
    '单位地区生产总值能源消耗降低20%左右。(市发改委牵头,市经委、市统计局配合)\n人口自然增长率小于4‰。(市人口计生委牵头)\n' +
    '耕地保有量不低于3500万平方米。(市国土局牵头)\n';

  it('makes each bracketed line an item with an empty number; the heading is not an item', () => {
    const p = parse(text);
    expect(p.items.map((i) => [i.number, i.title])).toEqual([
      ['', '单位地区生产总值能源消耗降低20%左右'],
      ['', '人口自然增长率小于4‰'],
      ['', '耕地保有量不低于3500万平方米'],
    ]);
    expect(units(p, 1).map(([raw, , role]) => [raw, role])).toEqual([['市发改委', 'lead'], ['市经委', 'cooperate'], ['市统计局', 'cooperate']]);
    expect(p.items.map((i) => i.targets.map((t) => [t.raw, t.comparator]))).toEqual([[['20%', '≈']], [['4‰', '<=']], [['3500万平方米', '>=']]]);
  });
});

describe('division tables', () => {
  it('reads a tab-separated table by its header; 责任领导 is a person, left out with a warning', () => {
    const p = parse('2025年重点工作及责任清单\n序号\t重点工作\t责任领导\t牵头单位\t配合单位\t完成时限\n1\t推进甲事项,盘活土地400亩。\t张三\t省自然资源厅\t省财政厅、省发展改革委\t全年\n');
    expect(p.items.map((i) => [i.number, i.title])).toEqual([['1', '推进甲事项,盘活土地400亩']]);
    expect(units(p, 1)).toEqual([
      ['省自然资源厅', '省自然资源厅', 'lead'],
      ['省财政厅', '省财政厅', 'cooperate'],
      ['省发展改革委', '省发改委', 'cooperate'],
    ]);
    expect(p.warnings.find((w) => w.code === 'responsibility_not_unit')?.params).toEqual({ raw: '责任领导' });
  });

  it('reads a table that arrives one cell per line, as a .docx table decodes', () => {
    const p = parse('重点工作责任分解\n\n序号\n\n主 要 工 作 任 务\n\n责任单位\n\n1\n\n地区生产总值增长6%左右。\n\n省发展改革委、省统计局\n\n2\n\n研发投入强度达到3%。\n\n省科技厅\n');
    expect(p.items.map((i) => [i.number, i.title, i.responsible.map((r) => `${r.raw}/${r.role}`)])).toEqual([
      ['1', '地区生产总值增长6%左右', ['省发展改革委/lead', '省统计局/cooperate']],
      ['2', '研发投入强度达到3%', ['省科技厅/lead']],
    ]);
  });
});

describe('role phrasings', () => {
  it('reads 分别牵头 after a 责任单位 list as every unit leading', () => {
    const p = parse('标题\n一、目标\n1.城乡居民收入增速保持领先。\n责任单位:省人力资源社会保障厅、省农业农村厅分别牵头\n');
    expect(units(p, 1).map(([raw, , role]) => [raw, role])).toEqual([['省人力资源社会保障厅', 'lead'], ['省农业农村厅', 'lead']]);
  });

  it('makes …均涉及X,不再做分工 responsible for this item and the ones after it', () => {
    const p = parse('标题\n一、任务\n(一)甲。〔责任单位:省发展改革委。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕\n(二)乙。〔责任单位:省市场监管局〕\n');
    expect(units(p, 1).map(([raw, , role]) => [raw, role])).toEqual([['省发展改革委', 'lead'], ['相关市(州)人民政府', 'localities']]);
    expect(units(p, 2).map(([raw, , role]) => [raw, role])).toEqual([['省市场监管局', 'lead'], ['相关市(州)人民政府', 'localities']]);
  });

  it('carries 省 over a list that writes it once, without a warning for the names that leave it out', () => {
    const p = parse('湖南省2022年某工作要点\n一、任务\n(一)甲。(省发展改革委、财政厅、教育厅按职责分工负责)\n');
    expect(units(p, 1)).toEqual([['省发展改革委', '省发改委', 'lead'], ['财政厅', '省财政厅', 'cooperate'], ['教育厅', '省教育厅', 'cooperate']]);
    expect(p.warnings.filter((w) => w.code === 'unit_corrected')).toEqual([]);
  });
});

describe('other provinces', () => {
  it('gives unit null with the raw name kept when a document number names another province', () => {
    const p = parse('省人民政府关于优化营商环境的意见\n鄂政发〔2018〕26号\n一、任务\n(一)提高开放程度。(牵头单位:省发展改革委;责任单位:省住建厅)\n');
    expect(units(p, 1)).toEqual([['省发展改革委', '', 'lead'], ['省住建厅', '', 'cooperate']]);
    expect(p.warnings.filter((w) => w.code === 'unit_unknown').map((w) => w.params.reason)).toEqual(['other_province', 'other_province']);
  });
});

describe('clauses', () => {
  it('gives each item its sentences with spans, without the closing responsibility bracket', () => {
    const text = '标题\n一、任务\n(一)推进甲。完成乙;落实丙!(省公安厅负责)\n';
    const p = parse(text);
    expect(p.items[0]?.clauses.map((c) => c.text)).toEqual(['推进甲。', '完成乙;', '落实丙!']);
    for (const c of p.items[0]?.clauses ?? []) expect(text.slice(c.span[0], c.span[1])).toBe(c.text);
  });
});

describe('forms met in collected documents (parser4; examples in our own words)', () => {
  const rows = (p: ParsedPlan): string[][] => p.items.map((it) => [it.number, it.title, ...it.responsible.map((r) => `${r.raw}/${r.role}`)]);

  it('reads labels set apart by spaces only, with no semicolon between them', () => {
    const p = parse('某市工作方案\n一、任务\n1.做好某事。加强某项工作。(牵头单位:市交通运输局  责任单位:市财政局、各区县政府)\n');
    expect(rows(p)).toEqual([['1', '做好某事', '市交通运输局/lead', '市财政局/cooperate', '各区县政府/localities']]);
  });

  it('reads a 部门分工: line as the item’s units and leaves the 分管领导 line out', () => {
    const p = parse('某省重点任务分工方案\n一、主要目标\n1.粮食总产量稳定在1200万吨以上。\n分管省领导:某某\n部门分工:省农业农村厅牵头,省粮食和储备局、各地配合。\n');
    expect(rows(p)).toEqual([['1', '粮食总产量稳定在1200万吨以上', '省农业农村厅/lead', '省粮食和储备局/cooperate', '各地/localities']]);
  });

  it('counts the member units of a body (…成员单位) as a collective', () => {
    const p = parse('某区重点工作\n一、任务\n1、做好某事。[牵头单位:区教育局;责任单位:区招生考试委员会成员单位]\n');
    expect(rows(p)[0]).toEqual(['1', '做好某事', '区教育局/lead', '区招生考试委员会成员单位/localities']);
  });

  it('reads a table whose columns are one space apart, its header spaced letter by letter', () => {
    const p = parse('某年量化指标任务分工\n\n序号 工 作 任 务 牵头负责部门\n1 新建改建农村公路20万公里 交通运输部\n2 再培训技术工人300万人以上 人力资源社会保障部\n');
    expect(rows(p)).toEqual([
      ['1', '新建改建农村公路20万公里', '交通运输部/lead'],
      ['2', '再培训技术工人300万人以上', '人力资源社会保障部/lead'],
    ]);
    expect(p.items.map((it) => it.targets.map((t) => t.raw))).toEqual([['20万公里'], ['300万人']]);
  });

  it('reads a table one cell per line with a 内容与要求 column and skips its 进展情况 column', () => {
    const p = parse('某市重点工作进展情况表\n\n序号\n\n内容与要求\n\n进展情况\n\n责任单位\n\n1\n\n全年服务业增加值增长8%左右。\n\n一季度增长3.2%。\n\n市商务局\n');
    expect(rows(p)).toEqual([['1', '全年服务业增加值增长8%左右', '市商务局/lead']]);
    expect(p.items[0]?.targets.map((t) => t.raw)).toEqual(['8%']);
  });
});
