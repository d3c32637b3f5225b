import type { ServiceContext } from './context.js';

export interface DecisionMismatch {
  opinionId: number;
  reason: 'unaudited' | 'changed' | 'cleared';
}

export interface DecisionCheck {
  checked: number;
  mismatches: DecisionMismatch[];
}

interface AuditedDecision {
  disposition: string;
  reason: string | null;
  actorId: number | null;
}

const PAGE = 1000;

/**
 * Decisions on opinions are not sealed by the unit, so the audit trail is their record:
 * replays every `opinion.decide` event (in chain order, the last one wins) and compares the
 * result with the opinions table — disposition, reason and who decided. A decision with no
 * event, a different value, or one cleared without an event is reported by opinion id.
 * Run together with the chain check, a mismatch means the table was edited behind the app.
 */
export async function checkDecisions(ctx: ServiceContext): Promise<DecisionCheck> {
  const audited = new Map<number, AuditedDecision>();
  let after = 0;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('audit_events')
      .select(['seq', 'actor_id', 'detail'])
      .where('action', '=', 'opinion.decide')
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const detail = JSON.parse(r.detail) as { disposition?: string; reason?: string | null; opinions?: { id: number }[] };
      if (typeof detail.disposition !== 'string' || !Array.isArray(detail.opinions)) continue;
      for (const o of detail.opinions) {
        audited.set(Number(o.id), { disposition: detail.disposition, reason: detail.reason ?? null, actorId: r.actor_id === null ? null : Number(r.actor_id) });
      }
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.seq;
  }
  const current = await ctx.db.selectFrom('opinions').select(['id', 'disposition', 'decision_reason', 'decided_by']).execute();
  const mismatches: DecisionMismatch[] = [];
  let checked = 0;
  for (const o of current) {
    const was = audited.get(Number(o.id));
    if (o.disposition === null) {
      if (was) mismatches.push({ opinionId: o.id, reason: 'cleared' });
      continue;
    }
    checked += 1;
    if (!was) mismatches.push({ opinionId: o.id, reason: 'unaudited' });
    else if (was.disposition !== o.disposition || was.reason !== o.decision_reason || was.actorId !== (o.decided_by === null ? null : Number(o.decided_by))) {
      mismatches.push({ opinionId: o.id, reason: 'changed' });
    }
  }
  return { checked, mismatches };
}
