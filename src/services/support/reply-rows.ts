import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { opinionInput } from '../../contract/consultations.js';
import type { Database } from '../../db/schema.js';
import { isLate } from '../../domain/consultation.js';
import type { Disposition } from '../../domain/consultation.js';
import { fail } from '../../domain/errors.js';
import type { AppError } from '../../domain/errors.js';
import type { ParsedPlan } from '../../model/plan.js';
import { replyAllowed } from '../../domain/allowed.js';
import type { Actor } from '../../domain/policy.js';
import type { Clock, Tx } from './context.js';
import { loadConsultation } from './consultation-rows.js';
import { loadReplyHistory } from './reply-events.js';
import type { ReplyEventView } from './reply-events.js';

export type OpinionInput = z.output<typeof opinionInput>;


export interface OpinionView {
  id: number;
  itemOrdinal: number;
  quote: string | null;
  span: [number, number] | null;
  content: string;
  suggestion: string | null;
  reason: string | null;
  disposition: Disposition | null;
  decisionReason: string | null;
  decidedAt: string | null;
}

/** The opinion columns every view of an opinion reads. */
export interface OpinionColumns {
  id: number;
  item_ordinal: number;
  quote: string | null;
  span_start: number | null;
  span_end: number | null;
  content: string;
  suggestion: string | null;
  reason: string | null;
  disposition: string | null;
  decision_reason: string | null;
  decided_at: string | null;
}

export function toOpinionView(o: OpinionColumns): OpinionView {
  return {
    id: o.id,
    itemOrdinal: o.item_ordinal,
    quote: o.quote,
    span: o.span_start === null || o.span_end === null ? null : [o.span_start, o.span_end],
    content: o.content,
    suggestion: o.suggestion,
    reason: o.reason,
    disposition: o.disposition as Disposition | null,
    decisionReason: o.decision_reason,
    decidedAt: o.decided_at,
  };
}

export interface ReplyView {
  id: number;
  consultationId: number;
  unitId: number;
  unitName: string;
  status: 'draft' | 'sealed' | 'withdrawn';
  noOpinion: boolean;
  opinions: OpinionView[];
  createdAt: string;
  updatedAt: string;
  sealedAt: string | null;
  sealedBy: { id: number; login: string; displayName: string } | null;
  algorithm: 'ed25519' | 'sm2' | null;
  keyId: string | null;
  signature: string | null;
  late: boolean;
  withdrawnAt: string | null;
  handoff: 'none' | 'submitted' | 'returned';
  submittedAt: string | null;
  history: ReplyEventView[];
}

/**
 * The conflict to answer when a reply is not in the state a change needs (a conditional
 * update found no row): sealed, withdrawn, or being sealed by someone else right now.
 */
export function replyStateConflict(status: string | undefined): AppError {
  switch (status) {
    case undefined:
      return fail('reply_not_found');
    case 'sealed':
      return fail('reply_already_sealed');
    case 'withdrawn':
      return fail('reply_withdrawn');
    default:
      return fail('reply_not_draft');
  }
}

/** A reply's status as committed now (read after a conditional update matched nothing). */
export async function replyStatus(db: Kysely<Database>, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('replies').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status;
}

export async function loadReply(db: Kysely<Database>, id: number): Promise<ReplyView> {
  const r = await db
    .selectFrom('replies')
    .innerJoin('units', 'units.id', 'replies.unit_id')
    .innerJoin('consultations', 'consultations.id', 'replies.consultation_id')
    .leftJoin('users', 'users.id', 'replies.sealed_by')
    .select([
      'replies.id',
      'replies.consultation_id',
      'replies.unit_id',
      'units.short_name',
      'replies.status',
      'replies.no_opinion',
      'replies.created_at',
      'replies.updated_at',
      'replies.sealed_at',
      'replies.sealed_by',
      'users.login',
      'users.display_name',
      'replies.algorithm',
      'replies.key_id',
      'replies.signature',
      'replies.withdrawn_at',
      'replies.submitted_at',
      'replies.returned_at',
      'consultations.deadline',
    ])
    .where('replies.id', '=', id)
    .executeTakeFirst();
  if (!r) throw fail('reply_not_found');
  const opinions = await db.selectFrom('opinions').selectAll().where('reply_id', '=', id).orderBy('position').execute();
  return {
    id: r.id,
    consultationId: r.consultation_id,
    unitId: r.unit_id,
    unitName: r.short_name,
    status: r.status as ReplyView['status'],
    noOpinion: r.no_opinion === 1,
    opinions: opinions.map(toOpinionView),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sealedAt: r.sealed_at,
    sealedBy: r.sealed_by === null ? null : { id: r.sealed_by, login: r.login ?? '', displayName: r.display_name ?? '' },
    algorithm: r.algorithm as ReplyView['algorithm'],
    keyId: r.key_id,
    signature: r.signature,
    late: r.sealed_at !== null && isLate(r.deadline, r.sealed_at),
    withdrawnAt: r.withdrawn_at,
    handoff: r.status !== 'draft' ? 'none' : r.submitted_at !== null ? 'submitted' : r.returned_at !== null ? 'returned' : 'none',
    submittedAt: r.status === 'draft' ? r.submitted_at : null,
    history: await loadReplyHistory(db, id),
  };
}

/**
 * Checks a reply's content against the consulted version: 无意见 or at least one opinion,
 * items that exist, quotes that stand in the item's text (found there when no span is
 * given). Returns the opinions with their spans settled.
 */
export function settleOpinions(
  input: { noOpinion?: boolean | undefined; opinions?: OpinionInput[] | undefined },
  plan: ParsedPlan,
  text: string,
): { noOpinion: boolean; opinions: (OpinionInput & { span: [number, number] | undefined })[] } {
  const opinions = input.opinions ?? [];
  const noOpinion = input.noOpinion === true;
  if (noOpinion && opinions.length > 0) {
    throw fail('no_opinion_with_opinions');
  }
  if (!noOpinion && opinions.length === 0) {
    throw fail('reply_empty');
  }
  return {
    noOpinion,
    opinions: opinions.map((o, index) => {
      const item = plan.items.find((i) => i.ordinal === o.itemOrdinal);
      if (!item) {
        throw fail('opinion_item_unknown', { index: index + 1, item: o.itemOrdinal });
      }
      if (o.quote === undefined) {
        if (o.span !== undefined) throw fail('opinion_span_without_quote');
        return { ...o, span: undefined };
      }
      if (o.span !== undefined) {
        if (text.slice(o.span[0], o.span[1]) !== o.quote) {
          throw fail('opinion_quote_mismatch', { index: index + 1 });
        }
        return { ...o, span: o.span };
      }
      const at = text.slice(item.span[0], item.span[1]).indexOf(o.quote);
      if (at < 0) {
        throw fail('opinion_quote_not_in_item', { index: index + 1 });
      }
      const start = item.span[0] + at;
      return { ...o, span: [start, start + o.quote.length] as [number, number] };
    }),
  };
}

export async function writeOpinions(
  trx: Tx,
  replyId: number,
  opinions: ReturnType<typeof settleOpinions>['opinions'],
): Promise<void> {
  await trx.deleteFrom('opinions').where('reply_id', '=', replyId).execute();
  if (opinions.length === 0) return;
  await trx
    .insertInto('opinions')
    .values(
      opinions.map((o, position) => ({
        reply_id: replyId,
        position,
        item_ordinal: o.itemOrdinal,
        quote: o.quote ?? null,
        span_start: o.span?.[0] ?? null,
        span_end: o.span?.[1] ?? null,
        content: o.content,
        suggestion: o.suggestion || null,
        reason: o.reason || null,
        disposition: null,
        decision_reason: null,
        decided_by: null,
        decided_at: null,
      })),
    )
    .execute();
}

export type ReplyWithAllowed = ReplyView & { allowed: ReturnType<typeof replyAllowed> };

/** The reply with what the actor may do with it now (edit, seal, withdraw). */
export async function presentReply(ctx: { db: Kysely<Database>; clock: Clock; actor: Actor }, reply: ReplyView): Promise<ReplyWithAllowed> {
  const c = await loadConsultation(ctx.db, reply.consultationId);
  const facts = { unitId: reply.unitId, status: reply.status, decided: reply.opinions.some((o) => o.disposition !== null), submitted: reply.handoff === 'submitted' };
  return { ...reply, allowed: replyAllowed(ctx.actor, facts, c, ctx.clock.now()) };
}
