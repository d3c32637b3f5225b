import { fail } from '../domain/errors.js';
import { noticeAnswerSealPayload } from '../domain/ledger-seal-payload.js';
import { isIsoDay } from '../domain/ledger-periods.js';
import type { NoticeLevel } from '../domain/notice-escalation.js';
import { authorize, can, unitPath } from '../domain/policy.js';
import { isSealAlgorithm } from '../domain/reply-seal-payload.js';
import { signPayload } from '../security/seal.js';
import { serverSecret } from '../security/server-secret.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadTask } from './support/ledger-rows.js';
import { loadNotice, loadNoticeView, noticeQuery, toNoticeView } from './support/notice-rows.js';
import type { NoticeView } from './support/notice-rows.js';
import { notifyUnits } from './support/notify-units.js';
import { loadUnitTree } from './support/unit-tree.js';
import { ensureUnitKey } from './support/unit-keys.js';
import { defaultSealAlgorithm } from './support/seal-default.js';


export interface IssueNoticeInput {
  level: NoticeLevel;
  text: string;
  answerBy: string;
  /** The unit addressed; the task's lead unit by default. */
  unitId?: number | undefined;
}

/** 督办: the office governing a task issues a notice to one of its units, with an answer-by date. */
export async function issueNotice(taskId: number, input: IssueNoticeInput, ctx: ServiceContext): Promise<{ id: number }> {
  const tree = await loadUnitTree(ctx.db);
  const task = await loadTask(ctx.db, taskId);
  authorize(ctx.actor, 'notice.manage', { scopePath: unitPath(task.ownerUnitId, tree) });
  if (task.status === 'closed') throw fail('task_closed');
  if (!isIsoDay(input.answerBy)) throw fail('round_dates_invalid', { detail: `answerBy ${input.answerBy}` });
  const unitId = input.unitId ?? task.leadUnitId;
  if (unitId === null || unitId === undefined || !task.units.some((u) => u.unitId === unitId)) throw fail('not_responsible');
  const at = nowIso(ctx);
  const { id, sendMail } = await inTransaction(ctx, async (trx) => {
    const row = await trx
      .insertInto('notices')
      .values({
        task_id: taskId,
        unit_id: unitId,
        level: input.level,
        text: input.text.trim(),
        answer_by: input.answerBy,
        issued_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        issued_at: at,
        answer_status: null,
        answer_text: null,
        answered_by: null,
        answered_at: null,
        algorithm: null,
        key_id: null,
        signature: null,
        closed_at: null,
        closed_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'notice.issue',
      entity: 'notice',
      entityId: row.id,
      detail: { taskId, unitId, level: input.level, answerBy: input.answerBy, text: input.text.trim() },
    });
    const mail = await notifyUnits(trx, ctx, [unitId], null, {
      code: `notice.issued.${input.level}`,
      params: { taskTitle: task.title, text: input.text.trim(), answerBy: input.answerBy },
    });
    return { id: row.id, sendMail: mail };
  });
  await sendMail();
  return { id };
}

/** The addressed unit's 签发人 answers a notice; the answer is sealed with the unit's key. */
export async function answerNotice(noticeId: number, input: { text: string; algorithm?: string | undefined }, ctx: ServiceContext): Promise<NoticeView> {
  if (ctx.actor.kind !== 'user') throw fail('forbidden');
  const actor = ctx.actor;
  const notice = await loadNotice(ctx.db, noticeId, ctx.clock.now());
  authorize(actor, 'notice.answer', { unitId: notice.unitId });
  if (notice.status === 'closed') throw fail('notice_closed');
  const algorithm = input.algorithm ?? (await defaultSealAlgorithm(ctx));
  if (!isSealAlgorithm(algorithm)) throw fail('validation_failed');
  const unit = await ctx.db.selectFrom('units').select('code').where('id', '=', notice.unitId).executeTakeFirstOrThrow();
  const at = nowIso(ctx);
  const text = input.text.trim();
  await inTransaction(ctx, async (trx) => {
    const claimed = await trx
      .updateTable('notices')
      .set({ answer_status: 'answering' })
      .where('id', '=', noticeId)
      .where('answer_status', 'is', null)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw fail('notice_answered');
    const key = await ensureUnitKey(trx, ctx, notice.unitId, algorithm);
    const payload = noticeAnswerSealPayload({
      noticeId,
      taskId: notice.taskId,
      text,
      unit: { id: notice.unitId, code: unit.code },
      signatory: { id: actor.userId, login: actor.login },
      sealedAt: at,
      algorithm,
      keyId: key.keyId,
    });
    const signature = signPayload(payload, key, serverSecret(ctx.config));
    await trx
      .updateTable('notices')
      .set({ answer_status: 'answered', answer_text: text, answered_by: actor.userId, answered_at: at, algorithm, key_id: key.keyId, signature })
      .where('id', '=', noticeId)
      .execute();
    await appendAudit(trx, actor, ctx.clock, {
      action: 'notice.answer',
      entity: 'notice',
      entityId: noticeId,
      detail: { taskId: notice.taskId, unitId: notice.unitId, level: notice.level, escalations: notice.escalations, algorithm, keyId: key.keyId, signature },
    });
  });
  return loadNoticeView(ctx.db, noticeId, ctx.clock.now());
}

/** The office closes (办结) a notice. */
export async function closeNotice(noticeId: number, ctx: ServiceContext): Promise<NoticeView> {
  const tree = await loadUnitTree(ctx.db);
  const notice = await loadNotice(ctx.db, noticeId, ctx.clock.now());
  authorize(ctx.actor, 'notice.manage', { scopePath: unitPath(notice.ownerUnitId, tree) });
  const at = nowIso(ctx);
  await inTransaction(ctx, async (trx) => {
    const done = await trx
      .updateTable('notices')
      .set({ closed_at: at, closed_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null })
      .where('id', '=', noticeId)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw fail('notice_closed');
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'notice.close',
      entity: 'notice',
      entityId: noticeId,
      detail: { taskId: notice.taskId, unitId: notice.unitId, level: notice.level, status: notice.status },
    });
  });
  return loadNoticeView(ctx.db, noticeId, ctx.clock.now());
}

export interface NoticeFilter {
  planId?: number | undefined;
  taskId?: number | undefined;
  status?: 'open' | 'answered' | 'closed' | undefined;
}

/** Notices the reader may see: its unit's, or those of tasks its office governs. */
export async function listNotices(filter: NoticeFilter, ctx: ServiceContext): Promise<NoticeView[]> {
  if (ctx.actor.kind === 'anonymous') throw fail('unauthenticated');
  const tree = await loadUnitTree(ctx.db);
  let q = noticeQuery(ctx.db).select('tasks.owner_unit_id');
  if (filter.planId !== undefined) q = q.where('tasks.plan_id', '=', filter.planId);
  if (filter.taskId !== undefined) q = q.where('notices.task_id', '=', filter.taskId);
  if (ctx.actor.kind === 'user' && ctx.actor.role !== 'office' && ctx.actor.role !== 'admin') q = q.where('notices.unit_id', '=', ctx.actor.unitId);
  const rows = await q.orderBy('notices.issued_at', 'desc').orderBy('notices.id', 'desc').execute();
  const now = ctx.clock.now();
  return rows
    .filter((r) => can(ctx.actor, 'notice.read', { unitId: r.unit_id, scopePath: [...unitPath(r.owner_unit_id, tree), ...unitPath(r.unit_id, tree)] }))
    .map((r) => toNoticeView(r, now))
    .filter((n) => filter.status === undefined || n.status === filter.status);
}
