import { z } from 'zod';
import { UNIT_KINDS } from '../../domain/unit.js';

/** Field rules for a unit, shared by create, update and import. */
export const unitCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'code: ASCII letters, digits, . _ - (at most 64)');
export const unitName = z.string().trim().min(1).max(200);
export const unitFields = {
  code: unitCode,
  name: unitName,
  shortName: unitName,
  aliases: z.array(unitName).max(100),
  kind: z.enum(UNIT_KINDS),
  parentId: z.number().int().positive().nullable(),
  divisionCode: z
    .string()
    .regex(/^\d{6}$/, 'divisionCode: six digits (GB/T 2260)')
    .nullable(),
  member: z.boolean(),
};

export const createUnitInput = z.object({
  ...unitFields,
  aliases: unitFields.aliases.default([]),
  parentId: unitFields.parentId.default(null),
  divisionCode: unitFields.divisionCode.default(null),
  member: unitFields.member.default(false),
});
export type CreateUnitInput = z.input<typeof createUnitInput>;

export const updateUnitInput = z.object(unitFields).partial();
export type UpdateUnitInput = z.input<typeof updateUnitInput>;

/** Aliases without blanks, duplicates or repeats of the unit's own names. */
export function cleanAliases(aliases: string[], name: string, shortName: string): string[] {
  return [...new Set(aliases.map((a) => a.trim()))].filter((a) => a !== '' && a !== name && a !== shortName);
}
