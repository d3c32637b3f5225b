import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * The database's write counter: every write appends an audit event in its own transaction
 * (support/audit-trail.ts), so the audit head's seq moves with every change, in this process
 * or any other sharing the database. What is derived from the stored rows alone (not from the
 * clock) can be kept under this number and reused until it moves.
 */
export async function dataVersion(db: Kysely<Database>): Promise<number> {
  const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
  return head?.seq ?? 0;
}

/**
 * Values derived from the stored rows, each kept with the data version it was computed at and
 * given back only for that version. Read the version BEFORE reading the rows: a value may then
 * be newer than its version says, never older. Bounded, least recently used first.
 */
export class VersionedCache<V> {
  readonly #entries = new Map<string, { version: number; value: V }>();

  constructor(private readonly limit: number) {}

  get(key: string, version: number): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, version: number, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { version, value });
    if (this.#entries.size > this.limit) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}

/**
 * One cache per database handle: a process may hold several databases (tests, tools), whose
 * versions and ids mean nothing to one another.
 */
export function cachePerDatabase<V>(limit: number): (db: Kysely<Database>) => VersionedCache<V> {
  const caches = new WeakMap<Kysely<Database>, VersionedCache<V>>();
  return (db) => {
    let cache = caches.get(db);
    if (!cache) {
      cache = new VersionedCache<V>(limit);
      caches.set(db, cache);
    }
    return cache;
  };
}
