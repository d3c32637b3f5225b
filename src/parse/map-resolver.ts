/**
 * A UnitResolver over plain lists, for documents whose units are not in a catalog Registry
 * (a national task-division document, a city plan) and for tests.
 */
import type { UnitMatch, UnitResolver } from '../model/unit-resolver.js';

export interface MapResolverData {
  /** Canonical names, each with its other names. */
  units: Record<string, readonly string[]>;
  /** Known mistakes: variant → canonical. */
  variants?: Record<string, string>;
  /** Collective phrases → member units. */
  localities?: Record<string, readonly string[]>;
  /** Place names → canonical place. */
  places?: Record<string, string>;
}

export function mapResolver(data: MapResolverData): UnitResolver {
  const names = new Map<string, string>();
  for (const [canonical, others] of Object.entries(data.units)) {
    names.set(canonical, canonical);
    for (const o of others) names.set(o, canonical);
  }
  return {
    resolve(name: string): UnitMatch | null {
      const canonical = names.get(name);
      if (canonical !== undefined) return { canonical };
      const fixed = data.variants?.[name];
      return fixed !== undefined ? { canonical: fixed, correctedFrom: name, variant: true } : null;
    },
    expandLocality(phrase: string): string[] | null {
      const members = data.localities?.[phrase];
      return members ? [...members] : null;
    },
    place(name: string): string | null {
      return data.places?.[name] ?? null;
    },
  };
}
