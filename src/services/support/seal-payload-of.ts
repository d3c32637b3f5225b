import type { SealAlgorithm } from '../../domain/reply-seal-payload.js';
import { sealPayload } from '../../security/seal.js';
import type { ReplyView } from './reply-rows.js';

/** The canonical text a reply's seal signs, rebuilt from the stored rows. */
export function sealPayloadOf(
  reply: ReplyView,
  seal: { versionId: number; unitCode: string; signatory: { id: number; login: string }; sealedAt: string; algorithm: SealAlgorithm; keyId: string },
): string {
  return sealPayload({
    consultationId: reply.consultationId,
    versionId: seal.versionId,
    unit: { id: reply.unitId, code: seal.unitCode },
    noOpinion: reply.noOpinion,
    opinions: reply.opinions.map((o) => ({
      itemOrdinal: o.itemOrdinal,
      quote: o.quote,
      span: o.span,
      content: o.content,
      suggestion: o.suggestion,
      reason: o.reason,
    })),
    signatory: seal.signatory,
    sealedAt: seal.sealedAt,
    algorithm: seal.algorithm,
    keyId: seal.keyId,
  });
}
