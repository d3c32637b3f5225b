import type { Kysely } from 'kysely';
import { hunanLookupOptions } from '../../catalog/hunan.js';
import { Registry } from '../../catalog/registry.js';
import type { Database } from '../../db/schema.js';
import type { Unit } from '../../domain/unit.js';
import { registryResolver } from '../../catalog/registry-resolver.js';
import type { UnitResolver } from '../../model/unit-resolver.js';
import { loadUnits } from './unit-rows.js';

export interface PlanRegistry {
  resolver: UnitResolver;
  /** Unit id by canonical short name, to give the parse's unit names their ids. */
  idOf(shortName: string | null): number | null;
  units: Unit[];
}

/** The parser's view of the registry as it is in the database (admins may have added units). */
export async function planRegistry(db: Kysely<Database>): Promise<PlanRegistry> {
  const units = await loadUnits(db);
  const variants = await db.selectFrom('unit_aliases').select('alias').where('variant', '=', 1).execute();
  // Names of real units outside the registry that near-miss matching must never "correct".
  const { knownNames } = hunanLookupOptions();
  const registry = new Registry(units, { variants: variants.map((v) => v.alias), ...(knownNames && { knownNames }) });
  const ids = new Map(units.map((u) => [u.shortName, u.id]));
  return {
    resolver: registryResolver(registry),
    idOf: (shortName) => (shortName === null ? null : (ids.get(shortName) ?? null)),
    units,
  };
}
