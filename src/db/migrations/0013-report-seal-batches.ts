import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * One seal over a unit's reports of a round sealed together (批量签发): the signatory signs
 * one manifest that lists each report with the SM3 digest of its own seal payload (the same
 * payload a single submission signs). A report of the batch carries the batch's id and
 * signature; it verifies on its own: its payload's digest must be the manifest's entry for it,
 * and the manifest's signature must verify under the unit's key. One signature per batch
 * instead of one per report: with SM2 computed in JavaScript the signature was nearly all the
 * cost of sealing a unit's round.
 */
export async function up(db: AnyDb): Promise<void> {
  await withIdColumn(db, db.schema.createTable('report_seal_batches'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('signed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('sealed_at', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('manifest', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('reports').addColumn('seal_batch_id', 'integer', (c) => c.references('report_seal_batches.id')).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('seal_batch_id').execute();
  await db.schema.dropTable('report_seal_batches').execute();
}
