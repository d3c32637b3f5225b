import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ShapedQuery } from './bulk-insert.js';
import type { Database } from './schema.js';

/**
 * The shaped queries are run with parameters the caller lists in its own order, so that order
 * must be the one Kysely compiles: checked here against Kysely's own compilation with real values,
 * on both dialects (compiling needs no connection).
 */
describe('queries compiled once per shape', () => {
  for (const [name, dialect] of [
    ['SQLite', new SqliteDialect({ database: {} as never })],
    ['PostgreSQL', new PostgresDialect({ pool: {} as never })],
  ] as const) {
    const db = new Kysely<Database>({ dialect });
    it(`takes parameters row by row, column by column, in Kysely's order (${name})`, () => {
      const rows = [
        { register_id: 1, row_key: 'a', data: '{}', prefecture_id: null, county_id: 7, version: 1, created_at: 't0', updated_at: 't1' },
        { register_id: 2, row_key: 'b', data: '[]', prefecture_id: 3, county_id: null, version: 1, created_at: 't2', updated_at: 't3' },
      ];
      const built = db.insertInto('register_rows').values(rows).returning(['id', 'row_key']).compile();
      const columns = ['register_id', 'row_key', 'data', 'prefecture_id', 'county_id', 'version', 'created_at', 'updated_at'] as const;
      const shaped = new ShapedQuery((n) => db.insertInto('register_rows').values(Array.from({ length: n }, () => Object.fromEntries(columns.map((c) => [c, null])) as never)).returning(['id', 'row_key']));
      expect(shaped.sql(2)).toBe(built.sql);
      expect(rows.flatMap((r) => columns.map((c) => r[c]))).toEqual(built.parameters);

      const update = db.updateTable('register_rows').set({ data: 'd', prefecture_id: 1, county_id: 2, version: 3, updated_at: 'u' }).where('id', '=', 9).compile();
      expect(update.parameters).toEqual(['d', 1, 2, 3, 'u', 9]);
      const select = db.selectFrom('register_rows').select('id').where('register_id', '=', 5).where('row_key', 'in', ['x', 'y']).compile();
      expect(select.parameters).toEqual([5, 'x', 'y']);
    });
  }
});
