import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from './decode.js';
import { makeDocx } from '../../test/fixtures/parse/make-docx.js';
import { mapResolver } from './map-resolver.js';
import { parsePlan } from './parse-plan.js';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import type { ParsedPlan } from '../model/plan.js';
import type { UnitResolver } from '../model/unit-resolver.js';

const hunan = hunanResolver();

const dir = new URL('../../test/fixtures/parse/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), 'utf8');

function parse(text: string, resolver: UnitResolver): ParsedPlan {
  const plan = parsePlan(text, { resolver });
  expect(spanProblems(text, plan)).toEqual([]);
  return plan;
}

/** The plan without offsets, to compare parses of the same document in different files. */
function facts(plan: ParsedPlan): unknown {
  return JSON.parse(JSON.stringify(plan, (key: string, value: unknown) => (key === 'span' ? undefined : value)));
}

const national = mapResolver({
  units: {
    公安部: [], 国家发展改革委: ['发展改革委'], 教育部: [], 财政部: [], 人力资源社会保障部: [], 交通运输部: [],
    自然资源部: [], 住房城乡建设部: [], 工业和信息化部: [], 生态环境部: [],
  },
});

const city = mapResolver({
  units: {
    市公安局: [], 市人社局: [], 市教育局: [], 市住房城乡建设局: [], 市发改委: [], 市自然资源规划局: [],
    市生态环境局: [], 市林业局: [], 市水利局: [],
  },
});

describe('a national task-division document', () => {
  const plan = parse(read('national-division.txt'), national);

  it('reads the notice, and (一) headings over 1. tasks', () => {
    expect(plan.title).toBe('2021年城镇化重点任务分工方案');
    expect(plan.letter).toMatchObject({ issuer: '国务院办公厅', date: '2021-04-13', deadline: null });
    expect(plan.sections.map((s) => s.title)).toEqual(['促进农业转移人口有序有效融入城市', '优化城镇化空间格局']);
    expect(plan.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(plan.items.map((i) => i.section)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('applies 以下…不再列出, 下同 on a heading, 牵头负责, 按职责分工负责 and 由…牵头,会同…', () => {
    const lead = (n: number): string | undefined => plan.items[n - 1]?.responsible.find((r) => r.role === 'lead')?.unit ?? undefined;
    expect(plan.items.slice(1).every((i) => i.responsible.some((r) => r.raw === '各省级有关部门'))).toBe(true);
    expect(lead(3)).toBe('人力资源社会保障部');
    expect(lead(4)).toBe('人力资源社会保障部');
    expect(lead(5)).toBe('国家发展改革委');
    expect(plan.items[5]?.responsible.map((r) => r.role)).toEqual(['lead', 'cooperate', 'cooperate', 'localities']);
    expect(lead(7)).toBe('住房城乡建设部');
    expect(plan.items[6]?.responsible[1]).toMatchObject({ raw: '自然资源部', role: 'cooperate' });
    expect(plan.items[7]?.responsible.map((r) => r.raw)).toEqual(['工业和信息化部', '生态环境部', '各省级有关部门']);
    expect(plan.warnings.filter((w) => w.code.startsWith('unit_'))).toEqual([]);
  });

  it('finds the targets and skips the names', () => {
    expect(plan.items[1]?.targets.map((t) => [t.raw, t.comparator])).toEqual([['90%', '>=']]);
    expect(plan.items[2]?.targets.map((t) => [t.value, t.unit, t.comparator])).toEqual([[10_000_000, '人次', '>=']]);
    expect(plan.items[5]?.targets).toEqual([]);
    expect(plan.items[7]?.targets).toEqual([]);
  });
});

describe('a city plan with 1. items and full-width punctuation', () => {
  const plan = parse(read('city-plan.txt'), city);

  it('numbers items across sections although each section restarts at 1', () => {
    expect(plan.items.map((i) => [i.number, i.ordinal, i.section])).toEqual([
      ['1', 1, 1], ['2', 2, 1], ['1', 3, 2], ['2', 4, 2], ['3', 5, 2],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'numbering_irregular')).toEqual([]);
  });

  it('reads (牵头单位:X;配合单位:Y), 责任单位: lines and (X牵头,Y配合)', () => {
    expect(plan.items[0]?.responsible.map((r) => [r.unit, r.role])).toEqual([
      ['市公安局', 'lead'], ['市人社局', 'cooperate'], ['市教育局', 'cooperate'],
    ]);
    expect(plan.items[2]?.responsible.map((r) => [r.raw, r.role])).toEqual([
      ['市住房城乡建设局', 'lead'], ['各区县（市）人民政府', 'localities'],
    ]);
    expect(plan.items[3]?.responsible.map((r) => r.role)).toEqual(['lead', 'cooperate', 'cooperate']);
  });

  it('keeps sub-points in their item and reads their targets', () => {
    expect(plan.items[3]?.text).toContain('（2）控制细颗粒物（PM2.5）浓度');
    expect(plan.items[3]?.targets.map((t) => [t.raw, t.comparator])).toEqual([['85%', '>=']]);
    expect(plan.items[1]?.targets.map((t) => t.value)).toEqual([43500, 2000]);
    expect(plan.items[4]?.title).toBe('实施城市更新试点（试行）');
  });
});

describe('a provincial plan mixing full-width and half-width punctuation', () => {
  const text = read('mixed-width.txt');
  const plan = parse(text, hunan);

  it('reads every item’s lead', () => {
    expect(plan.items.map((i) => i.responsible.find((r) => r.role === 'lead')?.unit)).toEqual([
      '省发改委', '省住房城乡建设厅', '省生态环境厅', '省发改委', '省工信厅', '省农业农村厅', '省农业农村厅', '省卫健委',
    ]);
    expect(plan.items.map((i) => i.number)).toEqual(['（一）', '(二)', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）']);
  });

  it('gives the same plan from GB18030 bytes and from a .docx', async () => {
    const gb = await decodeDocument(readFileSync(new URL('mixed-width.gb18030.txt', dir)));
    expect(parsePlan(gb.text, { resolver: hunan })).toEqual(plan);
    const docx = await decodeDocument(makeDocx(text.replace(/\n$/, '').split('\n')));
    expect(facts(parsePlan(docx.text, { resolver: hunan }))).toEqual(facts(plan));
  });
});
