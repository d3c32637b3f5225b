import type { Kysely } from 'kysely';
import { hunanLookupOptions } from '../../catalog/hunan.js';
import { Registry } from '../../catalog/registry.js';
import type { Database } from '../../db/schema.js';
import type { Unit } from '../../domain/unit.js';
import { placeOfTitle } from '../../catalog/divisions.js';
import { localResolver, registryResolver } from '../../catalog/registry-resolver.js';
import type { ParsedPlan } from '../../model/plan.js';
import type { UnitResolver } from '../../model/unit-resolver.js';
import { loadUnits } from './unit-rows.js';

export interface PlanRegistry {
  resolver: UnitResolver;
  /** Unit id by canonical short name, to give the parse's unit names their ids. */
  idOf(shortName: string | null): number | null;
  units: Unit[];
}

/**
 * The parser's view of the registry as it is in the database (admins may have added units);
 * for a plan of a 市州 or 县市区 (`place`, its GB/T 2260 code), names resolve against that
 * place's local registry instead, and the ones that are also units in the database (its
 * governments) keep their ids.
 */
export async function planRegistry(db: Kysely<Database>, place: string | null = null): Promise<PlanRegistry> {
  const units = await loadUnits(db);
  const variants = await db.selectFrom('unit_aliases').select('alias').where('variant', '=', 1).execute();
  // Names of real units outside the registry that near-miss matching must never "correct".
  const { knownNames } = hunanLookupOptions();
  const registry = new Registry(units, { variants: variants.map((v) => v.alias), ...(knownNames && { knownNames }) });
  const ids = new Map(units.map((u) => [u.shortName, u.id]));
  return {
    resolver: place === null ? registryResolver(registry) : localResolver(place),
    idOf: (shortName) => (shortName === null ? null : (ids.get(shortName) ?? null)),
    units,
  };
}

/**
 * Which place's registry a new plan is read with: the one asked for, else the importing
 * unit's own when that unit is a 市州 or 县市区 government (its code is the division code),
 * else null (the database's registry). An unknown code is refused (`division_unknown`).
 */
export function planPlace(requested: string | undefined, owner: Unit | undefined): string | null {
  const code = requested?.trim() || (owner && (owner.kind === 'prefecture' || owner.kind === 'county') ? owner.code : '');
  if (!code) return null;
  localResolver(code);
  return code;
}

/**
 * The 市州 or 县市区 of the registry's province a plan names as its own, when none was asked for: its
 * title, its cover letter's title or its issuer opens with the place (长沙市2024年重点工作任务分工方案,
 * 株洲市人民政府办公室): its names are then that place's departments (市发改委 is 长沙市发展改革委). Null
 * for a province's own plan, another province's and a title naming no place.
 */
export function placeNamedBy(parsed: ParsedPlan, provinceCode: string | undefined): string | null {
  if (!provinceCode) return null;
  for (const text of [parsed.title, parsed.letter?.title ?? '', parsed.letter?.issuer ?? '']) {
    const code = text ? placeOfTitle(text, provinceCode) : null;
    if (code) return code;
  }
  return null;
}

/** The place stored on a plan (null = the database's registry). */
export async function placeOfPlan(db: Kysely<Database>, planId: number): Promise<string | null> {
  const row = await db.selectFrom('plans').select('place').where('id', '=', planId).executeTakeFirst();
  return row?.place ?? null;
}
