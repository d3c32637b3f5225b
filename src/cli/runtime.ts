import { loadConfig } from '../config.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/connect.js';
import type { DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { installationSealAlgorithm } from '../services/support/seal-default.js';
import { CLI_ACTOR } from '../domain/policy.js';
import { installKeyring, loadKeyring } from '../security/keyring.js';
import { systemClock } from '../services/support/context.js';
import type { Logger, ServiceContext } from '../services/support/context.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTty: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  isTty: Boolean(process.stderr.isTTY),
};

const quietLogger: Logger = {
  info() {},
  warn(obj, msg) {
    process.stderr.write(`warning: ${msg ?? JSON.stringify(obj)}\n`);
  },
  error(obj, msg) {
    process.stderr.write(`error: ${msg ?? JSON.stringify(obj)}\n`);
  },
};

/** Opens the configured database (migrated) and runs one CLI action as the system actor. */
export async function withDatabase<T>(
  work: (ctx: ServiceContext, handle: DatabaseHandle, config: Config) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const config = loadConfig(env);
  installKeyring(loadKeyring(config));
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    await installationSealAlgorithm(handle.db);
    const ctx: ServiceContext = {
      db: handle.db,
      dialect: handle.dialect,
      config,
      clock: systemClock,
      actor: CLI_ACTOR,
      log: quietLogger,
    };
    return await work(ctx, handle, config);
  } finally {
    await handle.close();
  }
}

export function describeTarget(config: Config): string {
  return config.database.dialect === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
}
