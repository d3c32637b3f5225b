import { describe, expect, it } from 'vitest';
import { answered, countStatuses, isSilent, replyPercent } from './recipient-summary';
import type { RecipientStatus } from '../../../contract/consultations';

const of = (...statuses: RecipientStatus[]) => statuses.map((status) => ({ status }));

describe('recipient summary', () => {
  it('counts every status and the share that has replied (late replies count as replies)', () => {
    const counts = countStatuses(of('replied', 'no_opinion', 'late', 'pending', 'not_replied', 'not_replied', 'replied', 'pending'));
    expect(counts).toEqual({ replied: 2, no_opinion: 1, late: 1, pending: 2, not_replied: 2 });
    expect(answered(counts)).toBe(4);
    expect(replyPercent(counts)).toBe(50);
  });

  it('is 0% with no recipients rather than dividing by zero', () => {
    expect(replyPercent(countStatuses([]))).toBe(0);
  });

  it('reminds only units without a sealed reply', () => {
    expect((['pending', 'not_replied', 'replied', 'no_opinion', 'late'] as const).filter(isSilent)).toEqual(['pending', 'not_replied']);
  });
});
