import { describe, expect, it } from 'vitest';
import { formatNumber, formatTargetValue } from './target-format';

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
