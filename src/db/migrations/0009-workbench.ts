import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The workbench (工作台, issue 12):
 *
 * - `users.must_change_password`: an account given its password by somebody else (an admin
 *   in the page or the API, `luoshi user add`/`user passwd`) must change it before it may
 *   write anything else. Existing accounts are not forced.
 * - The hand-off of a reply between the reporter and the signatory: `replies.submitted_at`
 *   (提交签发; null when not submitted) and `replies.returned_at` (退回; cleared on the next
 *   submission). Both change only by conditional updates on `status = 'draft'`.
 * - `reply_events`: the reply's history (drafted, submitted, returned with a comment, sealed,
 *   withdrawn, decided), shown with the people's names.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('replies').addColumn('submitted_at', 'text').execute();
  await db.schema.alterTable('replies').addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  await db.schema.alterTable('replies').addColumn('returned_at', 'text').execute();

  await withIdColumn(db, db.schema.createTable('reply_events'))
    .addColumn('reply_id', 'integer', (c) => c.notNull().references('replies.id').onDelete('cascade'))
    // draft | submit | return | seal | withdraw | decide
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor_login', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reply_events_reply_idx').on('reply_events').columns(['reply_id', 'at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('reply_events').execute();
  for (const column of ['returned_at', 'submitted_by', 'submitted_at']) {
    await db.schema.alterTable('replies').dropColumn(column).execute();
  }
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
