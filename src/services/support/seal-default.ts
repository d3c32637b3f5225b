import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import { isSealAlgorithm } from '../../domain/reply-seal-payload.js';
import type { SealAlgorithm } from '../../domain/reply-seal-payload.js';

/** The `meta` row that keeps the installation's default seal. */
export const SEAL_DEFAULT_KEY = 'seal_algorithm';

type Db = Kysely<Database>;

/**
 * The seal a request gets when it names none: `LUOSHI_SEAL_ALGORITHM` when set, else the
 * installation's own default (below). Ed25519 and SM2 both stay available on request.
 */
export async function defaultSealAlgorithm(ctx: { db: Db; config: Pick<Config, 'sealAlgorithm'> }): Promise<SealAlgorithm> {
  return ctx.config.sealAlgorithm ?? installationSealAlgorithm(ctx.db);
}

/**
 * The installation's default seal, decided once and kept in `meta` so that it never changes
 * under a running installation: 国密 SM2 for a new installation; Ed25519 (the default before
 * SM2 was) for one that already holds an Ed25519 unit key, i.e. has sealed with it. Start-up
 * decides it right after migrating; a use case that runs before that (the CLI) decides it on
 * first use. Concurrent servers agree: the first insert wins and everyone reads it back.
 */
export async function installationSealAlgorithm(db: Db): Promise<SealAlgorithm> {
  const stored = await db.selectFrom('meta').select('value').where('key', '=', SEAL_DEFAULT_KEY).executeTakeFirst();
  if (stored && isSealAlgorithm(stored.value)) return stored.value;
  const ed25519 = await db.selectFrom('unit_keys').select('id').where('algorithm', '=', 'ed25519').limit(1).executeTakeFirst();
  const chosen: SealAlgorithm = ed25519 ? 'ed25519' : 'sm2';
  await db
    .insertInto('meta')
    .values({ key: SEAL_DEFAULT_KEY, value: chosen })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const kept = await db.selectFrom('meta').select('value').where('key', '=', SEAL_DEFAULT_KEY).executeTakeFirstOrThrow();
  return isSealAlgorithm(kept.value) ? kept.value : chosen;
}
