import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/unit.js';
import type { Client, ErrorBody } from '../helpers/client.js';
import { TestClock } from '../helpers/clock.js';
import { DIALECTS } from '../helpers/databases.js';
import { loginAs, unitsByCode } from '../helpers/factories.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

interface IndicatorPage {
  id: number;
  target: number;
  actual: number | null;
  allocated: number;
  remainder: number;
  units: { unitId: number; allocated: number | null; own: number | null; actual: number | null }[];
  level: { unitId: number; available: number | null; allocated: number; remainder: number | null; canAllocate: boolean };
}

interface TaskRow {
  id: number;
  itemOrdinal: number | null;
  ownerUnitId: number;
  parentTaskId: number | null;
  leadUnitId: number | null;
  status: string;
}

// The demo (loaded by the test server) is the seed plan published in 2021 with its rounds,
// allocations and 长沙市's local measure; the clock stands after it all. That demo is the
// fixture: every test starts from it as loaded, and leaves what it reads as it found it
// (the allocation totals, 长沙市's local measure closed); the one test that leaves the
// local measure changed (a new round, a reopened task) runs on a server of its own.
const NOW = '2022-02-01T02:00:00Z';
describe.each(DIALECTS)('cascade, allocation and supervision over HTTP on %s', (dialect) => {
  const clock = new TestClock(new Date(NOW));
  let t: TestServer;
  let units: Map<string, Unit>;
  const planId = 1;
  // Ids of the demo's records, the same on every server started from it.
  let renewal: TaskRow;
  let local: TaskRow;
  let indicatorId: number;
  const serverOptions = () => ({ dialect, clock, env: { REMINDER_INTERVAL_MINUTES: '0', SESSION_TTL_HOURS: '720' } });
  const login = (name: string, on = t) => loginAs(on, name);
  const id = (code: string) => units.get(code)!.id;
  const districts = () => [...units.values()].filter((u) => u.parentId === id('430100'));

  beforeAll(async () => {
    t = await startTestServer(serverOptions());
    const office = await login('office');
    units = await unitsByCode(office);
    const tasks = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks`)).body;
    renewal = tasks.find((x) => x.itemOrdinal === 15)!;
    const locals = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks?ownerUnitId=${id('430100')}`)).body;
    local = locals.find((x) => x.parentTaskId === renewal.id)!;
    indicatorId = (await office.json<{ indicators: { id: number }[] }>('GET', `/api/tasks/${renewal.id}`)).body.indicators[0]!.id;
  });
  beforeEach(() => clock.set(NOW));
  afterAll(async () => {
    await t?.close();
  });

  it('shows the province its 1500 communities divided among the 14 市州, with the actuals rolled up from the cities', async () => {
    const office = await login('office');
    const page = await office.json<IndicatorPage>('GET', `/api/indicators/${indicatorId}`);
    expect(page.status).toBe(200);
    expect(page.body.target).toBe(1500);
    expect(page.body.level).toMatchObject({ unitId: id('430000'), available: 1500, allocated: 1500, remainder: 0, canAllocate: true });
    const cities = page.body.units.filter((u) => units.get([...units.keys()].find((k) => units.get(k)!.id === u.unitId)!)!.kind === 'prefecture');
    expect(cities).toHaveLength(14);
    const sum = cities.reduce((a, u) => a + (u.actual ?? 0), 0);
    expect(page.body.actual).toBe(sum);
    // 长沙市 sent no figure of its own: its actual is its districts' sum.
    const cs = page.body.units.find((u) => u.unitId === id('430100'))!;
    expect(cs.own).toBeNull();
    const districtSum = page.body.units.filter((u) => districts().some((d) => d.id === u.unitId)).reduce((a, u) => a + (u.own ?? 0), 0);
    expect(cs.actual).toBe(districtSum);
    expect(districtSum).toBeGreaterThan(0);
  });

  it('refuses over-allocation with a clear message and keeps the allocation as it was', async () => {
    const office = await login('office');
    const current = (await office.json<IndicatorPage>('GET', `/api/indicators/${indicatorId}`)).body;
    const cities = [...units.values()].filter((u) => u.kind === 'prefecture');
    const tooMuch = cities.map((c) => ({ unitId: c.id, value: c.code === '430100' ? 300 : (current.units.find((u) => u.unitId === c.id)?.allocated ?? 0) }));
    const refused = await office.json<ErrorBody>('PUT', `/api/indicators/${indicatorId}/allocations`, { allocations: tooMuch });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('over_allocated');
    expect(refused.body.error.message).toContain('1540');
    expect(refused.body.error.message).toContain('1500');
    const after = (await office.json<IndicatorPage>('GET', `/api/indicators/${indicatorId}`)).body;
    expect(after.units.find((u) => u.unitId === id('430100'))!.allocated).toBe(260);
    expect(after.allocated).toBe(1500);
  });

  it('bounds a 市州 by its own share, to its own counties, and the province by what the 市州 passed down', async () => {
    const office = await login('office');
    const changsha = await login('430100.office');
    const page = await changsha.json<IndicatorPage>('GET', `/api/indicators/${indicatorId}`);
    expect(page.body.level).toMatchObject({ unitId: id('430100'), available: 260, allocated: 260, remainder: 0, canAllocate: true });
    const ds = districts();
    const over = ds.map((d, i) => ({ unitId: d.id, value: i === 0 ? 30 : (page.body.units.find((u) => u.unitId === d.id)?.allocated ?? 0) }));
    const refused = await changsha.json<ErrorBody>('PUT', `/api/indicators/${indicatorId}/allocations`, { allocations: over });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('over_allocated');
    const zhuzhouCounty = [...units.values()].find((u) => u.parentId === id('430200'))!;
    const outside = await changsha.json<ErrorBody>('PUT', `/api/indicators/${indicatorId}/allocations`, { allocations: [{ unitId: zhuzhouCounty.id, value: 1 }] });
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('allocation_outside_jurisdiction');

    const even = ds.map((d, i) => ({ unitId: d.id, value: i < 8 ? 30 : 20 }));
    const ok = await changsha.json<{ target: number; allocated: number; remainder: number }>('PUT', `/api/indicators/${indicatorId}/allocations`, { allocations: even });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ target: 260, allocated: 260, remainder: 0 });

    const cities = [...units.values()].filter((u) => u.kind === 'prefecture');
    const current = (await office.json<IndicatorPage>('GET', `/api/indicators/${indicatorId}`)).body;
    const lower = cities.map((c) => ({ unitId: c.id, value: c.code === '430100' ? 200 : (current.units.find((u) => u.unitId === c.id)?.allocated ?? 0) }));
    const below = await office.json<ErrorBody>('PUT', `/api/indicators/${indicatorId}/allocations`, { allocations: lower });
    expect(below.status).toBe(409);
    expect(below.body.error.code).toBe('allocation_below_suballocated');
  });

  it('refuses an allocation that leaves out a unit whose districts still hold a share (a missing entry counts as 0)', async () => {
    const office = await login('office');
    const before = (await office.json<IndicatorPage>('GET', `/api/indicators/${indicatorId}`)).body;
    const xiangtan = [...units.values()].find((u) => u.code === '430300')!;
    const share = before.units.find((u) => u.unitId === xiangtan.id)?.allocated ?? 0;
    // One share sent, 长沙市 (260, all passed down to its districts) left out.
    const refused = await office.json<ErrorBody>('PUT', `/api/indicators/${indicatorId}/allocations`, { allocations: [{ unitId: xiangtan.id, value: share }] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('allocation_below_suballocated');
    expect(refused.body.error.message).toContain('长沙市');
    expect(refused.body.error.message).toContain('260');
    const after = (await office.json<IndicatorPage>('GET', `/api/indicators/${indicatorId}`)).body;
    expect(after.units.find((u) => u.unitId === id('430100'))!.allocated).toBe(260);
    expect(after.allocated).toBe(before.allocated);
  });

  it("lets a 市州's office see its own counties and not another city's", async () => {
    const office = await login('office');
    const changsha = await login('430100.office');
    const own = await changsha.json<{ counties: { unitId: number }[]; localTasks: { id: number }[]; indicators: { allocated: number; suballocated: number }[] }>(
      'GET',
      `/api/plans/${planId}/cities/${id('430100')}`,
    );
    expect(own.status).toBe(200);
    expect(own.body.counties.map((c) => c.unitId).sort()).toEqual(districts().map((d) => d.id).sort());
    expect(own.body.localTasks.map((x) => x.id)).toContain(local.id);
    expect(own.body.indicators[0]).toMatchObject({ allocated: 260, suballocated: 260 });
    expect((await changsha.json<ErrorBody>('GET', `/api/plans/${planId}/cities/${id('430200')}`)).status).toBe(403);
    expect((await office.json('GET', `/api/plans/${planId}/cities/${id('430200')}`)).status).toBe(200);

    // Its districts' sealed reports on its local measure are its to read; 株洲市's are not.
    const rounds = (await changsha.json<{ rounds: { id: number; ownerUnitId: number; dueDate: string }[] }>('GET', `/api/plans/${planId}/rounds`)).body.rounds;
    const localRound = rounds.filter((r) => r.ownerUnitId === id('430100')).at(-1)!;
    const districtReport = await changsha.json<{ report: { unitId: number; status: string } | null }>('GET', `/api/rounds/${localRound.id}/tasks/${local.id}/report?unitId=${districts()[0]!.id}`);
    expect(districtReport.status).toBe(200);
    expect(districtReport.body.report?.status).toBe('accepted');
    const provincialRound = rounds.filter((r) => r.ownerUnitId !== id('430100')).at(-1)!;
    const zhuzhou = await changsha.json<ErrorBody>('GET', `/api/rounds/${provincialRound.id}/tasks/${renewal.id}/report?unitId=${id('430200')}`);
    expect(zhuzhou.status).toBe(403);
    const roundView = await changsha.json<{ rows: { unitId: number }[] }>('GET', `/api/rounds/${provincialRound.id}`);
    expect(roundView.body.rows.every((r) => r.unitId === id('430100'))).toBe(true);
  });

  it('lets only the governing office review and close: not a unit, not another jurisdiction', async () => {
    const office = await login('office');
    const changsha = await login('430100.office');
    const rounds = (await office.json<{ rounds: { id: number; ownerUnitId: number }[] }>('GET', `/api/plans/${planId}/rounds`)).body.rounds;
    const provincialRound = rounds.filter((r) => r.ownerUnitId !== id('430100')).at(-1)!;
    expect((await changsha.json<ErrorBody>('POST', `/api/rounds/${provincialRound.id}/tasks/${renewal.id}/report/review`, { accept: true })).status).toBe(403);
    expect((await changsha.json<ErrorBody>('POST', `/api/tasks/${renewal.id}/reopen`, { reason: '试图越权' })).status).toBe(403);
    const signatory = await login('430100.signatory');
    expect((await signatory.json<ErrorBody>('POST', `/api/tasks/${local.id}/reopen`, { reason: 'x' })).status).toBe(403);
    const reopened = await changsha.json<{ status: string }>('POST', `/api/tasks/${local.id}/reopen`, { reason: '复查发现岳麓区2个项目未开工' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('open');
    // The provincial office governs the 市州's local measures too.
    const closed = await office.json<{ status: string }>('POST', `/api/tasks/${local.id}/close`, { comment: '已整改到位' });
    expect(closed.body.status).toBe('closed');
  });

  it('keeps a district’s draft to itself until its signatory seals it', async () => {
    // It reopens 长沙市's local measure and opens a round on it: a server of its own.
    const own = await startTestServer(serverOptions());
    try {
      await draftsStayWithTheDistrict(await login('430100.office', own), (name) => login(name, own));
    } finally {
      await own.close();
    }
  }, 180_000);

  async function draftsStayWithTheDistrict(changsha: Client, login: (name: string) => Promise<Client>): Promise<void> {
    const rounds = (await changsha.json<{ rounds: { id: number; ownerUnitId: number }[] }>('GET', `/api/plans/${planId}/rounds`)).body.rounds;
    await changsha.json('POST', `/api/tasks/${local.id}/reopen`, { reason: '补充2022年1月进展' });
    const opened = await changsha.json<{ id: number }>('POST', `/api/plans/${planId}/rounds`, { title: '长沙市2022年1月调度', periodStart: '2022-01-01', periodEnd: '2022-01-31', dueDate: '2022-02-10' });
    expect(opened.status).toBe(201);
    expect(rounds.some((r) => r.id === opened.body.id)).toBe(false);
    const district = districts()[1]!;
    const reporter = await login(`${district.code}.reporter`);
    const path = `/api/rounds/${opened.body.id}/tasks/${local.id}/report`;
    const saved = await reporter.json<{ status: string }>('PUT', path, { progress: '完成收尾工程', percent: 100, indicators: [{ indicatorId, value: 31 }] });
    expect(saved.status).toBe(200);
    const seen = await changsha.json<{ report: unknown }>('GET', `${path}?unitId=${district.id}`);
    expect(seen.body.report).toBeNull();
    // "Start from my last report": the previous round's report comes with the page.
    const page = await reporter.json<{ report: { status: string }; previous: { percent: number } | null }>('GET', path);
    expect(page.body.report.status).toBe('draft');
    expect(page.body.previous?.percent).toBe(100);

    const signatory = await login(`${district.code}.signatory`);
    const [a, b] = await Promise.all([signatory.json('POST', `${path}/submit`, {}), signatory.json('POST', `${path}/submit`, {})]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const visible = await changsha.json<{ report: { status: string } | null; can: { review: boolean } }>('GET', `${path}?unitId=${district.id}`);
    expect(visible.body.report?.status).toBe('submitted');
    expect(visible.body.can.review).toBe(true);
    const [r1, r2] = await Promise.all([
      changsha.json('POST', `${path}/review`, { accept: true, unitId: district.id }),
      changsha.json('POST', `${path}/review`, { accept: false, comment: '请补充照片', unitId: district.id }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
  }

  it('escalates an unanswered notice with the clock, takes a sealed answer, and closes', async () => {
    const office = await login('office');
    const changsha = await login('430100.office');
    const task = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks?status=open`)).body.find((x) => x.itemOrdinal === 13)!;
    const issued = await office.json<{ id: number }>('POST', `/api/tasks/${task.id}/notices`, { level: 'blue', text: '请说明未完成原因', answerBy: '2022-02-03' });
    expect(issued.status).toBe(201);
    const lead = [...units.values()].find((u) => u.id === task.leadUnitId)!;
    const signatory = await login(`${lead.code}.signatory`);
    const before = (await signatory.json<{ notices: { id: number; level: string; overdue: boolean }[] }>('GET', '/api/notices')).body.notices.find((n) => n.id === issued.body.id)!;
    expect(before).toMatchObject({ level: 'blue', overdue: false });
    clock.set('2022-02-04T02:00:00Z');
    const after = (await signatory.json<{ notices: { id: number; level: string; escalations: number; answerBy: string }[] }>('GET', '/api/notices')).body.notices.find((n) => n.id === issued.body.id)!;
    expect(after).toMatchObject({ level: 'yellow', escalations: 1 });
    const reporter = await login(`${lead.code}.reporter`);
    expect((await reporter.json<ErrorBody>('POST', `/api/notices/${issued.body.id}/answer`, { text: '答复' })).status).toBe(403);
    expect((await changsha.json<ErrorBody>('POST', `/api/notices/${issued.body.id}/close`)).status).toBe(403);
    const answered = await signatory.json<{ status: string; answer: { signature: string } }>('POST', `/api/notices/${issued.body.id}/answer`, { text: '受汛期影响推迟，已于2月底前完成。' });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('answered');
    expect(answered.body.answer.signature.length).toBeGreaterThan(20);
    expect((await signatory.json<ErrorBody>('POST', `/api/notices/${issued.body.id}/answer`, { text: 'again' })).status).toBe(409);
    clock.set('2022-03-01T02:00:00Z');
    const frozen = (await office.json<{ notices: { id: number; level: string }[] }>('GET', '/api/notices')).body.notices.find((n) => n.id === issued.body.id)!;
    expect(frozen.level).toBe('yellow');
    const closed = await office.json<{ status: string }>('POST', `/api/notices/${issued.body.id}/close`);
    expect(closed.body.status).toBe('closed');
  });

  it('shows the demo’s picture: all three lights in each round, an escalated and answered 督办', async () => {
    const office = await login('office');
    const o = await office.json<{ rounds: { lights: { green: number; yellow: number; red: number } }[] }>('GET', `/api/plans/${planId}/overview`);
    expect(o.body.rounds).toHaveLength(2);
    for (const r of o.body.rounds) {
      expect(r.lights.green).toBeGreaterThan(0);
      expect(r.lights.yellow).toBeGreaterThan(0);
      expect(r.lights.red).toBeGreaterThan(0);
    }
    const notices = (await office.json<{ notices: { escalations: number; status: string; answer: unknown }[] }>('GET', `/api/notices?planId=${planId}`)).body.notices;
    expect(notices.some((n) => n.escalations === 1 && n.answer !== null)).toBe(true);
  });
});
