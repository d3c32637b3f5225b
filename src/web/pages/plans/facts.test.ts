import { describe, expect, it } from 'vitest';
import type { PlanItem, PlanSection } from '../../../contract/plans';
import type { Unit } from '../../../contract/units';
import { groupItems, guessResponsible, isModified, isRenamed, isUnmatched, warningsWithin } from './facts';

function item(ordinal: number, section: number | null, span: [number, number]): PlanItem {
  return { number: `(${ordinal})`, ordinal, section, title: `item ${ordinal}`, text: '', span, responsible: [], targets: [] };
}

const unit = (id: number, name: string, shortName: string, aliases: string[] = []): Unit => ({
  id,
  code: `u${id}`,
  name,
  shortName,
  aliases,
  kind: 'department',
  parentId: null,
  divisionCode: null,
  member: true,
});

describe('isModified', () => {
  it('marks facts added or changed by a person', () => {
    expect(isModified({ source: 'parser', editIds: [] })).toBe(false);
    expect(isModified({ source: 'parser', editIds: [3] })).toBe(true);
    expect(isModified({ source: 'edit', editIds: [4] })).toBe(true);
  });
});

describe('isUnmatched', () => {
  it('warns about a named unit the registry does not know, not about a locality phrase it expanded', () => {
    expect(isUnmatched({ unit: null, role: 'cooperate', expands: [] })).toBe(true);
    expect(isUnmatched({ unit: null, role: 'localities', expands: ['长沙市'] })).toBe(false);
    expect(isUnmatched({ unit: null, role: 'localities', expands: [] })).toBe(true);
    expect(isUnmatched({ unit: '省公安厅', role: 'lead', expands: [] })).toBe(false);
  });

  it('tells a corrected name (省卫建委 → 省卫健委) from an exact one', () => {
    expect(isRenamed({ raw: '省卫建委', unit: '省卫健委' })).toBe(true);
    expect(isRenamed({ raw: '省公安厅', unit: '省公安厅' })).toBe(false);
    expect(isRenamed({ raw: '各市州政府', unit: null })).toBe(false);
  });
});

describe('groupItems', () => {
  it('puts items under their sections in order, keeps empty sections, and items without a section first', () => {
    const sections: PlanSection[] = [
      { number: '一', ordinal: 1, title: '总体要求', span: [0, 4] },
      { number: '二', ordinal: 2, title: '重点任务', span: [10, 14] },
    ];
    const groups = groupItems(sections, [item(1, null, [5, 9]), item(2, 2, [15, 20]), item(3, 2, [21, 30])]);
    expect(groups.map((g) => [g.section?.number ?? null, g.items.map((i) => i.ordinal)])).toEqual([
      [null, [1]],
      ['一', []],
      ['二', [2, 3]],
    ]);
  });
});

describe('warningsWithin', () => {
  it('counts the warnings inside an item', () => {
    const warnings = [
      { code: 'unit_corrected', message: '', span: [5, 9] as [number, number] },
      { code: 'target_uncertain', message: '', span: [20, 22] as [number, number] },
    ];
    expect(warningsWithin(warnings, [0, 10])).toHaveLength(1);
    expect(warningsWithin(warnings, [10, 19])).toHaveLength(0);
  });
});

describe('guessResponsible', () => {
  const units = [unit(1, '湖南省公安厅', '省公安厅', ['公安厅']), unit(2, '湖南省卫生健康委员会', '省卫健委', ['省卫建委'])];

  it('finds the unit by its name, short name or an alias', () => {
    expect(guessResponsible(units, '省公安厅')).toEqual({ unitId: 1, role: 'cooperate' });
    expect(guessResponsible(units, ' 省卫建委 ')).toEqual({ unitId: 2, role: 'cooperate' });
    expect(guessResponsible(units, '湖南省公安厅').unitId).toBe(1);
  });

  it('takes an unknown 各… phrase for localities', () => {
    expect(guessResponsible(units, '各县市区人民政府')).toEqual({ unitId: null, role: 'localities' });
    expect(guessResponsible(units, '省大数据中心')).toEqual({ unitId: null, role: 'cooperate' });
  });
});
