import { describe, expect, it } from 'vitest';
import { spanProblems } from '../model/plan-spans.js';
import type { ParsedPlan } from '../model/plan.js';
import { mapResolver } from './map-resolver.js';
import { parsePlan } from './parse-plan.js';

const resolver = mapResolver({ units: { 市财政局: [], 市统计局: [], 市商务局: [], 市发展改革委: ['市发改委'] } });
const units = (plan: ParsedPlan): string[][] => plan.items.map((i) => i.responsible.map((r) => `${r.raw}/${r.role}`));
const unresolved = (plan: ParsedPlan) => plan.warnings.filter((w) => w.code === 'responsibility_reference_unresolved').map((w) => w.params);

describe('responsibility by reference', () => {
  it('同上 and 同上述 take the previous item’s units, chained, raw and spans kept', () => {
    const text = '某市2020年分工方案\n一、任务\n(一)做好甲事。完成10个。(市财政局牵头,市统计局配合)\n(二)做好乙事。(同上)\n(三)做好丙事。(同上述)\n';
    const plan = parsePlan(text, { resolver });
    expect(units(plan)).toEqual([
      ['市财政局/lead', '市统计局/cooperate'],
      ['市财政局/lead', '市统计局/cooperate'],
      ['市财政局/lead', '市统计局/cooperate'],
    ]);
    expect(plan.items[1]?.responsible[0]?.unit).toBe('市财政局');
    expect(plan.items[1]?.clauses.map((c) => c.text)).toEqual(['做好乙事。']);
    expect(plan.warnings.map((w) => w.code)).not.toContain('responsibility_missing');
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('(与“…”分工相同) takes the units of the item whose title holds the words, before or after it, quotes of any kind', () => {
    const text = [
      '某市2021年分工方案',
      '(一)深化“一网通办”改革。(市发改委牵头,市统计局配合)',
      '(二)完善诉求响应机制。(与‘一网通办’分工相同)',
      '(三)扩大消费。(与“培育新型消费”分工相同)',
      '(四)培育新型消费。(市商务局负责)',
    ].join('\n');
    const plan = parsePlan(text, { resolver });
    expect(units(plan)).toEqual([
      ['市发改委/lead', '市统计局/cooperate'],
      ['市发改委/lead', '市统计局/cooperate'],
      ['市商务局/lead'],
      ['市商务局/lead'],
    ]);
    expect(unresolved(plan)).toEqual([]);
    expect(spanProblems(text, plan)).toEqual([]);
  });

  it('warns with a code when the reference finds nothing, and names no unit', () => {
    const text = '某市2021年分工方案\n(一)做好甲事。(同上)\n(二)做好乙事。(与“重大工程”分工相同)\n';
    const plan = parsePlan(text, { resolver });
    expect(units(plan)).toEqual([[], []]);
    expect(unresolved(plan)).toEqual([
      { item: 1, reference: '同上' },
      { item: 2, reference: '与“重大工程”分工相同' },
    ]);
    const [first, second] = plan.warnings.filter((w) => w.code === 'responsibility_reference_unresolved');
    expect(text.slice(...first!.span)).toBe('同上');
    expect(text.slice(...second!.span)).toBe('与“重大工程”分工相同');
    expect(plan.warnings.map((w) => w.code)).not.toContain('responsibility_missing');
  });

  it('in a division table, 同上 takes the cell above in the same column, and a named reference the item’s units', () => {
    const text = [
      '序号\t工作任务\t牵头单位\t配合单位',
      '1\t建立项目库。\t市发改委\t市财政局',
      '2\t开展项目评估。\t同上\t市统计局',
      '3\t跟踪项目进度。\t同上\t同上',
      '4\t统计项目投资。\t与“建立项目库”分工相同\t',
      '5\t发布项目清单。\t同上\t',
    ].join('\n');
    const plan = parsePlan(text, { resolver });
    expect(units(plan)).toEqual([
      ['市发改委/lead', '市财政局/cooperate'],
      ['市发改委/lead', '市统计局/cooperate'],
      ['市发改委/lead', '市统计局/cooperate'],
      ['市发改委/lead', '市财政局/cooperate'],
      [],
    ]);
    // Row 5's 同上 points at a cell that held a reference, not names: said, not guessed.
    expect(unresolved(plan)).toEqual([{ item: 5, reference: '同上' }]);
    expect(spanProblems(text, plan)).toEqual([]);
  });
});
