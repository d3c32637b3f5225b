import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationState } from '../../src/services/support/consultation-rows.js';
import type { RedlineView } from '../../src/services/get-redline.js';
import type { OpinionRow } from '../../src/services/list-opinions.js';
import { Client } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

describe.each(DIALECTS)('the demo on %s', (dialect) => {
  let t: TestServer;
  let office: Client;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    office = new Client(t.url);
    await office.login('office', DEMO_PASSWORD);
  });
  afterAll(async () => t?.close());

  it("holds the seed's consultation as it went: real deadline, replies, one late, the rest 逾期未反馈", async () => {
    const list = await office.json<{ consultations: ConsultationState[] }>('GET', '/api/consultations');
    const c = list.body.consultations.find((x) => x.planTitle === '2021年湖南省新型城镇化工作要点')!;
    expect(c).toMatchObject({ deadline: '2021-07-21', status: 'closed', versionNumber: 1 });
    expect(c.recipients).toHaveLength(22);
    const by = (status: string) => c.recipients.filter((r) => r.status === status).map((r) => r.unitName).sort();
    expect(by('no_opinion')).toEqual(['省教育厅']);
    expect(by('late')).toEqual(['省人社厅']);
    expect(by('replied')).toEqual(['省住房城乡建设厅', '省公安厅', '省发改委'].sort());
    expect(by('not_replied')).toHaveLength(17);

    const opinions = (await office.json<OpinionRow[]>('GET', `/api/consultations/${c.id}/opinions`)).body;
    expect(new Set(opinions.map((o) => o.itemOrdinal))).toEqual(new Set([2, 3, 15]));
    // Every opinion decided, and the adoption notice published (the public pages link it).
    expect(opinions.filter((o) => o.disposition === null)).toEqual([]);
    expect(c.publishedAt).not.toBeNull();
    expect((await new Client(t.url).json('GET', `/api/public/consultations/${c.id}`)).status).toBe(200);
    for (const o of opinions) {
      expect((await office.json<{ valid: boolean }>('GET', `/api/replies/${o.replyId}/verify`)).body.valid).toBe(true);
    }

    const redline = (await office.json<RedlineView>('GET', `/api/plans/${c.planId}/redline`)).body;
    expect(redline).toMatchObject({ from: 1, to: 2 });
    const linked = redline.changes.filter((ch) => ch.opinionIds.length > 0);
    expect(linked).toHaveLength(1);
    // 省公安厅's adopted opinion is answered by the linked change; 省住建厅's partly adopted one
    // has no change yet, and the redline says so.
    const gat = opinions.find((o) => o.unitName === '省公安厅')!;
    const zjt = opinions.find((o) => o.unitName === '省住房城乡建设厅' && o.disposition === 'partly_adopted')!;
    expect(linked[0]!.opinionIds).toEqual([gat.id]);
    expect(redline.adoptedWithoutChange).toEqual([zjt.id]);

    const admin = new Client(t.url);
    await admin.login('admin', ADMIN_PASSWORD);
    expect((await admin.json<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);
  });
});
