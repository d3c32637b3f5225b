import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Dialect } from './connect.js';

/**
 * Reading one field of a JSON column, the same meaning on both databases: SQLite keeps JSON
 * as text (json_extract), PostgreSQL as jsonb (-> and ->>). Field names are checked by the
 * register definition (no quotes, dots or brackets), and go in as literals so that the same
 * expression can appear in SELECT and GROUP BY.
 */
function path(field: string): string {
  if (/["'\\.[\]$`]/.test(field)) throw new Error(`unsafe JSON field name: ${field}`);
  return `$."${field}"`;
}

/** The field as text (numbers as their decimal text), null when absent. */
export function jsonText(dialect: Dialect, column: string, field: string): RawBuilder<string | null> {
  path(field);
  return dialect === 'postgres'
    ? sql<string | null>`(${sql.ref(column)} ->> ${sql.lit(field)})`
    : sql<string | null>`CAST(json_extract(${sql.ref(column)}, ${sql.lit(path(field))}) AS TEXT)`;
}

/** The field as a number, for sums. */
export function jsonNumber(dialect: Dialect, column: string, field: string): RawBuilder<number | null> {
  path(field);
  return dialect === 'postgres'
    ? sql<number | null>`CAST(${sql.ref(column)} ->> ${sql.lit(field)} AS double precision)`
    : sql<number | null>`CAST(json_extract(${sql.ref(column)}, ${sql.lit(path(field))}) AS REAL)`;
}

/**
 * The field in its JSON type, for sorting (numbers as numbers, text as text). A JSON null and
 * an absent field are both SQL NULL, as json_extract gives them on SQLite, so they sort
 * together by id. Each register has an index on exactly this expression per field
 * (db/register-indexes.ts): change it and start-up rebuilds them.
 */
export function jsonSortKey(dialect: Dialect, column: string, field: string): RawBuilder<unknown> {
  path(field);
  return dialect === 'postgres'
    ? sql`NULLIF(${sql.ref(column)} -> ${sql.lit(field)}, 'null'::jsonb)`
    : sql`json_extract(${sql.ref(column)}, ${sql.lit(path(field))})`;
}

/**
 * A field of JSON kept in a plain text column (on both databases), as JSON text: only that part
 * leaves the database, not the whole document.
 */
export function jsonFieldOfText(dialect: Dialect, column: string, field: string): RawBuilder<string | null> {
  return dialect === 'postgres'
    ? sql<string | null>`CAST((CAST(${sql.ref(column)} AS jsonb) -> ${sql.lit(field)}) AS text)`
    : sql<string | null>`json_extract(${sql.ref(column)}, ${sql.lit(path(field))})`;
}

/** The whole document as text, for a plain substring search. */
export function jsonWhole(dialect: Dialect, column: string): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`CAST(${sql.ref(column)} AS text)` : sql<string>`${sql.ref(column)}`;
}

/** A value read from a JSON column: parsed by the pg driver (jsonb), text on SQLite. */
export function parseJsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
