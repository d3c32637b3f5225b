import { fail } from '../domain/errors.js';
import type { UnitKind } from '../domain/unit.js';
import { canonicalKey, cleanName, provinceFold, suffixOnlyKey, withinOneEdit } from './normalise.js';
import type { ProvinceFold } from './normalise.js';

/**
 * What the Registry needs of a unit. Both `Unit` (API, parent by id) and `UnitRecord`
 * (data, parent by code) fit.
 */
export interface RegistryUnit {
  code: string;
  name: string;
  shortName: string;
  aliases: readonly string[];
  kind: UnitKind;
  parentCode?: string | null;
  id?: number;
  parentId?: number | null;
  /** Known mistakes among the aliases, if a unit type ever carries them itself. */
  variants?: readonly string[];
}

export type LookupVia = 'name' | 'shortName' | 'alias' | 'normalised' | 'near';

export interface LookupResult<U> {
  unit: U;
  via: LookupVia;
  /** The input, when the match corrects it: a near miss, or a name recorded as a variant. */
  correctedFrom?: string;
  /** The input is a recorded variant (省卫建委 for 省卫健委): match it, but tell the reader. */
  variant?: boolean;
}

export interface RegistryOptions {
  /** Aliases that are mistakes or non-standard forms; they still resolve, flagged as variants. */
  variants?: Iterable<string>;
  /** Real units outside this registry: never "corrected" into a registry unit by a near miss. */
  knownNames?: Iterable<string>;
  /** Whose prefix to fold (湖南省公安厅 ≡ 省公安厅); default: the registry's only province unit. */
  provinceName?: string;
}

/** Near misses are only tried on names this long: 湘潭县/湘潭市 are one edit apart and both real. */
const NEAR_MIN_LENGTH = 4;

type Rank = 'name' | 'shortName' | 'alias';

/**
 * An in-memory index over units. Lookup order: exact name, short name, alias; then the
 * canonical key (see normalise.ts); then a unique near miss. At each step, more than one
 * unit matching means ambiguity and the answer is null: a wrong unit is worse than none.
 */
export class Registry<U extends RegistryUnit> {
  readonly #units: readonly U[];
  readonly #byCode = new Map<string, U>();
  readonly #codeById = new Map<number, string>();
  readonly #exact = new Map<string, Map<U, Rank>>();
  /** Canonical key → unit → whether every name behind the key is a variant. */
  readonly #keys = new Map<string, Map<U, boolean>>();
  readonly #near: { text: string; chars: string[]; unit: U }[] = [];
  readonly #variants: Set<string>;
  readonly #known: Set<string>;
  readonly #fold: ProvinceFold | null;

  constructor(units: readonly U[], options: RegistryOptions = {}) {
    this.#units = [...units];
    this.#variants = new Set(options.variants ?? []);
    const provinces = units.filter((u) => u.kind === 'province');
    const provinceName = options.provinceName ?? (provinces.length === 1 ? provinces[0]?.name : undefined);
    this.#fold = provinceName ? provinceFold(provinceName) : null;
    this.#known = new Set([...(options.knownNames ?? [])].flatMap((n) => [cleanName(n), canonicalKey(n, this.#fold)]));

    for (const unit of units) {
      if (this.#byCode.has(unit.code)) {
        throw fail('registry_duplicate_code', { code: unit.code }, { code: unit.code });
      }
      this.#byCode.set(unit.code, unit);
      if (unit.id !== undefined) this.#codeById.set(unit.id, unit.code);
      const names: [string, Rank][] = [
        [unit.name, 'name'],
        [unit.shortName, 'shortName'],
        ...unit.aliases.map((a): [string, Rank] => [a, 'alias']),
        ...(unit.variants ?? []).map((a): [string, Rank] => [a, 'alias']),
      ];
      for (const variant of unit.variants ?? []) this.#variants.add(variant);
      for (const [name, rank] of names) this.#add(unit, name, rank);
    }
  }

  #add(unit: U, name: string, rank: Rank): void {
    const exact = this.#exact.get(name) ?? new Map<U, Rank>();
    const order: Rank[] = ['name', 'shortName', 'alias'];
    const previous = exact.get(unit);
    if (previous === undefined || order.indexOf(rank) < order.indexOf(previous)) exact.set(unit, rank);
    this.#exact.set(name, exact);

    const isVariant = rank === 'alias' && this.#variants.has(name);
    const key = canonicalKey(name, this.#fold);
    const byUnit = this.#keys.get(key) ?? new Map<U, boolean>();
    byUnit.set(unit, (byUnit.get(unit) ?? true) && isVariant);
    this.#keys.set(key, byUnit);

    const text = cleanName(name);
    this.#near.push({ text, chars: [...text], unit });
  }

  lookup(input: string): LookupResult<U> | null {
    // An empty input would otherwise share the province's empty canonical key.
    if (cleanName(input) === '') return null;
    return this.#lookupExact(input) ?? this.#lookupKey(input) ?? this.#lookupNear(input);
  }

  #lookupExact(input: string): LookupResult<U> | null | undefined {
    const hits = this.#exact.get(input);
    if (!hits) return undefined;
    const best = (['name', 'shortName', 'alias'] as const).find((rank) => [...hits.values()].includes(rank));
    const units = [...hits].filter(([, rank]) => rank === best).map(([unit]) => unit);
    const [unit] = units;
    if (units.length !== 1 || !unit || !best) return null;
    return best === 'alias' && this.#variants.has(input)
      ? { unit, via: best, correctedFrom: input, variant: true }
      : { unit, via: best };
  }

  #lookupKey(input: string): LookupResult<U> | null | undefined {
    for (const key of [canonicalKey(input, this.#fold), suffixOnlyKey(input)]) {
      const hits = this.#keys.get(key);
      if (!hits) continue;
      const [hit, ...others] = hits;
      if (!hit || others.length > 0) return null;
      const [unit, variant] = hit;
      return variant ? { unit, via: 'normalised', correctedFrom: input, variant: true } : { unit, via: 'normalised' };
    }
    return undefined;
  }

  #lookupNear(input: string): LookupResult<U> | null {
    const clean = cleanName(input);
    if (this.#known.has(clean) || this.#known.has(canonicalKey(input, this.#fold))) return null;
    const forms = [clean];
    // 湖南省卫键委 is compared as 省卫键委, the way the registry writes department names.
    if (this.#fold && clean.startsWith(this.#fold.provinceName)) {
      forms.push(this.#fold.levelWord + clean.slice(this.#fold.provinceName.length));
    }
    // 人民政府 is one edit from 省人民政府, but adding the level word is the keys' business:
    // if they did not match, the input is not that unit.
    const level = this.#fold?.levelWord;
    const onlyAddsLevelWord = (candidate: string, form: string) => level !== undefined && candidate === level + form;
    const units = new Set<U>();
    for (const form of forms) {
      const chars = [...form];
      if (chars.length < NEAR_MIN_LENGTH) continue;
      for (const candidate of this.#near) {
        if (withinOneEdit(chars, candidate.chars) && !onlyAddsLevelWord(candidate.text, form)) units.add(candidate.unit);
      }
    }
    const [unit, ...others] = units;
    return unit && others.length === 0 ? { unit, via: 'near', correctedFrom: input } : null;
  }

  byCode(code: string): U | undefined {
    return this.#byCode.get(code);
  }

  ofKind(kind: UnitKind): U[] {
    return this.#units.filter((u) => u.kind === kind);
  }

  /** Direct children, in registry order. */
  childrenOf(code: string): U[] {
    return this.#units.filter((u) => this.parentCodeOf(u) === code);
  }

  /** The parent's code whether the unit names its parent by code (UnitRecord) or by id (Unit). */
  parentCodeOf(unit: U): string | null {
    if (unit.parentCode !== undefined) return unit.parentCode;
    if (unit.parentId === undefined || unit.parentId === null) return null;
    return this.#codeById.get(unit.parentId) ?? null;
  }

  all(): readonly U[] {
    return this.#units;
  }
}
