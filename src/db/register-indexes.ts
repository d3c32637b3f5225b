import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { Dialect } from './connect.js';
import { jsonSortKey } from './json-fields.js';
import type { Database } from './schema.js';

/**
 * One index per register and field, so a rows page sorted by a field reads its 20 rows off an
 * index instead of sorting the register's JSON (ADR 0004). Each is a PARTIAL expression index:
 *
 *   CREATE INDEX register_rows_sort_<register id>_<hash> ON register_rows (<sort key>, id)
 *   WHERE <register term>
 *
 * The sort key is `jsonSortKey`, the very expression the page's ORDER BY uses: both databases
 * use an expression index only for that same expression. The register term is
 * `sortIndexTerm`, which the page query uses as its WHERE on the register, word for word:
 * a database uses a partial index only when it can see that the query's WHERE implies the
 * index's, and SQLite sees it only in the same term, the id written into the SQL (a bound
 * parameter would not do).
 *
 * On SQLite the term is `+register_id = <id>`: the unary plus (a no-op on the value) keeps the
 * term off the other indexes of register_rows. With a plain `register_id = <id>`, SQLite,
 * which has no statistics unless someone runs ANALYZE, guesses that an equality on the
 * (register_id, id) index finds a handful of rows and prefers sorting them to reading the
 * sort index — a million rows sorted for every page.
 *
 * The indexes follow the definitions, not the migrations: a field defined creates its index,
 * a field removed drops it, in the transaction that changes the definition; start-up brings
 * every register's set in line (`syncAllSortIndexes`). The name's hash is of the index's own
 * expression and term, so if either ever changes, the next start-up rebuilds every index.
 */

type AnyDb = Kysely<Database>;

export interface IndexedRegister {
  id: number;
  fields: readonly string[];
}

const PREFIX = 'register_rows_sort_';

/**
 * The WHERE on the register of a query that should read a sort index, and of the index
 * itself. The id is written into the SQL: an integer from the database, never user text.
 */
export function sortIndexTerm(dialect: Dialect, registerId: number): RawBuilder<boolean> {
  if (!Number.isSafeInteger(registerId) || registerId <= 0) throw new Error(`not a register id: ${String(registerId)}`);
  return dialect === 'postgres' ? sql<boolean>`register_id = ${sql.lit(registerId)}` : sql<boolean>`+register_id = ${sql.lit(registerId)}`;
}

/** PostgreSQL orders SQL NULLs last unless told; SQLite first. Null is the least value on both. */
export function sortKeyOrder(dialect: Dialect, field: string, direction: 'asc' | 'desc'): RawBuilder<unknown> {
  const key = jsonSortKey(dialect, 'data', field);
  if (dialect === 'postgres') return direction === 'asc' ? sql`${key} ASC NULLS FIRST` : sql`${key} DESC NULLS LAST`;
  return direction === 'asc' ? sql`${key} ASC` : sql`${key} DESC`;
}

/** The index's first column: ascending with nulls first, read backwards for descending pages. */
function indexKey(dialect: Dialect, field: string): RawBuilder<unknown> {
  return sortKeyOrder(dialect, field, 'asc');
}

function indexName(db: AnyDb, dialect: Dialect, registerId: number, field: string): string {
  const expression = sql`${indexKey(dialect, field)} WHERE ${sortIndexTerm(dialect, registerId)}`.compile(db).sql;
  return `${PREFIX}${registerId}_${createHash('sha256').update(expression).digest('hex').slice(0, 12)}`;
}

async function existingNames(db: AnyDb, dialect: Dialect, like: string): Promise<string[]> {
  const rows =
    dialect === 'postgres'
      ? await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'register_rows' AND indexname LIKE ${like}`.execute(db)
      : await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'register_rows' AND name LIKE ${like}`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Index DDL on PostgreSQL is serialised under one advisory lock, held to the end of the
 * caller's transaction: several servers starting together, or a start-up beside a definition
 * change, never build or drop the same index at once.
 */
async function lockIndexDdl(db: AnyDb, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext('luoshi.register_sort_indexes'))`.execute(db);
}

async function syncOne(db: AnyDb, dialect: Dialect, register: IndexedRegister, existing: Set<string>): Promise<{ created: number; dropped: number }> {
  const wanted = new Map(register.fields.map((f) => [indexName(db, dialect, register.id, f), f]));
  let created = 0;
  let dropped = 0;
  for (const [name, field] of wanted) {
    if (existing.has(name)) continue;
    await sql`CREATE INDEX IF NOT EXISTS ${sql.id(name)} ON register_rows (${indexKey(dialect, field)}, id) WHERE ${sortIndexTerm(dialect, register.id)}`.execute(db);
    created++;
  }
  for (const name of existing) {
    if (wanted.has(name)) continue;
    await sql`DROP INDEX IF EXISTS ${sql.id(name)}`.execute(db);
    dropped++;
  }
  return { created, dropped };
}

async function namesOf(db: AnyDb, dialect: Dialect, prefix: string): Promise<string[]> {
  // LIKE's `_` matches any character: the prefix test is done here.
  return (await existingNames(db, dialect, `${PREFIX}%`)).filter((n) => n.startsWith(prefix));
}

/**
 * Brings one register's sort indexes in line with its fields: creates the missing, drops those
 * of fields it no longer has. Call inside the transaction that saves the definition.
 */
export async function syncSortIndexes(db: AnyDb, dialect: Dialect, register: IndexedRegister): Promise<{ created: number; dropped: number }> {
  await lockIndexDdl(db, dialect);
  return syncOne(db, dialect, register, new Set(await namesOf(db, dialect, `${PREFIX}${register.id}_`)));
}

/**
 * Start-up: every register's sort indexes in line with its definition, and the indexes of
 * registers no longer there dropped. Cheap when nothing changed (two catalogue reads). The
 * registers are read once the lock is held, so a definition saved meanwhile is seen whole.
 */
export async function syncAllSortIndexes(db: AnyDb, dialect: Dialect, readRegisters: () => Promise<IndexedRegister[]>): Promise<{ created: number; dropped: number }> {
  await lockIndexDdl(db, dialect);
  const registers = await readRegisters();
  const byRegister = new Map<number, Set<string>>();
  for (const name of await namesOf(db, dialect, PREFIX)) {
    const id = Number(/^register_rows_sort_(\d+)_/.exec(name)?.[1]);
    if (!byRegister.has(id)) byRegister.set(id, new Set());
    byRegister.get(id)!.add(name);
  }
  const total = { created: 0, dropped: 0 };
  for (const register of registers) {
    const done = await syncOne(db, dialect, register, byRegister.get(register.id) ?? new Set());
    byRegister.delete(register.id);
    total.created += done.created;
    total.dropped += done.dropped;
  }
  for (const names of byRegister.values()) {
    for (const name of names) {
      await sql`DROP INDEX IF EXISTS ${sql.id(name)}`.execute(db);
      total.dropped++;
    }
  }
  return total;
}

/** The names of a register's sort indexes (tests and tools). */
export async function sortIndexNames(db: AnyDb, dialect: Dialect, registerId: number): Promise<string[]> {
  return namesOf(db, dialect, `${PREFIX}${registerId}_`);
}
