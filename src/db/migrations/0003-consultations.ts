import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Consultation (征求意见): see docs/adr/0001-consultation.md. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();

  await withIdColumn(db, db.schema.createTable('consultations'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('plan_versions.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('instructions', 'text', (c) => c.notNull())
    .addColumn('reminder_days', 'integer', (c) => c.notNull())
    .addColumn('missing_as_no_opinion', 'integer', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consultation_recipients')
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('consultation_recipients_pk', ['consultation_id', 'unit_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('unit_keys'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull().unique())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key_box', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema.createIndex('unit_keys_unit_idx').on('unit_keys').columns(['unit_id', 'algorithm']).execute();

  await withIdColumn(db, db.schema.createTable('replies'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('no_opinion', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sealed_by', 'integer', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('sealed_at', 'text')
    .addColumn('algorithm', 'text')
    .addColumn('key_id', 'text')
    .addColumn('signature', 'text')
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema.createIndex('replies_consultation_idx').on('replies').columns(['consultation_id', 'unit_id']).execute();

  await withIdColumn(db, db.schema.createTable('opinions'))
    .addColumn('reply_id', 'integer', (c) => c.notNull().references('replies.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('item_ordinal', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text')
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('reason', 'text')
    .addColumn('disposition', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('opinions_reply_idx').on('opinions').column('reply_id').execute();

  await withIdColumn(db, db.schema.createTable('notifications'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('consultation_id', 'integer', (c) => c.references('consultations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('emailed', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_unit_idx').on('notifications').columns(['unit_id', 'created_at']).execute();
  // An automatic reminder goes out once per unit and consultation, even with several servers.
  await db.schema
    .createTable('auto_reminders')
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('auto_reminders_pk', ['consultation_id', 'unit_id', 'deadline'])
    .execute();

  await db.schema
    .createTable('plan_change_links')
    .addColumn('version_id', 'integer', (c) => c.notNull().references('plan_versions.id').onDelete('cascade'))
    .addColumn('change_key', 'text', (c) => c.notNull())
    .addColumn('opinion_id', 'integer', (c) => c.notNull().references('opinions.id').onDelete('cascade'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_change_links_pk', ['version_id', 'change_key', 'opinion_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['plan_change_links', 'auto_reminders', 'notifications', 'opinions', 'replies', 'unit_keys', 'consultation_recipients', 'consultations']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('users').dropColumn('email').execute();
}
