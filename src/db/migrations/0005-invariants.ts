import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withIdColumn } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Invariants that must hold even when two requests come at once, kept by the database:
 *
 * - One current reply per unit and consultation: a partial unique index over the replies
 *   that are not withdrawn (draft, sealing, sealed). Existing duplicates are settled first:
 *   surplus drafts (private, never sent) are deleted, keeping the sealed reply or else the
 *   newest draft; two *sealed* replies for one unit are signed records that no migration may
 *   pick between, so the migration stops and names them.
 * - A plan's version numbers are unique already (`plan_versions_number_uq`, 0002-plans); the
 *   next number is now taken inside the transaction (create-plan-version.ts).
 * - Notifications keep a code and parameters (rendered in the reader's language); old rows
 *   keep their stored text and are shown as they are.
 * - A published adoption notice is a stored snapshot, one row per publication, so later
 *   replies and decisions never change what was published. Consultations already published
 *   get their first snapshot from the rows as they stand now (the closest record there is).
 */
export async function up(db: AnyDb): Promise<void> {
  await settleDuplicateReplies(db);
  await sql`CREATE UNIQUE INDEX replies_current_uq ON replies (consultation_id, unit_id) WHERE status IN ('draft', 'sealing', 'sealed')`.execute(db);

  await db.schema.alterTable('notifications').addColumn('code', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('params', 'text').execute();

  await withIdColumn(db, db.schema.createTable('notice_publications'))
    .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addUniqueConstraint('notice_publications_uq', ['consultation_id', 'number'])
    .execute();
  await snapshotExistingPublications(db);
}

async function settleDuplicateReplies(db: AnyDb): Promise<void> {
  const rows = await db
    .selectFrom('replies')
    .select(['id', 'consultation_id', 'unit_id', 'status', 'updated_at'])
    .where('status', 'in', ['draft', 'sealing', 'sealed'])
    .orderBy('id')
    .execute();
  const groups = new Map<string, { id: number; status: string; updated_at: string }[]>();
  for (const r of rows as { id: number; consultation_id: number; unit_id: number; status: string; updated_at: string }[]) {
    const key = `${r.consultation_id}:${r.unit_id}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const surplus: number[] = [];
  for (const [key, group] of groups) {
    if (group.length < 2) continue;
    const sealed = group.filter((r) => r.status === 'sealed');
    if (sealed.length > 1) {
      throw new Error(
        `0005-invariants: consultation:unit ${key} has ${sealed.length} sealed replies (${sealed.map((r) => r.id).join(', ')}); withdraw all but one by hand first`,
      );
    }
    const keep = sealed[0] ?? [...group].sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : b.id - a.id))[0]!;
    surplus.push(...group.filter((r) => r.id !== keep.id).map((r) => r.id));
  }
  if (surplus.length === 0) return;
  await db.deleteFrom('opinions').where('reply_id', 'in', surplus).execute();
  await db.deleteFrom('replies').where('id', 'in', surplus).execute();
}

async function snapshotExistingPublications(db: AnyDb): Promise<void> {
  const published = (await db
    .selectFrom('consultations')
    .innerJoin('plans', 'plans.id', 'consultations.plan_id')
    .select(['consultations.id', 'consultations.title', 'consultations.deadline', 'consultations.published_at', 'plans.title as plan_title'])
    .where('consultations.published_at', 'is not', null)
    .execute()) as { id: number; title: string; deadline: string; published_at: string; plan_title: string }[];
  for (const c of published) {
    const opinions = (await db
      .selectFrom('opinions')
      .innerJoin('replies', 'replies.id', 'opinions.reply_id')
      .innerJoin('units', 'units.id', 'replies.unit_id')
      .select(['opinions.item_ordinal', 'units.short_name', 'opinions.content', 'opinions.disposition', 'opinions.decision_reason'])
      .where('replies.consultation_id', '=', c.id)
      .where('replies.status', '=', 'sealed')
      .orderBy('opinions.item_ordinal')
      .orderBy('units.sort_order')
      .orderBy('opinions.position')
      .execute()) as { item_ordinal: number; short_name: string; content: string; disposition: string | null; decision_reason: string | null }[];
    const consulted = await db
      .selectFrom('consultation_recipients')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('consultation_id', '=', c.id)
      .executeTakeFirstOrThrow();
    const snapshot = {
      planTitle: c.plan_title,
      title: c.title,
      deadline: c.deadline,
      consulted: Number(consulted.n),
      opinions: opinions.map((o) => ({ itemOrdinal: o.item_ordinal, unit: o.short_name, content: o.content, disposition: o.disposition, reason: o.decision_reason })),
    };
    await db
      .insertInto('notice_publications')
      .values({ consultation_id: c.id, number: 1, published_at: c.published_at, published_by: null, snapshot: JSON.stringify(snapshot) })
      .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('notice_publications').execute();
  await db.schema.alterTable('notifications').dropColumn('params').execute();
  await db.schema.alterTable('notifications').dropColumn('code').execute();
  await db.schema.dropIndex('replies_current_uq').execute();
}
