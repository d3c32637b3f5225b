import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationResultSet } from 'kysely';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-plans.js';
import * as m0003 from './migrations/0003-consultations.js';
import * as m0004 from './migrations/0004-indicators.js';
import * as m0005 from './migrations/0005-invariants.js';
import * as m0006 from './migrations/0006-security.js';
import * as m0007 from './migrations/0007-ledger.js';
import * as m0008 from './migrations/0008-registers.js';
import * as m0009 from './migrations/0009-workbench.js';
import * as m0010 from './migrations/0010-plan-place.js';
import * as m0011 from './migrations/0011-warning-checks.js';
import * as m0012 from './migrations/0012-plan-publications.js';
import * as m0013 from './migrations/0013-report-seal-batches.js';
import type { Database } from './schema.js';

// Migrations are listed here, in order, so that they ship inside the build and need no
// directory scan at run time.
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-plans': m0002,
  '0003-consultations': m0003,
  '0004-indicators': m0004,
  '0005-invariants': m0005,
  '0006-security': m0006,
  '0007-ledger': m0007,
  '0008-registers': m0008,
  '0009-workbench': m0009,
  '0010-plan-place': m0010,
  '0011-warning-checks': m0011,
  '0012-plan-publications': m0012,
  '0013-report-seal-batches': m0013,
};

export interface MigrateResult {
  applied: string[];
}

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'luoshi_migrations',
    migrationLockTableName: 'luoshi_migrations_lock',
  });
}

/** Migrates up to a named migration: tests of an upgrade start from an older schema. */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  const result = await migrator(db).migrateTo(name);
  if (result.error) throw new Error(`migration to ${name} failed: ${String(result.error)}`, { cause: result.error });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrateResult> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
