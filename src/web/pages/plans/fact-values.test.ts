import { describe, expect, it } from 'vitest';
import type { PlanResponsible, PlanTarget } from '../../../contract/plans';
import { responsibleChanges, responsibleValues, targetChanges, targetValues, textOrNull } from './fact-values';

const target: PlanTarget = {
  raw: '4.35万套',
  value: 43500,
  max: null,
  unit: '套',
  comparator: '=',
  subject: '保障性租赁住房开工',
  scope: '长沙市',
  year: 2021,
  confidence: 0.9,
  uncertain: false,
  span: [1151, 1157],
  source: 'parser',
  editIds: [],
};

const responsible: PlanResponsible = {
  raw: '省卫建委',
  unit: '省卫健委',
  unitId: 12,
  role: 'cooperate',
  expands: [],
  expandsUnitIds: [],
  span: [2051, 2055],
  source: 'parser',
  editIds: [],
};

describe('targetChanges', () => {
  it('sends only the fields a person changed', () => {
    const form = { value: 43500, unit: '套', comparator: '>=' as const, subject: '保障性租赁住房开工', scope: '长沙市', year: 2021 };
    expect(targetChanges(target, form)).toEqual({ comparator: '>=' });
  });

  it('sends nothing when nothing changed', () => {
    const { value, max, unit, comparator, subject, scope, year } = target;
    expect(targetChanges(target, { value, max, unit, comparator, subject, scope, year })).toEqual({});
  });

  it('turns a cleared text into null and trims the rest', () => {
    const form = { value: 43500, unit: ' 套 ', comparator: '=' as const, subject: '  ', scope: '长沙市', year: null };
    expect(targetChanges(target, form)).toEqual({ subject: null, year: null });
  });

  it('keeps an upper bound only for a range', () => {
    expect(targetChanges(target, { ...target, comparator: 'range', max: 50000 })).toEqual({ comparator: 'range', max: 50000 });
    expect(targetValues({ value: 1, max: 9, unit: '个', comparator: '>=' })).toMatchObject({ max: null, comparator: '>=' });
  });
});

describe('targetValues', () => {
  it('gives a new target its value and unit, with empty texts as null', () => {
    expect(targetValues({ value: 1500, unit: '个', comparator: '>=', subject: '', scope: undefined, year: 2021 })).toEqual({
      value: 1500,
      unit: '个',
      comparator: '>=',
      max: null,
      subject: null,
      scope: null,
      year: 2021,
    });
  });
});

describe('responsibleChanges', () => {
  it('sends a new unit and role only when they differ', () => {
    expect(responsibleChanges(responsible, { unitId: 7, role: 'cooperate' })).toEqual({ unitId: 7 });
    expect(responsibleChanges(responsible, { unitId: 12, role: 'lead' })).toEqual({ role: 'lead' });
    expect(responsibleChanges(responsible, { unitId: 12, role: 'cooperate' })).toEqual({});
  });

  it('sends null when the person clears the unit (no such unit in the registry)', () => {
    expect(responsibleChanges(responsible, { unitId: null, role: 'cooperate' })).toEqual({ unitId: null });
  });

  it('gives a new responsible fact its role, and its unit when one was chosen', () => {
    expect(responsibleValues({ unitId: null, role: 'localities' })).toEqual({ role: 'localities' });
    expect(responsibleValues({ unitId: 4, role: 'lead' })).toEqual({ unitId: 4, role: 'lead' });
  });
});

describe('textOrNull', () => {
  it('treats blank text as none', () => {
    expect(textOrNull('  ')).toBeNull();
    expect(textOrNull(undefined)).toBeNull();
    expect(textOrNull(' 长沙市 ')).toBe('长沙市');
  });
});
