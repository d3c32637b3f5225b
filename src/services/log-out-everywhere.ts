import { fail } from '../domain/errors.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction } from './support/context.js';
import type { ServiceContext } from './support/context.js';

/** Ends every session of the signed-in user, on every device, this one included. */
export async function logOutEverywhere(ctx: ServiceContext): Promise<{ ended: number }> {
  if (ctx.actor.kind !== 'user') throw fail('unauthenticated');
  const userId = ctx.actor.userId;
  return inTransaction(ctx, async (trx) => {
    const result = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    const ended = Number(result.numDeletedRows);
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'session.logout_everywhere', entity: 'user', entityId: userId, detail: { ended } });
    return { ended };
  });
}
