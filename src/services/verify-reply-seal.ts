import { authorize } from '../domain/policy.js';
import { isSealAlgorithm } from '../domain/reply-seal-payload.js';
import { verifyPayload } from '../security/seal.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation } from './support/consultation-rows.js';
import { loadReply } from './support/reply-rows.js';
import { sealPayloadOf } from './support/seal-payload-of.js';
import { findKeyById } from './support/unit-keys.js';

export interface SealVerification {
  valid: boolean;
  replyId: number;
  algorithm: string | null;
  keyId: string | null;
  sealedAt: string | null;
  signatory: string | null;
  /** Why it is not valid, when it is not. */
  reason: 'not_sealed' | 'unknown_key' | 'key_of_other_unit' | 'signature_mismatch' | null;
}

/**
 * Rebuilds the sealed payload from the rows as they are now and checks the signature with
 * the unit's public key: any change to the reply, its opinions, the signatory or the time
 * since sealing makes it fail.
 */
export async function verifyReplySeal(replyId: number, ctx: ServiceContext): Promise<SealVerification> {
  const reply = await loadReply(ctx.db, replyId);
  authorize(ctx.actor, 'reply.read', { unitId: reply.unitId, sealed: reply.status !== 'draft' });
  const base = { replyId, algorithm: reply.algorithm, keyId: reply.keyId, sealedAt: reply.sealedAt, signatory: reply.sealedBy?.login ?? null };
  if (!reply.signature || !reply.sealedAt || !reply.sealedBy || !reply.keyId || !isSealAlgorithm(reply.algorithm)) {
    return { ...base, valid: false, reason: 'not_sealed' };
  }
  const key = await findKeyById(ctx, reply.keyId);
  if (!key) return { ...base, valid: false, reason: 'unknown_key' };
  if (key.unitId !== reply.unitId || key.algorithm !== reply.algorithm) return { ...base, valid: false, reason: 'key_of_other_unit' };
  const c = await loadConsultation(ctx.db, reply.consultationId);
  const unit = await ctx.db.selectFrom('units').select('code').where('id', '=', reply.unitId).executeTakeFirstOrThrow();
  let valid: boolean;
  try {
    const payload = sealPayloadOf(reply, {
      versionId: c.versionId,
      unitCode: unit.code,
      signatory: { id: reply.sealedBy.id, login: reply.sealedBy.login },
      sealedAt: reply.sealedAt,
      algorithm: reply.algorithm,
      keyId: reply.keyId,
    });
    valid = verifyPayload(payload, reply.signature, key);
  } catch {
    // The rows no longer make a well-formed payload (say, a time rewritten by hand).
    valid = false;
  }
  return { ...base, valid, reason: valid ? null : 'signature_mismatch' };
}
