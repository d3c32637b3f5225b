/**
 * How an annual evaluation turns scores into a total and a grade: the one copy of the rule,
 * used by the server (domain/evaluation.ts, when scores are saved) and by the web's score grid
 * (its preview while scores are typed), so the two can never disagree.
 */
export type EvaluationGrade = 'excellent' | 'pass' | 'warning' | 'fail';

/** The weighted mean of the scores (each 0–100), to two decimals. */
export function weightedTotal(criteria: readonly { readonly key: string; readonly weight: number; readonly name?: string }[], scores: Record<string, number>): number {
  const weight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const sum = criteria.reduce((acc, c) => acc + (scores[c.key] ?? 0) * c.weight, 0);
  return Math.round((sum / weight) * 100) / 100;
}

/** A total equal to a threshold earns that grade (优秀 ≥ excellent, 合格 ≥ pass, 警告 ≥ warning, else 淘汰). */
export function gradeOf(total: number, thresholds: { excellent: number; pass: number; warning: number }): EvaluationGrade {
  if (total >= thresholds.excellent) return 'excellent';
  if (total >= thresholds.pass) return 'pass';
  if (total >= thresholds.warning) return 'warning';
  return 'fail';
}
