import { AppError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation } from './support/consultation-rows.js';
import type { DraftReplyInput } from './draft-reply.js';
import { loadVersionById } from './support/plan-rows.js';
import { loadReply, replyInput, settleOpinions, writeOpinions } from './support/reply-rows.js';
import type { ReplyView } from './support/reply-rows.js';
import { validateInput } from './support/validate-input.js';

/** Replaces a draft's content. A sealed reply is never edited: it can only be withdrawn. */
export async function updateReply(replyId: number, input: DraftReplyInput, ctx: ServiceContext): Promise<ReplyView> {
  const reply = await loadReply(ctx.db, replyId);
  authorize(ctx.actor, 'reply.draft', { unitId: reply.unitId });
  if (reply.status !== 'draft') {
    throw new AppError('conflict', { zh: '已签发的反馈不能修改；如需更改请先撤回', en: 'A sealed reply cannot be edited; withdraw it first' });
  }
  const c = await loadConsultation(ctx.db, reply.consultationId);
  if (c.closedAt !== null) throw new AppError('conflict', { zh: '征求意见已结束，不再接收反馈', en: 'The consultation is closed' });
  const data = validateInput(replyInput, input);
  const version = await loadVersionById(ctx.db, c.versionId);
  const settled = settleOpinions(data, version.parsed, version.text);
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('replies').set({ no_opinion: settled.noOpinion ? 1 : 0, updated_at: nowIso(ctx) }).where('id', '=', replyId).execute();
    await writeOpinions(trx, replyId, settled.opinions);
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'reply.update',
      entity: 'reply',
      entityId: replyId,
      detail: { noOpinion: settled.noOpinion, opinions: settled.opinions.map((o) => ({ item: o.itemOrdinal, content: o.content })) },
    });
  });
  return loadReply(ctx.db, replyId);
}
