import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../domain/policy.js';
import type { Clock } from './context.js';

export type ReplyEventKind = 'draft' | 'submit' | 'return' | 'seal' | 'withdraw' | 'decide';

export interface ReplyEventView {
  kind: ReplyEventKind;
  at: string;
  /** The person's name (their login for the system or a removed account). */
  actorName: string;
  comment: string | null;
}

/** Adds a step to a reply's history, in the caller's transaction. */
export async function recordReplyEvent(
  trx: Kysely<Database>,
  actor: Actor,
  clock: Clock,
  replyIds: number[],
  kind: ReplyEventKind,
  comment: string | null = null,
): Promise<void> {
  if (replyIds.length === 0) return;
  const at = clock.now().toISOString();
  await trx
    .insertInto('reply_events')
    .values(replyIds.map((replyId) => ({ reply_id: replyId, kind, actor_id: actor.kind === 'user' ? actor.userId : null, actor_login: actor.login, comment, at })))
    .execute();
}

/** A reply's history, oldest first, with people's names. */
export async function loadReplyHistory(db: Kysely<Database>, replyId: number): Promise<ReplyEventView[]> {
  const rows = await db
    .selectFrom('reply_events')
    .leftJoin('users', 'users.id', 'reply_events.actor_id')
    .select(['reply_events.kind', 'reply_events.at', 'reply_events.actor_login', 'users.display_name', 'reply_events.comment'])
    .where('reply_events.reply_id', '=', replyId)
    .orderBy('reply_events.id')
    .execute();
  return rows.map((r) => ({ kind: r.kind as ReplyEventKind, at: r.at, actorName: r.display_name ?? r.actor_login, comment: r.comment }));
}
