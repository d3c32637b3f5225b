import { sql } from 'kysely';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { decryptPrivateKey, encryptPrivateKey } from '../security/key-box.js';
import { serverSecret } from '../security/server-secret.js';
import { base32Decode, newTotpSecret, otpauthUri, verifyTotp } from '../security/totp.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';

/**
 * The optional second factor (TOTP, RFC 6238) of admin and office accounts: enrol (a secret
 * shown once, as an otpauth URI for any authenticator app), confirm with a first code, and
 * from then on every login needs a code. Secrets are kept in key boxes under the server
 * secret, never in the clear; each accepted code's time step is stored so it cannot be replayed.
 */
async function acceptCode(userId: number, box: string, code: string, lastStep: number | null, ctx: ServiceContext): Promise<boolean> {
  const secret = base32Decode(decryptPrivateKey(box, serverSecret()));
  const step = verifyTotp(secret, code, ctx.clock.now(), lastStep);
  if (step === null) return false;
  // Two requests with the same code: only one moves the step forward.
  const claimed = await ctx.db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** At login, after the password held: nothing when the account has no second factor. */
export async function checkSecondFactor(userId: number, code: string | undefined, login: string, ctx: ServiceContext): Promise<void> {
  const row = await ctx.db.selectFrom('users').select(['totp_secret', 'totp_last_step']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (row.totp_secret === null) return;
  // The password was right: asking for the code costs no attempt (log-in.ts gives it back).
  if (code === undefined || code === '') throw fail('totp_required', undefined, { secondFactor: 'totp' });
  if (!(await acceptCode(userId, row.totp_secret, code.trim(), row.totp_last_step, ctx))) {
    await inTransaction(ctx, (trx) =>
      appendAudit(trx, ctx.actor, ctx.clock, { action: 'session.totp_failed', entity: 'user', entityId: userId, detail: { login } }),
    );
    throw fail('totp_invalid');
  }
}

function self(ctx: ServiceContext): { userId: number; login: string } {
  authorize(ctx.actor, 'user.totp.manage');
  if (ctx.actor.kind !== 'user') throw fail('forbidden');
  return { userId: ctx.actor.userId, login: ctx.actor.login };
}

/** Starts (or restarts) enrolment: the secret is returned once and kept only in a key box. */
export async function startTotpEnrolment(ctx: ServiceContext): Promise<{ secret: string; uri: string }> {
  const me = self(ctx);
  const secret = newTotpSecret();
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('users').set({ totp_pending: encryptPrivateKey(secret, serverSecret()), updated_at: nowIso(ctx) }).where('id', '=', me.userId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'user.totp.enrol', entity: 'user', entityId: me.userId, detail: {} });
  });
  return { secret, uri: otpauthUri(secret, me.login) };
}

/** Confirms enrolment with a first code; from now on logins need a code. */
export async function confirmTotp(code: string, ctx: ServiceContext): Promise<void> {
  const me = self(ctx);
  const row = await ctx.db.selectFrom('users').select(['totp_pending']).where('id', '=', me.userId).executeTakeFirstOrThrow();
  if (row.totp_pending === null) throw fail('totp_no_enrolment');
  if (!(await acceptCode(me.userId, row.totp_pending, code.trim(), null, ctx))) throw fail('totp_invalid');
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret: sql<string>`totp_pending`, totp_pending: null, totp_enabled_at: nowIso(ctx), updated_at: nowIso(ctx) })
      .where('id', '=', me.userId)
      .execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'user.totp.enable', entity: 'user', entityId: me.userId, detail: {} });
  });
}

/** Turns the second factor off; it takes a current code, so a stolen session alone cannot. */
export async function disableTotp(code: string, ctx: ServiceContext): Promise<void> {
  const me = self(ctx);
  const row = await ctx.db.selectFrom('users').select(['totp_secret', 'totp_last_step']).where('id', '=', me.userId).executeTakeFirstOrThrow();
  if (row.totp_secret === null) throw fail('totp_no_enrolment');
  if (!(await acceptCode(me.userId, row.totp_secret, code.trim(), row.totp_last_step, ctx))) throw fail('totp_invalid');
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('users').set({ totp_secret: null, totp_pending: null, totp_enabled_at: null, updated_at: nowIso(ctx) }).where('id', '=', me.userId).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'user.totp.disable', entity: 'user', entityId: me.userId, detail: {} });
  });
}

/** Whether the signed-in account has a second factor, and whether it may have one. */
export async function secondFactorState(ctx: ServiceContext): Promise<{ enabled: boolean; allowed: boolean }> {
  if (ctx.actor.kind !== 'user') throw fail('unauthenticated');
  const row = await ctx.db.selectFrom('users').select(['totp_secret']).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  return { enabled: row.totp_secret !== null, allowed: ctx.actor.role === 'admin' || ctx.actor.role === 'office' };
}

/** Turns off the second factor of an account whose authenticator is lost (CLI, admins). */
export async function resetTotp(login: string, ctx: ServiceContext): Promise<void> {
  authorize(ctx.actor, 'user.update');
  await inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst();
    if (!row) throw fail('not_found');
    await trx.updateTable('users').set({ totp_secret: null, totp_pending: null, totp_enabled_at: null, updated_at: nowIso(ctx) }).where('id', '=', row.id).execute();
    await appendAudit(trx, ctx.actor, ctx.clock, { action: 'user.totp.reset', entity: 'user', entityId: row.id, detail: { login } });
  });
}
