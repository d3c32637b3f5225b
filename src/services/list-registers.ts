import { sql } from 'kysely';
import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';

export interface RegisterSummary {
  id: number;
  key: string;
  name: string;
  rowCount: number;
}

export async function listRegisters(ctx: ServiceContext): Promise<RegisterSummary[]> {
  authorize(ctx.actor, 'register.read');
  const registers = await ctx.db.selectFrom('registers').select(['id', 'key', 'name']).orderBy('id').execute();
  const counts = await ctx.db
    .selectFrom('register_rows')
    .select(['register_id', sql<number>`count(*)`.as('n')])
    .groupBy('register_id')
    .execute();
  const byId = new Map(counts.map((c) => [c.register_id, Number(c.n)]));
  return registers.map((r) => ({ id: r.id, key: r.key, name: r.name, rowCount: byId.get(r.id) ?? 0 }));
}
