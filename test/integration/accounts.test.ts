import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/contract/audit.js';
import type { Session } from '../../src/contract/session.js';
import type { User } from '../../src/contract/users.js';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { loginAs, unitsByCode } from '../helpers/factories.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

/**
 * Account care (issue 12): a password given by an admin must be changed before anything else
 * is written; demo accounts whose passwords came from the environment are not forced; the
 * audit trail shows people's names.
 */
describe.each(DIALECTS)('accounts over HTTP on %s', (dialect) => {
  let t: TestServer;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    admin = new Client(t.url);
    expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('does not force demo accounts whose passwords came from the environment', async () => {
    const session = await admin.json<Session>('GET', '/api/session');
    expect(session.body.mustChangePassword).toBe(false);
    const reporter = await loginAs(t, 'hn-gat.reporter');
    expect((await reporter.json<Session>('GET', '/api/session')).body.mustChangePassword).toBe(false);
  });

  it('forces a change after an admin resets a password: every other write answers 403 password_change_required until then', async () => {
    const user = await loginAs(t, 'hn-kjt.reporter');
    const id = (await user.json<Session>('GET', '/api/session')).body.user.id;
    expect((await admin.request('POST', `/api/users/${id}/password`, { password: 'given-by-admin-1' })).status).toBe(204);
    const forced = new Client(t.url);
    const login = await forced.login('hn-kjt.reporter', 'given-by-admin-1');
    expect(login.status).toBe(200);
    expect((login.body as unknown as Session).mustChangePassword).toBe(true);
    const session = await forced.json<Session>('GET', '/api/session');
    expect(session.body.mustChangePassword).toBe(true);
    expect(session.body.user.mustChangePassword).toBe(true);
    // Reading works; writing does not.
    expect((await forced.json('GET', '/api/todos')).status).toBe(200);
    const write = await forced.json<ErrorBody>('POST', '/api/notifications/read', { ids: [] });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('password_change_required');
    expect(write.body.error.message).toContain('修改密码');
    // The language may still be chosen, and the password changed.
    expect((await forced.json('PATCH', '/api/session/preferences', { locale: 'zh-CN' })).status).toBe(200);
    const same = await forced.json<ErrorBody>('POST', '/api/session/password', { currentPassword: 'given-by-admin-1', newPassword: 'mine-own-pass-7' });
    expect(same.status).toBe(204);
    expect((await forced.json<Session>('GET', '/api/session')).body.mustChangePassword).toBe(false);
    expect((await forced.json('POST', '/api/notifications/read', { ids: [] })).status).toBe(200);
    // The admin sees who still has to change it.
    const users = (await admin.json<{ users: User[] }>('GET', '/api/users')).body.users;
    expect(users.find((u) => u.id === id)!.mustChangePassword).toBe(false);
  });

  it('forces accounts an admin adds, and lets admins edit, disable and re-enable them', async () => {
    const units = await unitsByCode(admin);
    const added = await admin.json<User>('POST', '/api/users', { login: 'new.clerk', displayName: '新填报员', unitId: units.get('hn-gat')!.id, role: 'reporter', password: 'first-pass-2021' });
    expect(added.status).toBe(201);
    expect(added.body.mustChangePassword).toBe(true);
    const edited = await admin.json<User>('PATCH', `/api/users/${added.body.id}`, { displayName: '公安厅新填报员', email: 'clerk@example.invalid' });
    expect(edited.body).toMatchObject({ displayName: '公安厅新填报员', email: 'clerk@example.invalid', mustChangePassword: true });
    expect((await admin.json<User>('PATCH', `/api/users/${added.body.id}`, { active: false })).body.active).toBe(false);
    expect((await new Client(t.url).login('new.clerk', 'first-pass-2021')).status).toBe(401);
    expect((await admin.json<User>('PATCH', `/api/users/${added.body.id}`, { active: true })).body.active).toBe(true);
    const clerk = new Client(t.url);
    expect((await clerk.login('new.clerk', 'first-pass-2021')).status).toBe(200);
    expect((await clerk.json<Session>('GET', '/api/session')).body.mustChangePassword).toBe(true);
  });

  it('shows people’s names in the audit trail, with the login kept', async () => {
    const page = await admin.json<AuditPage>('GET', '/api/audit?action=user.create');
    const event = page.body.events.find((e) => e.action === 'user.create')!;
    expect(event.actorLogin).toBe('admin');
    expect(event.actorName).toBe('系统管理员');
    const system = await admin.json<AuditPage>('GET', '/api/audit?action=demo.load');
    expect(system.body.events[0]!.actorName).toBe(system.body.events[0]!.actorLogin);
  });

  it('names the objects and the ids in an event’s detail, where that is cheap', async () => {
    const page = await admin.json<{ events: { action: string; entity: string; entityName: string | null; detail: Record<string, unknown>; names: Record<string, string> }[] }>('GET', '/api/audit?action=user.create');
    const event = page.body.events.find((e) => e.entity === 'user' && e.detail.unitId !== undefined)!;
    expect(event.entityName).toEqual(expect.any(String));
    expect(event.names.unitId).toMatch(/[\u4e00-\u9fff]/);
    const sealed = await admin.json<{ events: { names: Record<string, string> }[] }>('GET', '/api/audit?action=reply.seal&limit=1');
    expect(Object.keys(sealed.body.events[0]!.names).sort()).toEqual(['consultationId', 'unitId']);
  });

  it('a reset by the admin still needs a proper password', async () => {
    const other = await loginAs(t, 'hn-yjt.reporter');
    const id = (await other.json<Session>('GET', '/api/session')).body.user.id;
    const weak = await admin.json<ErrorBody>('POST', `/api/users/${id}/password`, { password: DEMO_PASSWORD });
    expect(weak.status).toBe(400);
  });
});
