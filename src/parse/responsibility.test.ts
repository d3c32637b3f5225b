import { describe, expect, it } from 'vitest';
import { mapResolver } from './map-resolver.js';
import { parsePlan } from './parse-plan.js';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import type { ParsedPlan, Responsible } from '../model/plan.js';
import type { UnitResolver } from '../model/unit-resolver.js';

const hunan = hunanResolver();

const national = mapResolver({
  units: {
    公安部: [], 国家发展改革委: ['发展改革委'], 教育部: [], 财政部: [], 人力资源社会保障部: [],
    交通运输部: [], 自然资源部: [], 住房城乡建设部: [], 工业和信息化部: ['工业和信息化部'], 生态环境部: [],
  },
});

function parse(text: string, resolver: UnitResolver = hunan): ParsedPlan {
  const plan = parsePlan(text, { resolver });
  expect(spanProblems(text, plan)).toEqual([]);
  return plan;
}

/** [raw, unit, role] of the first item's responsible units. */
function roles(plan: ParsedPlan, ordinal = 1): [string, string | null, string][] {
  const item = plan.items.find((i) => i.ordinal === ordinal);
  return (item?.responsible ?? []).map((r: Responsible) => [r.raw, r.unit, r.role]);
}

const plan = (items: string): string => `湖南省2022年某项工作要点\n\n一、重点任务\n\n${items}\n`;

describe('responsibility forms', () => {
  it('(X、Y等部门及各市州政府负责): first leads, others cooperate, 各市州政府 are localities', () => {
    const p = parse(plan('(一)推进某事。做好某项工作。(省公安厅、省民政厅等部门及各市州政府负责)'));
    expect(roles(p)).toEqual([
      ['省公安厅', '省公安厅', 'lead'],
      ['省民政厅', '省民政厅', 'cooperate'],
      ['各市州政府', null, 'localities'],
    ]);
    expect(p.items[0]?.responsible[2]?.expands).toHaveLength(14);
  });

  it('(牵头单位:X;配合单位:Y、Z) with full-width punctuation', () => {
    const p = parse(plan('（一）推进某事。（牵头单位：省发改委；配合单位：省财政厅、省自然资源厅）'));
    expect(roles(p)).toEqual([
      ['省发改委', '省发改委', 'lead'],
      ['省财政厅', '省财政厅', 'cooperate'],
      ['省自然资源厅', '省自然资源厅', 'cooperate'],
    ]);
  });

  it('(责任单位:X、Y): the first listed leads', () => {
    const p = parse(plan('(一)推进某事。(责任单位:省教育厅、省人社厅)'));
    expect(roles(p)).toEqual([
      ['省教育厅', '省教育厅', 'lead'],
      ['省人社厅', '省人社厅', 'cooperate'],
    ]);
  });

  it('〔责任单位:…按职责分工负责〕', () => {
    const p = parse(plan('(一)推进某事。〔责任单位:省水利厅、省应急厅,各市州人民政府按职责分工负责〕'));
    expect(roles(p)).toEqual([
      ['省水利厅', '省水利厅', 'lead'],
      ['省应急厅', '省应急厅', 'cooperate'],
      ['各市州人民政府', null, 'localities'],
    ]);
  });

  it('(X牵头,Y、Z配合)', () => {
    const p = parse(plan('(一)推进某事。(省商务厅牵头,省财政厅、省统计局配合)'));
    expect(roles(p).map((r) => r[2])).toEqual(['lead', 'cooperate', 'cooperate']);
    expect(roles(p)[0]?.[0]).toBe('省商务厅');
  });

  it('(X牵头负责), (X负责), (X、Y按职责分工负责)', () => {
    const p = parse(plan(['(一)甲。(省科技厅牵头负责)', '(二)乙。(省统计局负责)', '(三)丙。(省文物局、省水利厅按职责分工负责)'].join('\n')));
    expect(roles(p, 1)).toEqual([['省科技厅', '省科技厅', 'lead']]);
    expect(roles(p, 2)).toEqual([['省统计局', '省统计局', 'lead']]);
    expect(roles(p, 3)).toEqual([
      ['省文物局', '省文物局', 'lead'],
      ['省水利厅', '省水利厅', 'cooperate'],
    ]);
  });

  it('列第一位者为牵头部门 inside the clause is a rule, not a unit', () => {
    const p = parse(plan('(一)甲。(省文物局、省水利厅按职责分工负责,列第一位者为牵头部门)'), hunan);
    expect(roles(p)).toEqual([
      ['省文物局', '省文物局', 'lead'],
      ['省水利厅', '省水利厅', 'cooperate'],
    ]);
  });

  it('以下…不再列出 adds the named units to every following item', () => {
    const text = [
      '某某任务分工方案', '', '一、任务', '',
      '1.甲任务。(公安部、发展改革委、各省级有关部门等负责。以下任务均需各省级有关部门落实,不再列出)',
      '2.乙任务。(教育部牵头,财政部配合)',
    ].join('\n');
    const p = parse(text, national);
    expect(roles(p, 1)).toEqual([
      ['公安部', '公安部', 'lead'],
      ['发展改革委', '国家发展改革委', 'cooperate'],
      ['各省级有关部门', null, 'localities'],
    ]);
    expect(roles(p, 2)).toEqual([
      ['教育部', '教育部', 'lead'],
      ['财政部', '财政部', 'cooperate'],
      ['各省级有关部门', null, 'localities'],
    ]);
  });

  it('下同 carries a clause to the following items that state none', () => {
    const text = [
      '某某任务分工方案', '', '一、任务', '',
      '1.甲任务。(人力资源社会保障部牵头,教育部配合,下同)',
      '2.乙任务。', '3.丙任务。(财政部负责)', '', '二、其他', '', '4.丁任务。',
    ].join('\n');
    const p = parse(text, national);
    expect(roles(p, 2)).toEqual(roles(p, 1));
    expect(roles(p, 2)[0]).toEqual(['人力资源社会保障部', '人力资源社会保障部', 'lead']);
    expect(roles(p, 3)).toEqual([['财政部', '财政部', 'lead']]);
    // A new section ends the rule.
    expect(roles(p, 4)).toEqual([]);
    expect(p.warnings.some((w) => w.code === 'responsibility_missing')).toBe(true);
  });

  it('a conditional reading rule in the bracket (明確牽頭部門的,有關部門配合,不逐一列出,下同) names no unit and carries none', () => {
    const text = [
      '某某重點工作分工', '', '一、穩增長', '',
      '1.甲任務。(發展改革委牽頭。明確牽頭部門的,有關部門配合,不逐一列出,下同)',
      '2.乙任務。(財政部牽頭)', '3.丙任務。',
    ].join('\n');
    const p = parse(text, national);
    expect(roles(p, 1)).toEqual([['發展改革委', '国家发展改革委', 'lead']]);
    expect(roles(p, 2)).toEqual([['財政部', '财政部', 'lead']]);
    expect(roles(p, 3)).toEqual([]);
  });

  it('a heading’s clause applies to the tasks under it', () => {
    const text = [
      '某某任务分工方案', '', '一、任务', '', '(一)就业。(人力资源社会保障部牵头,教育部配合,下同)', '',
      '1.甲任务。', '2.乙任务。', '', '(二)其他。', '', '3.丙任务。(财政部负责)',
    ].join('\n');
    const p = parse(text, national);
    expect(p.items).toHaveLength(3);
    expect(roles(p, 1)[0]?.[0]).toBe('人力资源社会保障部');
    expect(roles(p, 2)[0]?.[0]).toBe('人力资源社会保障部');
    expect(roles(p, 3)).toEqual([['财政部', '财政部', 'lead']]);
  });

  it('由X牵头,会同Y推进 in running text', () => {
    const p = parse(plan('(一)推进某事。由省生态环境厅牵头,会同省水利厅、省文物局推进流域治理。'));
    expect(roles(p)).toEqual([
      ['省生态环境厅', '省生态环境厅', 'lead'],
      ['省水利厅', '省水利厅', 'cooperate'],
      ['省文物局', '省文物局', 'cooperate'],
    ]);
  });

  it('an item that opens with its actor', () => {
    const p = parse(plan('(一)加强协调。省住房城乡建设厅要依托联席会议制度强化统筹。各市州、县市区人民政府要落实主体责任。'));
    expect(roles(p)).toEqual([
      ['省住房城乡建设厅', '省住房城乡建设厅', 'lead'],
      ['各市州、县市区人民政府', null, 'localities'],
    ]);
    expect(p.items[0]?.responsible[1]?.expands.length).toBeGreaterThan(14);
  });

  it('splits on 及/和 only between units, never inside 住房和城乡建设厅', () => {
    const p = parse(plan('(一)甲。(省住房和城乡建设厅和省自然资源厅及各市州政府负责)'));
    expect(roles(p).map((r) => r[0])).toEqual(['省住房和城乡建设厅', '省自然资源厅', '各市州政府']);
    expect(roles(p)[0]?.[1]).toBe('省住房城乡建设厅');
  });

  it('leaves inner parentheses that are not responsibility alone', () => {
    const p = parse(plan('(一)治理大气。控制细颗粒物(PM2.5)浓度,支持县(含县级市)开展试点,出台办法(试行)。(省生态环境厅负责)'));
    expect(roles(p)).toEqual([['省生态环境厅', '省生态环境厅', 'lead']]);
    expect(p.warnings.filter((w) => w.code === 'responsibility_unclear')).toEqual([]);
  });

  it('keeps an unknown unit with unit null and a warning; corrects a known variant with a warning', () => {
    const p = parse(plan('(一)甲。(省星际事务局、省卫建委负责)'));
    expect(roles(p)).toEqual([
      ['省星际事务局', null, 'lead'],
      ['省卫建委', '省卫健委', 'cooperate'],
    ]);
    expect(p.warnings.map((w) => w.code).sort()).toEqual(['unit_corrected', 'unit_unknown']);
    expect(p.warnings.find((w) => w.code === 'unit_corrected')?.message).toContain('省卫建委 → 省卫健委');
  });

  it('does not correct a city unit into a provincial one', () => {
    const p = parse(plan('(一)甲。(市发改委负责)'));
    expect(roles(p)).toEqual([['市发改委', null, 'lead']]);
  });

  it('责任单位: written on its own line under a task', () => {
    const p = parse(plan('1.推进老旧小区改造。\n责任单位:省住房城乡建设厅、各区县(市)人民政府'));
    expect(roles(p)).toEqual([
      ['省住房城乡建设厅', '省住房城乡建设厅', 'lead'],
      ['各区县(市)人民政府', null, 'localities'],
    ]);
  });

  it('an unnumbered task line under a heading is an item', () => {
    const p = parse(plan('推进某事,做好某项工作。(省发改委负责)\n另一段说明文字。'));
    expect(p.items).toHaveLength(1);
    expect(p.items[0]).toMatchObject({ number: '', section: 1, title: '推进某事,做好某项工作' });
  });

  it('牵头单位:X 责任单位:Y, Z on one line: only X leads', () => {
    const p = parse(plan('(一)甲。\n牵头单位:省发改委 责任单位:省财政厅、省统计局'));
    expect(roles(p)).toEqual([
      ['省发改委', '省发改委', 'lead'],
      ['省财政厅', '省财政厅', 'cooperate'],
      ['省统计局', '省统计局', 'cooperate'],
    ]);
    expect(p.warnings.filter((w) => w.code === 'responsibility_unclear')).toEqual([]);
  });

  it('a deadline after the units is no unit: (X负责,2022年底前完成), 责任单位:X;完成时限:…', () => {
    const p = parse(plan(['(一)甲。(省住房城乡建设厅负责,2022年底前完成)', '(二)乙。', '责任单位:省水利厅;完成时限:2022年12月底'].join('\n')));
    expect(roles(p, 1)).toEqual([['省住房城乡建设厅', '省住房城乡建设厅', 'lead']]);
    expect(roles(p, 2)).toEqual([['省水利厅', '省水利厅', 'lead']]);
    expect(p.warnings).toEqual([]);
  });

  it('…负责具体实施 and X指导', () => {
    const p = parse(plan('(一)甲。(省生态环境厅牵头,省水利厅指导,各市州人民政府负责具体实施)'));
    expect(roles(p)).toEqual([
      ['省生态环境厅', '省生态环境厅', 'lead'],
      ['省水利厅', '省水利厅', 'cooperate'],
      ['各市州人民政府', null, 'localities'],
    ]);
  });

  it('以下…不再列出 in the opening paragraph applies to every item', () => {
    const text = [
      '某某任务分工方案', '', '现将任务分工如下。以下各项任务均需各省级人民政府负责落实,不再列出。', '', '一、任务', '',
      '1.甲任务。(公安部负责)', '2.乙任务。(教育部牵头,财政部配合)',
    ].join('\n');
    const p = parse(text, national);
    for (const ordinal of [1, 2]) expect(roles(p, ordinal).at(-1)).toEqual(['各省级人民政府', null, 'localities']);
  });
});

describe('whose document it is', () => {
  const item = (title: string, body: string): string => `${title}\n\n一、重点任务\n\n${body}\n`;

  it('a provincial document: a bare 发改委 is taken as the province’s, with a warning naming the assumption', () => {
    const p = parse(item('湖南省2022年某项工作要点', '(一)甲。(发改委、省公安厅负责)'));
    expect(roles(p)).toEqual([['发改委', '省发改委', 'lead'], ['省公安厅', '省公安厅', 'cooperate']]);
    expect(p.warnings).toEqual([expect.objectContaining({ code: 'unit_corrected', message: expect.stringContaining('发改委 → 省发改委') })]);
    expect(p.warnings[0]?.message).toContain('未写层级');
  });

  it('a national document: ministries and a bare 发展改革委 stay unknown, 各地 expands to nothing', () => {
    const p = parse(item('2022年城镇化重点任务', '1.甲。(公安部、发展改革委、各地负责)\n2.乙。(民政部负责)'));
    expect(roles(p)).toEqual([['公安部', null, 'lead'], ['发展改革委', null, 'cooperate'], ['各地', null, 'localities']]);
    expect(p.items[0]?.responsible[2]?.expands).toEqual([]);
    const bare = p.warnings.find((w) => w.message.includes('发展改革委'));
    expect(bare).toMatchObject({ code: 'unit_unknown', message: expect.stringContaining('国家层面') });
  });

  it('another province’s document: its 省发改委 is not the registry’s', () => {
    const p = parse(item('2022年广东省新型城镇化工作要点', '(一)甲。(省发改委、省卫建委负责,各地级以上市人民政府落实)'));
    expect(roles(p)).toEqual([['省发改委', null, 'lead'], ['省卫建委', null, 'cooperate'], ['各地级以上市人民政府', null, 'localities']]);
    expect(p.warnings.map((w) => w.code)).toEqual(['unit_unknown', 'unit_unknown']);
    expect(p.warnings[0]?.message).toContain('广东省');
  });

  it('a city’s document: a bare 发改委 is the city’s, 省公安厅 stays, 各区县(市) are that city’s', () => {
    const p = parse(item('长沙市2022年某项工作要点', '1.甲。(市发改委牵头,发改委、省公安厅、各区县(市)人民政府负责)'));
    expect(roles(p)).toEqual([
      ['市发改委', null, 'lead'], ['发改委', null, 'cooperate'], ['省公安厅', '省公安厅', 'cooperate'], ['各区县(市)人民政府', null, 'localities'],
    ]);
    expect(p.items[0]?.responsible[3]?.expands).toEqual(['芙蓉区', '天心区', '岳麓区', '开福区', '雨花区', '望城区', '长沙县', '浏阳市', '宁乡市']);
    expect(p.warnings.find((w) => w.message.startsWith('单位库中没有:发改委'))?.message).toContain('市级文件');
  });

  it('a county’s document: its 各乡镇 expand to nothing the registry does not know', () => {
    const p = parse(item('攸县2022年某项工作方案', '(一)甲。(县住建局牵头,各乡镇人民政府负责)'));
    expect(roles(p)).toEqual([['县住建局', null, 'lead'], ['各乡镇人民政府', null, 'localities']]);
    expect(p.items[0]?.responsible[1]?.expands).toEqual([]);
  });
});
