import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanPublication, PublicOverview, PublicPlan, PublicPlanSummary, PublicSnapshot } from '../../src/contract/public.js';
import { Client } from '../helpers/client.js';
import { DIALECTS } from '../helpers/databases.js';
import { loginAs, seedPlanText } from '../helpers/factories.js';
import { ADMIN_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

interface ErrorBody {
  error: { code: string };
}
interface TaskRow {
  id: number;
  title: string;
  leadUnitId: number | null;
  status: string;
  percent: number | null;
  light: string;
}

const sorted = (o: object) => Object.keys(o).sort();
const PLAN_KEYS = ['closed', 'id', 'lights', 'notices', 'percent', 'publishedAt', 'sections', 'show', 'tasks', 'title', 'updatedAt', 'version'];
const SUMMARY_KEYS = ['closed', 'id', 'percent', 'show', 'tasks', 'title', 'updatedAt', 'version'];
const SECTION_KEYS = ['lights', 'percent', 'tasks', 'title'];
const TASK_KEYS = ['closed', 'dueDate', 'id', 'leadUnit', 'light', 'percent', 'title'];

/** Every key of the public plan's JSON is one of the published ones, at every level. */
function expectOnlyPublicKeys(plan: PublicPlan) {
  expect(sorted(plan)).toEqual(PLAN_KEYS);
  for (const s of plan.sections) {
    expect(sorted(s)).toEqual(SECTION_KEYS);
    for (const task of s.tasks) expect(sorted(task)).toEqual(TASK_KEYS);
  }
  for (const n of plan.notices) expect(sorted(n)).toEqual(['id', 'publishedAt', 'title']);
}

describe.each(DIALECTS)("a plan's public progress on %s", (dialect) => {
  // The demo publishes the seed plan's progress (lights) and its consultation's adoption notice.
  let t: TestServer;
  let anonymous: Client;
  let office: Client;
  let seedId = 0;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    anonymous = new Client(t.url);
    office = await loginAs(t, 'office');
  });
  afterAll(async () => t?.close());

  it("shows the demo's plan to anyone: sections, tasks, lights, accepted completion and the adoption notice; nothing internal", async () => {
    const overview = await anonymous.json<PublicOverview>('GET', '/api/public/overview');
    expect(overview.status).toBe(200);
    expect(sorted(overview.body)).toEqual(['indicators', 'notices', 'plans', 'registers', 'updatedAt']);
    expect(overview.body.plans).toHaveLength(1);
    const summary = overview.body.plans[0]!;
    expect(sorted(summary)).toEqual(SUMMARY_KEYS);
    expect(summary).toMatchObject({ title: '2021年湖南省新型城镇化工作要点', version: 2, show: 'lights' });
    seedId = summary.id;
    expect(overview.body.notices).toHaveLength(1);
    expect(overview.body.updatedAt! >= summary.updatedAt).toBe(true);

    const list = await anonymous.json<PublicPlanSummary[]>('GET', '/api/public/plans');
    expect(list.body).toEqual(overview.body.plans);

    const plan = await anonymous.json<PublicPlan>('GET', `/api/public/plans/${seedId}`);
    expect(plan.status).toBe(200);
    expectOnlyPublicKeys(plan.body);
    expect(plan.body.tasks).toBeGreaterThan(10);
    expect(plan.body.sections.flatMap((s) => s.tasks)).toHaveLength(plan.body.tasks);
    for (const s of plan.body.sections) expect(s.title).toMatch(/^[一二三四五六七八九十]+、\S/);
    const lights = plan.body.lights!;
    expect(lights.green + lights.yellow + lights.red).toBe(plan.body.tasks);

    // The lights and percents are the ledger's own.
    const ledger = (await office.json<TaskRow[]>('GET', `/api/plans/${seedId}/tasks`)).body;
    const published = new Map(plan.body.sections.flatMap((s) => s.tasks).map((task) => [task.id, task]));
    for (const row of ledger) {
      expect(published.get(row.id), row.title).toMatchObject({ title: row.title, light: row.light, percent: row.percent, closed: row.status === 'closed' });
    }

    // The adoption notice is linked, and readable with no account.
    expect(plan.body.notices).toHaveLength(1);
    expect((await anonymous.json('GET', `/api/public/consultations/${plan.body.notices[0]!.id}`)).status).toBe(200);

    // No report text, comment, override reason or answer of the demo's ledger.
    const text = JSON.stringify(plan.body);
    for (const internal of ['年度任务已完成，经复核佐证材料齐全', '主体工程已完工，待竣工验收', '因牵头处室人员调整延误报送', '评估报告已形成初稿', '第三季度调度未报送新型智慧城市建设进展']) {
      expect(text).not.toContain(internal);
    }
  });

  it('counts a report only once the office accepts it, and never shows its text or the return comment', async () => {
    const ledger = (await office.json<TaskRow[]>('GET', `/api/plans/${seedId}/tasks`)).body;
    const open = ledger.find((row) => row.status === 'open' && row.leadUnitId !== null)!;
    const units = (await office.json<{ units: { id: number; code: string }[] }>('GET', '/api/units')).body.units;
    const lead = units.find((u) => u.id === open.leadUnitId)!.code;
    const taskOf = async () => (await anonymous.json<PublicPlan>('GET', `/api/public/plans/${seedId}`)).body.sections.flatMap((s) => s.tasks).find((x) => x.id === open.id)!;
    const before = await taskOf();
    const round = await office.json<{ id: number }>('POST', `/api/plans/${seedId}/rounds`, { title: '公开测试调度', periodStart: '2022-01-01', periodEnd: '2022-03-31', dueDate: '2099-12-31' });
    expect(round.status).toBe(201);
    const path = `/api/rounds/${round.body.id}/tasks/${open.id}/report`;
    const reporter = await loginAs(t, `${lead}.reporter`);
    const signatory = await loginAs(t, `${lead}.signatory`);
    const report = { progress: 'PUBLIC-TEST-PROGRESS 进展', problems: 'PUBLIC-TEST-PROBLEMS', nextSteps: 'PUBLIC-TEST-NEXT', percent: 97 };
    expect((await reporter.json('PUT', path, report)).status).toBe(200);
    expect(await taskOf()).toEqual(before);
    expect((await signatory.json('POST', `${path}/submit`, {})).status).toBe(200);
    expect(await taskOf()).toEqual(before);
    expect((await office.json('POST', `${path}/review`, { accept: false, comment: 'PUBLIC-TEST-RETURN-COMMENT', unitId: open.leadUnitId })).status).toBe(200);
    expect(await taskOf()).toEqual(before);
    expect((await reporter.json('PUT', path, report)).status).toBe(200);
    expect((await signatory.json('POST', `${path}/submit`, {})).status).toBe(200);
    const was = (await anonymous.json<PublicPlan>('GET', `/api/public/plans/${seedId}`)).body.updatedAt;
    expect((await office.json('POST', `${path}/review`, { accept: true, unitId: open.leadUnitId })).status).toBe(200);
    const after = await anonymous.json<PublicPlan>('GET', `/api/public/plans/${seedId}`);
    expect(after.body.sections.flatMap((s) => s.tasks).find((x) => x.id === open.id)!.percent).toBe(97);
    expect(after.body.updatedAt > was).toBe(true);
    expect(JSON.stringify(after.body)).not.toContain('PUBLIC-TEST');
    expectOnlyPublicKeys(after.body);
  });

  it('lets only the provincial office publish and withdraw, shows completion only when told, and never an unpublished plan', async () => {
    const reporter = await loginAs(t, 'hn-fgw.reporter');
    const signatory = await loginAs(t, 'hn-fgw.signatory');
    const cityOffice = await loginAs(t, '430100.office');
    const admin = new Client(t.url);
    expect((await admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
    const url = `/api/plans/${seedId}/publication`;
    for (const c of [reporter, signatory, cityOffice]) {
      expect((await c.json<ErrorBody>('PUT', url, { show: 'completion' })).status).toBe(403);
      expect((await c.json<ErrorBody>('DELETE', url)).status).toBe(403);
      expect((await c.json<ErrorBody>('GET', url)).status).toBe(403);
    }
    expect((await anonymous.json<ErrorBody>('PUT', url, { show: 'completion' })).status).toBe(401);
    expect((await anonymous.json<ErrorBody>('DELETE', url)).status).toBe(401);
    expect((await office.json<PlanPublication>('GET', url)).body).toMatchObject({ planId: seedId, published: true, show: 'lights' });
    expect((await office.json<ErrorBody>('PUT', url, { show: 'everything' })).status).toBe(400);

    // Completion only: no light anywhere.
    const completion = await office.json<PlanPublication>('PUT', url, { show: 'completion' });
    expect(completion.status).toBe(200);
    expect(completion.body).toMatchObject({ published: true, show: 'completion' });
    const plain = (await anonymous.json<PublicPlan>('GET', `/api/public/plans/${seedId}`)).body;
    expectOnlyPublicKeys(plain);
    expect(plain.lights).toBeNull();
    expect(plain.sections.every((s) => s.lights === null && s.tasks.every((task) => task.light === null))).toBe(true);

    // Withdrawn: gone from the portal, 404 for anyone; then published again (by the admin).
    const withdrawn = await office.json<PlanPublication>('DELETE', url);
    expect(withdrawn.body).toEqual({ planId: seedId, published: false, show: null, publishedAt: null, updatedAt: null });
    const gone = await anonymous.json<ErrorBody>('GET', `/api/public/plans/${seedId}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('plan_not_public');
    expect((await anonymous.json<PublicOverview>('GET', '/api/public/overview')).body.plans).toEqual([]);
    expect((await admin.json<PlanPublication>('PUT', url, { show: 'lights' })).body).toMatchObject({ published: true, show: 'lights' });
    expect((await anonymous.json('GET', `/api/public/plans/${seedId}`)).status).toBe(200);

    // Every change is audited; publishing what is already shown records nothing.
    const events = async () =>
      (await admin.json<{ events: { action: string; entityId: number | null }[] }>('GET', '/api/audit?limit=200')).body.events.filter((e) => e.action.startsWith('plan.progress.'));
    const counted = (await events()).length;
    expect((await admin.json('PUT', url, { show: 'lights' })).status).toBe(200);
    expect((await events()).length).toBe(counted);
    expect((await events()).map((e) => e.action)).toEqual(expect.arrayContaining(['plan.progress.publish', 'plan.progress.unpublish']));

    // A plan not published as final (a draft) cannot be made public, and is never public.
    const draft = await office.json<{ id: number }>('POST', '/api/plans', { text: seedPlanText(), filename: 'draft.txt' });
    expect(draft.status).toBe(201);
    const refused = await office.json<ErrorBody>('PUT', `/api/plans/${draft.body.id}/publication`, { show: 'lights' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('plan_not_published');
    expect((await anonymous.json('GET', `/api/public/plans/${draft.body.id}`)).status).toBe(404);
    expect((await anonymous.json('GET', '/api/public/plans/999999')).status).toBe(404);
  });

  it('pages a published snapshot on request and keeps the whole one without a page', async () => {
    const overview = (await anonymous.json<PublicOverview>('GET', '/api/public/overview')).body;
    const snapshot = overview.registers.flatMap((r) => r.snapshots).sort((a, b) => b.rowCount - a.rowCount)[0]!;
    const whole = (await anonymous.json<PublicSnapshot>('GET', `/api/public/snapshots/${snapshot.id}`)).body;
    expect(whole.rows).toHaveLength(snapshot.rowCount);
    expect(whole.total).toBeUndefined();
    const page = (await anonymous.json<PublicSnapshot>('GET', `/api/public/snapshots/${snapshot.id}?page=2&pageSize=7`)).body;
    expect(page).toMatchObject({ id: whole.id, label: whole.label, fields: whole.fields, total: snapshot.rowCount, page: 2, pageSize: 7 });
    expect(page.rows).toEqual(whole.rows.slice(7, 14));
    const last = Math.ceil(snapshot.rowCount / 50);
    expect((await anonymous.json<PublicSnapshot>('GET', `/api/public/snapshots/${snapshot.id}?page=${last}`)).body.rows).toEqual(whole.rows.slice((last - 1) * 50));
    expect((await anonymous.json('GET', `/api/public/snapshots/${snapshot.id}?pageSize=501`)).status).toBe(400);
  });

  it('compresses JSON for a client that accepts it', async () => {
    for (const encoding of ['br', 'gzip']) {
      const r = await fetch(`${t.url}/api/public/overview`, { headers: { 'accept-encoding': encoding } });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-encoding')).toBe(encoding);
      expect(r.headers.get('vary')?.toLowerCase()).toContain('accept-encoding');
      expect(((await r.json()) as PublicOverview).plans).toHaveLength(1);
    }
    const plain = await fetch(`${t.url}/api/public/overview`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it.skipIf(!fs.existsSync(path.resolve('dist/web/index.html')))("compresses the web app's scripts and keeps them cacheable for good", async () => {
    const assets = path.resolve('dist/web/assets');
    const largest = fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .sort((a, b) => fs.statSync(path.join(assets, b)).size - fs.statSync(path.join(assets, a)).size)[0]!;
    const r = await fetch(`${t.url}/assets/${largest}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBe('br');
    expect(r.headers.get('cache-control')).toContain('immutable');
    expect((await r.text()).length).toBe(fs.readFileSync(path.join(assets, largest), 'utf8').length);
  });
});
