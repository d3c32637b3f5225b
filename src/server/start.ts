import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { openDatabase } from '../db/connect.js';
import type { DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { installKeyring, loadKeyring } from '../security/keyring.js';
import { SYSTEM_ACTOR } from '../domain/policy.js';
import { systemClock } from '../services/support/context.js';
import type { Clock } from '../services/support/context.js';
import { installationSealAlgorithm } from '../services/support/seal-default.js';
import { installBuiltinRegisters } from '../services/install-builtin-registers.js';
import { loadDemo } from '../services/load-demo.js';
import { runAcknowledgementReminders } from '../services/run-acknowledgement-reminders.js';
import { runDueReminders } from '../services/run-due-reminders.js';
import { createMailer } from '../mail/mailer.js';
import type { LoadDemoResult } from '../services/load-demo.js';
import { buildApp } from './app.js';

export interface RunningServer {
  app: FastifyInstance;
  handle: DatabaseHandle;
  url: string;
  demo: LoadDemoResult | null;
  close(): Promise<void>;
}

/** Opens the database, migrates it, loads the demo into an empty one, and listens. */
export async function startServer(config: Config, clock: Clock = systemClock): Promise<RunningServer> {
  // Secrets are read here, once, and never from inside a request or a transaction.
  installKeyring(loadKeyring(config));
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    // A new installation seals with SM2 by default; one that has sealed with Ed25519 keeps it.
    await installationSealAlgorithm(handle.db);
    const mailer = createMailer(config);
    const app = await buildApp({ config, handle, clock, mailer });
    const system = { db: handle.db, dialect: handle.dialect, config, clock, actor: SYSTEM_ACTOR, log: app.log, mailer };
    await installBuiltinRegisters(system);
    const demo = config.loadDemo ? await loadDemo(system) : null;
    await app.listen({ port: config.port, host: config.host });
    // Automatic reminders: checked on a timer; several servers may run it, each reminder
    // still goes out once (run-due-reminders.ts).
    const remind = () => {
      runDueReminders(system).catch((error: unknown) => app.log.error({ err: error }, 'automatic reminders failed'));
      runAcknowledgementReminders(system).catch((error: unknown) => app.log.error({ err: error }, 'automatic acknowledgement reminders failed'));
    };
    const timer = config.reminderIntervalMinutes > 0 ? setInterval(remind, config.reminderIntervalMinutes * 60_000) : null;
    timer?.unref();
    if (timer) setTimeout(remind, 5_000).unref();
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    let closed = false;
    return {
      app,
      handle,
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      demo,
      async close() {
        if (closed) return;
        closed = true;
        if (timer) clearInterval(timer);
        await app.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
