import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

const boundary = 'XXbound';
const part = (name: string, value: string, filename?: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`;

describe('HTTP hardening: malformed requests and security headers', () => {
  let t: TestServer;
  let office: Client;
  beforeAll(async () => {
    t = await startTestServer({});
    office = new Client(t.url);
    expect((await office.login('office', DEMO_PASSWORD)).status).toBe(200);
  });
  afterAll(async () => t?.close());

  const expectShape = async (response: Response, status: number | number[], code: string | string[]) => {
    expect(typeof status === 'number' ? [status] : status).toContain(response.status);
    const body = (await response.json()) as ErrorBody;
    expect(Object.keys(body)).toEqual(['error']);
    if (code !== '*') expect(typeof code === 'string' ? [code] : code).toContain(body.error.code);
    expect(typeof body.error.message).toBe('string');
  };

  it('answers malformed multipart with a 4xx in the documented shape, never 500', async () => {
    // A body cut short may leave no file at all: "choose a file" (file_required) is as right.
    const truncated = ['multipart_invalid', 'bad_request', 'file_required'];
    const tooMany = ['payload_too_large', 'bad_request'];
    const cases: [string, string, number | number[], string | string[]][] = [
      ['multipart/form-data', part('file', 'x', 'a.txt'), 400, 'multipart_invalid'],
      [`multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n落实`, 400, truncated],
      [`multipart/form-data; boundary=${boundary}`, `${Array.from({ length: 20 }, (_, i) => part(`f${i}`, 'v')).join('')}--${boundary}--\r\n`, [400, 413], tooMany],
      // Two files where one is allowed: the first is read (and refused as a plan), never a 500.
      [`multipart/form-data; boundary=${boundary}`, `${part('file', 'a', 'a.txt')}${part('file', 'b', 'b.txt')}--${boundary}--\r\n`, [400, 413], '*'],
      [`multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nnot a header\r\n\r\nx\r\n--${boundary}--\r\n`, 400, truncated],
    ];
    for (const [contentType, body, status, code] of cases) {
      for (const path of ['/api/plans', '/api/plans/1/versions']) {
        const response = await office.request('POST', path, body, { 'content-type': contentType });
        expect(response.status, `${path} ${contentType}`).toBeLessThan(500);
        await expectShape(response, status, code);
      }
    }
  });

  it('answers an undecodable URL with 400 url_invalid in the documented shape', async () => {
    for (const path of ['/api/%zz', '/api/plans/%E0%A4%A', '/%zz']) {
      await expectShape(await fetch(t.url + path), 400, 'url_invalid');
    }
  });

  it('sends the security headers on pages, API answers and errors alike', async () => {
    for (const path of ['/', '/plans/1', '/api/health', '/api/session', '/api/nope', '/api/%zz']) {
      const response = await fetch(t.url + path);
      const h = response.headers;
      expect(h.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(h.get('content-security-policy'), path).toContain("script-src 'self'");
      expect(h.get('x-frame-options'), path).toBe('DENY');
      expect(h.get('x-content-type-options'), path).toBe('nosniff');
      expect(h.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('never caches index.html, and caches hashed assets for good', async () => {
    const index = await fetch(t.url + '/');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    if (asset) expect((await fetch(t.url + asset)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(t.url + '/consultations/1')).headers.get('cache-control')).toBe('no-cache');
  });

  it('serves a stored file with its sniffed type, nosniff and as an attachment — never the type the uploader claimed', async () => {
    const html = '<html><script>alert(document.cookie)</script></html>';
    const form = new FormData();
    form.append('file', new Blob([`2021年测试工作要点\n一、总体要求\n${html}\n`], { type: 'text/html' }), 'evil.html');
    const uploaded = await office.json<{ id: number }>('POST', '/api/plans', form);
    expect(uploaded.status).toBe(201);
    const source = await office.request('GET', `/api/plans/${uploaded.body.id}/source`);
    expect(source.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(source.headers.get('x-content-type-options')).toBe('nosniff');
    expect(source.headers.get('content-disposition')).toMatch(/^attachment;/);
  });
});
