import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { isPostgres, withIdColumn } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Registers (专项台账/清单): a register is data (its definition is JSON, see
 * src/domain/register-definition.ts); its rows keep their values as one JSON document keyed
 * by field name, plus the columns that queries need fast: the unique key, and the region
 * (市州 and 县市区 unit ids) that rights and roll-ups go by.
 *
 * - `data` is jsonb on PostgreSQL and JSON text on SQLite; src/db/json-fields.ts reads it.
 * - Every change to rows (an edit, an import, a status change from an evaluation) is one
 *   `register_changes` row whose audit event (audit_seq) carries the SM3 of the row changes;
 *   `register_row_changes` keeps each row's before/after, so a row's history is one query.
 * - Evaluations score the rows of a year; publishing one freezes a snapshot
 *   (`register_snapshots`) that later edits never change.
 * - `indicators.public` marks the indicators the office publishes.
 */
export async function up(db: AnyDb): Promise<void> {
  const json = isPostgres(db) ? 'jsonb' : 'text';
  await withIdColumn(db, db.schema.createTable('registers'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('register_rows'))
    .addColumn('register_id', 'integer', (c) => c.notNull().references('registers.id').onDelete('cascade'))
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('data', json, (c) => c.notNull())
    .addColumn('prefecture_id', 'integer', (c) => c.references('units.id').onDelete('restrict'))
    .addColumn('county_id', 'integer', (c) => c.references('units.id').onDelete('restrict'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('register_rows_key_uq', ['register_id', 'row_key'])
    .execute();
  // Pages are chosen on these indexes alone, in id order (list-register-rows.ts): the whole
  // register, a 市州's rows, a county's rows.
  await db.schema.createIndex('register_rows_order_idx').on('register_rows').columns(['register_id', 'id']).execute();
  await db.schema.createIndex('register_rows_region_idx').on('register_rows').columns(['register_id', 'prefecture_id', 'id']).execute();
  await db.schema.createIndex('register_rows_county_idx').on('register_rows').columns(['register_id', 'county_id', 'id']).execute();

  await withIdColumn(db, db.schema.createTable('register_changes'))
    .addColumn('register_id', 'integer', (c) => c.notNull().references('registers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('audit_seq', 'integer')
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('register_row_changes')
    .addColumn('change_id', 'integer', (c) => c.notNull().references('register_changes.id').onDelete('cascade'))
    .addColumn('row_id', 'integer', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('register_row_changes_row_idx').on('register_row_changes').columns(['row_id', 'change_id']).execute();

  await withIdColumn(db, db.schema.createTable('register_evaluations'))
    .addColumn('register_id', 'integer', (c) => c.notNull().references('registers.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('snapshot_id', 'integer')
    .addUniqueConstraint('register_evaluations_year_uq', ['register_id', 'year'])
    .execute();

  await db.schema
    .createTable('register_scores')
    .addColumn('evaluation_id', 'integer', (c) => c.notNull().references('register_evaluations.id').onDelete('cascade'))
    .addColumn('row_id', 'integer', (c) => c.notNull().references('register_rows.id').onDelete('cascade'))
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('status_before', 'text')
    .addColumn('proposed_status', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('register_scores_pk', ['evaluation_id', 'row_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('register_snapshots'))
    .addColumn('register_id', 'integer', (c) => c.notNull().references('registers.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('rows', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('register_snapshots_label_uq', ['register_id', 'label'])
    .execute();

  await db.schema.alterTable('indicators').addColumn('public', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`CREATE INDEX indicator_values_unit_idx ON indicator_values (indicator_id, unit_id)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`DROP INDEX indicator_values_unit_idx`.execute(db);
  await db.schema.alterTable('indicators').dropColumn('public').execute();
  for (const table of ['register_snapshots', 'register_scores', 'register_evaluations', 'register_row_changes', 'register_changes', 'register_rows', 'registers']) {
    await db.schema.dropTable(table).execute();
  }
}
