import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';

export interface PublicUnitKey {
  keyId: string;
  algorithm: string;
  publicKey: string;
  createdAt: string;
  retiredAt: string | null;
}

/** A unit's public seal keys, so anyone with an account can check its seals. */
export async function listUnitKeys(unitId: number, ctx: ServiceContext): Promise<PublicUnitKey[]> {
  authorize(ctx.actor, 'unit.read', { unitId });
  const rows = await ctx.db
    .selectFrom('unit_keys')
    .select(['key_id', 'algorithm', 'public_key', 'created_at', 'retired_at'])
    .where('unit_id', '=', unitId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ keyId: r.key_id, algorithm: r.algorithm, publicKey: r.public_key, createdAt: r.created_at, retiredAt: r.retired_at }));
}
