import { describe, expect, it } from 'vitest';
import { complete, previewGrade, previewTotal, thresholdsOrdered } from './evaluation-preview';

const criteria = [
  { key: 'industry', name: '产业发展', weight: 40 },
  { key: 'investment', name: '投资建设', weight: 30 },
  { key: 'function', name: '功能配套', weight: 20 },
  { key: 'mechanism', name: '体制机制', weight: 10 },
];
const thresholds = { excellent: 90, pass: 70, warning: 60 };

describe('the score preview', () => {
  it('weights the scores and rounds to two decimals', () => {
    expect(previewTotal(criteria, { industry: 97, investment: 94, function: 92, mechanism: 96 })).toBe(95);
    expect(previewTotal([{ key: 'a', name: 'a', weight: 1 }, { key: 'b', name: 'b', weight: 2 }], { a: 70, b: 71 })).toBe(70.67);
  });

  it('gives a total equal to a threshold that grade', () => {
    expect(previewGrade(90, thresholds)).toBe('excellent');
    expect(previewGrade(89.99, thresholds)).toBe('pass');
    expect(previewGrade(70, thresholds)).toBe('pass');
    expect(previewGrade(60, thresholds)).toBe('warning');
    expect(previewGrade(59.99, thresholds)).toBe('fail');
  });

  it('needs every criterion within 0–100', () => {
    expect(complete(criteria, { industry: 1, investment: 2, function: 3, mechanism: 4 })).toBe(true);
    expect(complete(criteria, { industry: 1, investment: 2, function: 3 })).toBe(false);
    expect(complete(criteria, { industry: 1, investment: 2, function: 3, mechanism: 101 })).toBe(false);
    expect(complete(criteria, { industry: 1, investment: 2, function: null, mechanism: 4 })).toBe(false);
  });

  it('checks the thresholds are ordered', () => {
    expect(thresholdsOrdered(thresholds)).toBe(true);
    expect(thresholdsOrdered({ excellent: 60, pass: 70, warning: 50 })).toBe(false);
  });
});
