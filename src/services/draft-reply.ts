import { isUniqueViolation } from '../db/errors.js';
import { acceptsReplies } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import type { AppError } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext, Tx } from './support/context.js';
import { isRecipient, loadConsultation } from './support/consultation-rows.js';
import { loadVersionById } from './support/plan-rows.js';
import { loadReply, presentReply, settleOpinions, writeOpinions } from './support/reply-rows.js';
import { recordReplyEvent } from './support/reply-events.js';
import type { ReplyWithAllowed } from './support/reply-rows.js';
import { replyInput } from '../contract/consultations.js';
import { validateInput } from './support/validate-input.js';

export type DraftReplyInput = Parameters<typeof replyInput.parse>[0];

/** Why a unit cannot start a new draft: it has one, or has sealed its reply. */
async function currentReplyConflict(db: Tx | ServiceContext['db'], consultationId: number, unitId: number): Promise<AppError | null> {
  const current = await db
    .selectFrom('replies')
    .select(['id', 'status'])
    .where('consultation_id', '=', consultationId)
    .where('unit_id', '=', unitId)
    .where('status', 'in', ['draft', 'sealing', 'sealed'])
    .executeTakeFirst();
  if (!current) return null;
  return fail(current.status === 'draft' ? 'draft_exists' : 'sealed_reply_exists', {}, { replyId: current.id });
}

/**
 * A recipient unit's reporter starts its reply: 无意见, or opinions anchored to items (and
 * optionally to a quoted passage). The draft is private to the unit until it is sealed.
 *
 * One current reply per unit is kept by a unique index (replies_current_uq): two drafts
 * started at the same moment cannot both be stored; the loser gets `draft_exists`.
 */
export async function draftReply(consultationId: number, input: DraftReplyInput, ctx: ServiceContext): Promise<ReplyWithAllowed> {
  const c = await loadConsultation(ctx.db, consultationId);
  if (ctx.actor.kind !== 'user') throw fail('unit_account_required');
  const unitId = ctx.actor.unitId;
  authorize(ctx.actor, 'reply.draft', { unitId });
  if (!(await isRecipient(ctx.db, consultationId, unitId))) throw fail('not_a_recipient');
  if (!acceptsReplies(c)) throw fail('consultation_closed');
  const data = validateInput(replyInput, input);
  const version = await loadVersionById(ctx.db, c.versionId);
  const settled = settleOpinions(data, version.parsed, version.text);
  const early = await currentReplyConflict(ctx.db, consultationId, unitId);
  if (early) throw early;
  const userId = ctx.actor.userId;
  let id: number;
  try {
    id = await inTransaction(ctx, async (trx) => {
      // Checked again inside the transaction that writes: the office may have closed it.
      if (!acceptsReplies(await loadConsultation(trx, consultationId))) throw fail('consultation_closed');
      const at = nowIso(ctx);
      const row = await trx
        .insertInto('replies')
        .values({
          consultation_id: consultationId,
          unit_id: unitId,
          status: 'draft',
          no_opinion: settled.noOpinion ? 1 : 0,
          created_by: userId,
          created_at: at,
          updated_at: at,
          sealed_by: null,
          sealed_at: null,
          algorithm: null,
          key_id: null,
          signature: null,
          withdrawn_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeOpinions(trx, row.id, settled.opinions);
      await recordReplyEvent(trx, ctx.actor, ctx.clock, [row.id], 'draft');
      await appendAudit(trx, ctx.actor, ctx.clock, {
        action: 'reply.draft',
        entity: 'reply',
        entityId: row.id,
        detail: { consultationId, unitId, noOpinion: settled.noOpinion, opinions: settled.opinions.length },
      });
      return row.id;
    });
  } catch (error) {
    if (!isUniqueViolation(error, 'replies')) throw error;
    throw (await currentReplyConflict(ctx.db, consultationId, unitId)) ?? fail('draft_exists');
  }
  return presentReply(ctx, await loadReply(ctx.db, id));
}
