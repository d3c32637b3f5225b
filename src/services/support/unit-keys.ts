import type { SealAlgorithm } from '../../domain/reply-seal-payload.js';
import { generateUnitKey } from '../../security/seal.js';
import { serverSecret } from '../../security/server-secret.js';
import type { ServiceContext, Tx } from './context.js';
import { nowIso } from './context.js';

export interface UnitKey {
  id: number;
  unitId: number;
  algorithm: SealAlgorithm;
  keyId: string;
  publicKey: string;
  privateKeyBox: string;
  createdAt: string;
  retiredAt: string | null;
}

/**
 * The unit's current key for the algorithm, made on first use (inside the caller's
 * transaction, audited there by the caller's event).
 */
export async function ensureUnitKey(trx: Tx, ctx: ServiceContext, unitId: number, algorithm: SealAlgorithm): Promise<UnitKey> {
  const existing = await trx
    .selectFrom('unit_keys')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('algorithm', '=', algorithm)
    .where('retired_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (existing) return toKey(existing);
  const material = generateUnitKey(algorithm, serverSecret(ctx.config));
  const row = await trx
    .insertInto('unit_keys')
    .values({
      unit_id: unitId,
      algorithm,
      key_id: material.fingerprint,
      public_key: material.publicKey,
      private_key_box: material.privateKeyBox,
      created_at: nowIso(ctx),
      retired_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toKey(row);
}

function toKey(row: {
  id: number;
  unit_id: number;
  algorithm: string;
  key_id: string;
  public_key: string;
  private_key_box: string;
  created_at: string;
  retired_at: string | null;
}): UnitKey {
  return {
    id: row.id,
    unitId: row.unit_id,
    algorithm: row.algorithm as SealAlgorithm,
    keyId: row.key_id,
    publicKey: row.public_key,
    privateKeyBox: row.private_key_box,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  };
}

export async function findKeyById(ctx: ServiceContext, keyId: string): Promise<UnitKey | null> {
  const row = await ctx.db.selectFrom('unit_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
  return row ? toKey(row) : null;
}
