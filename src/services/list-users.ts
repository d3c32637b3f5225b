import { authorize } from '../domain/policy.js';
import type { ServiceContext } from './support/context.js';
import { loadUsers } from './support/user-rows.js';
import type { User } from './support/user-rows.js';

export async function listUsers(options: { unitId?: number }, ctx: ServiceContext): Promise<User[]> {
  authorize(ctx.actor, 'user.list');
  return loadUsers(ctx.db, options.unitId === undefined ? {} : { unitId: options.unitId });
}
