import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Publication of a plan's progress (issue 8, item 7, 公开): the provincial office chooses to
 * publish a published (印发) plan's progress on the public pages, and what is shown:
 *
 * - `content = 'lights'`: sections and tasks with their light and completion;
 * - `content = 'completion'`: sections and tasks with completion only (no lights).
 *
 * One row per plan (the primary key): publishing again changes what is shown, withdrawing
 * deletes the row. What the public pages read from the ledger is fixed in code
 * (services/public-plans.ts): accepted figures only — never drafts, report texts or comments.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('plan_publications')
    .addColumn('plan_id', 'integer', (c) => c.primaryKey().references('plans.id').onDelete('cascade'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('plan_publications_content_ck', sql`content in ('lights', 'completion')`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('plan_publications').execute();
}
