import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Liveness: the database answers a trivial query. */
export async function checkHealth(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', version: string): Promise<{ status: 'ok'; db: 'sqlite' | 'postgres'; version: string }> {
  await sql`select 1`.execute(db);
  return { status: 'ok', db: dialect, version };
}
