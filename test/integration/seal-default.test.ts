import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connect.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { SEAL_DEFAULT_KEY, defaultSealAlgorithm, installationSealAlgorithm } from '../../src/services/support/seal-default.js';
import { createTestDatabase, DIALECTS } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';

/**
 * 国密 SM2 is the default seal of a new installation; one that has already sealed with
 * Ed25519 keeps Ed25519; LUOSHI_SEAL_ALGORITHM overrides both; the decision is kept.
 */
describe.each(DIALECTS)('the default seal (%s)', (dialect) => {
  let database: TestDatabase | null = null;
  let handle: DatabaseHandle | null = null;

  afterEach(async () => {
    await handle?.close();
    await database?.drop();
    handle = null;
    database = null;
  });

  async function freshDatabase(): Promise<DatabaseHandle> {
    database = await createTestDatabase(dialect);
    handle = openDatabase(loadConfig({ DATABASE_URL: database.url }).database);
    await migrateToLatest(handle.db);
    return handle;
  }

  async function addUnitKey(h: DatabaseHandle, algorithm: 'ed25519' | 'sm2', code: string): Promise<void> {
    const at = '2021-07-01T00:00:00.000Z';
    const unit = await h.db
      .insertInto('units')
      .values({ code, name: `单位${code}`, short_name: code, kind: 'department', parent_id: null, division_code: null, member: 1, sort_order: 1, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('unit_keys')
      .values({ unit_id: unit.id, algorithm, key_id: `key-${code}`, public_key: 'p', private_key_box: 'b', created_at: at, retired_at: null })
      .execute();
  }

  const stored = async (h: DatabaseHandle) =>
    (await h.db.selectFrom('meta').select('value').where('key', '=', SEAL_DEFAULT_KEY).executeTakeFirst())?.value;

  it('is SM2 for a new installation, and stays so once units have Ed25519 keys too', async () => {
    const h = await freshDatabase();
    expect(await installationSealAlgorithm(h.db)).toBe('sm2');
    expect(await stored(h)).toBe('sm2');
    await addUnitKey(h, 'ed25519', 'later');
    expect(await installationSealAlgorithm(h.db)).toBe('sm2');
    expect(await defaultSealAlgorithm({ db: h.db, config: { sealAlgorithm: null } })).toBe('sm2');
  });

  it('stays Ed25519 for an installation that sealed with Ed25519 before the setting existed', async () => {
    const h = await freshDatabase();
    await addUnitKey(h, 'sm2', 'chose-sm2');
    await addUnitKey(h, 'ed25519', 'old-default');
    expect(await stored(h)).toBeUndefined();
    expect(await installationSealAlgorithm(h.db)).toBe('ed25519');
    expect(await stored(h)).toBe('ed25519');
  });

  it('is SM2 for an existing installation that never sealed', async () => {
    const h = await freshDatabase();
    await addUnitKey(h, 'sm2', 'only-sm2');
    expect(await installationSealAlgorithm(h.db)).toBe('sm2');
  });

  it('follows LUOSHI_SEAL_ALGORITHM when it is set, without changing what the installation keeps', async () => {
    const h = await freshDatabase();
    expect(loadConfig({ LUOSHI_SEAL_ALGORITHM: 'ed25519' }).sealAlgorithm).toBe('ed25519');
    expect(loadConfig({}).sealAlgorithm).toBeNull();
    expect(await defaultSealAlgorithm({ db: h.db, config: { sealAlgorithm: 'ed25519' } })).toBe('ed25519');
    expect(await stored(h)).toBeUndefined();
    expect(await defaultSealAlgorithm({ db: h.db, config: { sealAlgorithm: null } })).toBe('sm2');
  });

  it('is decided once when servers start at the same moment', async () => {
    const h = await freshDatabase();
    const answers = await Promise.all(Array.from({ length: 6 }, () => installationSealAlgorithm(h.db)));
    expect(new Set(answers)).toEqual(new Set(['sm2']));
    const rows = await h.db.selectFrom('meta').select('value').where('key', '=', SEAL_DEFAULT_KEY).execute();
    expect(rows).toHaveLength(1);
  });
});
