import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withIdColumn } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Indicators (指标): one table for every measured quantity, whatever feeds it.
 *
 * - A plan's target becomes an indicator of its task (source `task`: plan_id, task_id and
 *   the target's span set), allocated down the registry (province → 市州 → 县市区) in
 *   `indicator_allocations`.
 * - A register's roll-up rule feeds one (source `register`), and statistics such as
 *   户籍人口城镇化率 are entered or imported (source `manual`).
 * Values are a time series per unit (region) and period, one row per source, so a value
 * reported in a round and the same figure rolled up from a register stay side by side.
 * task_id and register_id are plain integers: their tables come in later migrations.
 */
export async function up(db: AnyDb): Promise<void> {
  await withIdColumn(db, db.schema.createTable('indicators'))
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('comparator', 'text')
    .addColumn('target', 'double precision')
    .addColumn('year', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id').onDelete('cascade'))
    .addColumn('task_id', 'integer')
    .addColumn('register_id', 'integer')
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .addColumn('raw', 'text')
    .addColumn('rule', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('indicators_plan_idx').on('indicators').columns(['plan_id', 'task_id']).execute();
  await db.schema.createIndex('indicators_register_idx').on('indicators').column('register_id').execute();

  await db.schema
    .createTable('indicator_allocations')
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_allocations_pk', ['indicator_id', 'unit_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('indicator_values'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('report_id', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_values_uq', ['indicator_id', 'unit_id', 'period', 'source'])
    .execute();
  await sql`CREATE INDEX indicator_values_period_idx ON indicator_values (indicator_id, period)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('indicator_values').execute();
  await db.schema.dropTable('indicator_allocations').execute();
  await db.schema.dropTable('indicators').execute();
}
