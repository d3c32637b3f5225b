import { groupSimilar, isLate } from '../domain/consultation.js';
import type { Disposition } from '../domain/consultation.js';
import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation } from './support/consultation-rows.js';
import { toOpinionView } from './support/reply-rows.js';
import type { OpinionView } from './support/reply-rows.js';

export interface OpinionRow extends OpinionView {
  replyId: number;
  unitId: number;
  unitName: string;
  decidedBy: string | null;
  late: boolean;
  sealedAt: string;
  /** Opinions with the same number are on the same item and read alike. */
  group: number;
}

export interface OpinionFilter {
  unitId?: number;
  itemOrdinal?: number;
  state?: 'undecided' | 'decided' | Disposition;
}

/**
 * Every opinion of the sealed replies (withdrawn ones excluded), in unit and item order,
 * with similar opinions on the same item grouped. Drafts are never visible here.
 */
export async function listOpinions(consultationId: number, filter: OpinionFilter, ctx: ServiceContext): Promise<OpinionRow[]> {
  authorize(ctx.actor, 'consultation.manage');
  const c = await loadConsultation(ctx.db, consultationId);
  const rows = await ctx.db
    .selectFrom('opinions')
    .innerJoin('replies', 'replies.id', 'opinions.reply_id')
    .innerJoin('units', 'units.id', 'replies.unit_id')
    .leftJoin('users', 'users.id', 'opinions.decided_by')
    .select([
      'opinions.id',
      'opinions.reply_id',
      'replies.unit_id',
      'units.short_name',
      'units.sort_order',
      'opinions.item_ordinal',
      'opinions.quote',
      'opinions.span_start',
      'opinions.span_end',
      'opinions.content',
      'opinions.suggestion',
      'opinions.reason',
      'opinions.disposition',
      'opinions.decision_reason',
      'users.login',
      'opinions.decided_at',
      'replies.sealed_at',
      'opinions.position',
    ])
    .where('replies.consultation_id', '=', consultationId)
    .where('replies.status', '=', 'sealed')
    .orderBy('opinions.item_ordinal')
    .orderBy('units.sort_order')
    .orderBy('opinions.position')
    .execute();
  const groups = groupSimilar(rows.map((r) => ({ id: r.id, itemOrdinal: r.item_ordinal, content: r.content })));
  const all: OpinionRow[] = rows.map((r) => ({
    ...toOpinionView(r),
    replyId: r.reply_id,
    unitId: r.unit_id,
    unitName: r.short_name,
    decidedBy: r.login,
    late: isLate(c.deadline, r.sealed_at!),
    sealedAt: r.sealed_at!,
    group: groups.get(r.id)!,
  }));
  return all.filter(
    (o) =>
      (filter.unitId === undefined || o.unitId === filter.unitId) &&
      (filter.itemOrdinal === undefined || o.itemOrdinal === filter.itemOrdinal) &&
      (filter.state === undefined ||
        (filter.state === 'undecided' ? o.disposition === null : filter.state === 'decided' ? o.disposition !== null : o.disposition === filter.state)),
  );
}
