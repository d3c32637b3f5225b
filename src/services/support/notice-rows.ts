import type { Kysely, Selectable } from 'kysely';
import type { Database, NoticesTable } from '../../db/schema.js';
import { fail } from '../../domain/errors.js';
import { isNoticeLevel, noticeState } from '../../domain/notice-escalation.js';
import type { NoticeLevel } from '../../domain/notice-escalation.js';

export interface NoticeView {
  id: number;
  taskId: number;
  taskTitle: string;
  unitId: number;
  /** The level now, escalated one step per missed answer-by date. */
  level: NoticeLevel;
  issuedLevel: NoticeLevel;
  escalations: number;
  status: 'open' | 'answered' | 'closed';
  overdue: boolean;
  text: string;
  /** The answer-by date in force now. */
  answerBy: string;
  issuedAnswerBy: string;
  issuedAt: string;
  answer: { text: string; answeredAt: string; signatory: string | null; algorithm: string | null; keyId: string | null; signature: string | null } | null;
  closedAt: string | null;
}

export function toNoticeView(r: Selectable<NoticesTable> & { task_title: string; answerer: string | null }, now: Date): NoticeView {
  const level = isNoticeLevel(r.level) ? r.level : 'blue';
  const answeredAt = r.answer_status === 'answered' ? r.answered_at : null;
  const state = noticeState({ level, issuedAt: r.issued_at, answerBy: r.answer_by, answeredAt, closedAt: r.closed_at }, now);
  return {
    id: r.id,
    taskId: r.task_id,
    taskTitle: r.task_title,
    unitId: r.unit_id,
    level: state.level,
    issuedLevel: level,
    escalations: state.escalations,
    status: state.status,
    overdue: state.overdue,
    text: r.text,
    answerBy: state.answerBy,
    issuedAnswerBy: r.answer_by,
    issuedAt: r.issued_at,
    answer:
      answeredAt !== null && r.answer_text !== null
        ? { text: r.answer_text, answeredAt, signatory: r.answerer, algorithm: r.algorithm, keyId: r.key_id, signature: r.signature }
        : null,
    closedAt: r.closed_at,
  };
}

export function noticeQuery(db: Kysely<Database>) {
  return db
    .selectFrom('notices')
    .innerJoin('tasks', 'tasks.id', 'notices.task_id')
    .leftJoin('users', 'users.id', 'notices.answered_by')
    .selectAll('notices')
    .select(['tasks.title as task_title', 'users.login as answerer']);
}

/** A notice as its readers see it (the task's owner unit, used to authorise, stays inside). */
export async function loadNoticeView(db: Kysely<Database>, id: number, now: Date): Promise<NoticeView> {
  const row = await noticeQuery(db).where('notices.id', '=', id).executeTakeFirst();
  if (!row) throw fail('notice_not_found');
  return toNoticeView(row, now);
}

export async function loadNotice(db: Kysely<Database>, id: number, now: Date): Promise<NoticeView & { ownerUnitId: number }> {
  const row = await noticeQuery(db).select('tasks.owner_unit_id').where('notices.id', '=', id).executeTakeFirst();
  if (!row) throw fail('notice_not_found');
  return { ...toNoticeView(row, now), ownerUnitId: row.owner_unit_id };
}
