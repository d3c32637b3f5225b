import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * A plan of a 市州 or 县市区 names that place's own departments (市发展改革委, 县财政局): the
 * place's GB/T 2260 code is kept on the plan, so importing, re-parsing and revising it all
 * resolve names against that place's local registry (src/catalog/local-departments.ts).
 * Null = the registry in the database (the province's).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('plans').addColumn('place', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('plans').dropColumn('place').execute();
}
