import { chinaDate, deadlineInstant } from './consultation.js';

/**
 * Supervision notices (督办单): 提醒 blue, 督办 yellow, 挂牌督办 red. A notice left unanswered
 * past its answer-by date goes up one level, and again after each further interval of the
 * same length (issue day to answer-by day, at least one day), up to red. Derived from the
 * rows and the clock, so it happens on time without any job; an answer (or closing the
 * notice) stops the clock at that instant.
 */
export const NOTICE_LEVELS = ['blue', 'yellow', 'red'] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];
export const LEVEL_NAMES: Record<NoticeLevel, string> = { blue: '提醒', yellow: '督办', red: '挂牌督办' };
export const LEVEL_NAMES_EN: Record<NoticeLevel, string> = { blue: 'Reminder', yellow: 'Supervision notice', red: 'Listed supervision' };

export interface NoticeFacts {
  level: NoticeLevel;
  /** ISO instant */
  issuedAt: string;
  /** YYYY-MM-DD, China time */
  answerBy: string;
  answeredAt: string | null;
  closedAt: string | null;
}

export interface NoticeState {
  status: 'open' | 'answered' | 'closed';
  /** The level now, after escalation. */
  level: NoticeLevel;
  issuedLevel: NoticeLevel;
  escalations: number;
  /** The answer-by date now in force (moves on by one interval per escalation). */
  answerBy: string;
  /** Unanswered past the date in force. */
  overdue: boolean;
}

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function noticeState(n: NoticeFacts, now: Date): NoticeState {
  const stop = n.answeredAt ?? n.closedAt;
  const at = stop !== null && new Date(stop).getTime() < now.getTime() ? new Date(stop) : now;
  const issuedDay = chinaDate(new Date(n.issuedAt));
  const interval = Math.max(1, Math.round((Date.parse(n.answerBy) - Date.parse(issuedDay)) / DAY_MS));
  const firstDeadline = deadlineInstant(n.answerBy).getTime();
  const missed = at.getTime() <= firstDeadline ? 0 : 1 + Math.floor((at.getTime() - firstDeadline - 1) / (interval * DAY_MS));
  const start = NOTICE_LEVELS.indexOf(n.level);
  const level = NOTICE_LEVELS[Math.min(NOTICE_LEVELS.length - 1, start + missed)]!;
  const status = n.closedAt !== null ? 'closed' : n.answeredAt !== null ? 'answered' : 'open';
  const answerBy = addDays(n.answerBy, missed * interval);
  return {
    status,
    level,
    issuedLevel: n.level,
    escalations: Math.min(missed, NOTICE_LEVELS.length - 1 - start),
    answerBy,
    overdue: status === 'open' && missed > 0,
  };
}

export function isNoticeLevel(value: string): value is NoticeLevel {
  return (NOTICE_LEVELS as readonly string[]).includes(value);
}
