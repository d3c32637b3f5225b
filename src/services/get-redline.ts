import type { Disposition } from '../domain/consultation.js';
import { relocateQuote } from '../domain/quote-anchor.js';
import { redline } from '../domain/redline.js';
import type { ParagraphChange, RedlineStats } from '../domain/redline.js';
import { fail } from '../domain/errors.js';
import { authorize, can } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadVersion } from './support/plan-rows.js';

export interface RedlineOpinion {
  id: number;
  unitName: string;
  itemOrdinal: number;
  content: string;
  quote: string | null;
  disposition: Disposition | null;
}

export interface RedlineView {
  planId: number;
  from: number;
  to: number;
  changes: (ParagraphChange & { opinionIds: number[] })[];
  stats: RedlineStats;
  /** Opinions on the old version (from its consultations' sealed replies). */
  opinions: RedlineOpinion[];
  /** Adopted or partly adopted, yet no change is linked to it. */
  adoptedWithoutChange: number[];
  /** Anchored to a passage that no longer exists in the new version. */
  quoteGone: number[];
  /** Anchored to a passage that moved (still there, elsewhere). */
  quoteMoved: { opinionId: number; span: [number, number] }[];
  /** How lost quotes were resolved (only for those who may resolve them). */
  quoteResolutions: QuoteResolution[];
  allowed: { link: boolean; resolveQuotes: boolean };
}

/**
 * A lost quote is resolved when its opinion is linked to a change of the new version (the
 * change that answers it: `plan_change_links`, the same link the office makes from the
 * change) or when the office acknowledged it (`lost_quote_acknowledgements`).
 */
export interface QuoteResolution {
  opinionId: number;
  how: 'linked' | 'acknowledged';
  changeKeys: string[];
  note: string | null;
  by: string | null;
  at: string;
}

/**
 * What changed between two versions, paragraph by paragraph and within paragraphs, each
 * change with the opinions linked to it, and the checks that keep the revision honest.
 *
 * The text diff is for every reader of the plan, but opinion data is authorised as strictly
 * as the opinions and replies routes that serve the same rows: the office and admins see
 * every sealed opinion; a consulted unit sees only its own; anyone else gets the diff with
 * no opinion data at all (empty lists, no linked ids).
 */
export async function getRedline(planId: number, options: { from?: number; to?: number }, ctx: ServiceContext): Promise<RedlineView> {
  authorize(ctx.actor, 'plan.read');
  const newer = await loadVersion(ctx.db, planId, options.to);
  const fromNumber = options.from ?? newer.number - 1;
  if (fromNumber < 1 || fromNumber >= newer.number) {
    throw fail('redline_versions_invalid');
  }
  const older = await loadVersion(ctx.db, planId, fromNumber);
  const rl = redline(older.text, newer.text);
  const links = await ctx.db
    .selectFrom('plan_change_links')
    .leftJoin('users', 'users.id', 'plan_change_links.created_by')
    .select(['plan_change_links.change_key', 'plan_change_links.opinion_id', 'plan_change_links.created_at', 'users.display_name'])
    .where('plan_change_links.version_id', '=', newer.id)
    .orderBy('plan_change_links.created_at')
    .execute();
  const linked = new Map<string, number[]>();
  for (const l of links) linked.set(l.change_key, [...(linked.get(l.change_key) ?? []), l.opinion_id]);

  const opinions = await ctx.db
    .selectFrom('opinions')
    .innerJoin('replies', 'replies.id', 'opinions.reply_id')
    .innerJoin('consultations', 'consultations.id', 'replies.consultation_id')
    .innerJoin('units', 'units.id', 'replies.unit_id')
    .select(['opinions.id', 'replies.unit_id', 'units.short_name', 'opinions.item_ordinal', 'opinions.content', 'opinions.quote', 'opinions.span_start', 'opinions.span_end', 'opinions.disposition'])
    .where('consultations.version_id', '=', older.id)
    .where('replies.status', '=', 'sealed')
    .orderBy('opinions.item_ordinal')
    .orderBy('opinions.id')
    .execute()
    .then((rows) => rows.filter((o) => can(ctx.actor, 'reply.read', { unitId: o.unit_id, sealed: true })));
  const visible = new Set(opinions.map((o) => o.id));
  const linkedIds = new Set(links.map((l) => l.opinion_id));
  const quoteGone: number[] = [];
  const quoteMoved: { opinionId: number; span: [number, number] }[] = [];
  for (const o of opinions) {
    if (!o.quote) continue;
    const span: [number, number] | null = o.span_start === null || o.span_end === null ? null : [o.span_start, o.span_end];
    const where = relocateQuote(older.text, newer.text, o.quote, span, rl);
    if (where.status === 'gone') quoteGone.push(o.id);
    else if (where.status === 'moved' && where.span) quoteMoved.push({ opinionId: o.id, span: where.span });
  }
  const mayResolve = can(ctx.actor, 'plan.review');
  return {
    planId,
    from: older.number,
    to: newer.number,
    changes: rl.changes.map((c) => ({ ...c, opinionIds: (linked.get(c.key) ?? []).filter((id) => visible.has(id)) })),
    stats: rl.stats,
    opinions: opinions.map((o) => ({
      id: o.id,
      unitName: o.short_name,
      itemOrdinal: o.item_ordinal,
      content: o.content,
      quote: o.quote,
      disposition: o.disposition as Disposition | null,
    })),
    adoptedWithoutChange: opinions
      .filter((o) => (o.disposition === 'adopted' || o.disposition === 'partly_adopted') && !linkedIds.has(o.id))
      .map((o) => o.id),
    quoteGone,
    quoteMoved,
    quoteResolutions: mayResolve ? await resolutionsOf(ctx, newer.id, quoteGone, links, new Set(rl.changes.filter((c) => c.kind !== 'equal').map((c) => c.key))) : [],
    allowed: { link: can(ctx.actor, 'plan.edit'), resolveQuotes: mayResolve },
  };
}

/** The resolution of each lost quote that has one: a link to a change still in the redline first, else an acknowledgement. */
async function resolutionsOf(
  ctx: ServiceContext,
  versionId: number,
  gone: readonly number[],
  links: readonly { change_key: string; opinion_id: number; created_at: string; display_name: string | null }[],
  changeKeys: ReadonlySet<string>,
): Promise<QuoteResolution[]> {
  if (gone.length === 0) return [];
  const acknowledged = await ctx.db
    .selectFrom('lost_quote_acknowledgements')
    .leftJoin('users', 'users.id', 'lost_quote_acknowledgements.acknowledged_by')
    .select(['lost_quote_acknowledgements.opinion_id', 'lost_quote_acknowledgements.note', 'lost_quote_acknowledgements.acknowledged_at', 'users.display_name'])
    .where('lost_quote_acknowledgements.version_id', '=', versionId)
    .execute();
  const out: QuoteResolution[] = [];
  for (const opinionId of gone) {
    const own = links.filter((l) => l.opinion_id === opinionId && changeKeys.has(l.change_key));
    const first = own[0];
    if (first) {
      out.push({ opinionId, how: 'linked', changeKeys: own.map((l) => l.change_key), note: null, by: first.display_name, at: first.created_at });
      continue;
    }
    const ack = acknowledged.find((a) => a.opinion_id === opinionId);
    if (ack) out.push({ opinionId, how: 'acknowledged', changeKeys: [], note: ack.note, by: ack.display_name, at: ack.acknowledged_at });
  }
  return out;
}
