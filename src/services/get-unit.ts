import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { Unit } from '../domain/unit.js';
import type { ServiceContext } from './support/context.js';
import { loadUnit } from './support/unit-rows.js';

export async function getUnit(id: number, ctx: ServiceContext): Promise<Unit> {
  authorize(ctx.actor, 'unit.read', { unitId: id });
  const unit = await loadUnit(ctx.db, id);
  if (!unit) throw fail('unit_not_found');
  return unit;
}
