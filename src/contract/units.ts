import { z } from 'zod';
import { UNIT_KINDS } from './enums.js';
import { allowedOf, id } from './common.js';

export type { UnitKind } from '../domain/unit.js';

export const unit = z.strictObject({
  id,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(UNIT_KINDS),
  parentId: id.nullable(),
  divisionCode: z.string().nullable(),
  /** Member unit (成员单位) of the plan's leading group. */
  member: z.boolean(),
});
export type Unit = z.infer<typeof unit>;

export const unitInput = unit.omit({ id: true });
export type UnitInput = z.infer<typeof unitInput>;

export const unitListQuery = z.object({
  q: z.string().max(100).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  parentId: z.coerce.number().int().positive().optional(),
});

export const unitListAllowed = allowedOf('create', 'update', 'import', 'export');
export const unitList = z.strictObject({ units: z.array(unit), allowed: unitListAllowed });
export type UnitList = z.infer<typeof unitList>;

export const importResult = z.strictObject({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type ImportResult = z.infer<typeof importResult>;

export const unitKey = z.strictObject({
  keyId: z.string(),
  algorithm: z.string(),
  publicKey: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export const unitKeyList = z.strictObject({ keys: z.array(unitKey) });
