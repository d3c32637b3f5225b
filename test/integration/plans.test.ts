import fs from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/unit.js';
import type { PlanView } from '../../src/services/get-plan.js';
import { SEED_PLAN } from '../../src/services/load-demo.js';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { SEED_TITLE, loginAdmin, loginAs, makePlan, seedPlanText } from '../helpers/factories.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

const SEED = fs.readFileSync(SEED_PLAN);

function upload(bytes: Uint8Array, filename: string, type = 'text/plain'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  return form;
}

describe.each(DIALECTS)('plans over HTTP on %s', (dialect) => {
  let t: TestServer;
  // Read-only fixtures from the demo the server loads at start: the registry and the seed plan,
  // which no test changes (the corrections test works on a plan of its own).
  let units: Map<string, Unit>;
  let seedId: number;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { MAX_UPLOAD_MB: '1' } });
    const office = await loginAs(t, 'office');
    const list = await office.json<{ units: Unit[] }>('GET', '/api/units');
    units = new Map(list.body.units.map((u) => [u.shortName, u]));
    const plans = await office.json<{ plans: { id: number; title: string; items: number }[] }>('GET', '/api/plans');
    seedId = plans.body.plans.find((p) => p.title === SEED_TITLE)!.id;
  });
  afterAll(async () => t?.close());

  it('has the seed as the demo plan, with 22 items, units with their ids and the cover letter', async () => {
    const office = await loginAs(t, 'office');
    const { status, body } = await office.json<PlanView>('GET', `/api/plans/${seedId}`);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(22);
    expect(body.letter?.deadline).toBe('2021-07-21');
    const first = body.items[0]!;
    expect(first.title).toBe('有序放开放宽城市落户限制');
    expect(first.responsible[0]).toMatchObject({ unit: '省公安厅', role: 'lead', unitId: units.get('省公安厅')!.id });
    const localities = first.responsible.find((r) => r.role === 'localities')!;
    expect(localities.expandsUnitIds).toHaveLength(14);
    expect(localities.expandsUnitIds).toContain(units.get('湘西土家族苗族自治州')!.id);
    for (const item of body.items) {
      for (const fact of [...item.responsible, ...item.targets]) expect(body.text.slice(fact.span[0], fact.span[1])).toBe(fact.raw);
    }
  });

  it('imports a GB18030 file by upload and gets the same plan as from UTF-8', async () => {
    const office = await loginAs(t, 'office');
    const gb = iconv.encode(SEED.toString('utf8'), 'gb18030');
    const imported = await office.json<{ id: number; items: number }>('POST', '/api/plans', upload(gb, '工作要点-gbk.txt'));
    expect(imported.status).toBe(201);
    expect(imported.body.items).toBe(22);
    const [a, b] = await Promise.all([
      office.json<PlanView>('GET', `/api/plans/${seedId}`),
      office.json<PlanView>('GET', `/api/plans/${imported.body.id}`),
    ]);
    expect(b.body.version.encoding).toBe('gb18030');
    expect(b.body.items.map((i) => [i.title, i.responsible.map((r) => r.unit)])).toEqual(
      a.body.items.map((i) => [i.title, i.responsible.map((r) => r.unit)]),
    );
    const source = await office.request('GET', `/api/plans/${imported.body.id}/source`);
    expect(Buffer.from(await source.arrayBuffer()).equals(gb)).toBe(true);
  });

  it('imports a .docx made with a Word library and gets the same plan as from the text', async () => {
    const office = await loginAs(t, 'office');
    const doc = new Document({ sections: [{ children: SEED.toString('utf8').split('\n').map((line) => new Paragraph(line)) }] });
    const bytes = await Packer.toBuffer(doc);
    const imported = await office.json<{ id: number; items: number }>(
      'POST',
      '/api/plans',
      upload(bytes, '工作要点.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    );
    expect(imported.status).toBe(201);
    const [a, b] = await Promise.all([
      office.json<PlanView>('GET', `/api/plans/${seedId}?version=1`),
      office.json<PlanView>('GET', `/api/plans/${imported.body.id}`),
    ]);
    expect(b.body.version.encoding).toBe('docx');
    expect(b.body.items.map((i) => [i.title, i.responsible.map((r) => r.unit), i.targets.map((x) => x.value)])).toEqual(
      a.body.items.map((i) => [i.title, i.responsible.map((r) => r.unit), i.targets.map((x) => x.value)]),
    );
  });

  it('imports the seed saved as a web page (.html, GBK) and gets the same plan as from the text; its source is served as an attachment, never as a page', async () => {
    const office = await loginAs(t, 'office');
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const body = SEED.toString('utf8').split('\n').map((line) => `<p>${escape(line)}</p>`).join('\n');
    const page = `<!DOCTYPE html><html><head><meta charset="gbk"><title>工作要点</title><script>alert(1)</script></head><body><div class="crumbs">首页 &gt; 文件</div>${body}</body></html>`;
    const bytes = iconv.encode(page, 'gbk');
    const imported = await office.json<{ id: number }>('POST', '/api/plans', upload(bytes, '工作要点.html', 'text/html'));
    expect(imported.status).toBe(201);
    const [a, b] = await Promise.all([
      office.json<PlanView>('GET', `/api/plans/${seedId}?version=1`),
      office.json<PlanView>('GET', `/api/plans/${imported.body.id}`),
    ]);
    expect(b.body.version.encoding).toBe('html');
    expect(b.body.items.map((i) => [i.title, i.responsible.map((r) => r.unit), i.targets.map((x) => x.value)])).toEqual(
      a.body.items.map((i) => [i.title, i.responsible.map((r) => r.unit), i.targets.map((x) => x.value)]),
    );
    const source = await office.request('GET', `/api/plans/${imported.body.id}/source`);
    expect(source.headers.get('content-type')).not.toContain('html');
    expect(source.headers.get('content-disposition')).toContain('attachment');
  });

  it('detects the same bytes imported twice and says which plan has them', async () => {
    const office = await loginAs(t, 'office');
    const bytes = new TextEncoder().encode(seedPlanText());
    expect((await office.json('POST', '/api/plans', upload(bytes, 'first.txt'))).status).toBe(201);
    const again = await office.json<ErrorBody>('POST', '/api/plans', upload(bytes, 'again.txt'));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('2021年湖南省新型城镇化工作要点');
  });

  it('imports pasted text as JSON', async () => {
    const office = await loginAs(t, 'office');
    const text = '某市2022年工作要点\n一、重点任务\n(一)推进老旧小区改造。完成改造120个小区。(市住建局牵头,市财政局配合)\n';
    const pasted = await office.json<{ id: number; items: number }>('POST', '/api/plans', { text, filename: 'pasted.txt' });
    expect(pasted.status).toBe(201);
    expect(pasted.body.items).toBe(1);
    const empty = await office.json<ErrorBody>('POST', '/api/plans', { text: '' });
    expect(empty.status).toBe(400);
  });

  it('refuses files that are not plans with a clear error and stores nothing', async () => {
    const office = await loginAs(t, 'office');
    const before = (await office.json<{ plans: unknown[] }>('GET', '/api/plans')).body.plans.length;
    const png = await office.json<ErrorBody>('POST', '/api/plans', upload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'x.png', 'image/png'));
    expect(png.status).toBe(415);
    const empty = await office.json<ErrorBody>('POST', '/api/plans', upload(new Uint8Array(), 'empty.txt'));
    expect(empty.status).toBe(400);
    const big = await office.json<ErrorBody>('POST', '/api/plans', upload(new Uint8Array(1_200_000).fill(0x41), 'big.txt'));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const prose = await office.json<ErrorBody>('POST', '/api/plans', { text: '今天天气很好。我们去公园散步。' });
    expect(prose.status).toBe(400);
    const after = (await office.json<{ plans: unknown[] }>('GET', '/api/plans')).body.plans.length;
    expect(after).toBe(before);
  });

  it('lets member units read plans but not import or correct them', async () => {
    const reporter = await loginAs(t, 'hn-gat.reporter');
    expect((await reporter.json('GET', `/api/plans/${seedId}`)).status).toBe(200);
    expect((await reporter.json('POST', '/api/plans', { text: '一、x\n(一)y。' })).status).toBe(403);
    expect((await reporter.json('POST', `/api/plans/${seedId}/edits`, { op: 'remove', itemOrdinal: 1, kind: 'target', span: [0, 1] })).status).toBe(403);
    expect((await new Client(t.url).json('GET', '/api/plans')).status).toBe(401);
  });

  it('stores corrections on top of the parse, audits them, and keeps them through a re-parse', async () => {
    const office = await loginAs(t, 'office');
    const planId = await makePlan(office);
    const plan = (await office.json<PlanView>('GET', `/api/plans/${planId}`)).body;
    const item6 = plan.items.find((i) => i.ordinal === 6)!;
    const wjw = item6.responsible.find((r) => r.raw.includes('卫建委'))!;
    const corrected = await office.json<PlanView>('POST', `/api/plans/${planId}/edits`, {
      op: 'update',
      itemOrdinal: 6,
      kind: 'responsible',
      span: wjw.span,
      values: { unitId: units.get('省民政厅')!.id, role: 'lead' },
    });
    expect(corrected.status).toBe(200);
    const fact = corrected.body.items[5]!.responsible.find((r) => r.span[0] === wjw.span[0])!;
    expect(fact).toMatchObject({ unit: '省民政厅', role: 'lead', source: 'parser', unitId: units.get('省民政厅')!.id });
    expect(fact.editIds).toHaveLength(1);

    // Add a target the parser did not find, by selecting its text.
    const item2 = plan.items.find((i) => i.ordinal === 2)!;
    const start = plan.text.indexOf('义务教育阶段公办学校学位', item2.span[0]);
    const added = await office.json<PlanView>('POST', `/api/plans/${planId}/edits`, {
      op: 'add',
      itemOrdinal: 2,
      kind: 'target',
      span: [start, start + 12],
      values: { value: 1000, unit: '个', comparator: '>=', subject: '公办学校学位' },
    });
    expect(added.status).toBe(200);
    expect(added.body.items[1]!.targets.find((x) => x.source === 'edit')).toMatchObject({ raw: '义务教育阶段公办学校学位', value: 1000 });

    const outside = await office.json<ErrorBody>('POST', `/api/plans/${planId}/edits`, {
      op: 'add',
      itemOrdinal: 2,
      kind: 'target',
      span: [0, 5],
      values: { value: 1, unit: '个' },
    });
    expect(outside.status).toBe(400);
    const bad = await office.json<ErrorBody>('POST', `/api/plans/${planId}/edits`, {
      op: 'update',
      itemOrdinal: 2,
      kind: 'target',
      span: item2.targets[0]!.span,
      values: { comparator: 'about' },
    });
    expect(bad.status).toBe(400);

    const reparsed = await office.json<PlanView>('POST', `/api/plans/${planId}/reparse`);
    expect(reparsed.status).toBe(200);
    expect(reparsed.body.items[5]!.responsible.find((r) => r.span[0] === wjw.span[0])!.unit).toBe('省民政厅');
    expect(reparsed.body.items[1]!.targets.some((x) => x.source === 'edit')).toBe(true);
    expect(reparsed.body.orphanedEdits).toEqual([]);

    const admin = await loginAdmin(t);
    const audit = await admin.json<{ events: { action: string; detail: { raw?: string } }[] }>('GET', `/api/audit?entity=plan&entityId=${planId}`);
    expect(audit.body.events.map((e) => e.action)).toEqual(expect.arrayContaining(['plan.fact.update', 'plan.fact.add', 'plan.reparse', 'plan.import']));
    expect((await admin.json<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);
  });
});
