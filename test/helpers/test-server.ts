import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import type { Config } from '../../src/config.js';
import { startServer } from '../../src/server/start.js';
import type { RunningServer } from '../../src/server/start.js';
import type { Clock } from '../../src/services/support/context.js';
import { createTestDatabase } from './databases.js';

export const ADMIN_PASSWORD = 'admin-pass-2021';
export const DEMO_PASSWORD = 'demo-pass-2021';

export interface TestServer {
  url: string;
  adminPassword: string;
  demoPassword: string;
  config: Config;
  server: RunningServer;
  close(): Promise<void>;
}

/** The real server on a free port with a fresh database and the demo loaded. */
export async function startTestServer(
  opts: { dialect?: 'sqlite' | 'postgres'; databaseUrl?: string; env?: Record<string, string>; clock?: Clock } = {},
): Promise<TestServer> {
  const database = opts.databaseUrl ? null : await createTestDatabase(opts.dialect ?? 'sqlite');
  const config = loadConfig({
    DATABASE_URL: opts.databaseUrl ?? database!.url,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    LUOSHI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LUOSHI_DEMO_PASSWORD: DEMO_PASSWORD,
    LUOSHI_SCRYPT_COST: '1024',
    LUOSHI_SECRET: 'test-secret-for-seal-keys-0123456789abcdef',
    // Tests move the clock by days; the idle time-out has its own test that sets it.
    SESSION_IDLE_MINUTES: '43200',
    // No rotated keys unless a test rotates them: the audit key derives from the secret.
    LUOSHI_AUDIT_KEY_FILE: path.join(os.tmpdir(), 'luoshi-test-audit-keys-absent'),
    ...opts.env,
  });
  const server = await startServer(config, opts.clock);
  return {
    url: server.url,
    adminPassword: ADMIN_PASSWORD,
    demoPassword: DEMO_PASSWORD,
    config,
    server,
    async close() {
      await server.close();
      await database?.drop();
    },
  };
}
