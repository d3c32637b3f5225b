/**
 * 销号 (closing a task): the office closes a task only on a record that it is finished — an
 * accepted report at 100 % (from the lead unit; from any responsible unit when the task has
 * no lead), or evidence (佐证材料) attached to the task or to one of its sealed reports. A
 * task finished on paper is closed by attaching the paper's scan to the task first. A comment
 * is always required. The basis and the last accepted percent go into the audit event.
 */
export type ClosingBasis = 'report_100' | 'evidence';

export interface ClosingFacts {
  leadUnitId: number | null;
  /** Accepted reports of the task, with the reporting unit. */
  accepted: { unitId: number; percent: number }[];
  /** Evidence files on the task and on its sealed reports. */
  evidence: number;
}

/** Why the task may be closed, or null when nothing shows it finished. */
export function closingBasis(facts: ClosingFacts): ClosingBasis | null {
  const counted = facts.leadUnitId === null ? facts.accepted : facts.accepted.filter((r) => r.unitId === facts.leadUnitId);
  if (counted.some((r) => r.percent >= 100)) return 'report_100';
  if (facts.evidence > 0) return 'evidence';
  return null;
}
