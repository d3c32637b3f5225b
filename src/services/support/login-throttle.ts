import { sql } from 'kysely';
import { fail } from '../../domain/errors.js';
import type { ServiceContext, Tx } from './context.js';

/**
 * Login attempts are claimed BEFORE the password is checked. One counter row per account
 * and per client address is bumped by a conditional upsert in one transaction; the row lock
 * (PostgreSQL) or the write lock (SQLite) serialises the claims, so 40 parallel guesses at
 * one account get exactly `loginMaxFailuresPerAccount` answers of 401 and the rest 429, in
 * one process or many.
 *
 * A row counts `attempts` (failures plus checks still running) and `pending` (checks still
 * running). A claim that would pass the limit is refused (429) only when the failures alone
 * have reached it; while some of the claims ahead of it are still being checked, it gives
 * its claim back and waits for them, because those may turn out to be right passwords. So
 * 500 people logging in at once from one office address are slowed, never refused, while
 * guesses are cut off at exactly the limit. A right password gives its claim back
 * (`settleAttempt(…, true)`); a wrong one keeps it as a failure.
 *
 * The window is fixed: it starts at the first counted attempt and lasts
 * `loginWindowMinutes`; the next attempt after it starts a new window (and clears claims a
 * killed process left pending).
 */
export interface AttemptClaim {
  login: string;
  ip: string | null;
}

interface Counted {
  attempts: number;
  pending: number;
  windowStart: string;
}

async function bump(trx: Tx, key: string, now: string, windowStart: string): Promise<Counted> {
  const fresh = sql<boolean>`login_throttle.window_start <= ${windowStart}`;
  const row = await trx
    .insertInto('login_throttle')
    .values({ key, window_start: now, attempts: 1, pending: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`CASE WHEN ${fresh} THEN 1 ELSE login_throttle.attempts + 1 END`,
        pending: sql<number>`CASE WHEN ${fresh} THEN 1 ELSE login_throttle.pending + 1 END`,
        window_start: sql<string>`CASE WHEN ${fresh} THEN ${now} ELSE login_throttle.window_start END`,
      }),
    )
    .returning(['attempts', 'pending', 'window_start'])
    .executeTakeFirstOrThrow();
  return { attempts: Number(row.attempts), pending: Number(row.pending), windowStart: row.window_start };
}

class Refused {
  constructor(
    readonly windowStart: string,
    readonly final: boolean,
  ) {}
}

const WAIT_MS = 150;
const MAX_WAIT_MS = 30_000;

/**
 * Claims one attempt for the account (and the address, for logins). Throws `rate_limited`
 * (429, with Retry-After) once the failures in the window have used up either limit.
 */
export async function claimAttempt(claim: AttemptClaim, ctx: ServiceContext): Promise<void> {
  const windowMs = ctx.config.loginWindowMinutes * 60_000;
  const limits: [string, number][] = [[`login:${claim.login}`, ctx.config.loginMaxFailuresPerAccount]];
  if (claim.ip !== null) limits.push([`ip:${claim.ip}`, ctx.config.loginMaxFailuresPerAddress]);
  const started = Date.now();
  for (;;) {
    const now = ctx.clock.now();
    const windowStart = new Date(now.getTime() - windowMs).toISOString();
    const refused = await ctx.db
      .transaction()
      .execute(async (trx) => {
        // Always the account first, then the address: one lock order, no deadlock.
        for (const [key, limit] of limits) {
          const c = await bump(trx, key, now.toISOString(), windowStart);
          if (c.attempts > limit) throw new Refused(c.windowStart, c.attempts - c.pending >= limit);
        }
        return null;
      })
      .catch((error: unknown) => {
        // A refused claim rolls back: it is not counted and extends nothing.
        if (error instanceof Refused) return error;
        throw error;
      });
    if (refused === null) return;
    if (refused.final || Date.now() - started > MAX_WAIT_MS) {
      const retryAfterSeconds = Math.max(1, Math.ceil((new Date(refused.windowStart).getTime() + windowMs - now.getTime()) / 1000));
      throw fail('login_locked', { minutes: Math.ceil(retryAfterSeconds / 60) }, { retryAfterSeconds });
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS + Math.random() * WAIT_MS));
  }
}

/**
 * Ends a claim: a success gives it back (the account starts afresh, the address gets its
 * claim back); a failure keeps it counted.
 */
export async function settleAttempt(db: ServiceContext['db'] | Tx, claim: AttemptClaim, success: boolean): Promise<void> {
  const keys = [`login:${claim.login}`, ...(claim.ip === null ? [] : [`ip:${claim.ip}`])];
  for (const key of keys) {
    if (success && key.startsWith('login:')) {
      await db.deleteFrom('login_throttle').where('key', '=', key).execute();
      continue;
    }
    await db
      .updateTable('login_throttle')
      .set({
        pending: sql<number>`CASE WHEN pending > 0 THEN pending - 1 ELSE 0 END`,
        ...(success && { attempts: sql<number>`CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END` }),
      })
      .where('key', '=', key)
      .execute();
  }
}

/** A successful attempt, inside the transaction that opens the session. */
export function releaseAttempt(trx: Tx, claim: AttemptClaim): Promise<void> {
  return settleAttempt(trx, claim, true);
}
