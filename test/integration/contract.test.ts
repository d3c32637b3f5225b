import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { buildApp } from '../../src/server/app.js';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { createTestDatabase } from '../helpers/databases.js';
import { DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

type Operation = { 'x-policy'?: string; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

/** An app on a fresh database, not listening: for checks of how routes are declared. */
async function bareApp() {
  const database = await createTestDatabase('sqlite');
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', LUOSHI_SECRET: 'test-secret-for-seal-keys-0123456789abcdef' });
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  const app = await buildApp({ config, handle, mailer: null });
  return {
    app,
    async close() {
      await app.close();
      await handle.close();
      await database.drop();
    },
  };
}

describe('the API contract', () => {
  it('refuses to build a route without a declared policy or a response schema', async () => {
    const { app, close } = await bareApp();
    try {
      expect(() => app.get('/api/no-policy', { schema: { response: { 200: z.null() } } }, async () => null)).toThrow(/declares no policy/);
      expect(() => app.get('/api/no-response', { config: { policy: 'plan.read' } }, async () => null)).toThrow(/no response schema/);
    } finally {
      await close();
    }
  });

  it('answers 500 response_invalid, never the stray shape, when a handler breaks its response schema', async () => {
    const { app, close } = await bareApp();
    try {
      app.get('/api/broken', { config: { policy: 'public' }, schema: { response: { 200: z.strictObject({ name: z.string() }) } } }, async () => ({ name: 1, secret: 'x' }) as never);
      const response = await app.inject({ method: 'GET', url: '/api/broken' });
      expect(response.statusCode).toBe(500);
      expect(response.json<ErrorBody>().error.code).toBe('response_invalid');
      expect(response.body).not.toContain('secret');
    } finally {
      await close();
    }
  });

  describe('over HTTP', () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer();
    });
    afterAll(async () => {
      await t?.close();
    });

    it('documents a policy, a success body and the shared error body for every operation', async () => {
      const doc = (await new Client(t.url).json<{ paths: Record<string, Record<string, Operation>> }>('GET', '/api/openapi.json')).body;
      const missing: string[] = [];
      let count = 0;
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) {
          count++;
          const responses = op.responses ?? {};
          const success = Object.keys(responses).filter((s) => s.startsWith('2'));
          if (!op['x-policy']) missing.push(`${method} ${path}: no x-policy`);
          if (success.length === 0) missing.push(`${method} ${path}: no success response`);
          for (const s of success) {
            const content = responses[s]?.content;
            if (s !== '204' && (!content || Object.values(content).some((c) => c.schema === undefined))) missing.push(`${method} ${path}: ${s} has no schema`);
          }
          const errorSchema = JSON.stringify(responses['4XX'] ?? responses['4xx'] ?? null);
          if (!errorSchema.includes('"code"') || !errorSchema.includes('"message"')) missing.push(`${method} ${path}: no error body`);
        }
      }
      expect(count).toBeGreaterThan(50);
      expect(missing).toEqual([]);
      // File downloads say what they are.
      const xlsx = doc.paths['/api/consultations/{id}/summary.xlsx']?.get?.responses?.['200']?.content ?? {};
      expect(Object.keys(xlsx)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    });

    it('refuses a reporter’s 8 MB registry upload and malformed plan upload with 403 before reading them', async () => {
      const reporter = new Client(t.url);
      expect((await reporter.login('hn-gat.reporter', DEMO_PASSWORD)).status).toBe(200);
      const big = new Uint8Array(8 * 1024 * 1024).fill(0x41);
      const started = performance.now();
      const upload = await reporter.json<ErrorBody>('POST', '/api/units/import', big, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const elapsed = performance.now() - started;
      expect(upload.status).toBe(403);
      expect(upload.body.error.code).toBe('forbidden');
      expect(elapsed).toBeLessThan(5000);
      const malformed = await reporter.json<ErrorBody>('POST', '/api/plans', '--nothing\r\nnot a part', { 'content-type': 'multipart/form-data' });
      expect(malformed.status).toBe(403);
      expect(malformed.body.error.code).toBe('forbidden');
      // Without a session: 401, equally before the body.
      const anonymous = await new Client(t.url).json<ErrorBody>('POST', '/api/units/import', big, { 'content-type': 'application/octet-stream' });
      expect(anonymous.status).toBe(401);
    });

    it('tells each account what it may do with a consultation and its reply', async () => {
      const office = new Client(t.url);
      await office.login('office', DEMO_PASSWORD);
      const plans = (await office.json<{ plans: { id: number }[]; allowed: { import: boolean } }>('GET', '/api/plans')).body;
      expect(plans.allowed.import).toBe(true);
      const opened = await office.json<{ id: number; allowed: Record<string, boolean> }>('POST', `/api/plans/${plans.plans[0]!.id}/consultations`, { deadline: '2099-12-31' });
      expect(opened.body.allowed).toMatchObject({ manage: true, close: true, draftReply: false, sealReply: false });
      const reporter = new Client(t.url);
      await reporter.login('hn-gat.reporter', DEMO_PASSWORD);
      expect((await reporter.json<{ allowed: { import: boolean } }>('GET', '/api/plans')).body.allowed.import).toBe(false);
      const seen = await reporter.json<{ allowed: Record<string, boolean> }>('GET', `/api/consultations/${opened.body.id}`);
      expect(seen.body.allowed).toMatchObject({ manage: false, draftReply: true, sealReply: false });
      const draft = await reporter.json<{ id: number; allowed: Record<string, boolean> }>('POST', `/api/consultations/${opened.body.id}/replies`, { noOpinion: true });
      expect(draft.body.allowed).toEqual({ edit: true, seal: false, submit: true, return: false, withdraw: false });
      const signatory = new Client(t.url);
      await signatory.login('hn-gat.signatory', DEMO_PASSWORD);
      expect((await signatory.json<{ allowed: Record<string, boolean> }>('GET', `/api/replies/${draft.body.id}`)).body.allowed).toEqual({ edit: true, seal: true, submit: false, return: false, withdraw: false });
      await signatory.json('POST', `/api/replies/${draft.body.id}/seal`, {});
      expect((await signatory.json<{ allowed: Record<string, boolean> }>('GET', `/api/replies/${draft.body.id}`)).body.allowed).toEqual({ edit: false, seal: false, submit: false, return: false, withdraw: true });
      expect((await reporter.json<{ allowed: Record<string, boolean> }>('GET', `/api/replies/${draft.body.id}`)).body.allowed).toEqual({ edit: false, seal: false, submit: false, return: false, withdraw: false });
    });
  });
});
