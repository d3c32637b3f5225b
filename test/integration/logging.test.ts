import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connect.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { SYSTEM_ACTOR } from '../../src/domain/policy.js';
import { buildApp } from '../../src/server/app.js';
import { systemClock } from '../../src/services/support/context.js';
import { loadDemo } from '../../src/services/load-demo.js';
import { createTestDatabase } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';

describe('structured logs', () => {
  let db: TestDatabase;
  let handle: DatabaseHandle;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'trace', LUOSHI_DEMO_PASSWORD: 'secret-demo-pw', LUOSHI_SCRYPT_COST: '1024' });
    handle = openDatabase(config.database);
    await migrateToLatest(handle.db);
    await loadDemo({ db: handle.db, dialect: handle.dialect, config, clock: systemClock, actor: SYSTEM_ACTOR, log: console });
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const app = await buildApp({ config, handle, logStream: stream });
    const login = await app.inject({ method: 'POST', url: '/api/session', payload: { login: 'office', password: 'secret-demo-pw' } });
    const cookie = login.cookies[0]!;
    const { csrfToken } = login.json<{ csrfToken: string }>();
    await app.inject({
      method: 'PATCH',
      url: '/api/session/preferences',
      headers: { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': csrfToken },
      payload: { locale: 'en' },
    });
    lines.push(`TOKENS ${cookie.value} ${csrfToken}`);
    await app.close();
  });
  afterAll(async () => {
    await handle?.close();
    await db?.drop();
  });

  it('are JSON lines and never contain passwords, session tokens or CSRF tokens', () => {
    const [, token, csrf] = lines.pop()!.split(' ');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(() => JSON.parse(line)).not.toThrow();
      expect(line).not.toContain('secret-demo-pw');
      expect(line).not.toContain(token);
      expect(line).not.toContain(csrf);
    }
  });
});
