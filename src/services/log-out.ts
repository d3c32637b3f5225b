import { appendAudit } from './audit-trail.js';
import { inTransaction } from './context.js';
import type { ServiceContext } from './context.js';

export async function logOut(sessionId: string, ctx: ServiceContext): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'session.logout',
      entity: 'user',
      entityId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      detail: {},
    });
  });
}
