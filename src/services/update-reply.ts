import { acceptsReplies } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation } from './support/consultation-rows.js';
import type { DraftReplyInput } from './draft-reply.js';
import { loadVersionById } from './support/plan-rows.js';
import { loadReply, presentReply, replyStateConflict, replyStatus, settleOpinions, writeOpinions } from './support/reply-rows.js';
import type { ReplyWithAllowed } from './support/reply-rows.js';
import { replyInput } from '../contract/consultations.js';
import { validateInput } from './support/validate-input.js';

/**
 * Replaces a draft's content. A sealed reply is never edited: it can only be withdrawn.
 *
 * The edit claims the row with `UPDATE … WHERE status = 'draft'` before it touches the
 * opinions, so a seal that wins the race leaves nothing to edit (409 `reply_already_sealed`),
 * and a seal that comes second waits for this edit and signs what it wrote.
 */
export async function updateReply(replyId: number, input: DraftReplyInput, ctx: ServiceContext): Promise<ReplyWithAllowed> {
  const reply = await loadReply(ctx.db, replyId);
  authorize(ctx.actor, 'reply.draft', { unitId: reply.unitId });
  if (reply.status !== 'draft') throw replyStateConflict(reply.status);
  // Once submitted, the draft is the signatory's to fix, seal or return; the reporter waits.
  const reporter = ctx.actor.kind === 'user' && ctx.actor.role === 'reporter';
  if (reporter && reply.handoff === 'submitted') throw fail('reply_submitted');
  const c = await loadConsultation(ctx.db, reply.consultationId);
  if (!acceptsReplies(c)) throw fail('consultation_closed');
  const data = validateInput(replyInput, input);
  const version = await loadVersionById(ctx.db, c.versionId);
  const settled = settleOpinions(data, version.parsed, version.text);
  await inTransaction(ctx, async (trx) => {
    let claim = trx
      .updateTable('replies')
      .set({ no_opinion: settled.noOpinion ? 1 : 0, updated_at: nowIso(ctx) })
      .where('id', '=', replyId)
      .where('status', '=', 'draft');
    if (reporter) claim = claim.where('submitted_at', 'is', null);
    const claimed = await claim.executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      const status = await replyStatus(trx, replyId);
      throw status === 'draft' ? fail('reply_submitted') : replyStateConflict(status);
    }
    if (!acceptsReplies(await loadConsultation(trx, reply.consultationId))) throw fail('consultation_closed');
    await writeOpinions(trx, replyId, settled.opinions);
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'reply.update',
      entity: 'reply',
      entityId: replyId,
      detail: { noOpinion: settled.noOpinion, opinions: settled.opinions.map((o) => ({ item: o.itemOrdinal, content: o.content })) },
    });
  });
  return presentReply(ctx, await loadReply(ctx.db, replyId));
}
