// What the score grid shows while scores are typed, before the server has them: the weighted
// total and the grade. The server computes both again when the scores are saved (and its
// answer is what the grid shows afterwards); these mirror its rules so the preview agrees:
// each criterion 0–100, the total is the weighted mean to two decimals, a total equal to a
// threshold earns that grade. Pure, tested.

import type { EvaluationSummary, Grade } from './queries';

type Criteria = EvaluationSummary['criteria'];
type Thresholds = EvaluationSummary['thresholds'];

/** Whether every criterion has a score within 0–100. */
export function complete(criteria: Criteria, scores: Record<string, number | null | undefined>): scores is Record<string, number> {
  return criteria.every((c) => {
    const s = scores[c.key];
    return typeof s === 'number' && Number.isFinite(s) && s >= 0 && s <= 100;
  });
}

export function previewTotal(criteria: Criteria, scores: Record<string, number>): number {
  const weight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const sum = criteria.reduce((acc, c) => acc + (scores[c.key] ?? 0) * c.weight, 0);
  return Math.round((sum / weight) * 100) / 100;
}

export function previewGrade(total: number, thresholds: Thresholds): Grade {
  if (total >= thresholds.excellent) return 'excellent';
  if (total >= thresholds.pass) return 'pass';
  if (total >= thresholds.warning) return 'warning';
  return 'fail';
}

export const GRADE_COLOURS: Record<Grade, string> = { excellent: 'green', pass: 'blue', warning: 'orange', fail: 'red' };

/** The thresholds in order (优秀 ≥ 合格 ≥ 警告), as the open-year form must send them. */
export function thresholdsOrdered(t: Thresholds): boolean {
  return t.excellent >= t.pass && t.pass >= t.warning;
}
