import { chainVerifier, headMac } from '../domain/audit-chain.js';
import type { BrokenLink } from '../domain/audit-chain.js';
import { authorize } from '../domain/policy.js';
import { keyring } from '../security/keyring.js';
import type { ServiceContext } from './support/context.js';
import { checkDecisions } from './support/verify-decisions.js';
import type { DecisionCheck } from './support/verify-decisions.js';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: BrokenLink | null;
  /** Events whose hash is an HMAC under an audit key, and the key ids met. */
  keyed: number;
  /** Events from before the chain was keyed (seq below keyedFromSeq): hash-chained only. */
  legacy: number;
  keyedFromSeq: number;
  keyIds: string[];
  /** Every decision on an opinion compared with the last audited decision. */
  decisions: DecisionCheck;
}

const PAGE = 1000;

/**
 * Recomputes the whole chain page by page (keyed HMACs with the keys read at start-up),
 * checks the head's MAC, then checks every opinion's current decision against the last one
 * the trail recorded for it. Names the first broken link or the first decision that differs.
 */
export async function verifyAudit(ctx: ServiceContext, onProgress?: (checked: number, total: number) => void): Promise<AuditVerification> {
  authorize(ctx.actor, 'audit.verify');
  const keys = keyring().audit.byId;
  const boundary = await ctx.db.selectFrom('meta').select('value').where('key', '=', 'audit_keyed_from_seq').executeTakeFirst();
  const keyedFromSeq = boundary ? Number(boundary.value) : 1;
  const verifier = chainVerifier({ byId: keys, keyedFromSeq });
  const { n: total } = await ctx.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const decisions = await checkDecisions(ctx);
  const result = (firstBroken: BrokenLink | null): AuditVerification => ({
    ok: firstBroken === null && decisions.mismatches.length === 0,
    checked: verifier.checked,
    firstBroken,
    keyed: verifier.keyed,
    legacy: verifier.checked - verifier.keyed,
    keyedFromSeq,
    keyIds: [...verifier.keysUsed],
    decisions,
  });
  let after = 0;
  for (;;) {
    const rows = await ctx.db.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    for (const r of rows) {
      const broken = verifier.push({
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id === null ? null : Number(r.actor_id),
        actorLogin: r.actor_login,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        digest: r.digest,
        prevHash: r.prev_hash,
        hash: r.hash,
        detail: r.detail,
        keyId: r.key_id,
      });
      if (broken) return result(broken);
    }
    onProgress?.(verifier.checked, Number(total));
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.seq;
  }
  // The head must point at the last event: otherwise events were cut off the end. In the
  // keyed epoch it must also carry a MAC, so it cannot be moved back without the key.
  const head = await ctx.db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head || head.seq !== verifier.lastSeq || head.hash !== verifier.lastHash) {
    return result({ seq: verifier.lastSeq + 1, reason: 'head_mismatch' });
  }
  if (verifier.lastSeq >= keyedFromSeq) {
    const key = head.key_id === null ? undefined : keys.get(head.key_id);
    if (!key || head.mac !== headMac(key, head.seq, head.hash)) return result({ seq: head.seq, reason: 'head_mac_invalid' });
  }
  return result(null);
}
