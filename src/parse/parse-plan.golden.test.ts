import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './parse-plan.js';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';
import type { ParsedItem } from '../model/plan.js';

const hunan = hunanResolver();

// The seed is committed under fixtures/: the demo, this golden test and the end-to-end tests share it.
const SEED = new URL('../../fixtures/hunan-2021-urbanization-workplan-draft.txt', import.meta.url);
const EXPECTED = new URL('../../test/fixtures/parse/hunan-2021-urbanization-workplan-draft.expected.json', import.meta.url);
const text = readFileSync(SEED, 'utf8');
const plan = parsePlan(text, { resolver: hunan });

function item(ordinal: number): ParsedItem {
  const found = plan.items.find((i) => i.ordinal === ordinal);
  if (!found) throw new Error(`no item ${ordinal}`);
  return found;
}

describe('the Hunan 2021 urbanization seed', () => {
  it('matches the hand-checked expected output', () => {
    const expected: unknown = JSON.parse(readFileSync(EXPECTED, 'utf8'));
    expect(JSON.parse(JSON.stringify(plan))).toEqual(expected);
  });

  it('finds the plan title, 8 sections and 22 items numbered across the plan', () => {
    expect(plan.title).toBe('2021年湖南省新型城镇化工作要点');
    expect(plan.sections.map((s) => s.number).join('')).toBe('一二三四五六七八');
    expect(plan.sections[0]?.title).toBe('总体要求');
    expect(plan.items).toHaveLength(22);
    expect(plan.items.map((i) => i.ordinal)).toEqual(Array.from({ length: 22 }, (_, k) => k + 1));
    expect(plan.items.map((i) => i.section)).toEqual([2, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5, 5, 6, 6, 7, 7, 7, 8, 8]);
    expect(item(1).number).toBe('(一)');
    expect(item(22).number).toBe('(二十二)');
    expect(item(1).title).toBe('有序放开放宽城市落户限制');
    expect(item(1).text.startsWith('有序放开放宽城市落户限制。深化户籍制度改革')).toBe(true);
    expect(item(1).text.endsWith('(省公安厅、省民政厅等部门及各市州政府负责)')).toBe(true);
  });

  it('keeps a section without items (一、总体要求)', () => {
    expect(plan.items.some((i) => i.section === 1)).toBe(false);
    expect(plan.sections[0]).toMatchObject({ number: '一', ordinal: 1, title: '总体要求' });
  });

  it('reads item (一): 省公安厅 leads, 省民政厅 cooperates, 各市州政府 are the 14 prefectures', () => {
    const r = item(1).responsible;
    expect(r.map((x) => [x.raw, x.unit, x.role])).toEqual([
      ['省公安厅', '省公安厅', 'lead'],
      ['省民政厅', '省民政厅', 'cooperate'],
      ['各市州政府', null, 'localities'],
    ]);
    expect(r[2]?.expands).toHaveLength(14);
    expect(r[2]?.expands).toContain('长沙市');
    expect(r[2]?.expands).toContain('湘西土家族苗族自治州');
  });

  it('reads item (二)’s targets: 4.35万套 in 长沙市 and 100%', () => {
    const [percent, homes] = item(2).targets;
    expect(homes).toMatchObject({
      raw: '4.35万套', value: 43500, max: null, unit: '套', comparator: '=',
      subject: '保障性租赁住房开工', scope: '长沙市', year: 2021,
    });
    expect(percent).toMatchObject({ raw: '100%', value: 100, unit: '%', comparator: '>=', subject: '农民工随迁子女接受义务教育比例' });
  });

  it('reads the other figures: 1-2个 as a range, 15个, 1500个, 至少5%', () => {
    expect(item(8).targets.find((t) => t.raw === '1-2个')).toMatchObject({ value: 1, max: 2, comparator: 'range' });
    expect(item(8).targets.find((t) => t.raw === '15个')).toMatchObject({ value: 15, confidence: 0.9 });
    expect(item(15).targets).toEqual([expect.objectContaining({ raw: '1500个', value: 1500, subject: '新开工改造老旧小区', year: 2021 })]);
    expect(item(19).targets).toEqual([expect.objectContaining({ raw: '5%', value: 5, comparator: '>=' })]);
  });

  it('reads 三十大标志工程 as a count of 30 projects, flagged for review', () => {
    const t = item(6).targets.find((x) => x.raw === '三十大标志工程');
    expect(t).toMatchObject({ value: 30, unit: '项', comparator: '=' });
    expect(t?.confidence).toBeLessThan(0.7);
    expect(plan.warnings.some((w) => w.code === 'target_uncertain' && w.span[0] === t?.span[0])).toBe(true);
  });

  it('takes no targets from names and numbers that are not targets', () => {
    const raws = plan.items.flatMap((i) => i.targets.map((t) => t.raw));
    for (const bad of ['5G', '2.5', '3', '十九', '五中', '493', '2021', '一核', '两副', '三区', '三权', '1小时', '四大', '三年', '百强', '三级', '二中']) {
      expect(raws).not.toContain(bad);
    }
    expect(item(11).targets).toEqual([]);
    expect(item(12).targets).toEqual([]);
  });

  it('corrects 省卫建委 → 省卫健委 and 省住建厅 → 省住房城乡建设厅 with warnings naming the correction', () => {
    const six = item(6).responsible.find((r) => r.raw === '省卫建委');
    expect(six).toMatchObject({ unit: '省卫健委', role: 'cooperate' });
    const w = plan.warnings.find((x) => x.code === 'unit_corrected' && x.span[0] === six?.span[0]);
    expect(w?.message).toContain('省卫建委 → 省卫健委');
    expect(item(11).responsible.find((r) => r.raw === '省住建厅')?.unit).toBe('省住房城乡建设厅');
    expect(plan.warnings.filter((x) => x.code === 'unit_unknown')).toEqual([]);
  });

  it('finds the actor of items without a responsibility clause', () => {
    expect(item(21).responsible[0]).toMatchObject({ raw: '省住房城乡建设厅', unit: '省住房城乡建设厅', role: 'lead' });
    expect(item(22).responsible).toEqual([expect.objectContaining({ raw: '市州政府', role: 'localities' })]);
    expect(item(22).responsible[0]?.expands).toHaveLength(14);
    expect(plan.warnings.filter((w) => w.code === 'responsibility_missing')).toEqual([]);
  });

  it('reads the cover letter', () => {
    expect(plan.letter).toEqual({
      title: '关于征求《2021年湖南省新型城镇化工作要点(征求意见稿)》意见的函',
      issuer: '湖南省推进新型城镇化工作领导小组办公室',
      date: '2021-07-15',
      deadline: '2021-07-21',
      recipients: ['各成员单位'],
      contacts: [{ name: '晁阳', phones: ['88950076'], faxes: ['88950081'] }],
      emails: ['hnzjt0076@163.com'],
      attachments: ['2021年湖南省新型城镇化工作要点(征求意见稿)'],
    });
  });

  it('gives spans that slice to their raw text', () => {
    expect(spanProblems(text, plan)).toEqual([]);
    for (const s of plan.sections) expect(text.slice(s.span[0], s.span[1])).toBe(`${s.number}、${s.title}`);
    for (const i of plan.items) expect(text.slice(i.span[0], i.span[1]).endsWith(i.text)).toBe(true);
  });
});
