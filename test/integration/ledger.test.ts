import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/unit.js';
import type { Client, ErrorBody } from '../helpers/client.js';
import { TestClock } from '../helpers/clock.js';
import { DIALECTS } from '../helpers/databases.js';
import { loginAdmin, loginAs, makePlan, unitsByCode } from '../helpers/factories.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

interface TaskRow {
  id: number;
  itemOrdinal: number | null;
  title: string;
  leadUnitId: number | null;
  unitIds: number[];
  dueDate: string;
  light: string;
  lightReason: string;
  lightReasonCode: string;
  percent: number | null;
  status: string;
}

interface Report {
  id: number;
  status: string;
  revision: number;
  percent: number;
  timeliness: string;
  reviewComment: string | null;
  attachments: { id: number; mediaType: string; sha256: string }[];
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

describe.each(DIALECTS)('the ledger over HTTP on %s', (dialect) => {
  // Each test's plan is published on 20 September 2021; some move the clock past the Q3 round's due date.
  const PUBLISHED = '2021-09-20T02:00:00Z';
  const clock = new TestClock(new Date(PUBLISHED));
  let t: TestServer;
  // The registry, read-only.
  let units: Map<string, Unit>;
  const login = (name: string) => loginAs(t, name);
  const unit = (code: string) => units.get(code)!.id;

  beforeAll(async () => {
    t = await startTestServer({ dialect, clock, env: { REMINDER_INTERVAL_MINUTES: '0', SESSION_TTL_HOURS: '720' } });
    units = await unitsByCode(await login('office'));
  });
  beforeEach(() => clock.set(PUBLISHED));
  afterAll(async () => {
    await t?.close();
  });

  interface Ledger {
    office: Client;
    planId: number;
    tasks: TaskRow[];
    /** Item (十五), 老旧小区改造: led by 省住房城乡建设厅, with the indicator 新开工改造老旧小区 1500 个. */
    renewal: TaskRow;
  }

  /** A plan of its own, published today: one task per item. */
  async function publishedPlan(): Promise<Ledger> {
    const office = await login('office');
    const planId = await makePlan(office);
    expect((await office.json('POST', `/api/plans/${planId}/publish`, {})).status).toBe(201);
    const tasks = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks`)).body;
    return { office, planId, tasks, renewal: tasks.find((x) => x.itemOrdinal === 15)! };
  }

  /** The Q3 round (due 10 October) on the ledger's plan. */
  async function openQ3(l: Ledger): Promise<number> {
    const opened = await l.office.json<{ id: number }>('POST', `/api/plans/${l.planId}/rounds`, {
      title: '2021年第三季度调度',
      periodStart: '2021-07-01',
      periodEnd: '2021-09-30',
      dueDate: '2021-10-10',
    });
    expect(opened.status).toBe(201);
    return opened.body.id;
  }

  /** 省住房城乡建设厅's Q3 report on the renewal task, on time (8 October): 62 %, 900 started; accepted. */
  async function acceptedRenewalReport(l: Ledger, roundId: number): Promise<void> {
    clock.set('2021-10-08T02:00:00Z');
    const path = `/api/rounds/${roundId}/tasks/${l.renewal.id}/report`;
    const indicatorId = (await l.office.json<{ indicators: { id: number }[] }>('GET', `/api/tasks/${l.renewal.id}`)).body.indicators[0]!.id;
    const saved = await (await login('hn-zjt.reporter')).json('PUT', path, { progress: '已开工改造 900 个小区，其中长沙市 200 个', percent: 62, indicators: [{ indicatorId, value: 900 }] });
    expect(saved.status).toBe(200);
    expect((await (await login('hn-zjt.signatory')).json('POST', `${path}/submit`, {})).status).toBe(200);
    expect((await l.office.json('POST', `${path}/review`, { accept: true })).status).toBe(200);
  }

  /** 省民政厅's Q3 report on item (十七), sealed late (12 October). */
  async function lateMztReport(l: Ledger, roundId: number): Promise<boolean> {
    clock.set('2021-10-12T02:00:00Z');
    const mzt = l.tasks.find((x) => x.itemOrdinal === 17)!;
    const path = `/api/rounds/${roundId}/tasks/${mzt.id}/report`;
    await (await login('hn-mzt.reporter')).json('PUT', path, { progress: '推进社区治理', percent: 70 });
    const late = await (await login('hn-mzt.signatory')).json<{ seal: { late: boolean } }>('POST', `${path}/submit`, {});
    return late.body.seal.late;
  }

  it('publishes the plan as final and makes one task per item, 各市州政府 expanded to the 14 prefectures', async () => {
    const office = await login('office');
    const planId = await makePlan(office);
    const reporter = await login('hn-zjt.reporter');
    const refused = await reporter.json<ErrorBody>('POST', `/api/plans/${planId}/publish`, {});
    expect(refused.status).toBe(403);

    const published = await office.json<{ version: number; tasks: number; stage: string; changes: unknown[] }>('POST', `/api/plans/${planId}/publish`, {});
    expect(published.status).toBe(201);
    expect(published.body.tasks).toBe(22);
    expect(published.body.stage).toBe('published');
    const plan = await office.json<{ stage: string; version: { status: string } }>('GET', `/api/plans/${planId}`);
    expect(plan.body.stage).toBe('published');
    expect(plan.body.version.status).toBe('final');

    const tasks = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks`)).body;
    expect(tasks).toHaveLength(22);
    const renewal = tasks.find((x) => x.itemOrdinal === 15)!;
    expect(renewal.leadUnitId).toBe(unit('hn-zjt'));
    const prefectures = [...units.values()].filter((u) => u.kind === 'prefecture').map((u) => u.id);
    expect(prefectures).toHaveLength(14);
    for (const p of prefectures) expect(renewal.unitIds).toContain(p);
    expect(renewal.dueDate).toBe('2021-12-31');
    expect(renewal.status).toBe('open');

    const detail = await office.json<{ indicators: { subject: string; target: number; unit: string; comparator: string }[]; text: string }>('GET', `/api/tasks/${renewal.id}`);
    expect(detail.body.indicators).toEqual([expect.objectContaining({ subject: '新开工改造老旧小区', target: 1500, unit: '个' })]);
  });

  it('publishing again without changes changes nothing and answers 200', async () => {
    const { office, planId } = await publishedPlan();
    const again = await office.json<{ created: number; updated: number; changes: unknown[] }>('POST', `/api/plans/${planId}/publish`, {});
    expect(again.status).toBe(200);
    expect(again.body.changes).toEqual([]);
  });

  it('lets a responsible unit acknowledge once and shows the office who has not', async () => {
    const { office, planId, renewal } = await publishedPlan();
    const reporter = await login('hn-zjt.reporter');
    const ack = await reporter.json<{ acknowledgedAt: string }>('POST', `/api/tasks/${renewal.id}/acknowledge`);
    expect(ack.status).toBe(200);
    const twice = await reporter.json<ErrorBody>('POST', `/api/tasks/${renewal.id}/acknowledge`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_acknowledged');
    const stranger = await login('hn-jyt.reporter');
    const notMine = await stranger.json<ErrorBody>('POST', `/api/tasks/${renewal.id}/acknowledge`);
    expect(notMine.status).toBe(403);
    const pending = await office.json<{ pending: { unitId: number; taskIds: number[] }[] }>('GET', `/api/plans/${planId}/acknowledgements`);
    expect(pending.body.pending.find((p) => p.unitId === unit('hn-zjt'))?.taskIds).not.toContain(renewal.id);
    expect(pending.body.pending.find((p) => p.unitId === unit('430100'))?.taskIds).toContain(renewal.id);
  });

  it('runs a round: draft, seal, return with a comment, revise, resubmit, accept; the percent follows', async () => {
    const { office, planId, renewal } = await publishedPlan();
    const opened = await office.json<{ id: number }>('POST', `/api/plans/${planId}/rounds`, {
      title: '2021年第三季度调度',
      periodStart: '2021-07-01',
      periodEnd: '2021-09-30',
      dueDate: '2021-10-10',
    });
    expect(opened.status).toBe(201);
    const roundId = opened.body.id;
    const dup = await office.json<ErrorBody>('POST', `/api/plans/${planId}/rounds`, { title: 'x', periodStart: '2021-07-01', periodEnd: '2021-09-30', dueDate: '2021-10-10' });
    expect(dup.status).toBe(409);

    clock.set('2021-10-08T02:00:00Z');
    const reporter = await login('hn-zjt.reporter');
    const signatory = await login('hn-zjt.signatory');
    const path = `/api/rounds/${roundId}/tasks/${renewal.id}/report`;
    const indicatorId = (await office.json<{ indicators: { id: number }[] }>('GET', `/api/tasks/${renewal.id}`)).body.indicators[0]!.id;
    const saved = await reporter.json<Report>('PUT', path, { progress: '已开工改造 900 个小区', percent: 60, indicators: [{ indicatorId, value: 900 }] });
    expect(saved.status).toBe(200);
    expect(saved.body.status).toBe('draft');

    // Evidence: a real PDF is stored; a file pretending to be one is refused.
    const form = new FormData();
    form.append('file', new Blob([PDF]), '照片说明.pdf');
    const attached = await reporter.json<{ id: number; mediaType: string }>('POST', `/api/reports/${saved.body.id}/attachments`, form);
    expect(attached.status).toBe(201);
    expect(attached.body.mediaType).toBe('application/pdf');
    const fake = new FormData();
    fake.append('file', new Blob([Buffer.from('MZ\u0090\u0000 not a pdf')]), 'virus.pdf');
    const refused = await reporter.json<ErrorBody>('POST', `/api/reports/${saved.body.id}/attachments`, fake);
    expect(refused.status).toBe(415);
    expect(refused.body.error.code).toBe('attachment_type');

    // Drafts are the unit's own: neither the office nor another unit sees one.
    const officeView = await office.json<{ report: Report | null }>('GET', `${path}?unitId=${unit('hn-zjt')}`);
    expect(officeView.body.report).toBeNull();
    const other = await login('hn-fgw.reporter');
    expect((await other.json<ErrorBody>('GET', `${path}?unitId=${unit('hn-zjt')}`)).status).toBe(403);
    const notResponsible = await (await login('hn-jyt.reporter')).json<ErrorBody>('PUT', path, { progress: 'x', percent: 1 });
    expect(notResponsible.status).toBe(403);

    // A reporter cannot seal; the signatory can, once.
    expect((await reporter.json<ErrorBody>('POST', `${path}/submit`, {})).status).toBe(403);
    const sealed = await signatory.json<{ report: Report; seal: { signature: string; late: boolean } }>('POST', `${path}/submit`, {});
    expect(sealed.status).toBe(200);
    expect(sealed.body.seal.late).toBe(false);
    expect(sealed.body.report.status).toBe('submitted');
    expect(sealed.body.report.attachments).toHaveLength(1);
    expect((await signatory.json<ErrorBody>('POST', `${path}/submit`, {})).status).toBe(409);
    const verified = await office.json<{ valid: boolean }>('GET', `/api/reports/${sealed.body.report.id}/verify`);
    expect(verified.body.valid).toBe(true);

    // Units never review; the office returns with a comment.
    expect((await signatory.json<ErrorBody>('POST', `${path}/review`, { accept: true })).status).toBe(403);
    const noComment = await office.json<ErrorBody>('POST', `${path}/review`, { accept: false });
    expect(noComment.body.error.code).toBe('report_return_needs_comment');
    const returned = await office.json<Report>('POST', `${path}/review`, { accept: false, comment: '请补充分市州开工数' });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    expect((await office.json<ErrorBody>('POST', `${path}/review`, { accept: true })).body.error.code).toBe('report_not_submitted');

    const revised = await reporter.json<Report>('PUT', path, { progress: '已开工改造 900 个小区，其中长沙市 200 个', percent: 62, indicators: [{ indicatorId, value: 900 }] });
    expect(revised.body.status).toBe('draft');
    expect(revised.body.revision).toBe(2);
    expect((await signatory.json('POST', `${path}/submit`, {})).status).toBe(200);
    const accepted = await office.json<Report>('POST', `${path}/review`, { accept: true });
    expect(accepted.body.status).toBe('accepted');

    const task = await office.json<{ percent: number; indicators: { actual: number }[]; reports: Report[] }>('GET', `/api/tasks/${renewal.id}`);
    expect(task.body.percent).toBe(62);
    expect(task.body.indicators[0]!.actual).toBe(900);
  });

  it('derives late and missing reports from the clock and lights the tasks', async () => {
    const ledger = await publishedPlan();
    const { office, planId, renewal } = ledger;
    const roundId = await openQ3(ledger);
    await acceptedRenewalReport(ledger, roundId);
    clock.set('2021-10-12T02:00:00Z');
    const round = await office.json<{ counts: { missing: number; late: number; accepted: number } }>('GET', `/api/rounds/${roundId}`);
    expect(round.body.counts.accepted).toBe(1);
    expect(round.body.counts.missing).toBeGreaterThan(100);
    // A late report counts as late.
    expect(await lateMztReport(ledger, roundId)).toBe(true);

    const list = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks`)).body;
    const lit = list.find((x) => x.id === renewal.id)!;
    expect(lit.percent).toBe(62);
    expect(lit.light).toBe('green');
    // Published on 20 September and due at the year's end, unreported on 12 October: 21 points behind.
    const missing = list.find((x) => x.itemOrdinal === 1)!;
    expect(missing.light).toBe('yellow');
    expect(missing.lightReason).toBe('落后进度 21 个百分点');
    const reds = await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks?light=red`);
    expect(reds.body.every((x) => x.light === 'red')).toBe(true);
  });

  it('answers the overview in the issue’s shape', async () => {
    const ledger = await publishedPlan();
    const { office, planId } = ledger;
    await lateMztReport(ledger, await openQ3(ledger));
    const o = await office.json<{
      tasks: number;
      lights: { green: number; yellow: number; red: number };
      closed: number;
      bySection: { tasks: number }[];
      byUnit: { unitId: number; late: number; missing: number }[];
      lateReports: { timeliness: string }[];
      indicators: { target: number | null; actual: number | null }[];
      rounds: { lights: { red: number } }[];
    }>('GET', `/api/plans/${planId}/overview`);
    expect(o.status).toBe(200);
    expect(o.body.tasks).toBe(22);
    expect(o.body.lights.green + o.body.lights.yellow + o.body.lights.red).toBe(22);
    expect(o.body.bySection.reduce((a, s) => a + s.tasks, 0)).toBe(22);
    expect(o.body.byUnit.find((u) => u.unitId === unit('hn-mzt'))!.late).toBeGreaterThanOrEqual(1);
    expect(o.body.lateReports.length).toBeGreaterThan(0);
    expect(o.body.rounds).toHaveLength(1);
  });

  it('splits an item by clause, lets a 市州 add local measures in its own jurisdiction only', async () => {
    const ledger = await publishedPlan();
    const { office, planId, tasks, renewal } = ledger;
    await acceptedRenewalReport(ledger, await openQ3(ledger));
    const item2 = tasks.find((x) => x.itemOrdinal === 2)!;
    const split = await office.json<{ taskIds: number[] }>('POST', `/api/tasks/${item2.id}/split`);
    expect(split.status).toBe(200);
    expect(split.body.taskIds.length).toBeGreaterThan(1);
    const parts = await Promise.all(split.body.taskIds.map((id) => office.json<{ indicators: { subject: string }[]; unitIds: number[] }>('GET', `/api/tasks/${id}`)));
    expect(parts.flatMap((p) => p.body.indicators).length).toBe(2);
    expect(parts.every((p) => p.body.unitIds.includes(unit('hn-gat')))).toBe(true);
    expect((await office.json<ErrorBody>('POST', `/api/tasks/${renewal.id}/split`)).body.error.code).toBe('task_has_reports');

    const changsha = await login('430100.office');
    const districts = [...units.values()].filter((u) => u.parentId === unit('430100'));
    const added = await changsha.json<{ id: number }>('POST', `/api/plans/${planId}/tasks`, {
      title: '长沙市老旧小区改造（区县分解）',
      leadUnitId: unit('430100'),
      localityUnitIds: districts.map((d) => d.id),
      parentTaskId: renewal.id,
    });
    expect(added.status).toBe(201);
    const local = await changsha.json<{ ownerUnitId: number; parentTaskId: number; indicators: { id: number }[] }>('GET', `/api/tasks/${added.body.id}`);
    expect(local.body).toMatchObject({ ownerUnitId: unit('430100'), parentTaskId: renewal.id });
    // The provincial indicator is reportable on the local measure, so districts' figures roll up.
    expect(local.body.indicators.length).toBe(1);
    const outside = await changsha.json<ErrorBody>('POST', `/api/plans/${planId}/tasks`, { title: 'x', leadUnitId: unit('430200') });
    expect(outside.status).toBe(403);
    expect((await changsha.json<ErrorBody>('POST', `/api/plans/${planId}/publish`, {})).status).toBe(403);
  });

  it('does not let a later version silently change a task that has reports', async () => {
    const ledger = await publishedPlan();
    const { office, planId, renewal } = ledger;
    await acceptedRenewalReport(ledger, await openQ3(ledger));
    const plan = await office.json<{ text: string }>('GET', `/api/plans/${planId}`);
    const revised = plan.body.text.replace('新开工改造老旧小区1500个', '新开工改造老旧小区1600个');
    expect(revised).not.toBe(plan.body.text);
    const version = await office.json<{ number?: number }>('POST', `/api/plans/${planId}/versions`, { text: revised, filename: 'v2.txt' });
    expect(version.status).toBe(201);
    const refused = await office.json<ErrorBody & { error: { details?: { changes: { key: string }[] } } }>('POST', `/api/plans/${planId}/publish`, { version: 2 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('plan_has_reports');
    expect(refused.body.error.message).toContain('item:15');
    const confirmed = await office.json<{ version: number; changes: { key: string; kind: string; fields: string[] }[] }>('POST', `/api/plans/${planId}/publish`, { version: 2, confirmChanges: true });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.version).toBe(2);
    expect(confirmed.body.changes).toContainEqual(expect.objectContaining({ key: 'item:15', kind: 'changed', fields: expect.arrayContaining(['targets']) }));
    const detail = await office.json<{ indicators: { target: number }[]; reports: unknown[] }>('GET', `/api/tasks/${renewal.id}`);
    expect(detail.body.indicators.map((i) => i.target)).toEqual([1600]);
    expect(detail.body.reports.length).toBeGreaterThan(0);
  });

  it('closes a task with a comment and reopens it only with a reason; units cannot', async () => {
    const ledger = await publishedPlan();
    const { office, renewal } = ledger;
    await acceptedRenewalReport(ledger, await openQ3(ledger));
    const signatory = await login('hn-zjt.signatory');
    expect((await signatory.json<ErrorBody>('POST', `/api/tasks/${renewal.id}/close`, { comment: '完成' })).status).toBe(403);
    // At 62% with no evidence nothing shows the task finished: 销号 is refused.
    const unfinished = await office.json<ErrorBody>('POST', `/api/tasks/${renewal.id}/close`, { comment: '年度任务完成' });
    expect(unfinished.status).toBe(409);
    expect(unfinished.body.error.code).toBe('task_not_finished');
    expect(unfinished.body.error.message).toContain('62');
    // The office attaches the 验收 record to the task; then it may close it.
    const form = new FormData();
    form.append('file', new Blob([PDF]), '验收意见.pdf');
    expect((await office.json('POST', `/api/tasks/${renewal.id}/attachments`, form)).status).toBe(201);
    const closed = await office.json<{ status: string }>('POST', `/api/tasks/${renewal.id}/close`, { comment: '年度任务完成，佐证材料齐全' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const events = await (await loginAdmin(t)).json<{ events: { action: string; detail: Record<string, unknown> }[] }>('GET', `/api/audit?action=task.close&entity=task&entityId=${renewal.id}`);
    expect(events.body.events[0]?.detail).toMatchObject({ basis: 'evidence', percent: 62 });
    expect((await office.json<ErrorBody>('POST', `/api/tasks/${renewal.id}/close`, { comment: 'again' })).status).toBe(409);
    expect((await office.json<ErrorBody>('POST', `/api/tasks/${renewal.id}/reopen`, { reason: '' })).status).toBe(400);
    const reopened = await office.json<{ status: string }>('POST', `/api/tasks/${renewal.id}/reopen`, { reason: '核查发现部分项目未开工' });
    expect(reopened.body.status).toBe('open');
  });
});
