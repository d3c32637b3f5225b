/**
 * Adapts the catalog's Registry to the parser's UnitResolver: canonical names are the
 * registry's short names; variants (省卫建委) and near misses come back as corrections;
 * collective phrases expand to the registry's prefecture (and county) governments.
 */
import { hunanLookupOptions, hunanRegistry } from '../catalog/hunan.js';
import { Registry, type RegistryUnit } from '../catalog/registry.js';
import type { UnitMatch, UnitResolver } from './types.js';

const PREFECTURE_PHRASE_RE = /^(?:各|全省各)?(?:市州|市、州|地市州|市|地)(?:[、和及]|$|人民政府|政府|党委|有关部门)/;
const LEVEL_WORDS = ['省', '市', '县', '区', '州'];
const COUNTY_PHRASE_RE = /县市区|县区|县市|各县/;

export function registryResolver<U extends RegistryUnit>(registry: Registry<U>): UnitResolver {
  const prefectures = (): string[] => registry.ofKind('prefecture').map((u) => u.shortName);
  const counties = (): string[] => registry.ofKind('county').map((u) => u.shortName);
  return {
    resolve(name: string): UnitMatch | null {
      const hit = registry.lookup(name);
      if (!hit) return null;
      // 市发改委 is a city's commission, not a misspelt 省发改委: a near miss may not change the level.
      if (hit.via === 'near' && LEVEL_WORDS.includes(name[0] ?? '') && name[0] !== hit.unit.shortName[0]) return null;
      const corrected = hit.correctedFrom ?? (hit.via === 'near' ? name : undefined);
      const match: UnitMatch = { canonical: hit.unit.shortName };
      if (corrected !== undefined) match.correctedFrom = corrected;
      if (hit.variant) match.variant = true;
      return match;
    },
    expandLocality(phrase: string): string[] | null {
      const text = phrase.replace(/^各级/, '各');
      const stripped = text.replace(/^(?:各|全省各)/, '');
      const wantsPrefectures = PREFECTURE_PHRASE_RE.test(text) || /^市州/.test(stripped) || stripped === '地';
      const wantsCounties = COUNTY_PHRASE_RE.test(text);
      if (!wantsPrefectures && !wantsCounties) return null;
      const out = [...(wantsPrefectures ? prefectures() : []), ...(wantsCounties ? counties() : [])];
      return out.length > 0 ? out : null;
    },
    place(name: string): string | null {
      const hit = registry.lookup(name);
      if (!hit || hit.correctedFrom !== undefined || hit.via === 'near') return null;
      return hit.unit.kind === 'prefecture' || hit.unit.kind === 'county' ? hit.unit.shortName : null;
    },
  };
}

let hunan: UnitResolver | undefined;

/** The resolver over Hunan's registry, built once. */
export function hunanResolver(): UnitResolver {
  hunan ??= registryResolver(new Registry(hunanRegistry().units, hunanLookupOptions()));
  return hunan;
}
