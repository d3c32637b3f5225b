// What the score grid shows while scores are typed, before the server has them: the weighted
// total and the grade, by the very functions the server uses (contract/evaluation-rules.ts).
// The server computes both again when the scores are saved, and its answer is what the grid
// shows afterwards. Pure, tested.

import { gradeOf, weightedTotal } from '../../../contract/evaluation-rules';
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

/** The weighted total and the grade, by the server's own rule (contract/evaluation-rules.ts). */
export const previewTotal: (criteria: Criteria, scores: Record<string, number>) => number = weightedTotal;
export const previewGrade: (total: number, thresholds: Thresholds) => Grade = gradeOf;

export const GRADE_COLOURS: Record<Grade, string> = { excellent: 'green', pass: 'blue', warning: 'orange', fail: 'red' };

/** The thresholds in order (优秀 ≥ 合格 ≥ 警告), as the open-year form must send them. */
export function thresholdsOrdered(t: Thresholds): boolean {
  return t.excellent >= t.pass && t.pass >= t.warning;
}
