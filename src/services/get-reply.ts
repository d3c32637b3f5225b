import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadReply } from './support/reply-rows.js';
import type { ReplyView } from './support/reply-rows.js';

/** A draft is the unit's own; once sealed the office may read it too. */
export async function getReply(replyId: number, ctx: ServiceContext): Promise<ReplyView> {
  const reply = await loadReply(ctx.db, replyId);
  authorize(ctx.actor, 'reply.read', { unitId: reply.unitId, sealed: reply.status !== 'draft' });
  return reply;
}
