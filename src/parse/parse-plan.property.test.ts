import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './parse-plan.js';
import { hunanResolver } from '../catalog/registry-resolver.js';
import { spanProblems } from '../model/plan-spans.js';

const resolver = hunanResolver();
const dir = new URL('../../test/fixtures/parse/', import.meta.url);
const samples = ['mixed-width.txt', 'city-plan.txt', 'national-division.txt'].map((f) => readFileSync(new URL(f, dir), 'utf8'));

/** Pieces policy text is made of, so random strings exercise the parser's real paths. */
const PIECES = [
  '一、', '二十二、', '第一部分', '(一)', '（二）', '1.', '2、', '(3)', '①', '\n', '\r\n', '。', ',', '，', ';', '：', ':',
  '(', ')', '（', '）', '〔', '〕', '【', '】', '“', '”', '《', '》', '、', '及', '和', '等部门', '负责', '牵头', '配合',
  '牵头单位:', '配合单位：', '责任单位:', '按职责分工负责', '下同', '以下任务均需各省级有关部门落实,不再列出', '列第一位者为牵头部门',
  '省公安厅', '省卫建委', '省住房和城乡建设厅', '各市州政府', '各市州、县市区人民政府', '市州政府要', '由省发改委牵头,会同省财政厅',
  '长沙市', '4.35万套', '1-2个', '三十大', '至少', '5%', '100%', '十九届五中全会', '〔2021〕493号', '5G', 'PM2.5', '二〇二一年七月十五日',
  '2021年7月21日前', '请于', '联系人:', '88950076', '(传真)', '@', 'a@b.cn', '附件', '关于征求意见的函', '各成员单位:', ' ', '\t', '\u3000',
  '\ufeff', '😀', '\ud800', '0', '9', '万', '亿', '两千', '以上', '以内',
];
const policyText = fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }).map((a) => a.join(''));

function mutate(text: string, cuts: number[]): string {
  let out = text;
  for (const c of cuts) {
    const at = c % (out.length + 1);
    out = c % 3 === 0 ? out.slice(0, at) + out.slice(at + 7) : c % 3 === 1 ? out.slice(0, at) + '(' + out.slice(at) : out.slice(0, at) + out.slice(at, at + 40) + out.slice(at);
  }
  return out;
}

describe('parsePlan on arbitrary input', () => {
  it('never throws and every span slices to its raw text (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(spanProblems(text, parsePlan(text, { resolver }))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and every span is valid (policy-like strings)', () => {
    fc.assert(
      fc.property(policyText, (text) => {
        expect(spanProblems(text, parsePlan(text, { resolver }))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutated real documents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(fc.nat(), { maxLength: 12 }), (sample, cuts) => {
        const text = mutate(sample, cuts);
        expect(spanProblems(text, parsePlan(text, { resolver }))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(policyText, (text) => {
        expect(parsePlan(text, { resolver })).toEqual(parsePlan(text, { resolver }));
      }),
      { numRuns: 100 },
    );
  });
});

describe('parsePlan on large and hostile input', () => {
  const MB = 1024 * 1024;
  const repeat = (s: string, size: number): string => s.repeat(Math.ceil(size / s.length)).slice(0, size);

  it('returns on a plan repeated to 1 MB', () => {
    const text = repeat(samples[0] ?? '', MB);
    const plan = parsePlan(text, { resolver });
    expect(plan.items.length).toBeGreaterThan(1000);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it.each([
    ['deeply nested brackets', repeat('(', MB / 2) + repeat(')', MB / 2)],
    ['alternating nested brackets', repeat('((负责〔牵头【', MB)],
    ['one 1 MB line of digits', repeat('1234567890.', MB)],
    ['one 1 MB line of Chinese numerals', repeat('一二三四五六七八九十百千万', MB)],
    ['e-mail-like runs', repeat('aaaa.', MB)],
    ['a million headings', repeat('一、\n', MB)],
    ['a million items', repeat('(一)省公安厅负责。\n', MB)],
    ['responsibility clauses without end', repeat('(省公安厅、省民政厅等部门及各市州政府负责', MB)],
  ])('returns on %s', (_what, text) => {
    const plan = parsePlan(text, { resolver });
    expect(spanProblems(text, plan)).toEqual([]);
  });

  const seed = readFileSync(new URL('../../fixtures/hunan-2021-urbanization-workplan-draft.txt', import.meta.url), 'utf8');

  it('reads a single 10 MB line as the seed’s run-on items, with every repeat’s clauses and figures', { timeout: 60_000 }, () => {
    const line = seed.replace(/\r?\n/g, '');
    const text = '(一)' + repeat(line, (10 * MB) / 3);
    const plan = parsePlan(text, { resolver });
    // Run-on numbering is followed while it stays consistent: the seed's own (一)…(二十二) are found
    // inline once (a bracketed marker glued to a heading's title continues the sequence), and the
    // repeats that restart it stay inside the last item, which must still read all their facts.
    expect(plan.items.map((i) => i.number)).toEqual(Array.from({ length: 22 }, (_, k) => `(${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二'][k]})`));
    const last = plan.items.at(-1);
    // The repeats name the seed's units again: each is listed once in the item.
    expect(last?.responsible.length).toBeGreaterThan(10);
    expect(new Set(last?.responsible.map((r) => r.raw)).size).toBe(last?.responsible.length);
    expect(last?.targets.length).toBeGreaterThan(1000);
    expect(last?.targets.every((t) => Number.isFinite(t.value))).toBe(true);
    expect(last?.clauses.length).toBeGreaterThan(1000);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('reads 1 MB of digits as no figure', () => {
    for (const text of ['1'.repeat(MB), `(一)投资${'9'.repeat(MB)}元。(省财政厅负责)`, `(一)${'1234567890'.repeat(MB / 10)}个`]) {
      const plan = parsePlan(text, { resolver });
      expect(plan.items.flatMap((i) => i.targets)).toEqual([]);
      expect(spanProblems(text, plan)).toEqual([]);
    }
  });

  it('reads a million (一) markers on one line as one item', { timeout: 60_000 }, () => {
    const text = '(一)'.repeat(MB);
    const plan = parsePlan(text, { resolver });
    expect(plan.items).toHaveLength(1);
    expect(plan.items[0]?.targets).toEqual([]);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('reads a quarter of a million (一) lines as that many items', { timeout: 60_000 }, () => {
    const text = '(一)\n'.repeat(MB / 4);
    const plan = parsePlan(text, { resolver });
    expect(plan.items).toHaveLength(MB / 4);
    expect(plan.items.every((i) => i.number === '(一)' && i.title === '')).toBe(true);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it.each([
    ['deeply nested parentheses around a clause', '(一)甲。' + '('.repeat(MB / 4) + '省公安厅负责' + ')'.repeat(MB / 4)],
    ['deeply nested mixed brackets', '(一)甲。' + '(〔【['.repeat(MB / 16) + '省公安厅负责' + ']】〕)'.repeat(MB / 16)],
    ['labels inside and outside brackets', '(一)甲。' + '(责任单位:省公安厅)责任单位:省民政厅;'.repeat(MB / 40)],
    ['以下…不再列出 repeated', '标题\n一、任务\n' + '(一)甲。(省公安厅负责。以下任务均需各市州政府落实,不再列出)\n'.repeat(MB / 40)],
    ['a 下同 clause naming many units over many items', '标题\n一、任务\n(一)甲。(' + '省公安厅、'.repeat(70) + '负责,下同)\n' + '(二)乙。\n'.repeat(MB / 8)],
    ['以下…不再列出 naming a unit over many items', '标题\n一、任务\n(一)甲。(省公安厅负责。以下任务均需各市州政府落实,不再列出)\n' + '(二)乙。\n'.repeat(MB / 8)],
    ['unclosed quotation marks before figures', '(一)' + '“1个'.repeat(MB / 8)],
    ['a giant responsibility clause', '(一)甲。(' + '省公安厅、'.repeat(MB / 5) + '负责)'],
  ])('returns on %s', { timeout: 60_000 }, (_what, text) => {
    const plan = parsePlan(text, { resolver });
    expect(spanProblems(text, plan)).toEqual([]);
    for (const i of plan.items) expect(i.responsible.length).toBeLessThanOrEqual(Math.max(200, MB));
  });

  it('carries at most 64 units from one clause and lists each 以下…不再列出 unit once', () => {
    const text = '标题\n一、任务\n(一)甲。(' + Array.from({ length: 70 }, (_, k) => `省${k}局`).join('、') + '负责,下同)\n(二)乙。\n'
      + '(三)丙。(省公安厅负责。以下任务均需各市州政府落实,不再列出)\n(四)丁。(省民政厅负责。以下任务均需各市州政府落实,不再列出)\n(五)戊。(省财政厅负责)\n';
    const plan = parsePlan(text, { resolver });
    expect(plan.items[0]?.responsible).toHaveLength(70);
    expect(plan.items[1]?.responsible).toHaveLength(64);
    expect(plan.items[4]?.responsible.map((r) => r.raw)).toEqual(['省财政厅', '各市州政府']);
  });
});
