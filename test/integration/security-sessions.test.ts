import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpCode } from '../../src/security/totp.js';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { TestClock } from '../helpers/clock.js';
import { DIALECTS } from '../helpers/databases.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

const from = (address: string) => ({ 'x-forwarded-for': address });

describe.each(DIALECTS)('login limits under concurrency on %s', (dialect) => {
  const clock = new TestClock(new Date('2026-03-02T01:00:00Z'));
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect, clock, env: { TRUST_PROXY: 'true' } });
  });
  afterAll(async () => t?.close());

  const statuses = async (attempts: Promise<{ status: number }>[]) => {
    const all = await Promise.all(attempts);
    return { 401: all.filter((r) => r.status === 401).length, 429: all.filter((r) => r.status === 429).length, total: all.length };
  };

  it('40 parallel wrong passwords for one account: exactly 5 answers of 401, 35 of 429', async () => {
    const counts = await statuses(
      Array.from({ length: 40 }, () => new Client(t.url).json('POST', '/api/session', { login: 'hn-gat.reporter', password: 'wrong-guess' }, from('10.0.0.1'))),
    );
    expect(counts).toEqual({ 401: 5, 429: 35, total: 40 });
    // The right password is refused too until the window ends.
    expect((await new Client(t.url).json('POST', '/api/session', { login: 'hn-gat.reporter', password: DEMO_PASSWORD }, from('10.0.0.9'))).status).toBe(429);
    clock.set('2026-03-02T01:16:00Z');
    expect((await new Client(t.url).json('POST', '/api/session', { login: 'hn-gat.reporter', password: DEMO_PASSWORD }, from('10.0.0.9'))).status).toBe(200);
  });

  it('60 parallel wrong logins from one address: exactly 20 answers of 401, 40 of 429', async () => {
    const counts = await statuses(
      Array.from({ length: 60 }, (_, i) => new Client(t.url).json('POST', '/api/session', { login: `nobody-${i}`, password: 'wrong-guess' }, from('10.0.0.2'))),
    );
    expect(counts).toEqual({ 401: 20, 429: 40, total: 60 });
    // Another address is not affected; a right password gives its claim back.
    expect((await new Client(t.url).json('POST', '/api/session', { login: 'hn-mzt.reporter', password: DEMO_PASSWORD }, from('10.0.0.3'))).status).toBe(200);
  });

  it('never refuses right passwords that arrive together from one address (40 logins, limit 20)', async () => {
    const codes = ['hn-wlt', 'hn-gat', 'hn-mzt', 'hn-jyt', 'hn-rst', 'hn-wjw', 'hn-zjt', 'hn-fgw', 'hn-czt', 'hn-zrzyt', 'hn-nynct', 'hn-tjj', 'hn-txglj', 'hn-gxt', 'hn-sthjt', 'hn-jtyst', 'hn-kjt', 'hn-yjt', 'hn-slt', 'hn-swt'];
    const counts = await statuses(
      [...codes, ...codes].map((c, i) => new Client(t.url).json('POST', '/api/session', { login: `${c}.${i < 20 ? 'reporter' : 'signatory'}`, password: DEMO_PASSWORD }, from('10.0.0.4'))),
    );
    expect(counts).toEqual({ 401: 0, 429: 0, total: 40 });
  });

  it('counts wrong current passwords on password change like failed logins (30 in parallel: 5 × 401)', async () => {
    const c = new Client(t.url);
    expect((await c.login('hn-jyt.reporter', DEMO_PASSWORD)).status).toBe(200);
    const counts = await statuses(
      Array.from({ length: 30 }, () => c.json('POST', '/api/session/password', { currentPassword: 'not-it-at-all', newPassword: 'Xiang-river-2026' })),
    );
    expect(counts).toEqual({ 401: 5, 429: 25, total: 30 });
    const right = await c.json<ErrorBody>('POST', '/api/session/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Xiang-river-2026' });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('login_locked');
  });
});

describe.each(DIALECTS)('sessions and accounts on %s', (dialect) => {
  const clock = new TestClock(new Date('2026-03-02T01:00:00Z'));
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect, clock, env: { SESSION_IDLE_MINUTES: '30', SESSION_TTL_HOURS: '2' } });
  });
  afterAll(async () => t?.close());
  const login = async (name: string, password = DEMO_PASSWORD) => {
    const c = new Client(t.url);
    expect((await c.login(name, password)).status).toBe(200);
    return c;
  };

  it('rotates the session id on login: the cookie sent with the login stops working', async () => {
    const c = await login('hn-fgw.reporter');
    const before = c.cookie;
    expect((await c.login('hn-fgw.reporter', DEMO_PASSWORD)).status).toBe(200);
    expect(c.cookie).not.toBe(before);
    const stale = new Client(t.url);
    stale.cookie = before;
    expect((await stale.json('GET', '/api/session')).status).toBe(401);
    expect((await c.json('GET', '/api/session')).status).toBe(200);
  });

  it('ends a session idle for longer than SESSION_IDLE_MINUTES, and any session after SESSION_TTL_HOURS', async () => {
    clock.set('2026-03-02T02:00:00Z');
    const idle = await login('hn-tjj.reporter');
    const busy = await login('hn-czt.reporter');
    for (const minute of [20, 40, 60, 80, 100]) {
      clock.set(new Date(Date.parse('2026-03-02T02:00:00Z') + minute * 60_000).toISOString());
      expect((await busy.json('GET', '/api/session')).status).toBe(200);
      if (minute === 40) expect((await idle.json('GET', '/api/session')).status).toBe(401);
    }
    clock.set('2026-03-02T04:00:01Z');
    expect((await busy.json('GET', '/api/session')).status).toBe(401);
  });

  it('logs out everywhere: every session of the account ends', async () => {
    const a = await login('hn-jtyst.reporter');
    const b = await login('hn-jtyst.reporter');
    const other = await login('hn-slt.reporter');
    const ended = await a.json<{ ended: number }>('POST', '/api/session/logout-everywhere');
    expect(ended.body.ended).toBe(2);
    expect((await a.json('GET', '/api/session')).status).toBe(401);
    expect((await b.json('GET', '/api/session')).status).toBe(401);
    expect((await other.json('GET', '/api/session')).status).toBe(200);
  });

  it('refuses short, common and demo passwords', async () => {
    const c = await login('hn-wlt.reporter');
    for (const [newPassword, code] of [
      ['short-1', 'validation_failed'],
      ['Password123', 'password_too_common'],
      [DEMO_PASSWORD, 'password_too_common'],
      ['qwertyuiop', 'password_too_common'],
    ] as const) {
      const r = await c.json<ErrorBody>('POST', '/api/session/password', { currentPassword: DEMO_PASSWORD, newPassword });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe(code);
    }
    const nine = await c.json<ErrorBody>('POST', '/api/session/password', { currentPassword: DEMO_PASSWORD, newPassword: 'abcdefg12' });
    expect(nine.body.error.code).toBe('password_too_short');
  });

  it('adds a TOTP second factor to an office account: enrol, confirm, then required at login, codes never reused', async () => {
    clock.set('2026-03-03T01:00:00Z');
    const office = await login('office');
    expect((await office.json<{ enabled: boolean; allowed: boolean }>('GET', '/api/session/totp')).body).toEqual({ enabled: false, allowed: true });
    const enrol = await office.json<{ secret: string; uri: string }>('POST', '/api/session/totp/enrol');
    expect(enrol.body.uri).toContain(`secret=${enrol.body.secret}`);
    const secret = base32Decode(enrol.body.secret);
    expect((await office.json<ErrorBody>('POST', '/api/session/totp/confirm', { code: '000000' === totpCode(secret, clock.now()) ? '111111' : '000000' })).status).toBe(401);
    expect((await office.request('POST', '/api/session/totp/confirm', { code: totpCode(secret, clock.now()) })).status).toBe(204);

    clock.set('2026-03-03T01:01:00Z');
    const noCode = await new Client(t.url).login('office', DEMO_PASSWORD);
    expect(noCode.status).toBe(401);
    expect(noCode.body.error.code).toBe('totp_required');
    const wrong = await new Client(t.url).json<ErrorBody>('POST', '/api/session', { login: 'office', password: DEMO_PASSWORD, totpCode: '12345x' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('totp_invalid');
    const code = totpCode(secret, clock.now());
    const bad = code === '000000' ? '000001' : '000000';
    expect((await new Client(t.url).json<ErrorBody>('POST', '/api/session', { login: 'office', password: DEMO_PASSWORD, totpCode: bad })).body.error.code).toBe('totp_invalid');
    expect((await new Client(t.url).json('POST', '/api/session', { login: 'office', password: DEMO_PASSWORD, totpCode: code })).status).toBe(200);
    // The same code a second time (a replay) is refused.
    expect((await new Client(t.url).json<ErrorBody>('POST', '/api/session', { login: 'office', password: DEMO_PASSWORD, totpCode: code })).body.error.code).toBe('totp_invalid');
    // A wrong password never reveals whether a second factor is set.
    expect((await new Client(t.url).login('office', 'wrong-password')).body.error.code).toBe('invalid_credentials');

    const reporter = await login('hn-gat.signatory');
    expect((await reporter.json('POST', '/api/session/totp/enrol')).status).toBe(403);
    const admin = await login('admin', ADMIN_PASSWORD);
    expect((await admin.json<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);
  });
});
