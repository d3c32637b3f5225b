import { authorize } from '../domain/policy.js';
import { guessTarget as parseTarget } from '../parse/target-phrase.js';
import type { TargetGuess } from '../parse/target-phrase.js';
import type { ServiceContext } from './support/context.js';

/** The parser's reading of a passage the office selected, to prefill a new target. */
export function guessTarget(passage: string, ctx: ServiceContext): TargetGuess {
  authorize(ctx.actor, 'plan.edit');
  return parseTarget(passage);
}
