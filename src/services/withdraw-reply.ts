import { canWithdraw } from '../domain/consultation.js';
import { AppError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation } from './support/consultation-rows.js';
import { loadReply } from './support/reply-rows.js';
import type { ReplyView } from './support/reply-rows.js';

/**
 * The signatory takes a sealed reply back before the deadline, so that a new one can be
 * drafted and sealed. The withdrawn reply stays on record with its seal.
 */
export async function withdrawReply(replyId: number, ctx: ServiceContext): Promise<ReplyView> {
  const reply = await loadReply(ctx.db, replyId);
  authorize(ctx.actor, 'reply.withdraw', { unitId: reply.unitId });
  if (reply.status !== 'sealed') throw new AppError('conflict', { zh: '只有已签发的反馈可以撤回', en: 'Only a sealed reply can be withdrawn' });
  const c = await loadConsultation(ctx.db, reply.consultationId);
  if (!canWithdraw(c, ctx.clock.now())) {
    throw new AppError('conflict', { zh: '已过截止日期或征求意见已结束，不能撤回', en: 'Past the deadline or closed: the reply can no longer be withdrawn' });
  }
  const decided = reply.opinions.some((o) => o.disposition !== null);
  if (decided) throw new AppError('conflict', { zh: '办公室已处理其中的意见，不能撤回', en: 'The office has already decided some of its opinions' });
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('replies').set({ status: 'withdrawn', withdrawn_at: nowIso(ctx), updated_at: nowIso(ctx) }).where('id', '=', replyId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'reply.withdraw',
      entity: 'reply',
      entityId: replyId,
      detail: { consultationId: reply.consultationId, unitId: reply.unitId },
    });
  });
  return loadReply(ctx.db, replyId);
}
