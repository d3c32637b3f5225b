import { CompiledQuery } from 'kysely';
import type { Compilable, Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Queries whose SQL depends only on a count (rows in a multi-row INSERT, keys in an IN list),
 * compiled once per count and then run with fresh parameters. Building a query with Kysely's
 * builder costs a few objects per value; for 100,000 imported rows of 8 columns that was more
 * than the database's own work. The SQL is still Kysely's (the right placeholders and quoting
 * for each dialect), and on SQLite the same text meets the prepared statement kept for it
 * (statement-cache.ts).
 */
export class ShapedQuery {
  private readonly compiled = new Map<number, string>();

  /** `build(n)` makes the query for `n` items with placeholder values; its parameter order is the caller's. */
  constructor(private readonly build: (n: number) => Compilable) {}

  sql(n: number): string {
    let text = this.compiled.get(n);
    if (text === undefined) {
      text = this.build(n).compile().sql;
      if (this.compiled.size < 64) this.compiled.set(n, text);
    }
    return text;
  }

  async run<R>(db: Kysely<Database>, n: number, parameters: unknown[]): Promise<R[]> {
    const result = await db.executeQuery<R>(CompiledQuery.raw(this.sql(n), parameters));
    return result.rows;
  }
}

/**
 * A multi-row INSERT into `table` of the given columns, in batches of at most `batchSize`
 * rows: parameters go row by row, column by column, in the order of `columns`.
 */
export class BulkInsert<Row extends Record<string, unknown>> {
  private readonly query: ShapedQuery;

  constructor(
    db: Kysely<Database>,
    table: keyof Database & string,
    private readonly columns: readonly (keyof Row & string)[],
    private readonly batchSize: number,
    returning: readonly string[] = [],
  ) {
    this.query = new ShapedQuery((n) => {
      const placeholder = Object.fromEntries(columns.map((c) => [c, null]));
      const insert = (db as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto(table).values(Array.from({ length: n }, () => placeholder));
      return returning.length > 0 ? insert.returning(returning as never) : insert;
    });
  }

  /** Inserts the rows; returns what `returning` named, in the rows' order. */
  async run<R = unknown>(db: Kysely<Database>, rows: readonly Row[]): Promise<R[]> {
    const out: R[] = [];
    for (let start = 0; start < rows.length; start += this.batchSize) {
      const end = Math.min(rows.length, start + this.batchSize);
      const parameters: unknown[] = [];
      for (let i = start; i < end; i++) {
        const row = rows[i]!;
        for (const c of this.columns) parameters.push(row[c] ?? null);
      }
      const returned = await this.query.run<R>(db, end - start, parameters);
      for (const r of returned) out.push(r);
    }
    return out;
  }
}
