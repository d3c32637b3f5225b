import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { expect } from 'vitest';
import type { Unit } from '../../src/domain/unit.js';
import { SEED_PLAN } from '../../src/services/load-demo.js';
import { Client } from './client.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './test-server.js';
import type { TestServer } from './test-server.js';

/**
 * Small factories for integration tests: each test builds the plan, consultation and
 * replies it needs on a shared server, so no test depends on what another one left behind.
 */
export const SEED_TITLE = '2021年湖南省新型城镇化工作要点';

export async function loginAs(t: TestServer, login: string): Promise<Client> {
  const c = new Client(t.url);
  const r = await c.login(login, DEMO_PASSWORD);
  expect(r.status).toBe(200);
  return c;
}

/** The demo plan under a fresh title (and so fresh bytes): a new plan each call. */
export function seedPlanText(tag = randomBytes(4).toString('hex')): string {
  return fs.readFileSync(SEED_PLAN, 'utf8').replace(SEED_TITLE, `${SEED_TITLE}（${tag}）`);
}

export async function makePlan(office: Client, tag?: string): Promise<number> {
  return importPlan(office, seedPlanText(tag));
}

/** Imports the given plan text (pasted, as JSON) and returns the new plan's id. */
export async function importPlan(office: Client, text: string, filename = 'plan.txt'): Promise<number> {
  const imported = await office.json<{ id: number }>('POST', '/api/plans', { text, filename });
  expect(imported.status).toBe(201);
  return imported.body.id;
}

export async function loginAdmin(t: TestServer): Promise<Client> {
  const c = new Client(t.url);
  expect((await c.login('admin', ADMIN_PASSWORD)).status).toBe(200);
  return c;
}

export interface MadeUser {
  id: number;
  login: string;
  password: string;
}

/**
 * A fresh account of its own (a new login each call), for tests that change passwords,
 * disable accounts or otherwise alter a user: the demo accounts stay as every test expects.
 */
export async function makeUser(admin: Client, unitId: number, role = 'reporter', tag = randomBytes(4).toString('hex')): Promise<MadeUser> {
  const login = `t-${tag}.${role}`;
  const password = `pass-${tag}-2021`;
  const r = await admin.json<{ id: number }>('POST', '/api/users', { login, displayName: `测试用户${tag}`, unitId, role, password });
  expect(r.status).toBe(201);
  return { id: r.body.id, login, password };
}

/** A unit of its own in the registry (a new code each call). */
export async function makeUnit(admin: Client, fields: Record<string, unknown> = {}): Promise<Unit> {
  const tag = randomBytes(3).toString('hex');
  const r = await admin.json<Unit>('POST', '/api/units', { code: `t-${tag}`, name: `湖南省测试厅${tag}`, shortName: `省测试厅${tag}`, kind: 'department', ...fields });
  expect(r.status).toBe(201);
  return r.body;
}

export async function makeConsultation(office: Client, planId: number, body: Record<string, unknown> = {}): Promise<number> {
  const opened = await office.json<{ id: number }>('POST', `/api/plans/${planId}/consultations`, body);
  expect(opened.status).toBe(201);
  return opened.body.id;
}

export async function unitsByCode(office: Client): Promise<Map<string, Unit>> {
  return new Map((await office.json<{ units: Unit[] }>('GET', '/api/units')).body.units.map((u) => [u.code, u]));
}

/** The codes of the units a consultation was sent to (member units with demo accounts). */
export async function recipientCodes(office: Client, consultationId: number): Promise<string[]> {
  const c = await office.json<{ recipients: { unitCode: string }[] }>('GET', `/api/consultations/${consultationId}`);
  return c.body.recipients.map((r) => r.unitCode);
}

export async function draft(reporter: Client, consultationId: number, body: Record<string, unknown>): Promise<number> {
  const r = await reporter.json<{ id: number }>('POST', `/api/consultations/${consultationId}/replies`, body);
  expect(r.status).toBe(201);
  return r.body.id;
}

export async function seal(signatory: Client, replyId: number, body?: Record<string, unknown>): Promise<void> {
  expect((await signatory.json('POST', `/api/replies/${replyId}/seal`, body)).status).toBe(200);
}

/** A unit's reply drafted by its reporter and sealed by its signatory (demo accounts `CODE.reporter` / `CODE.signatory`). */
export async function sealedReply(t: TestServer, unitCode: string, consultationId: number, body: Record<string, unknown>): Promise<number> {
  const id = await draft(await loginAs(t, `${unitCode}.reporter`), consultationId, body);
  await seal(await loginAs(t, `${unitCode}.signatory`), id);
  return id;
}

/**
 * A register of its own with a built-in register's definition (by default 老旧小区改造项目库)
 * under a fresh key and name; its roll-up indicators get fresh keys too (`KEY-TAG`).
 * Returns the new register's id and the tag.
 */
export async function makeRegister(office: Client, builtinKey = 'old-communities', tag = randomBytes(3).toString('hex')): Promise<{ id: number; tag: string }> {
  const registers = await office.json<{ id: number; key: string }[]>('GET', '/api/registers');
  const builtin = registers.body.find((r) => r.key === builtinKey)!;
  const { definition } = (await office.json<{ definition: { key: string; name: string; rollups?: { indicator: string }[] } }>('GET', `/api/registers/${builtin.id}`)).body;
  const own = {
    ...definition,
    key: `${definition.key}-${tag}`,
    name: `${definition.name}（${tag}）`,
    rollups: (definition.rollups ?? []).map((r) => ({ ...r, indicator: `${r.indicator}-${tag}` })),
  };
  const made = await office.json<{ id: number }>('POST', '/api/registers', { definition: own });
  expect(made.status).toBe(201);
  return { id: made.body.id, tag };
}
