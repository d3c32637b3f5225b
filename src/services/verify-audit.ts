import { chainVerifier } from '../domain/audit-chain.js';
import type { BrokenLink } from '../domain/audit-chain.js';
import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: BrokenLink | null;
}

const PAGE = 1000;

/** Recomputes the whole chain, page by page, and names the first broken link. */
export async function verifyAudit(ctx: ServiceContext, onProgress?: (checked: number, total: number) => void): Promise<AuditVerification> {
  authorize(ctx.actor, 'audit.verify');
  const verifier = chainVerifier();
  const { n: total } = await ctx.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  let after = 0;
  for (;;) {
    const rows = await ctx.db.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(PAGE).execute();
    for (const r of rows) {
      const broken = verifier.push({
        seq: r.seq,
        at: r.at,
        actorLogin: r.actor_login,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        digest: r.digest,
        prevHash: r.prev_hash,
        hash: r.hash,
        detail: r.detail,
      });
      if (broken) return { ok: false, checked: verifier.checked, firstBroken: broken };
    }
    onProgress?.(verifier.checked, Number(total));
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.seq;
  }
  // The head must point at the last event: otherwise events were cut off the end.
  const head = await ctx.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || head.seq !== verifier.lastSeq || head.hash !== verifier.lastHash) {
    return { ok: false, checked: verifier.checked, firstBroken: { seq: verifier.lastSeq + 1, reason: 'head_mismatch' } };
  }
  return { ok: true, checked: verifier.checked, firstBroken: null };
}
