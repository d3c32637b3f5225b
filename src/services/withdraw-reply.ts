import { canWithdraw } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { loadConsultation } from './support/consultation-rows.js';
import { loadReply, presentReply, replyStatus } from './support/reply-rows.js';
import { recordReplyEvent } from './support/reply-events.js';
import type { ReplyWithAllowed } from './support/reply-rows.js';

async function decidedOpinions(db: Tx | ServiceContext['db'], replyId: number): Promise<number> {
  const row = await db
    .selectFrom('opinions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reply_id', '=', replyId)
    .where('disposition', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The signatory takes a sealed reply back before the deadline, so that a new one can be
 * drafted and sealed. The withdrawn reply stays on record with its seal.
 *
 * "Never withdrawn once decided" holds under concurrency: the withdrawal claims the reply
 * row (`UPDATE … WHERE status = 'sealed'`) and only then, in a later statement of the same
 * transaction, looks for decisions. Deciding takes the same row first (decide-opinions.ts),
 * so whichever comes second sees the other's result and answers 409.
 */
export async function withdrawReply(replyId: number, ctx: ServiceContext): Promise<ReplyWithAllowed> {
  const reply = await loadReply(ctx.db, replyId);
  authorize(ctx.actor, 'reply.withdraw', { unitId: reply.unitId });
  if (reply.status === 'withdrawn') throw fail('reply_withdrawn');
  if (reply.status !== 'sealed') throw fail('reply_not_sealed');
  if (!canWithdraw(await loadConsultation(ctx.db, reply.consultationId), ctx.clock.now())) throw fail('withdraw_too_late');
  if ((await decidedOpinions(ctx.db, replyId)) > 0) throw fail('opinion_decided');
  await inTransaction(ctx, async (trx) => {
    const at = nowIso(ctx);
    const claimed = await trx
      .updateTable('replies')
      .set({ status: 'withdrawn', withdrawn_at: at, updated_at: at })
      .where('id', '=', replyId)
      .where('status', '=', 'sealed')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      throw fail((await replyStatus(trx, replyId)) === 'withdrawn' ? 'reply_withdrawn' : 'reply_not_sealed');
    }
    if ((await decidedOpinions(trx, replyId)) > 0) throw fail('opinion_decided');
    if (!canWithdraw(await loadConsultation(trx, reply.consultationId), ctx.clock.now())) throw fail('withdraw_too_late');
    await recordReplyEvent(trx, ctx.actor, ctx.clock, [replyId], 'withdraw');
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'reply.withdraw',
      entity: 'reply',
      entityId: replyId,
      detail: { consultationId: reply.consultationId, unitId: reply.unitId },
    });
  });
  return presentReply(ctx, await loadReply(ctx.db, replyId));
}
