import type { Settings } from '../contract/system.js';
import type { ServiceContext } from './support/context.js';
import { defaultSealAlgorithm } from './support/seal-default.js';

/** The installation's settings a signed-in user's pages need. */
export async function getSettings(ctx: ServiceContext): Promise<Settings> {
  return { sealAlgorithm: await defaultSealAlgorithm(ctx) };
}
