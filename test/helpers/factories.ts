import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { expect } from 'vitest';
import type { Unit } from '../../src/domain/unit.js';
import { SEED_PLAN } from '../../src/services/load-demo.js';
import { Client } from './client.js';
import { DEMO_PASSWORD } from './test-server.js';
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
  const imported = await office.json<{ id: number }>('POST', '/api/plans', { text: seedPlanText(tag), filename: 'plan.txt' });
  expect(imported.status).toBe(201);
  return imported.body.id;
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

export async function seal(signatory: Client, replyId: number): Promise<void> {
  expect((await signatory.json('POST', `/api/replies/${replyId}/seal`)).status).toBe(200);
}
