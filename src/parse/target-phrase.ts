/**
 * The target grammar applied to a passage a person selected (1500个, 不少于5%, 4.35万套, 1-2个),
 * so that the form for a new target is prefilled by the same rules that read the plan: there
 * is one target grammar, the parser's.
 */
import { findTargets } from './targets.js';
import { makeSource } from './text.js';
import type { Comparator, Target, UnitResolver } from './types.js';

/** Below this confidence the parser is unsure a figure is a target at all (and warns). */
export const UNCERTAIN_BELOW = 0.7;

export function isUncertain(target: Pick<Target, 'confidence'>): boolean {
  return target.confidence < UNCERTAIN_BELOW;
}

const NO_REGISTRY: UnitResolver = { resolve: () => null, expandLocality: () => null, place: () => null };

export interface TargetGuess {
  value?: number;
  max?: number | null;
  unit?: string;
  comparator: Comparator;
}

/** The first target the parser finds in the passage, or only `=` when it finds none. */
export function guessTarget(passage: string, resolver: UnitResolver = NO_REGISTRY): TargetGuess {
  const src = makeSource(passage);
  const [first] = findTargets({ src, resolver, warnings: [], planYear: null }, 0, src.norm.length);
  if (!first) return { comparator: '=' };
  return { value: first.value, max: first.max, unit: first.unit, comparator: first.comparator };
}
