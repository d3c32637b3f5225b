import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_FILES } from '../helpers/hostile-files.js';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

/**
 * Every hostile file against every upload route as every role: each answer is a 4xx in the
 * documented shape, the server never crashes, and /api/health keeps answering quickly while
 * each upload is being read (measured by polling it every 20 ms during the upload).
 */
const ROLES: [string, string | null][] = [
  ['anonymous', null],
  ['reporter', 'hn-gat.reporter'],
  ['signatory', 'hn-gat.signatory'],
  ['office', 'office'],
  ['admin', 'admin'],
  ['市州', '430100.reporter'],
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('hostile files against every upload route, as every role', () => {
  let t: TestServer;
  const clients = new Map<string, Client>();
  let planId: number;
  const healthMax: number[] = [];

  beforeAll(async () => {
    t = await startTestServer({ env: { LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' } });
    for (const [role, login] of ROLES) {
      const c = new Client(t.url);
      if (login) expect((await c.login(login, login === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD)).status).toBe(200);
      clients.set(role, c);
    }
    planId = (await clients.get('office')!.json<{ plans: { id: number }[] }>('GET', '/api/plans')).body.plans[0]!.id;
  });
  afterAll(async () => {
    await t?.close();
    console.log(`hostile files: slowest /api/health answer while an upload was read: ${Math.max(...healthMax)} ms`);
  });

  /** Sends one upload while polling /api/health; returns the answer and the slowest health time. */
  const whileWatchingHealth = async (send: () => Promise<Response>): Promise<{ response: Response; body: ErrorBody; health: number }> => {
    let stop = false;
    let slowest = 0;
    const watch = (async () => {
      while (!stop) {
        const started = performance.now();
        const h = await fetch(`${t.url}/api/health`);
        expect(h.status).toBe(200);
        await h.arrayBuffer();
        slowest = Math.max(slowest, performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const response = await send();
    const body = (await response.json()) as ErrorBody;
    stop = true;
    await watch;
    return { response, body, health: Math.round(slowest) };
  };

  for (const file of HOSTILE_FILES) {
    it(`refuses ${file.name} everywhere with a clear 4xx`, async () => {
      const bytes = await file.bytes();
      const routes: [string, () => (c: Client) => Promise<Response>][] = [
        ['POST /api/plans', () => (c) => {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(bytes)]), file.filename);
          return c.request('POST', '/api/plans', form);
        }],
        ['POST /api/plans/:id/versions', () => (c) => {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(bytes)]), file.filename);
          return c.request('POST', `/api/plans/${planId}/versions`, form);
        }],
        ['POST /api/units/import', () => (c) => c.request('POST', '/api/units/import', bytes, { 'content-type': XLSX })],
      ];
      for (const [route, make] of routes) {
        for (const [role] of ROLES) {
          const { response, body, health } = await whileWatchingHealth(() => make()(clients.get(role)!));
          healthMax.push(health);
          if (health > 200) console.log(`slow health ${health} ms: ${file.filename} ${route} as ${role} -> ${response.status} ${body.error.code}`);
          const where = `${file.filename} ${route} as ${role}: ${response.status} ${JSON.stringify(body)}`;
          expect(response.status, where).toBeGreaterThanOrEqual(400);
          expect(response.status, where).toBeLessThan(500);
          expect(Object.keys(body), where).toEqual(['error']);
          expect(typeof body.error.code, where).toBe('string');
          expect(health, `${where}: /api/health took ${health} ms`).toBeLessThan(1000);
        }
      }
      expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
    }, 600_000);
  }
});
