import { z } from 'zod';
import { ROLES } from './enums.js';
import { id, locale } from './common.js';

export type { Role } from '../domain/roles.js';

export const user = z.strictObject({
  id,
  login: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: id,
  unitName: z.string(),
  active: z.boolean(),
  locale,
  email: z.string().nullable(),
  /** Given its password by an admin (or the CLI): must change it before writing anything else. */
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof user>;

export const userList = z.strictObject({ users: z.array(user) });

export interface NewUser {
  login: string;
  displayName: string;
  unitId: number;
  role: User['role'];
  password: string;
}
