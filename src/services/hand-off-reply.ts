import { acceptsReplies } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation } from './support/consultation-rows.js';
import { notifyUnits } from './support/notify-units.js';
import { recordReplyEvent } from './support/reply-events.js';
import { loadReply, presentReply, replyStateConflict, replyStatus } from './support/reply-rows.js';
import type { ReplyWithAllowed } from './support/reply-rows.js';

async function actorName(ctx: ServiceContext): Promise<string> {
  if (ctx.actor.kind !== 'user') return ctx.actor.login;
  const row = await ctx.db.selectFrom('users').select('display_name').where('id', '=', ctx.actor.userId).executeTakeFirst();
  return row?.display_name ?? ctx.actor.login;
}

/**
 * 提交签发: the unit's reporter hands its draft to the unit's signatory, who is told in the
 * app and by e-mail. The row is claimed with `UPDATE … WHERE status = 'draft' AND
 * submitted_at IS NULL`, so two submissions, or a submission racing a seal, settle on one.
 */
export async function submitReply(replyId: number, ctx: ServiceContext): Promise<ReplyWithAllowed> {
  const reply = await loadReply(ctx.db, replyId);
  authorize(ctx.actor, 'reply.submit', { unitId: reply.unitId });
  if (reply.status !== 'draft') throw replyStateConflict(reply.status);
  if (reply.handoff === 'submitted') throw fail('reply_submitted');
  const c = await loadConsultation(ctx.db, reply.consultationId);
  if (!acceptsReplies(c)) throw fail('consultation_closed');
  const by = await actorName(ctx);
  const send = await inTransaction(ctx, async (trx) => {
    const at = nowIso(ctx);
    const claimed = await trx
      .updateTable('replies')
      .set({ submitted_at: at, submitted_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, returned_at: null, updated_at: at })
      .where('id', '=', replyId)
      .where('status', '=', 'draft')
      .where('submitted_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      const status = await replyStatus(trx, replyId);
      throw status === 'draft' ? fail('reply_submitted') : replyStateConflict(status);
    }
    if (!acceptsReplies(await loadConsultation(trx, reply.consultationId))) throw fail('consultation_closed');
    await recordReplyEvent(trx, ctx.actor, ctx.clock, [replyId], 'submit');
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'reply.submit',
      entity: 'reply',
      entityId: replyId,
      detail: { consultationId: reply.consultationId, unitId: reply.unitId },
    });
    return notifyUnits(trx, ctx, [reply.unitId], reply.consultationId, { code: 'reply.submitted', params: { title: c.title, unit: reply.unitName, by } }, ['signatory']);
  });
  await send();
  return presentReply(ctx, await loadReply(ctx.db, replyId));
}

/**
 * 退回: the signatory sends a submitted draft back to the reporter with a comment, told in
 * the app and by e-mail. Claimed with `UPDATE … WHERE status = 'draft' AND submitted_at IS
 * NOT NULL`: a return racing a seal or another return settles on one.
 */
export async function returnReply(replyId: number, comment: string, ctx: ServiceContext): Promise<ReplyWithAllowed> {
  const reply = await loadReply(ctx.db, replyId);
  authorize(ctx.actor, 'reply.return', { unitId: reply.unitId });
  if (reply.status !== 'draft') throw replyStateConflict(reply.status);
  if (reply.handoff !== 'submitted') throw fail('reply_not_submitted');
  const text = comment.trim();
  if (text === '') throw fail('return_comment_required');
  const c = await loadConsultation(ctx.db, reply.consultationId);
  const by = await actorName(ctx);
  const send = await inTransaction(ctx, async (trx) => {
    const at = nowIso(ctx);
    const claimed = await trx
      .updateTable('replies')
      .set({ submitted_at: null, submitted_by: null, returned_at: at, updated_at: at })
      .where('id', '=', replyId)
      .where('status', '=', 'draft')
      .where('submitted_at', 'is not', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      const status = await replyStatus(trx, replyId);
      throw status === 'draft' ? fail('reply_not_submitted') : replyStateConflict(status);
    }
    await recordReplyEvent(trx, ctx.actor, ctx.clock, [replyId], 'return', text);
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'reply.return',
      entity: 'reply',
      entityId: replyId,
      detail: { consultationId: reply.consultationId, unitId: reply.unitId, comment: text },
    });
    return notifyUnits(trx, ctx, [reply.unitId], reply.consultationId, { code: 'reply.returned', params: { title: c.title, by, comment: text } }, ['reporter']);
  });
  await send();
  return presentReply(ctx, await loadReply(ctx.db, replyId));
}
