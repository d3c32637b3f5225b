import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request as the wire carries it: node's fetch would undo the compression this test is about. */
function raw(base: string, method: 'GET' | 'HEAD', pathname: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(pathname, base), { method, headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

function decoded(r: Raw): string {
  switch (r.headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(r.body).toString('utf8');
    case 'gzip':
      return zlib.gunzipSync(r.body).toString('utf8');
    case undefined:
      return r.body.toString('utf8');
    default:
      throw new Error(`unexpected encoding ${r.headers['content-encoding']}`);
  }
}

// A built web app of our own, so the test does not depend on `npm run build:web` having run.
const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-web-'));
const INDEX = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>落实</title></head><body><div id="root"></div>${'<!-- 落实 luoshi -->'.repeat(200)}<script type="module" src="/assets/index-a1b2c3d4.js"></script></body></html>`;
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `工作要点 ${i}`))};\n`;

describe('the web app over the wire', () => {
  let t: TestServer;
  beforeAll(async () => {
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), INDEX);
    fs.writeFileSync(path.join(webRoot, 'assets', 'index-a1b2c3d4.js'), SCRIPT);
    t = await startTestServer({ env: { LUOSHI_WEB_ROOT: webRoot } });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('sends index.html compressed, at / and at a client-side route, brotli first, gzip for a client that takes only gzip', async () => {
    for (const pathname of ['/', '/registers/3?tab=schema']) {
      const br = await raw(t.url, 'GET', pathname, 'gzip, deflate, br');
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['cache-control']).toBe('no-cache');
      expect(decoded(br)).toBe(INDEX);
      expect(br.body.length).toBeLessThan(Buffer.byteLength(INDEX) / 4);
      const gzip = await raw(t.url, 'GET', pathname, 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(decoded(gzip)).toBe(INDEX);
    }
  });

  it('sends the hashed scripts compressed and cacheable for good', async () => {
    const response = await raw(t.url, 'GET', '/assets/index-a1b2c3d4.js', 'br, gzip');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decoded(response)).toBe(SCRIPT);
  });

  it('sends the files as they are to a client that accepts no compression', async () => {
    const response = await raw(t.url, 'GET', '/');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString('utf8')).toBe(INDEX);
  });

  it('answers HEAD / with 200 and the page headers but no body (load balancers and uptime checks ask that)', async () => {
    for (const pathname of ['/', '/registers', '/assets/index-a1b2c3d4.js']) {
      const response = await raw(t.url, 'HEAD', pathname, 'gzip');
      expect(response.status, pathname).toBe(200);
      expect(response.headers['content-type'], pathname).toMatch(pathname.endsWith('.js') ? /javascript/ : /^text\/html/);
      expect(response.body.length).toBe(0);
    }
    // Only GET and HEAD reach the app: other methods on a page path are still not found.
    expect((await raw(t.url, 'GET', '/api/no-such-thing')).status).toBe(404);
    expect((await raw(t.url, 'HEAD', '/api/no-such-thing')).status).toBe(404);
  });
});
