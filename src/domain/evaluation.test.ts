import { describe, expect, it } from 'vitest';
import { checkScores, gradeOf, proposeStatus, weightedTotal } from './evaluation.js';
import type { EvaluationConfig } from './register-definition.js';

const config: EvaluationConfig = {
  statusField: '状态',
  statuses: { active: '在册', warning: '警告', removed: '退出' },
  criteria: [
    { key: 'industry', name: '产业发展', weight: 40 },
    { key: 'investment', name: '投资建设', weight: 30 },
    { key: 'function', name: '功能配套', weight: 20 },
    { key: 'mechanism', name: '体制机制', weight: 10 },
  ],
  thresholds: { excellent: 90, pass: 70, warning: 60 },
};

describe('annual evaluation', () => {
  it('weights the scores', () => {
    expect(weightedTotal(config.criteria, { industry: 100, investment: 80, function: 60, mechanism: 40 })).toBe(80);
    expect(weightedTotal([{ key: 'a', name: 'a', weight: 1 }, { key: 'b', name: 'b', weight: 2 }], { a: 70, b: 71 })).toBe(70.67);
  });

  it('grades at the boundaries: a total equal to a threshold earns that grade', () => {
    const t = config.thresholds;
    expect(gradeOf(90, t)).toBe('excellent');
    expect(gradeOf(89.99, t)).toBe('pass');
    expect(gradeOf(70, t)).toBe('pass');
    expect(gradeOf(69.99, t)).toBe('warning');
    expect(gradeOf(60, t)).toBe('warning');
    expect(gradeOf(59.99, t)).toBe('fail');
    expect(gradeOf(0, t)).toBe('fail');
    expect(gradeOf(100, t)).toBe('excellent');
  });

  it('follows thresholds set by the office', () => {
    expect(gradeOf(85, { excellent: 85, pass: 75, warning: 65 })).toBe('excellent');
    expect(gradeOf(70, { excellent: 85, pass: 75, warning: 65 })).toBe('warning');
  });

  it('proposes removal for 淘汰 and for 警告 two years running; a first 警告 is a warning', () => {
    expect(proposeStatus(config, '在册', 'fail', null)).toBe('退出');
    expect(proposeStatus(config, '在册', 'warning', null)).toBe('警告');
    expect(proposeStatus(config, '警告', 'warning', 'warning')).toBe('退出');
    expect(proposeStatus(config, '警告', 'warning', 'pass')).toBe('警告');
    expect(proposeStatus(config, '警告', 'pass', 'warning')).toBe('在册');
    expect(proposeStatus(config, '在册', 'excellent', 'warning')).toBe('在册');
    expect(proposeStatus(config, '退出', 'excellent', null)).toBe('退出');
  });

  it('checks scores: every criterion, within 0–100, nothing unknown', () => {
    expect(checkScores(config.criteria, { industry: 100, investment: 0, function: 50, mechanism: 50 })).toEqual([]);
    expect(checkScores(config.criteria, { industry: 101, investment: -1, function: 50, extra: 3 })).toEqual([
      { criterion: 'extra', reason: 'unknown' },
      { criterion: 'industry', reason: 'out_of_range' },
      { criterion: 'investment', reason: 'out_of_range' },
      { criterion: 'mechanism', reason: 'missing' },
    ]);
  });
});
