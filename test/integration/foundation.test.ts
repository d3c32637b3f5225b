import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/unit.js';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { loginAdmin, loginAs, makeUnit, makeUser } from '../helpers/factories.js';
import { DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

describe.each(DIALECTS)('foundation over HTTP on %s', (dialect) => {
  let t: TestServer;
  // The registry as the demo loads it, read-only: tests that add units add their own.
  const units = new Map<string, Unit>();

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    const admin = await loginAdmin(t);
    const { body } = await admin.json<{ units: Unit[] }>('GET', '/api/units');
    for (const u of body.units) units.set(u.code, u);
  });
  afterAll(async () => t?.close());

  it('reports health with the database kind', async () => {
    const { status, body } = await new Client(t.url).json('GET', '/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', db: dialect });
  });

  it('publishes an OpenAPI document and a readable API page', async () => {
    const c = new Client(t.url);
    const { status, body } = await c.json<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/session', '/api/units', '/api/units/{id}', '/api/health']));
    const page = await c.request('GET', '/api/docs/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/html/);
  });

  it('logs in, reports the session with a CSRF token, and logs out', async () => {
    const c = new Client(t.url);
    const login = await c.login('hn-gat.reporter', DEMO_PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ login: 'hn-gat.reporter', role: 'reporter', unitName: '省公安厅' });
    expect(login.body.csrfToken.length).toBeGreaterThan(20);
    const me = await c.json<{ user: { login: string }; csrfToken: string }>('GET', '/api/session');
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(login.body.csrfToken);
    // The same session from /api/session/current, which answers 200 with null for nobody.
    expect((await c.json<{ session: unknown }>('GET', '/api/session/current')).body).toEqual({ session: me.body });
    expect((await c.request('DELETE', '/api/session')).status).toBe(204);
    c.cookie = login.body.csrfToken ? c.cookie : '';
    expect((await c.json('GET', '/api/session')).status).toBe(401);
    const nobody = await c.json<{ session: unknown }>('GET', '/api/session/current');
    expect(nobody).toEqual({ status: 200, body: { session: null } });
    expect((await new Client(t.url).json('GET', '/api/session/current')).body).toEqual({ session: null });
  });

  it('sets an HttpOnly SameSite cookie', async () => {
    const response = await fetch(`${t.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'office', password: DEMO_PASSWORD }),
    });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('luoshi_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('rejects a wrong password with 401 and a clear message in the asked language', async () => {
    const zh = await new Client(t.url).login('hn-jyt.reporter', 'wrong-password');
    expect(zh.status).toBe(401);
    expect(zh.body.error).toEqual({ code: 'invalid_credentials', message: '账号或密码错误' });
    const en = await new Client(t.url, 'en-US,en;q=0.9').login('no-such-user', 'wrong-password');
    expect(en.status).toBe(401);
    expect(en.body.error).toEqual({ code: 'invalid_credentials', message: 'Wrong login or password' });
  });

  it('answers anonymous requests with 401 and unknown routes with a JSON 404', async () => {
    const c = new Client(t.url);
    const units = await c.json<ErrorBody>('GET', '/api/units');
    expect(units.status).toBe(401);
    expect(units.body.error.code).toBe('unauthenticated');
    const missing = await c.json<ErrorBody>('GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('endpoint_not_found');
    // Client-side routes and odd paths get the app, never a server error or a file outside it.
    for (const p of ['/units/152', '/..%2f..%2fpackage.json']) {
      const page = await c.request('GET', p);
      expect(page.status).toBe(200);
      expect(await page.text()).not.toContain('"name": "luoshi"');
    }
    const malformed = await c.request('GET', '/%E0%A4%A');
    expect(malformed.status).toBe(400);
  });

  it('refuses a state-changing request without the CSRF token (403)', async () => {
    // An account of its own: the test changes its locale.
    const user = await makeUser(await loginAdmin(t), units.get('hn-mzt')!.id);
    const c = new Client(t.url);
    await c.login(user.login, user.password);
    const missing = await c.json<ErrorBody>('PATCH', '/api/session/preferences', { locale: 'en' }, { 'x-csrf-token': '' });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf_failed');
    const wrong = await c.json<ErrorBody>('PATCH', '/api/session/preferences', { locale: 'en' }, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    const ok = await c.json('PATCH', '/api/session/preferences', { locale: 'en' });
    expect(ok).toEqual({ status: 200, body: { locale: 'en' } });
    const me = await c.json<{ user: { locale: string } }>('GET', '/api/session');
    expect(me.body.user.locale).toBe('en');
  });

  it("keeps a unit's accounts from other units' users (403) but shows them to the unit and the office", async () => {
    const gat = units.get('hn-gat')!;
    const mzt = units.get('hn-mzt')!;
    const reporter = new Client(t.url);
    await reporter.login('hn-gat.reporter', DEMO_PASSWORD);
    const other = await reporter.json<ErrorBody>('GET', `/api/units/${mzt.id}/users`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('forbidden');
    const own = await reporter.json<{ users: { login: string }[] }>('GET', `/api/units/${gat.id}/users`);
    expect(own.status).toBe(200);
    expect(own.body.users.map((u) => u.login).sort()).toEqual(['hn-gat.reporter', 'hn-gat.signatory']);
    const office = await loginAs(t, 'office');
    expect((await office.json('GET', `/api/units/${mzt.id}/users`)).status).toBe(200);
    // Accounts, audit and registry changes are the admin's.
    expect((await reporter.json('GET', '/api/users')).status).toBe(403);
    expect((await reporter.json('GET', '/api/audit')).status).toBe(403);
    expect((await reporter.json('POST', '/api/units', { code: 'x1', name: 'X', shortName: 'X', kind: 'other' })).status).toBe(403);
  });

  it('searches the registry by name and alias and filters by kind', async () => {
    const c = new Client(t.url);
    await c.login('hn-wjw.reporter', DEMO_PASSWORD);
    const xiangxi = await c.json<{ units: Unit[] }>('GET', `/api/units?q=${encodeURIComponent('湘西')}`);
    expect(xiangxi.body.units.map((u) => u.name)).toContain('湘西土家族苗族自治州人民政府');
    const variant = await c.json<{ units: Unit[] }>('GET', `/api/units?q=${encodeURIComponent('省住建厅')}`);
    expect(variant.body.units[0]?.shortName).toBe('省住房城乡建设厅');
    const normalised = await c.json<{ units: Unit[] }>('GET', `/api/units?q=${encodeURIComponent('湖南省公安厅')}`);
    expect(normalised.body.units[0]?.code).toBe('hn-gat');
    const government = await c.json<{ units: Unit[] }>('GET', `/api/units?q=${encodeURIComponent('长沙市人民政府')}`);
    expect(government.body.units[0]?.code).toBe('430100');
    const prefectures = await c.json<{ units: Unit[] }>('GET', '/api/units?kind=prefecture');
    expect(prefectures.body.units).toHaveLength(14);
    const one = prefectures.body.units.find((u) => u.divisionCode === '433100')!;
    expect(one).toMatchObject({ shortName: '湘西土家族苗族自治州', kind: 'prefecture' });
    const byId = await c.json<Unit>('GET', `/api/units/${one.id}`);
    expect(byId.body).toEqual(one);
    const counties = await c.json<{ units: Unit[] }>('GET', `/api/units?parentId=${one.id}`);
    expect(counties.body.units.map((u) => u.shortName)).toContain('吉首市');
    const missing = await c.json<ErrorBody>('GET', '/api/units/999999');
    expect(missing.status).toBe(404);
    const bad = await c.json<ErrorBody>('GET', '/api/units/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('lets an admin add and edit units, export the registry as JSON and xlsx and import it back', async () => {
    const admin = await loginAdmin(t);
    const created = await admin.json<Unit>('POST', '/api/units', {
      code: 'hn-test',
      name: '湖南省测试厅',
      shortName: '省测试厅',
      aliases: ['省测厅'],
      kind: 'department',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'hn-test', aliases: ['省测厅'], parentId: null });
    const edited = await admin.json<Unit>('PATCH', `/api/units/${created.body.id}`, { aliases: ['省测厅', '=HYPERLINK("x")'] });
    expect(edited.body.aliases).toEqual(expect.arrayContaining(['省测厅', '=HYPERLINK("x")']));
    const dup = await admin.json<ErrorBody>('POST', '/api/units', { code: 'hn-test', name: 'A', shortName: 'A', kind: 'other' });
    expect(dup.status).toBe(409);

    const json = await admin.request('GET', '/api/units/export.json');
    expect(json.headers.get('content-disposition')).toMatch(/attachment/);
    const registry = (await json.json()) as { units: { code: string; shortName: string }[] };
    expect(registry.units.find((u) => u.code === 'hn-test')?.shortName).toBe('省测试厅');

    const xlsx = await admin.request('GET', '/api/units/export.xlsx');
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const cells: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells).toContain('湘西土家族苗族自治州人民政府');
    expect(cells.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);

    const renamed = registry.units.map((u) => (u.code === 'hn-test' ? { ...u, shortName: '省测试厅二' } : u));
    const imported = await admin.json<{ created: number; updated: number }>('POST', '/api/units/import', { ...registry, units: renamed });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: 0, updated: 1 });
    const fromXlsx = await admin.json<{ created: number; updated: number }>('POST', '/api/units/import', bytes, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(fromXlsx.status).toBe(200);
    expect(fromXlsx.body).toMatchObject({ created: 0, updated: 1 });

    const garbage = await admin.json<ErrorBody>('POST', '/api/units/import', new Uint8Array([1, 2, 3, 4]), {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(garbage.status).toBe(415);
    expect(garbage.body.error.code).toBe('unsupported_media_type');
    const badJson = await admin.json<ErrorBody>('POST', '/api/units/import', { format: 'luoshi-registry', version: 1, units: [{ code: '单位', name: '' }] });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('validation_failed');
  });

  it('records every write in the audit trail, filterable, and verifies the chain', async () => {
    const admin = await loginAdmin(t);
    const unit = await makeUnit(admin);
    const logins = await admin.json<{ events: { action: string; actorLogin: string }[]; total: number }>(
      'GET',
      '/api/audit?action=session.login&limit=5',
    );
    expect(logins.status).toBe(200);
    expect(logins.body.total).toBeGreaterThan(0);
    expect(logins.body.events.every((e) => e.action.startsWith('session.login'))).toBe(true);
    const creates = await admin.json<{ events: { detail: { code?: string } }[] }>('GET', '/api/audit?action=unit.create');
    expect(creates.body.events.some((e) => e.detail.code === unit.code)).toBe(true);
    const verify = await admin.json<{ ok: boolean; checked: number }>('GET', '/api/audit/verify');
    expect(verify.body.ok).toBe(true);
    expect(verify.body.checked).toBeGreaterThan(3);
  });

  it('keeps the audit chain intact under concurrent writes from many sessions', async () => {
    const clients = await Promise.all(
      ['hn-fgw', 'hn-zrzyt', 'hn-nynct', 'hn-tjj', '430200', '430300', '430400', '430500'].map(async (code) => {
        const c = new Client(t.url);
        expect((await c.login(`${code}.reporter`, DEMO_PASSWORD)).status).toBe(200);
        return c;
      }),
    );
    const results = await Promise.all(
      clients.flatMap((c) => [c.json('PATCH', '/api/session/preferences', { locale: 'en' }), c.json('PATCH', '/api/session/preferences', { locale: 'zh-CN' })]),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const admin = await loginAdmin(t);
    const verify = await admin.json<{ ok: boolean; firstBroken: unknown }>('GET', '/api/audit/verify');
    expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
    const locales = await admin.json<{ total: number }>('GET', '/api/audit?action=user.locale');
    expect(locales.body.total).toBeGreaterThanOrEqual(16);
  });

  it('changes a password: the old one stops working and other sessions end', async () => {
    const { login, password } = await makeUser(await loginAdmin(t), units.get('430100')!.id, 'signatory');
    const first = new Client(t.url);
    await first.login(login, password);
    const second = new Client(t.url);
    await second.login(login, password);
    const wrong = await second.json<ErrorBody>('POST', '/api/session/password', { currentPassword: 'nope-nope', newPassword: 'new-password-1' });
    expect(wrong.status).toBe(401);
    const changed = await second.request('POST', '/api/session/password', { currentPassword: password, newPassword: 'new-password-1' });
    expect(changed.status).toBe(204);
    expect((await second.json('GET', '/api/session')).status).toBe(200);
    expect((await first.json('GET', '/api/session')).status).toBe(401);
    expect((await new Client(t.url).login(login, password)).status).toBe(401);
    expect((await new Client(t.url).login(login, 'new-password-1')).status).toBe(200);
  });

  it('lets an admin disable, move and reset accounts; a disabled account is logged out and cannot log in', async () => {
    const admin = await loginAdmin(t);
    const made = await makeUser(admin, units.get('hn-kjt')!.id);
    const user = new Client(t.url);
    await user.login(made.login, made.password);
    const id = (await user.json<{ user: { id: number } }>('GET', '/api/session')).body.user.id;
    const disabled = await admin.json<{ active: boolean }>('PATCH', `/api/users/${id}`, { active: false });
    expect(disabled.body.active).toBe(false);
    expect((await user.json('GET', '/api/session')).status).toBe(401);
    expect((await new Client(t.url).login(made.login, made.password)).status).toBe(401);
    await admin.json('PATCH', `/api/users/${id}`, { active: true, displayName: '科技厅填报员' });
    expect((await admin.request('POST', `/api/users/${id}/password`, { password: 'reset-password-1' })).status).toBe(204);
    expect((await new Client(t.url).login(made.login, 'reset-password-1')).status).toBe(200);
    const self = (await admin.json<{ user: { id: number } }>('GET', '/api/session')).body.user.id;
    expect((await admin.json<ErrorBody>('PATCH', `/api/users/${self}`, { active: false })).status).toBe(400);
    expect((await user.json('PATCH', `/api/users/${id}`, { role: 'admin' })).status).toBe(401);
    const other = await loginAs(t, 'hn-yjt.reporter');
    expect((await other.json('PATCH', `/api/users/${id}`, { role: 'admin' })).status).toBe(403);
    expect((await other.json('POST', `/api/users/${id}/password`, { password: 'x-password-2' })).status).toBe(403);
  });

  it('rejects oversize and malformed bodies with a clear JSON error', async () => {
    const c = new Client(t.url);
    const notJson = await c.json<ErrorBody>('POST', '/api/session', '{"login":', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
    const huge = await c.json<ErrorBody>('POST', '/api/session', JSON.stringify({ login: 'a', password: 'x'.repeat(2_000_000) }), {
      'content-type': 'application/json',
    });
    expect(huge.status).toBe(413);
    const missing = await c.json<ErrorBody>('POST', '/api/session', { login: 'admin' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_failed');
  });
});

describe.each(DIALECTS)('login rate limit on %s', (dialect) => {
  let t: TestServer;
  // Behind a (pretend) proxy, so each test logs in from an address of its own, and counts
  // only its own failures; the accounts each test uses are its own too.
  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '5', TRUST_PROXY: 'true' } });
  });
  afterAll(async () => t?.close());
  const loginFrom = (address: string, login: string, password: string) =>
    new Client(t.url).json<ErrorBody>('POST', '/api/session', { login, password }, { 'x-forwarded-for': address });

  it('blocks an account after repeated failures, even with the right password, and says when to retry', async () => {
    const address = '203.0.113.1';
    for (let i = 0; i < 3; i++) expect((await loginFrom(address, 'hn-czt.reporter', 'wrong-password')).status).toBe(401);
    const blocked = await loginFrom(address, 'hn-czt.reporter', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('login_locked');
    const response = await new Client(t.url).request('POST', '/api/session', { login: 'hn-czt.reporter', password: DEMO_PASSWORD }, { 'x-forwarded-for': address });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('blocks an address after repeated failures across accounts', async () => {
    const address = '203.0.113.2';
    // Five failures from one address, none of them three on one account.
    for (const login of ['hn-slt.reporter', 'hn-slt.signatory', 'hn-swt.reporter', 'hn-swt.signatory', 'hn-wlt.signatory']) {
      expect((await loginFrom(address, login, 'wrong-password')).status).toBe(401);
    }
    expect((await loginFrom(address, 'hn-wlt.reporter', DEMO_PASSWORD)).status).toBe(429);
    // The same account from another address is not blocked: the address was.
    expect((await loginFrom('203.0.113.3', 'hn-wlt.reporter', DEMO_PASSWORD)).status).toBe(200);
  });
});
