import { z } from 'zod';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { ROLES } from '../domain/roles.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadUsers } from './support/user-rows.js';
import type { User } from './support/user-rows.js';
import { validateInput } from './support/validate-input.js';

export const updateUserInput = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    unitId: z.number().int().positive(),
    role: z.enum(ROLES),
    active: z.boolean(),
    email: z.string().trim().email().max(200).nullable(),
  })
  .partial();
export type UpdateUserInput = z.input<typeof updateUserInput>;

/**
 * Changes an account's name, unit, role or status (admin). Disabling an account, or moving
 * it to another unit or role, ends its sessions: what it could see before no longer holds.
 */
export async function updateUser(id: number, patch: UpdateUserInput, ctx: ServiceContext): Promise<User> {
  authorize(ctx.actor, 'user.update');
  const data = validateInput(updateUserInput, patch);
  await inTransaction(ctx, async (trx) => {
    const [before] = await loadUsers(trx, { ids: [id] });
    if (!before) throw fail('user_not_found');
    if (ctx.actor.kind === 'user' && ctx.actor.userId === id && (data.active === false || (data.role !== undefined && data.role !== 'admin'))) {
      throw fail('self_lockout');
    }
    if (data.unitId !== undefined) {
      const unit = await trx.selectFrom('units').select('id').where('id', '=', data.unitId).executeTakeFirst();
      if (!unit) throw fail('user_unit_not_found');
    }
    await trx
      .updateTable('users')
      .set({
        ...(data.displayName !== undefined && { display_name: data.displayName }),
        ...(data.unitId !== undefined && { unit_id: data.unitId }),
        ...(data.role !== undefined && { role: data.role }),
        ...(data.active !== undefined && { active: data.active ? 1 : 0 }),
        ...(data.email !== undefined && { email: data.email }),
        updated_at: nowIso(ctx),
      })
      .where('id', '=', id)
      .execute();
    const scopeChanged =
      data.active === false || (data.unitId !== undefined && data.unitId !== before.unitId) || (data.role !== undefined && data.role !== before.role);
    if (scopeChanged) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    const changed = Object.fromEntries(
      Object.entries(data).filter(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v),
    );
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      detail: {
        login: before.login,
        before: Object.fromEntries(Object.keys(changed).map((k) => [k, (before as unknown as Record<string, unknown>)[k]])),
        after: changed,
        sessionsEnded: scopeChanged,
      },
    });
  });
  return (await loadUsers(ctx.db, { ids: [id] }))[0]!;
}
