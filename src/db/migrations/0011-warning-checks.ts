import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Review that can be finished (issue 12, item 7):
 *
 * - `plan_warning_checks`: a parser warning a person has checked (审核). Keyed by the version
 *   and the warning's key (`domain/warning-review.ts`: code, span and a digest of the
 *   parameters), which a re-parse of the same text gives again for the same warning — so a
 *   check survives the re-parse, and one whose warning is gone simply matches nothing.
 *   One row per warning (the primary key): two people checking at once, one wins.
 * - `lost_quote_acknowledgements`: an opinion whose quoted passage is gone from a newer
 *   version, acknowledged by the office (with an optional note) for that newer version.
 *   Resolving by linking needs no table of its own: it is a row of `plan_change_links`.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('plan_warning_checks')
    .addColumn('version_id', 'integer', (c) => c.notNull().references('plan_versions.id').onDelete('cascade'))
    .addColumn('warning_key', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('item_ordinal', 'integer')
    .addColumn('checked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_warning_checks_pk', ['version_id', 'warning_key'])
    .execute();

  await db.schema
    .createTable('lost_quote_acknowledgements')
    .addColumn('version_id', 'integer', (c) => c.notNull().references('plan_versions.id').onDelete('cascade'))
    .addColumn('opinion_id', 'integer', (c) => c.notNull().references('opinions.id').onDelete('cascade'))
    .addColumn('note', 'text')
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lost_quote_acknowledgements_pk', ['version_id', 'opinion_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('lost_quote_acknowledgements').execute();
  await db.schema.dropTable('plan_warning_checks').execute();
}
