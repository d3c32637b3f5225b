import { fail } from '../domain/errors.js';
import { ANONYMOUS } from '../domain/policy.js';
import type { Actor } from '../domain/policy.js';
import { isRole } from '../domain/roles.js';
import { decoyHash, verifyPassword } from '../security/password.js';
import { newToken, tokenId } from '../security/tokens.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadUsers } from './support/user-rows.js';
import type { User } from './support/user-rows.js';

export interface LogInInput {
  login: string;
  password: string;
  ip: string;
  userAgent?: string | undefined;
}

export interface LogInResult {
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

const INVALID = fail('invalid_credentials');

async function failuresSince(ctx: ServiceContext, column: 'login' | 'ip', value: string, since: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Checks a password and opens a session. Failures are counted per account and per address
 * in the database, so the limit holds across server processes.
 */
export async function logIn(input: LogInInput, ctx: ServiceContext): Promise<LogInResult> {
  const login = input.login.trim();
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - ctx.config.loginWindowMinutes * 60_000).toISOString();
  const byAccount = await failuresSince(ctx, 'login', login, windowStart);
  const byAddress = await failuresSince(ctx, 'ip', input.ip, windowStart);
  if (byAccount >= ctx.config.loginMaxFailuresPerAccount || byAddress >= ctx.config.loginMaxFailuresPerAddress) {
    throw fail('login_locked', { minutes: ctx.config.loginWindowMinutes }, { retryAfterSeconds: ctx.config.loginWindowMinutes * 60 });
  }

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
      await trx.insertInto('login_failures').values({ login, ip: input.ip, at: now.toISOString() }).execute();
      await appendAudit(trx, ANONYMOUS, ctx.clock, {
        action: 'session.login_failed',
        entity: 'user',
        entityId: row?.id ?? null,
        detail: { login, ip: input.ip },
      });
    });
    throw INVALID;
  }

  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000).toISOString();
  const actor: Actor = { kind: 'user', userId: row.id, login: row.login, unitId: row.unit_id, role: row.role };
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id: tokenId(token),
        user_id: row.id,
        csrf_token: csrfToken,
        created_at: nowIso(ctx),
        expires_at: expiresAt,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await trx.deleteFrom('login_failures').where('login', '=', login).execute();
    // Expired sessions are swept here, where a write happens anyway.
    await trx.deleteFrom('sessions').where('expires_at', '<', nowIso(ctx)).execute();
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
