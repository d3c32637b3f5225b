import { z } from 'zod';
import { UNIT_KINDS } from '../domain/unit.js';
import { ROLES } from '../domain/roles.js';

// Response shapes shared by several resources; each also documents itself in OpenAPI.
export const unitSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(UNIT_KINDS),
  parentId: z.number().int().nullable(),
  divisionCode: z.string().nullable(),
  member: z.boolean(),
});

export const userSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.number().int(),
  unitName: z.string(),
  active: z.boolean(),
  locale: z.enum(['zh-CN', 'en']),
  email: z.string().nullable(),
});

export const idParams = z.object({ id: z.coerce.number().int().positive() });
