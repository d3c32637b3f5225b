import { AppError, fail } from '../domain/errors.js';
import { ANONYMOUS } from '../domain/policy.js';
import type { Actor } from '../domain/policy.js';
import { isRole } from '../domain/roles.js';
import { decoyHash, verifyPassword } from '../security/password.js';
import { newToken, tokenId } from '../security/tokens.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { claimAttempt, releaseAttempt, settleAttempt } from './support/login-throttle.js';
import { checkSecondFactor } from './second-factor.js';
import { loadUsers } from './support/user-rows.js';
import type { User } from './support/user-rows.js';

export interface LogInInput {
  login: string;
  password: string;
  /** The 6-digit code, for accounts with a second factor. */
  totpCode?: string | undefined;
  ip: string;
  userAgent?: string | undefined;
  /** The cookie the browser still sent, if any: that session ends (the id rotates on login). */
  previousToken?: string | undefined;
}

export interface LogInResult {
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

/**
 * Checks a password (and the second factor, when the account has one) and opens a new
 * session. The attempt is claimed before anything is checked (login-throttle.ts), so the
 * per-account and per-address limits hold under any concurrency and across processes.
 */
export async function logIn(input: LogInInput, ctx: ServiceContext): Promise<LogInResult> {
  const login = input.login.trim();
  const claim = { login, ip: input.ip };
  await claimAttempt(claim, ctx);
  try {
    return await checkAndOpen(login, claim, input, ctx);
  } catch (error) {
    // The check is over. Asking for the second factor means the password was right: the
    // claim is given back. Anything else keeps it counted as a failure.
    await settleAttempt(ctx.db, claim, error instanceof AppError && error.code === 'totp_required');
    throw error;
  }
}

async function checkAndOpen(login: string, claim: { login: string; ip: string }, input: LogInInput, ctx: ServiceContext): Promise<LogInResult> {
  const row = await ctx.db
    .selectFrom('users')
    .select(['id', 'login', 'unit_id', 'role', 'password_hash', 'active'])
    .where('login', '=', login)
    .executeTakeFirst();
  const ok = row
    ? await verifyPassword(input.password, row.password_hash)
    : await verifyPassword(input.password, await decoyHash(ctx.config.scryptCost)).then(() => false);
  if (!row || !ok || row.active !== 1 || !isRole(row.role)) {
    await inTransaction(ctx, async (trx) => {
      await appendAudit(trx, ANONYMOUS, ctx.clock, {
        action: 'session.login_failed',
        entity: 'user',
        entityId: row?.id ?? null,
        detail: { login, ip: input.ip },
      });
    });
    throw fail('invalid_credentials');
  }
  await checkSecondFactor(row.id, input.totpCode, login, ctx);

  const token = newToken();
  const csrfToken = newToken();
  const now = nowIso(ctx);
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.config.sessionTtlHours * 3_600_000).toISOString();
  const actor: Actor = { kind: 'user', userId: row.id, login: row.login, unitId: row.unit_id, role: row.role };
  await inTransaction(ctx, async (trx) => {
    if (input.previousToken) await trx.deleteFrom('sessions').where('id', '=', tokenId(input.previousToken)).execute();
    await trx
      .insertInto('sessions')
      .values({
        id: tokenId(token),
        user_id: row.id,
        csrf_token: csrfToken,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await releaseAttempt(trx, claim);
    // Expired sessions are swept here, where a write happens anyway.
    await trx.deleteFrom('sessions').where('expires_at', '<', now).execute();
    await appendAudit(trx, actor, ctx.clock, {
      action: 'session.login',
      entity: 'user',
      entityId: row.id,
      detail: { ip: input.ip },
    });
  });
  const [user] = await loadUsers(ctx.db, { ids: [row.id] });
  return { token, csrfToken, expiresAt, user: user! };
}
