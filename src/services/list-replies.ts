import { fail } from '../domain/errors.js';
import { can } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadConsultation } from './support/consultation-rows.js';
import { loadReply } from './support/reply-rows.js';
import type { ReplyView } from './support/reply-rows.js';

/**
 * The replies of a consultation a person may see: a unit sees all of its own (drafts,
 * sealed, withdrawn); the office sees every unit's sealed and withdrawn ones, never drafts.
 */
export async function listReplies(consultationId: number, ctx: ServiceContext): Promise<ReplyView[]> {
  await loadConsultation(ctx.db, consultationId);
  let query = ctx.db.selectFrom('replies').select('id').where('consultation_id', '=', consultationId).orderBy('id');
  if (ctx.actor.kind !== 'user') throw fail('unauthenticated');
  const ownUnit = ctx.actor.unitId;
  if (can(ctx.actor, 'consultation.manage')) {
    query = query.where((eb) => eb.or([eb('status', 'in', ['sealed', 'withdrawn']), eb('unit_id', '=', ownUnit)]));
  } else {
    query = query.where('unit_id', '=', ownUnit);
  }
  const ids = await query.execute();
  return Promise.all(ids.map((r) => loadReply(ctx.db, r.id)));
}
