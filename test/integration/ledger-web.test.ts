import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

interface PlanRow {
  id: number;
  title: string;
  stage: string;
  publishedVersion: number | null;
}

/** What the web app's ledger pages read to decide what to show: published plans and who may open a round. */
describe.each(DIALECTS)('what the ledger pages are told on %s', (dialect) => {
  let t: TestServer;
  const login = async (name: string) => {
    const c = new Client(t.url);
    expect((await c.login(name, DEMO_PASSWORD)).status).toBe(200);
    return c;
  };
  const seedPlan = async (c: Client) => {
    const plans = await c.json<{ plans: PlanRow[] }>('GET', '/api/plans');
    expect(plans.status).toBe(200);
    return plans.body.plans.find((p) => p.title === '2021年湖南省新型城镇化工作要点')!;
  };

  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists each plan with its stage and the version its ledger was published from', async () => {
    const plan = await seedPlan(await login('office'));
    expect(plan).toMatchObject({ stage: 'published', publishedVersion: 2 });
  });

  it('tells the provincial office and a 市州 office they may open a round, and a unit that it may not', async () => {
    const office = await login('office');
    const planId = (await seedPlan(office)).id;
    const allowed = async (c: Client) => {
      const r = await c.json<{ rounds: { id: number }[]; allowed: { open: boolean } }>('GET', `/api/plans/${planId}/rounds`);
      expect(r.status).toBe(200);
      expect(r.body.rounds.length).toBeGreaterThan(0);
      return r.body.allowed.open;
    };
    expect(await allowed(office)).toBe(true);
    expect(await allowed(await login('430100.office'))).toBe(true);
    expect(await allowed(await login('hn-zrzyt.reporter'))).toBe(false);
    expect(await allowed(await login('hn-zrzyt.signatory'))).toBe(false);
  });
});
