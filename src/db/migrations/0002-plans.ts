import type { Kysely } from 'kysely';
import { binaryType, withIdColumn } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Plans and their versions. A version keeps the original bytes, the decoded text and the
 * parse (JSON, in the parser's output shape); people's corrections are separate rows in
 * plan_edits, applied on top of the parse when the plan is read.
 */
export async function up(db: AnyDb): Promise<void> {
  await withIdColumn(db, db.schema.createTable('plans'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('plan_versions'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('source', binaryType(db), (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('parsed', 'text', (c) => c.notNull())
    .addColumn('parser_version', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plan_versions_number_uq', ['plan_id', 'number'])
    .execute();
  await db.schema.createIndex('plan_versions_sha_idx').unique().on('plan_versions').column('sha256').execute();

  await withIdColumn(db, db.schema.createTable('plan_edits'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('plan_versions.id').onDelete('cascade'))
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('item_ordinal', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_edits_version_idx').on('plan_edits').column('version_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['plan_edits', 'plan_versions', 'plans']) await db.schema.dropTable(table).execute();
}
