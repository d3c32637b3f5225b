import { z } from 'zod';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { hashPassword, verifyPassword } from '../security/password.js';
import { checkNewPassword } from '../security/password-rules.js';
import { newPassword } from './add-user.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import { claimAttempt, releaseAttempt, settleAttempt } from './support/login-throttle.js';
import type { ServiceContext } from './support/context.js';
import { validateInput } from './support/validate-input.js';

export interface SetUserPasswordInput {
  login: string;
  password: string;
  /** Required when users change their own password. */
  currentPassword?: string;
  /** The session to keep when users change their own password; all others end. */
  keepSessionId?: string;
}

const schema = z.object({ password: newPassword });

/** An admin resets an account's password by its id (its sessions end). */
export async function resetUserPassword(userId: number, password: string, ctx: ServiceContext): Promise<void> {
  const user = await ctx.db.selectFrom('users').select('login').where('id', '=', userId).executeTakeFirst();
  if (!user) throw fail('user_not_found');
  await setUserPassword({ login: user.login, password }, ctx);
}

/**
 * Sets a password: users change their own (with the current one), admins and the CLI reset
 * anyone's. Every other session of the user ends, so a stolen session does not survive it.
 */
export async function setUserPassword(input: SetUserPasswordInput, ctx: ServiceContext): Promise<void> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'login', 'unit_id', 'password_hash'])
    .where('login', '=', input.login)
    .executeTakeFirst();
  if (!user) throw fail('user_not_found');
  authorize(ctx.actor, 'user.password.set', { userId: user.id, unitId: user.unit_id });
  validateInput(schema, { password: input.password });
  checkNewPassword(input.password, { minLength: ctx.config.passwordMinLength, login: user.login, demoPasswords: [ctx.config.demoPassword, ctx.config.adminPassword] });
  const self = ctx.actor.kind === 'user' && ctx.actor.userId === user.id;
  // Guessing the current password through this route counts against the same per-account
  // limit as logins, claimed before the check (login-throttle.ts).
  const claim = { login: user.login, ip: null };
  if (self) {
    await claimAttempt(claim, ctx);
    if (input.currentPassword === undefined || !(await verifyPassword(input.currentPassword, user.password_hash))) {
      await settleAttempt(ctx.db, claim, false);
      throw fail('current_password_wrong');
    }
  }
  const hash = await hashPassword(input.password, ctx.config.scryptCost);
  await inTransaction(ctx, async (trx) => {
    // A password given by somebody else (an admin, the CLI) must be changed at the next login.
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: self ? 0 : 1, updated_at: nowIso(ctx) })
      .where('id', '=', user.id)
      .execute();
    let ended = trx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (input.keepSessionId !== undefined) ended = ended.where('id', '!=', input.keepSessionId);
    await ended.execute();
    if (self) await releaseAttempt(trx, claim);
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: self ? 'user.password.change' : 'user.password.reset',
      entity: 'user',
      entityId: user.id,
      detail: { login: user.login, ...(!self && { mustChange: true }) },
    });
  });
}
