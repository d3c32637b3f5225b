import { appendAudit } from './support/audit-trail.js';
import { inTransaction } from './support/context.js';
import type { ServiceContext } from './support/context.js';

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
