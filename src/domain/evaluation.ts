import type { Criterion, EvaluationConfig, Grade } from './register-definition.js';

/**
 * Annual evaluation (年度评估) of a list such as 特色小镇: each criterion is scored 0–100, the
 * total is the weighted mean, the grade follows from the total by the thresholds (a total
 * equal to a threshold earns that grade), and the grade proposes the row's standing for the
 * next year. Proposals only take effect when the office confirms the evaluation.
 */
export const GRADE_LABELS: Record<Grade, { zh: string; en: string }> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  pass: { zh: '合格', en: 'Pass' },
  warning: { zh: '警告', en: 'Warning' },
  fail: { zh: '淘汰', en: 'Fail' },
};

export type ScoreProblem = { criterion: string; reason: 'missing' | 'out_of_range' | 'unknown' };

/** Checks a row's scores: every criterion, nothing else, each within 0–100. */
export function checkScores(criteria: readonly Criterion[], scores: Record<string, number>): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const keys = new Set(criteria.map((c) => c.key));
  for (const k of Object.keys(scores)) if (!keys.has(k)) problems.push({ criterion: k, reason: 'unknown' });
  for (const c of criteria) {
    const s = scores[c.key];
    if (s === undefined || s === null) problems.push({ criterion: c.key, reason: 'missing' });
    else if (!Number.isFinite(s) || s < 0 || s > 100) problems.push({ criterion: c.key, reason: 'out_of_range' });
  }
  return problems;
}

// The total and the grade: one copy, shared with the web's score preview.
export { gradeOf, weightedTotal } from '../contract/evaluation-rules.js';

/**
 * The standing a grade proposes: 淘汰 → removal; 警告 in two years running → removal;
 * 警告 → warning; 优秀 or 合格 → listed again. A removed row stays removed.
 */
export function proposeStatus(config: EvaluationConfig, current: string | null, grade: Grade, previousGrade: Grade | null): string {
  const { active, warning, removed } = config.statuses;
  if (current === removed) return removed;
  switch (grade) {
    case 'fail':
      return removed;
    case 'warning':
      return previousGrade === 'warning' ? removed : warning;
    case 'excellent':
    case 'pass':
      return active;
    default: {
      const unreachable: never = grade;
      return unreachable;
    }
  }
}
