/**
 * Adapts the catalog's Registry to the parser's UnitResolver: canonical names are the
 * registry's short names; variants (省卫建委) and near misses come back as corrections;
 * collective phrases expand to the registry's prefecture (and county) governments.
 */
import { Registry, type RegistryUnit } from './registry.js';
import { hunanLookupOptions, hunanRegistry } from './hunan.js';
import { localLookupOptions, localRegistry } from './local-departments.js';
import type { UnitMatch, UnitResolver } from '../model/unit-resolver.js';

const PREFECTURE_PHRASE_RE = /^(?:各|全省各)?(?:市州|市、州|地市州|市|地)(?:[、和及]|$|人民政府|政府|党委|有关部门)/;
const LEVEL_WORDS = ['省', '市', '县', '区', '州'];
const COUNTY_PHRASE_RE = /县市区|县区|县市|各县/;

/** Names remembered per resolver; past this many the memory is dropped and starts again. */
const MEMO_LIMIT = 20_000;

/** Memoise a function of a name: a registry never changes once built, and near-miss look-ups are dear. */
function memo<T>(fn: (name: string) => T): (name: string) => T {
  const seen = new Map<string, T>();
  return (name) => {
    if (seen.has(name)) return seen.get(name) as T;
    const value = fn(name);
    if (seen.size >= MEMO_LIMIT) seen.clear();
    seen.set(name, value);
    return value;
  };
}

export function registryResolver<U extends RegistryUnit>(registry: Registry<U>): UnitResolver {
  const prefectures = (): string[] => registry.ofKind('prefecture').map((u) => u.shortName);
  const counties = (): string[] => registry.ofKind('county').map((u) => u.shortName);
  const lookup = memo((name) => registry.lookup(name));

  /**
   * 株洲市各区人民政府, 长沙市各区县(市)人民政府: a collective phrase under a named place (a city
   * document's 各区人民政府 is asked for this way) expands to that place's own county-level
   * governments, filtered by the words the phrase uses (各区 → districts only). Null when the
   * place is unknown or the phrase names no county level.
   */
  function qualifiedLocality(phrase: string): string[] | null {
    for (let len = Math.min(12, phrase.length - 2); len >= 2; len--) {
      const rest = phrase.slice(len);
      if (!/^(?:各|所属各|下辖各|所辖各)/.test(rest)) continue;
      const hit = lookup(phrase.slice(0, len));
      if (!hit || hit.via === 'near' || hit.correctedFrom !== undefined) continue;
      const words = rest.replace(/^(?:所属|下辖|所辖)?各/, '');
      const all = /^(?:县市区|县区|区县|县市|市县|县\(市、?区\)|区\(县、?市\)|县\(市\)|区县\(市\))/.test(words);
      const suffix = all ? '' : /^区/.test(words) ? '区' : /^县/.test(words) ? '县' : null;
      if (suffix === null) return null;
      const members = registry
        .childrenOf(hit.unit.code)
        .filter((u) => u.kind === 'county' && u.shortName.endsWith(suffix))
        .map((u) => u.shortName);
      return members.length > 0 ? members : null;
    }
    return null;
  }
  return {
    resolve(name: string): UnitMatch | null {
      const hit = lookup(name);
      if (!hit) return null;
      // 市发改委 is a city's commission, not a misspelt 省发改委: a near miss may not change the level.
      if (hit.via === 'near' && LEVEL_WORDS.includes(name[0] ?? '') && name[0] !== hit.unit.shortName[0]) return null;
      // 南沙区 is another city's district, not a misspelt 南岳区: place names are never corrected by likeness.
      if (hit.via === 'near' && (hit.unit.kind === 'prefecture' || hit.unit.kind === 'county')) return null;
      const corrected = hit.correctedFrom ?? (hit.via === 'near' ? name : undefined);
      const match: UnitMatch = { canonical: hit.unit.shortName };
      if (corrected !== undefined) match.correctedFrom = corrected;
      if (hit.variant) match.variant = true;
      return match;
    },
    expandLocality(phrase: string): string[] | null {
      const qualified = qualifiedLocality(phrase);
      if (qualified) return qualified;
      const text = phrase.replace(/^各级/, '各');
      const stripped = text.replace(/^(?:各|全省各)/, '');
      const wantsPrefectures = PREFECTURE_PHRASE_RE.test(text) || /^市州/.test(stripped) || stripped === '地';
      const wantsCounties = COUNTY_PHRASE_RE.test(text);
      if (!wantsPrefectures && !wantsCounties) return null;
      const out = [...(wantsPrefectures ? prefectures() : []), ...(wantsCounties ? counties() : [])];
      return out.length > 0 ? out : null;
    },
    place(name: string): string | null {
      const hit = lookup(name);
      if (!hit || hit.correctedFrom !== undefined || hit.via === 'near') return null;
      return hit.unit.kind === 'prefecture' || hit.unit.kind === 'county' ? hit.unit.shortName : null;
    },
  };
}

/** A fresh resolver over Hunan's built-in registry (the CLI's and tests' default; the server builds one from the database). */
export function hunanResolver(): UnitResolver {
  return registryResolver(new Registry(hunanRegistry().units, hunanLookupOptions()));
}

/**
 * A fresh resolver over one 市州's or 县市区's registry (its standard departments and its
 * province's division governments), for a plan of that place: `localResolver('510100')`.
 */
export function localResolver(divisionCode: string): UnitResolver {
  const file = localRegistry(divisionCode);
  return registryResolver(new Registry(file.units, localLookupOptions(file, divisionCode)));
}
