import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { binaryType, withIdColumn } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The task ledger (任务台账), dispatch rounds (调度), reports, supervision notices (督办) and
 * attachments: see docs/adr/0002-ledger.md.
 *
 * Every state rule two requests could race is held here: one task per (plan, key), one
 * report per (round, task, unit), one round per (plan, owner, period); status transitions
 * are conditional updates in the services. Lights, lateness and notice escalation are
 * derived from these rows and the clock, so nothing here stores them.
 */
export async function up(db: AnyDb): Promise<void> {
  // The plan's stage (draft → consultation → final → published), the published version and
  // the light thresholds the office chose (JSON; null = the documented defaults).
  await db.schema.alterTable('plans').addColumn('stage', 'text', (c) => c.notNull().defaultTo('draft')).execute();
  await db.schema.alterTable('plans').addColumn('published_version', 'integer').execute();
  await db.schema.alterTable('plans').addColumn('published_at', 'text').execute();
  await db.schema.alterTable('plans').addColumn('light_rules', 'text').execute();
  // Consultation (0003) moved a plan past its draft stage; say so for existing rows.
  await sql`UPDATE plans SET stage = 'consultation' WHERE id IN (SELECT plan_id FROM consultations)`.execute(db);

  await withIdColumn(db, db.schema.createTable('tasks'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    // item:15, item:15:c2 (split by clause), merge:3+4, added:<n>, local:<unit>:<n>: stable across versions.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('item_ordinal', 'integer')
    .addColumn('clause_index', 'integer')
    .addColumn('section_ordinal', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    // The office that runs the task: the plan's owner, or a 市州 for its local measures.
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('parent_task_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('lead_unit_id', 'integer', (c) => c.references('units.id').onDelete('restrict'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('milestones', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('closed_comment', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tasks_plan_key_uq', ['plan_id', 'key'])
    .execute();
  await db.schema.createIndex('tasks_plan_idx').on('tasks').columns(['plan_id', 'owner_unit_id', 'position']).execute();
  await db.schema.createIndex('tasks_parent_idx').on('tasks').column('parent_task_id').execute();

  await db.schema
    .createTable('task_units')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // The unit's latest accepted percent and its round's due date: accepted reports never
    // change, so this is a cache of them kept by review-report (conditional on the date).
    .addColumn('percent', 'double precision')
    .addColumn('percent_due', 'text')
    .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('task_units_unit_idx').on('task_units').columns(['unit_id', 'task_id']).execute();

  await withIdColumn(db, db.schema.createTable('rounds'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    // '2021-Q3', '2021-09', '2021' or the end date: the period of indicator values reported in it.
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('recurrence', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rounds_period_uq', ['plan_id', 'owner_unit_id', 'period_start', 'period_end'])
    .execute();
  await db.schema.createIndex('rounds_plan_idx').on('rounds').columns(['plan_id', 'due_date']).execute();

  await withIdColumn(db, db.schema.createTable('reports'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    // draft | submitting (claimed while sealing) | submitted | returned | accepted
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('next_steps', 'text', (c) => c.notNull())
    .addColumn('percent', 'double precision', (c) => c.notNull())
    // JSON [{indicatorId, value}], sealed with the report; copied to indicator_values on acceptance.
    .addColumn('indicator_values', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('submitted_at', 'text')
    .addColumn('algorithm', 'text')
    .addColumn('key_id', 'text')
    .addColumn('signature', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_comment', 'text')
    .addUniqueConstraint('reports_round_task_unit_uq', ['round_id', 'task_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('reports_task_idx').on('reports').columns(['task_id', 'unit_id']).execute();
  await db.schema.createIndex('reports_unit_idx').on('reports').columns(['unit_id', 'round_id']).execute();

  await withIdColumn(db, db.schema.createTable('attachments'))
    // report | task (销号 evidence)
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', binaryType(db), (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_owner_idx').on('attachments').columns(['owner_kind', 'owner_id']).execute();

  await withIdColumn(db, db.schema.createTable('light_overrides'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('light', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('light_overrides_task_idx').on('light_overrides').columns(['task_id', 'created_at']).execute();

  await withIdColumn(db, db.schema.createTable('notices'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    // blue (提醒) | yellow (督办) | red (挂牌督办): the level issued; the current one is derived.
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('answer_by', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    // null | answering (claimed while sealing) | answered
    .addColumn('answer_status', 'text')
    .addColumn('answer_text', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('answered_at', 'text')
    .addColumn('algorithm', 'text')
    .addColumn('key_id', 'text')
    .addColumn('signature', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('notices_task_idx').on('notices').column('task_id').execute();
  await db.schema.createIndex('notices_unit_idx').on('notices').columns(['unit_id', 'closed_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['notices', 'light_overrides', 'attachments', 'reports', 'rounds', 'task_units', 'tasks']) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['light_rules', 'published_at', 'published_version', 'stage']) {
    await db.schema.alterTable('plans').dropColumn(column).execute();
  }
}
