import { describe, expect, it } from 'vitest';
import {
  acceptsReplies,
  canWithdraw,
  chinaDate,
  consultationStatus,
  decisionNeedsReason,
  deadlineInstant,
  groupSimilar,
  recipientStatus,
} from './consultation.js';

const at = (iso: string) => new Date(iso);

describe('consultation rules', () => {
  it('takes replies until the end of the deadline day, China time', () => {
    expect(deadlineInstant('2021-07-21').toISOString()).toBe('2021-07-21T15:59:59.999Z');
    expect(chinaDate(at('2021-07-21T16:30:00Z'))).toBe('2021-07-22');
  });

  it('is open before the deadline, closed after it or when closed by hand', () => {
    const c = { deadline: '2021-07-21', closedAt: null };
    expect(consultationStatus(c, at('2021-07-21T15:59:00Z'))).toBe('open');
    expect(consultationStatus(c, at('2021-07-21T16:00:00Z'))).toBe('closed');
    expect(consultationStatus({ ...c, closedAt: '2021-07-18T00:00:00Z' }, at('2021-07-19T00:00:00Z'))).toBe('closed');
  });

  it('still accepts late replies until closed by hand, but allows withdrawal only before the deadline', () => {
    const c = { deadline: '2021-07-21', closedAt: null };
    expect(acceptsReplies(c)).toBe(true);
    expect(canWithdraw(c, at('2021-07-20T00:00:00Z'))).toBe(true);
    expect(canWithdraw(c, at('2021-07-22T00:00:00Z'))).toBe(false);
    expect(acceptsReplies({ ...c, closedAt: '2021-07-25T00:00:00Z' })).toBe(false);
  });

  it('derives each recipient status from the sealed reply, the deadline and the clock', () => {
    const before = at('2021-07-20T00:00:00Z');
    const after = at('2021-07-23T00:00:00Z');
    expect(recipientStatus('2021-07-21', null, before)).toBe('pending');
    expect(recipientStatus('2021-07-21', null, after)).toBe('not_replied');
    expect(recipientStatus('2021-07-21', { noOpinion: false, sealedAt: '2021-07-19T08:00:00Z' }, after)).toBe('replied');
    expect(recipientStatus('2021-07-21', { noOpinion: true, sealedAt: '2021-07-19T08:00:00Z' }, after)).toBe('no_opinion');
    expect(recipientStatus('2021-07-21', { noOpinion: false, sealedAt: '2021-07-22T01:00:00Z' }, after)).toBe('late');
    // Extending the deadline turns a late reply into an on-time one.
    expect(recipientStatus('2021-07-25', { noOpinion: false, sealedAt: '2021-07-22T01:00:00Z' }, after)).toBe('replied');
  });

  it('requires a reason unless an opinion is adopted', () => {
    expect(decisionNeedsReason('adopted')).toBe(false);
    expect(decisionNeedsReason('partly_adopted')).toBe(true);
    expect(decisionNeedsReason('rejected')).toBe(true);
  });

  it('groups similar opinions on the same item, never across items', () => {
    const groups = groupSimilar([
      { id: 1, itemOrdinal: 2, content: '建议将4.35万套保障性租赁住房开工任务调整为5万套。' },
      { id: 2, itemOrdinal: 2, content: '建议保障性租赁住房开工任务调整为5万套' },
      { id: 3, itemOrdinal: 2, content: '增加农民工随迁子女入学的表述。' },
      { id: 4, itemOrdinal: 15, content: '建议将4.35万套保障性租赁住房开工任务调整为5万套。' },
    ]);
    expect(groups.get(1)).toBe(groups.get(2));
    expect(groups.get(3)).not.toBe(groups.get(1));
    expect(groups.get(4)).not.toBe(groups.get(1));
  });
});
