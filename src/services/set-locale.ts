import { z } from 'zod';
import { errors } from '../domain/errors.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import type { Locale } from './support/user-rows.js';
import { validateInput } from './support/validate-input.js';

const schema = z.enum(['zh-CN', 'en']);

/** Remembers the interface language the signed-in user chose. */
export async function setLocale(locale: Locale, ctx: ServiceContext): Promise<Locale> {
  if (ctx.actor.kind !== 'user') throw errors.unauthenticated();
  const value = validateInput(schema, locale);
  const userId = ctx.actor.userId;
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('users').set({ locale: value, updated_at: nowIso(ctx) }).where('id', '=', userId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'user.locale',
      entity: 'user',
      entityId: userId,
      detail: { locale: value },
    });
  });
  return value;
}
