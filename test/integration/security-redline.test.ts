import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationState } from '../../src/services/support/consultation-rows.js';
import type { RedlineView } from '../../src/services/get-redline.js';
import type { OpinionRow } from '../../src/services/list-opinions.js';
import { Client } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

describe.each(DIALECTS)('the redline serves opinion data only to those who may read the opinions, on %s', (dialect) => {
  let t: TestServer;
  let planId: number;
  let all: OpinionRow[];
  const as = async (login: string) => {
    const c = new Client(t.url);
    expect((await c.login(login, DEMO_PASSWORD)).status).toBe(200);
    return c;
  };
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    const office = await as('office');
    const list = await office.json<{ consultations: ConsultationState[] }>('GET', '/api/consultations');
    const c = list.body.consultations.find((x) => x.planTitle === '2021年湖南省新型城镇化工作要点')!;
    planId = c.planId;
    all = (await office.json<OpinionRow[]>('GET', `/api/consultations/${c.id}/opinions`)).body;
    expect(all.length).toBeGreaterThan(2);
  });
  afterAll(async () => t?.close());

  it('gives the office every sealed opinion', async () => {
    const view = (await (await as('office')).json<RedlineView>('GET', `/api/plans/${planId}/redline`)).body;
    expect(view.opinions.map((o) => o.id).sort()).toEqual(all.map((o) => o.id).sort());
  });

  it('gives a consulted unit only its own opinions, and only their ids in the links', async () => {
    const gat = await as('hn-gat.reporter');
    const view = (await gat.json<RedlineView>('GET', `/api/plans/${planId}/redline`)).body;
    const own = all.filter((o) => o.unitName === '省公安厅').map((o) => o.id);
    expect(own.length).toBeGreaterThan(0);
    expect(view.opinions.map((o) => o.id).sort()).toEqual(own.sort());
    for (const change of view.changes) for (const id of change.opinionIds) expect(own).toContain(id);
    for (const id of view.adoptedWithoutChange) expect(own).toContain(id);
    const body = JSON.stringify(view);
    for (const o of all.filter((x) => x.unitName !== '省公安厅')) expect(body).not.toContain(o.content);
  });

  it('gives a unit that sealed nothing (and a 市州 never consulted) the text diff without any opinion data', async () => {
    for (const login of ['hn-mzt.reporter', '430100.signatory']) {
      const res = await (await as(login)).json<RedlineView>('GET', `/api/plans/${planId}/redline`);
      expect(res.status).toBe(200);
      expect(res.body.changes.length).toBeGreaterThan(0);
      expect(res.body.opinions).toEqual([]);
      expect(res.body.adoptedWithoutChange).toEqual([]);
      expect(res.body.quoteGone).toEqual([]);
      expect(res.body.quoteMoved).toEqual([]);
      expect(res.body.changes.every((ch) => ch.opinionIds.length === 0)).toBe(true);
      const body = JSON.stringify(res.body);
      for (const o of all) expect(body).not.toContain(o.content);
    }
  });
});
