import { sql } from 'kysely';
import { headMac, keyedEventHash } from '../../domain/audit-chain.js';
import { canonicalJson } from '../../model/canonical-json.js';
import { sm3 } from '../../model/sm3.js';
import type { Actor } from '../../domain/policy.js';
import type { AuditAction, AuditEntity } from '../../domain/audit-actions.js';
import { keyring } from '../../security/keyring.js';
import type { Clock, Tx } from './context.js';

export interface AuditInput {
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | number | null;
  /** What changed. Secrets must never be passed here (password hashes, tokens). */
  detail: Record<string, unknown>;
}

const SECRET_KEYS = /password|token|secret|hash|csrf/i;

/** Drops anything that looks like a secret, as a second line of defence. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

/**
 * Appends one event to the hash chain inside the caller's transaction, so the change and
 * its record commit or roll back together.
 */
export async function appendAudit(trx: Tx, actor: Actor, clock: Clock, input: AuditInput): Promise<number> {
  // The key was read at start-up; the event's hash is an HMAC under it (audit-chain.ts).
  const key = keyring().audit.current;
  // Writing the head row first takes its row lock on PostgreSQL and the write lock on
  // SQLite: concurrent writers, even in other server processes, append one after another.
  // RETURNING reads the head in the same statement that locks it (SQLite ≥ 3.35, PostgreSQL).
  const head = await trx.updateTable('audit_head').set({ seq: sql`seq` }).where('id', '=', 1).returning(['seq', 'hash']).executeTakeFirstOrThrow();
  const detail = canonicalJson(redact(input.detail));
  const fields = {
    seq: head.seq + 1,
    at: clock.now().toISOString(),
    actorId: actor.kind === 'user' ? actor.userId : null,
    actorLogin: actor.login,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId === null ? null : String(input.entityId),
    digest: sm3(detail),
    prevHash: head.hash,
    keyId: key.id,
  };
  const hash = keyedEventHash(fields, key.key);
  await trx
    .insertInto('audit_events')
    .values({
      seq: fields.seq,
      at: fields.at,
      actor_id: fields.actorId,
      actor_login: fields.actorLogin,
      action: fields.action,
      entity: fields.entity,
      entity_id: fields.entityId,
      detail,
      digest: fields.digest,
      prev_hash: fields.prevHash,
      hash,
      key_id: key.id,
    })
    .execute();
  await trx
    .updateTable('audit_head')
    .set({ seq: fields.seq, hash, key_id: key.id, mac: headMac(key.key, fields.seq, hash) })
    .where('id', '=', 1)
    .execute();
  return fields.seq;
}
