import type { Unit } from '../contract/units';

export type MatchField = 'name' | 'shortName' | 'alias' | 'code' | 'divisionCode';

export interface UnitMatch {
  field: MatchField;
  /** The name, alias or code that matched, as written in the registry. */
  text: string;
}

export function normaliseQuery(query: string): string {
  return query.replace(/\s+/g, '').toLowerCase();
}

/**
 * Whether a unit matches a (normalised) search: by full name, short name, any alias, code or
 * division code, case-insensitively. Returns what matched, so the UI can show an alias hit.
 */
export function matchUnit(unit: Unit, normalisedQuery: string): UnitMatch | null {
  if (!normalisedQuery) return null;
  const hit = (text: string | null) => text !== null && text.toLowerCase().includes(normalisedQuery);
  if (hit(unit.name)) return { field: 'name', text: unit.name };
  if (hit(unit.shortName)) return { field: 'shortName', text: unit.shortName };
  const alias = unit.aliases.find((a) => hit(a));
  if (alias !== undefined) return { field: 'alias', text: alias };
  if (hit(unit.code)) return { field: 'code', text: unit.code };
  if (hit(unit.divisionCode)) return { field: 'divisionCode', text: unit.divisionCode ?? '' };
  return null;
}
