import { describe, expect, it } from 'vitest';
import { noticeState } from './notice-escalation.js';
import type { NoticeFacts } from './notice-escalation.js';

const china = (local: string) => new Date(`${local}+08:00`);
// Issued on 18 October to be answered by the 22nd: an interval of four days.
const notice = (over: Partial<NoticeFacts> = {}): NoticeFacts => ({
  level: 'yellow',
  issuedAt: china('2021-10-18T09:00:00').toISOString(),
  answerBy: '2021-10-22',
  answeredAt: null,
  closedAt: null,
  ...over,
});

describe('supervision notice escalation', () => {
  it('holds its level until the end of the answer-by day (China time)', () => {
    const s = noticeState(notice(), new Date(china('2021-10-23T00:00:00').getTime() - 1));
    expect(s).toMatchObject({ level: 'yellow', escalations: 0, overdue: false, status: 'open', answerBy: '2021-10-22' });
  });

  it('goes up one level once the answer-by date is missed, with a new date one interval later', () => {
    const s = noticeState(notice(), china('2021-10-23T00:00:00'));
    expect(s).toMatchObject({ level: 'red', issuedLevel: 'yellow', escalations: 1, overdue: true, answerBy: '2021-10-26' });
  });

  it('goes up one level per missed date and stops at red', () => {
    const blue = notice({ level: 'blue' });
    expect(noticeState(blue, china('2021-10-23T08:00:00')).level).toBe('yellow');
    expect(noticeState(blue, new Date(china('2021-10-27T00:00:00').getTime() - 1)).level).toBe('yellow');
    const twice = noticeState(blue, china('2021-10-27T00:00:00'));
    expect(twice).toMatchObject({ level: 'red', escalations: 2, answerBy: '2021-10-30' });
    expect(noticeState(blue, china('2022-06-01T00:00:00'))).toMatchObject({ level: 'red', escalations: 2 });
  });

  it('stops escalating when answered: the level stays where it was then', () => {
    const answered = notice({ answeredAt: china('2021-10-24T17:00:00').toISOString() });
    const s = noticeState(answered, china('2022-01-01T00:00:00'));
    expect(s).toMatchObject({ status: 'answered', level: 'red', escalations: 1, overdue: false });
    const onTime = notice({ answeredAt: china('2021-10-21T17:00:00').toISOString() });
    expect(noticeState(onTime, china('2022-01-01T00:00:00'))).toMatchObject({ level: 'yellow', escalations: 0 });
  });

  it('stops escalating when closed', () => {
    const closed = notice({ level: 'blue', closedAt: china('2021-10-20T10:00:00').toISOString() });
    expect(noticeState(closed, china('2022-01-01T00:00:00'))).toMatchObject({ status: 'closed', level: 'blue', escalations: 0, overdue: false });
  });

  it('uses at least one day as the interval when the answer is due the day it is issued', () => {
    const sameDay = notice({ level: 'blue', answerBy: '2021-10-18' });
    expect(noticeState(sameDay, china('2021-10-19T12:00:00'))).toMatchObject({ level: 'yellow', answerBy: '2021-10-19' });
    expect(noticeState(sameDay, china('2021-10-20T12:00:00'))).toMatchObject({ level: 'red', answerBy: '2021-10-20' });
  });
});
