import { describe, expect, it } from 'vitest';
import { formatNumber, formatTargetValue, guessTarget, isUncertain } from './target-format';

describe('formatNumber', () => {
  it('writes Chinese figures with 万 and 亿 when that is exact and short', () => {
    expect(formatNumber(43500, 'zh-CN')).toBe('4.35万');
    expect(formatNumber(150_000_000, 'zh-CN')).toBe('1.5亿');
    expect(formatNumber(1500, 'zh-CN')).toBe('1500');
    expect(formatNumber(12_345_678, 'zh-CN')).toBe('12345678');
    expect(formatNumber(0.5, 'zh-CN')).toBe('0.5');
  });

  it('writes English figures with thousands separators', () => {
    expect(formatNumber(43500, 'en')).toBe('43,500');
    expect(formatNumber(1500, 'en')).toBe('1,500');
  });
});

describe('formatTargetValue', () => {
  it('puts the comparator and the unit of measure around the value', () => {
    expect(formatTargetValue({ value: 43500, max: null, unit: '套', comparator: '=' }, 'zh-CN')).toBe('4.35万套');
    expect(formatTargetValue({ value: 100, max: null, unit: '%', comparator: '>=' }, 'zh-CN')).toBe('≥100%');
    expect(formatTargetValue({ value: 5, max: null, unit: '%', comparator: '<=' }, 'en')).toBe('≤5%');
    expect(formatTargetValue({ value: 1, max: 2, unit: '个', comparator: 'range' }, 'zh-CN')).toBe('1–2个');
    expect(formatTargetValue({ value: 43500, max: null, unit: '套', comparator: '=' }, 'en')).toBe('43,500 套');
  });
});

describe('isUncertain', () => {
  it('flags targets the parser is less than 70% sure of', () => {
    expect(isUncertain({ confidence: 0.6 })).toBe(true);
    expect(isUncertain({ confidence: 0.7 })).toBe(false);
    expect(isUncertain({ confidence: 0.9 })).toBe(false);
  });
});

describe('guessTarget', () => {
  it('reads value, multiplier and unit of measure from a selected figure', () => {
    expect(guessTarget('4.35万套')).toEqual({ value: 43500, max: null, unit: '套', comparator: '=' });
    expect(guessTarget('完成改造1500个老旧小区')).toEqual({ value: 1500, max: null, unit: '个', comparator: '=' });
    expect(guessTarget('100万元')).toEqual({ value: 100, max: null, unit: '万元', comparator: '=' });
    expect(guessTarget('1小时通勤圈')).toEqual({ value: 1, max: null, unit: '小时', comparator: '=' });
  });

  it('reads the comparator from the words around the figure', () => {
    expect(guessTarget('不少于5%')).toMatchObject({ value: 5, unit: '%', comparator: '>=' });
    expect(guessTarget('达到100%')).toMatchObject({ value: 100, comparator: '>=' });
    expect(guessTarget('控制在3个百分点以内')).toMatchObject({ value: 3, unit: '个百分点', comparator: '<=' });
  });

  it('reads a range', () => {
    expect(guessTarget('1-2个')).toEqual({ value: 1, max: 2, unit: '个', comparator: 'range' });
  });

  it('leaves the value to the person when the text has no Arabic figure', () => {
    expect(guessTarget('三十大标志工程')).toEqual({ comparator: '=' });
  });
});
