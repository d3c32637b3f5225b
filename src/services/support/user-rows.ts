import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isRole } from '../../domain/roles.js';
import type { Role } from '../../domain/roles.js';

export type Locale = 'zh-CN' | 'en';

export interface User {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitName: string;
  active: boolean;
  locale: Locale;
  /** Where reminders go when SMTP is configured. */
  email: string | null;
  /** Given its password by somebody else: must change it before writing anything else. */
  mustChangePassword: boolean;
}

export interface UserFilter {
  ids?: number[];
  unitId?: number;
  login?: string;
}

/** Users with their unit's short name; never their password hash. */
export async function loadUsers(db: Kysely<Database> | Transaction<Database>, filter: UserFilter = {}): Promise<User[]> {
  let query = db
    .selectFrom('users')
    .innerJoin('units', 'units.id', 'users.unit_id')
    .select([
      'users.id',
      'users.login',
      'users.display_name',
      'users.role',
      'users.unit_id',
      'units.short_name as unit_name',
      'users.active',
      'users.locale',
      'users.email',
      'users.must_change_password',
    ]);
  if (filter.ids) query = query.where('users.id', 'in', filter.ids.length > 0 ? filter.ids : [-1]);
  if (filter.unitId !== undefined) query = query.where('users.unit_id', '=', filter.unitId);
  if (filter.login !== undefined) query = query.where('users.login', '=', filter.login);
  const rows = await query.orderBy('units.sort_order').orderBy('users.unit_id').orderBy('users.login').execute();
  return rows.map((r) => ({
    id: r.id,
    login: r.login,
    displayName: r.display_name,
    role: isRole(r.role) ? r.role : 'viewer',
    unitId: r.unit_id,
    unitName: r.unit_name,
    active: r.active === 1,
    locale: r.locale === 'en' ? 'en' : 'zh-CN',
    email: r.email,
    mustChangePassword: r.must_change_password === 1,
  }));
}
