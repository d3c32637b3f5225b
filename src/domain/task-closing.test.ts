import { describe, expect, it } from 'vitest';
import { closingBasis } from './task-closing.js';

describe('closing a task (销号)', () => {
  it.each([
    { name: "the lead's accepted report at 100%", facts: { leadUnitId: 1, accepted: [{ unitId: 1, percent: 100 }], evidence: 0 }, basis: 'report_100' },
    { name: 'a cooperating unit at 100% is not enough', facts: { leadUnitId: 1, accepted: [{ unitId: 2, percent: 100 }, { unitId: 1, percent: 90 }], evidence: 0 }, basis: null },
    { name: 'without a lead, any unit at 100%', facts: { leadUnitId: null, accepted: [{ unitId: 2, percent: 100 }], evidence: 0 }, basis: 'report_100' },
    { name: 'evidence without a finished report', facts: { leadUnitId: 1, accepted: [{ unitId: 1, percent: 60 }], evidence: 1 }, basis: 'evidence' },
    { name: 'neither', facts: { leadUnitId: 1, accepted: [], evidence: 0 }, basis: null },
    { name: '99% and no evidence', facts: { leadUnitId: 1, accepted: [{ unitId: 1, percent: 99 }], evidence: 0 }, basis: null },
  ] as const)('$name → $basis', ({ facts, basis }) => {
    expect(closingBasis({ leadUnitId: facts.leadUnitId, accepted: [...facts.accepted], evidence: facts.evidence })).toBe(basis);
  });
});
