import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { Dialect } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import type { Mailer } from '../../mail/mailer.js';
import type { Actor } from '../../domain/policy.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** Everything a use case needs from the outside world, passed in so tests can swap it. */
export interface ServiceContext {
  db: Kysely<Database>;
  dialect: Dialect;
  config: Config;
  clock: Clock;
  actor: Actor;
  log: Logger;
  /** Sends e-mail when SMTP is configured. */
  mailer?: Mailer | null;
}

export type Tx = Transaction<Database>;

/** Runs one write as one transaction. */
export function inTransaction<T>(ctx: ServiceContext, work: (trx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(work);
}

export function nowIso(ctx: Pick<ServiceContext, 'clock'>): string {
  return ctx.clock.now().toISOString();
}
