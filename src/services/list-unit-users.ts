import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadUnit } from './support/unit-rows.js';
import { loadUsers } from './support/user-rows.js';
import type { User } from './support/user-rows.js';

/** A unit's accounts: private to the unit itself, the office and admins. */
export async function listUnitUsers(unitId: number, ctx: ServiceContext): Promise<User[]> {
  authorize(ctx.actor, 'unit.users.read', { unitId });
  if (!(await loadUnit(ctx.db, unitId))) throw fail('unit_not_found');
  return loadUsers(ctx.db, { unitId });
}
