/**
 * Recognising the database's own answers to a broken constraint, on either dialect, so a
 * use case can turn "the unique index said no" into its specific conflict code.
 */

/** PostgreSQL's SQLSTATE for unique_violation; better-sqlite3's codes for the same. */
const PG_UNIQUE = '23505';
const SQLITE_UNIQUE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/**
 * True when `error` is a unique-constraint violation. With `table`, only one on that table
 * (PostgreSQL names the table; SQLite names `table.column` in its message).
 */
export function isUniqueViolation(error: unknown, table?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; table?: unknown; message?: unknown };
  if (e.code === PG_UNIQUE) return table === undefined || e.table === table;
  if (typeof e.code === 'string' && SQLITE_UNIQUE.has(e.code)) {
    return table === undefined || (typeof e.message === 'string' && e.message.includes(`${table}.`));
  }
  return false;
}

/**
 * For `.catch(…)` after a write: a unique violation on `table` becomes the caller's own
 * error (made after the failed transaction, so it may read what is in the way); anything
 * else is rethrown unchanged.
 */
export function onUniqueViolation(table: string, make: () => Error | Promise<Error>): (error: unknown) => Promise<never> {
  return async (error: unknown) => {
    if (isUniqueViolation(error, table)) throw await make();
    throw error;
  };
}
