import { z } from 'zod';
import { onUniqueViolation } from '../db/errors.js';
import { fail } from '../domain/errors.js';
import { authorize } from '../domain/policy.js';
import { ROLES } from '../domain/roles.js';
import { hashPassword } from '../security/password.js';
import { checkNewPassword } from '../security/password-rules.js';
import { appendAudit } from './support/audit-trail.js';
import { inTransaction, nowIso } from './support/context.js';
import type { ServiceContext } from './support/context.js';
import { loadUsers } from './support/user-rows.js';
import type { User } from './support/user-rows.js';
import { validateInput } from './support/validate-input.js';

export const loginName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/, 'login: 2–64 ASCII letters, digits, . _ @ -');
export const newPassword = z.string().min(8, 'password: at least 8 characters').max(200);

export const addUserInput = z.object({
  login: loginName,
  displayName: z.string().trim().min(1).max(100),
  unitId: z.number().int().positive(),
  role: z.enum(ROLES),
  password: newPassword,
  email: z.string().trim().email().max(200).optional(),
});
export type AddUserInput = z.input<typeof addUserInput>;

export async function addUser(input: AddUserInput, ctx: ServiceContext): Promise<User> {
  authorize(ctx.actor, 'user.create', { unitId: input.unitId });
  const data = validateInput(addUserInput, input);
  checkNewPassword(data.password, { minLength: ctx.config.passwordMinLength, login: data.login, demoPasswords: [ctx.config.demoPassword, ctx.config.adminPassword] });
  const passwordHash = await hashPassword(data.password, ctx.config.scryptCost);
  const id = await inTransaction(ctx, async (trx) => {
    const unit = await trx.selectFrom('units').select('id').where('id', '=', data.unitId).executeTakeFirst();
    if (!unit) throw fail('user_unit_not_found');
    const clash = await trx.selectFrom('users').select('id').where('login', '=', data.login).executeTakeFirst();
    if (clash) throw fail('login_taken', { login: data.login });
    const at = nowIso(ctx);
    const row = await trx
      .insertInto('users')
      .values({
        login: data.login,
        display_name: data.displayName,
        unit_id: data.unitId,
        role: data.role,
        password_hash: passwordHash,
        locale: 'zh-CN',
        email: data.email ?? null,
        active: 1,
        // Whoever chose this password is not the account's owner: it changes it first.
        must_change_password: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.actor, ctx.clock, {
      action: 'user.create',
      entity: 'user',
      entityId: row.id,
      detail: { login: data.login, displayName: data.displayName, unitId: data.unitId, role: data.role },
    });
    return row.id;
  }).catch(onUniqueViolation('users', () => fail('login_taken', { login: data.login })));
  return (await loadUsers(ctx.db, { ids: [id] }))[0]!;
}
