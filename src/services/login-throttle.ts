import { sql } from 'kysely';
import { fail } from '../domain/errors.js';
import type { ServiceContext, Tx } from './context.js';

/**
 * Login attempts are claimed BEFORE the password is checked. One counter row per account
 * and per client address is bumped by a conditional upsert in one transaction; the row lock
 * (PostgreSQL) or the write lock (SQLite) serialises the claims, so 40 parallel guesses at
 * one account get exactly `loginMaxFailuresPerAccount` answers and the rest 429, in one
 * process or many. A successful check gives the claim back (`releaseAttempt`), so people
 * who type their password right never use up the limit of a shared office address.
 *
 * The window is fixed: it starts at the first counted attempt and lasts
 * `loginWindowMinutes`; the next attempt after it starts a new window.
 */
export interface AttemptClaim {
  login: string;
  ip: string | null;
}

async function bump(trx: Tx, key: string, now: string, windowStart: string): Promise<{ attempts: number; windowStart: string }> {
  const row = await trx
    .insertInto('login_throttle')
    .values({ key, window_start: now, attempts: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`CASE WHEN login_throttle.window_start <= ${windowStart} THEN 1 ELSE login_throttle.attempts + 1 END`,
        window_start: sql<string>`CASE WHEN login_throttle.window_start <= ${windowStart} THEN ${now} ELSE login_throttle.window_start END`,
      }),
    )
    .returning(['attempts', 'window_start'])
    .executeTakeFirstOrThrow();
  return { attempts: Number(row.attempts), windowStart: row.window_start };
}

/**
 * Claims one attempt for the account (and the address, for logins). Throws `rate_limited`
 * (429, with Retry-After) when either limit is used up; a refused claim is not counted.
 */
export async function claimAttempt(claim: AttemptClaim, ctx: ServiceContext): Promise<void> {
  const now = ctx.clock.now();
  const windowMs = ctx.config.loginWindowMinutes * 60_000;
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  class Over {
    constructor(readonly windowStart: string) {}
  }
  const over = await ctx.db
    .transaction()
    .execute(async (trx) => {
    // Always the account first, then the address: one lock order, no deadlock.
    const account = await bump(trx, `login:${claim.login}`, now.toISOString(), windowStart);
    const address = claim.ip === null ? null : await bump(trx, `ip:${claim.ip}`, now.toISOString(), windowStart);
    const limited = [
      account.attempts > ctx.config.loginMaxFailuresPerAccount ? account.windowStart : null,
      address && address.attempts > ctx.config.loginMaxFailuresPerAddress ? address.windowStart : null,
    ].filter((w): w is string => w !== null);
    // A refused attempt is not counted: the claim rolls back, the window is not extended.
    if (limited.length > 0) throw new Over(limited.sort().at(-1)!);
    return null;
  })
    .catch((error: unknown) => {
      if (error instanceof Over) return error.windowStart;
      throw error;
    });
  if (over !== null) {
    const retryAfterSeconds = Math.max(1, Math.ceil((new Date(over).getTime() + windowMs - now.getTime()) / 1000));
    throw fail('rate_limited', undefined, { retryAfterSeconds });
  }
}

/** Gives a successful attempt back: the account starts afresh, the address gets its claim back. */
export async function releaseAttempt(trx: Tx, claim: AttemptClaim): Promise<void> {
  await trx.deleteFrom('login_throttle').where('key', '=', `login:${claim.login}`).execute();
  if (claim.ip !== null) {
    await trx
      .updateTable('login_throttle')
      .set({ attempts: sql<number>`CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END` })
      .where('key', '=', `ip:${claim.ip}`)
      .execute();
  }
}
