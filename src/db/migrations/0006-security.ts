import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Security hardening (issue 11).
 *
 * - `login_throttle`: one counter row per account (`login:<name>`) and per client address
 *   (`ip:<address>`), claimed with a conditional upsert BEFORE the password is checked, so
 *   the limits hold under any concurrency and across processes (the row lock serialises
 *   claims on PostgreSQL; SQLite serialises writers); `pending` counts claims whose password
 *   check has not finished. It replaces `login_failures`, which
 *   stays for old rows but is no longer written.
 * - Sessions get `last_seen_at` for the idle time-out (expires_at stays the absolute one).
 * - Users get an optional TOTP second factor: the secret is encrypted with the server secret
 *   (a key box, never plain in the database); `totp_last_step` refuses a replayed code.
 * - The audit chain becomes keyed: every event from here on carries the id of the key whose
 *   HMAC-SM3 made its hash, and the head carries a MAC. Events written before this migration
 *   keep their unkeyed hashes: re-keying them now would claim a protection they never had.
 *   `meta.audit_keyed_from_seq` records the boundary (the first keyed event's seq); the
 *   verifier requires a key on every event from there on, and the first keyed event's MAC
 *   covers the last unkeyed hash, so the old prefix cannot be rewritten either, from now on.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();

  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_pending', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();

  await db.schema.alterTable('audit_events').addColumn('key_id', 'text').execute();
  await db.schema.alterTable('audit_head').addColumn('key_id', 'text').execute();
  await db.schema.alterTable('audit_head').addColumn('mac', 'text').execute();
  const head = (await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst()) as { seq: number } | undefined;
  await db
    .insertInto('meta')
    .values({ key: 'audit_keyed_from_seq', value: String(Number(head?.seq ?? 0) + 1) })
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.deleteFrom('meta').where('key', '=', 'audit_keyed_from_seq').execute();
  await db.schema.alterTable('audit_head').dropColumn('mac').execute();
  await db.schema.alterTable('audit_head').dropColumn('key_id').execute();
  await db.schema.alterTable('audit_events').dropColumn('key_id').execute();
  for (const c of ['totp_last_step', 'totp_enabled_at', 'totp_pending', 'totp_secret']) await db.schema.alterTable('users').dropColumn(c).execute();
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
  await db.schema.dropTable('login_throttle').execute();
}
