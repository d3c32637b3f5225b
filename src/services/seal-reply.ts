import { acceptsReplies, isLate } from '../domain/consultation.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { isSealAlgorithm } from '../domain/reply-seal-payload.js';
import type { SealAlgorithm } from '../domain/reply-seal-payload.js';
import { describeSeal, signPayload } from '../security/seal.js';
import { serverSecret } from '../security/server-secret.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation } from './support/consultation-rows.js';
import { loadReply, replyStateConflict, replyStatus } from './support/reply-rows.js';
import { sealPayloadOf } from './support/seal-payload-of.js';
import { notifyUnits } from './support/notify-units.js';
import { recordReplyEvent } from './support/reply-events.js';
import { ensureUnitKey } from './support/unit-keys.js';
import { defaultSealAlgorithm } from './support/seal-default.js';

export interface SealResult {
  algorithm: SealAlgorithm;
  algorithmLabel: string;
  keyId: string;
  signature: string;
  sealedAt: string;
  late: boolean;
}

/**
 * The unit's 签发人 signs its reply: a canonical serialisation of the reply, the signatory
 * and the time, signed with the unit's key. From then on the reply cannot be edited.
 *
 * The row is claimed first (`UPDATE … WHERE status = 'draft'`, then the row count), and the
 * reply is read again *after* the claim, inside the same transaction: what is signed is
 * exactly what is stored, even when an edit was saved a moment before.
 */
export async function sealReply(replyId: number, options: { algorithm?: string }, ctx: ServiceContext): Promise<SealResult> {
  const before = await loadReply(ctx.db, replyId);
  authorize(ctx.actor, 'reply.seal', { unitId: before.unitId });
  if (ctx.actor.kind !== 'user') throw fail('signatory_required');
  if (before.status !== 'draft') throw replyStateConflict(before.status);
  const algorithm = options.algorithm ?? (await defaultSealAlgorithm(ctx));
  if (!isSealAlgorithm(algorithm)) throw fail('seal_algorithm_invalid');
  const unit = await ctx.db.selectFrom('units').select('code').where('id', '=', before.unitId).executeTakeFirstOrThrow();
  const signatory = { id: ctx.actor.userId, login: ctx.actor.login };
  const sealedAt = nowIso(ctx);
  const { result, send } = await inTransaction(ctx, async (trx) => {
    // Another signatory of the unit may have sealed meanwhile: only a draft can be sealed.
    const claimed = await trx
      .updateTable('replies')
      .set({ status: 'sealing' })
      .where('id', '=', replyId)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw replyStateConflict(await replyStatus(trx, replyId));
    const c = await loadConsultation(trx, before.consultationId);
    if (!acceptsReplies(c)) throw fail('consultation_closed');
    const reply = await loadReply(trx, replyId);
    const key = await ensureUnitKey(trx, ctx, reply.unitId, algorithm);
    const payload = sealPayloadOf(reply, { versionId: c.versionId, unitCode: unit.code, signatory, sealedAt, algorithm, keyId: key.keyId });
    const signature = signPayload(payload, key, serverSecret(ctx.config));
    await trx
      .updateTable('replies')
      .set({ status: 'sealed', sealed_by: signatory.id, sealed_at: sealedAt, algorithm, key_id: key.keyId, signature, updated_at: sealedAt })
      .where('id', '=', replyId)
      .execute();
    const late = isLate(c.deadline, sealedAt);
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'reply.seal',
      entity: 'reply',
      entityId: replyId,
      detail: { consultationId: reply.consultationId, unitId: reply.unitId, algorithm, keyId: key.keyId, signature, late, opinions: reply.opinions.length },
    });
    await recordReplyEvent(trx, ctx.actor, ctx.clock, [replyId], 'seal');
    // The office that runs the consultation is told a reply has come in.
    const owner = await trx.selectFrom('plans').select('owner_unit_id').where('id', '=', c.planId).executeTakeFirstOrThrow();
    const count = reply.noOpinion ? 0 : reply.opinions.length;
    const send = await notifyUnits(trx, ctx, [owner.owner_unit_id], reply.consultationId, { code: 'reply.sealed', params: { title: c.title, unit: reply.unitName, count } }, ['office']);
    return { result: { algorithm, algorithmLabel: describeSeal(algorithm).zh, keyId: key.keyId, signature, sealedAt, late }, send };
  });
  await send();
  return result;
}
