/**
 * The target grammar applied to a passage a person selected (1500个, 不少于5%, 4.35万套, 1-2个),
 * so that the form for a new target is prefilled by the same rules that read the plan: there
 * is one target grammar, the parser's.
 */
import { findTargets } from './targets.js';
import { makeSource } from './text.js';
import type { Comparator, Target } from '../model/plan.js';
import type { UnitResolver } from '../model/unit-resolver.js';

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

function firstTarget(passage: string, resolver: UnitResolver): Target | undefined {
  const src = makeSource(passage);
  return findTargets({ src, resolver, warnings: [], planYear: null }, 0, src.norm.length)[0];
}

/**
 * The first target the parser finds in the passage, or only `=` when it finds none. The
 * person chose the passage as a target, so what follows the figure may not overrule that
 * (the parser passes over 1小时通勤圈 in running text, a name rather than a target): when
 * the whole passage yields nothing, shorter ones are read, ending ever earlier.
 */
export function guessTarget(passage: string, resolver: UnitResolver = NO_REGISTRY): TargetGuess {
  const figure = passage.search(/\d/);
  let found = firstTarget(passage, resolver);
  for (let end = passage.length - 1; !found && figure >= 0 && end > figure; end--) found = firstTarget(passage.slice(0, end), resolver);
  if (!found) return { comparator: '=' };
  return { value: found.value, max: found.max, unit: found.unit, comparator: found.comparator };
}
