import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/policy.js';
import type { Unit } from '../../src/domain/unit.js';
import { runAcknowledgementReminders } from '../../src/services/run-acknowledgement-reminders.js';
import type { ServiceContext } from '../../src/services/support/context.js';
import type { Client, ErrorBody } from '../helpers/client.js';
import { TestClock } from '../helpers/clock.js';
import { DIALECTS } from '../helpers/databases.js';
import { importPlan, loginAs, seedPlanText, unitsByCode } from '../helpers/factories.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

interface TaskRow {
  id: number;
  itemOrdinal: number | null;
  sectionOrdinal: number | null;
  title: string;
  leadUnitId: number | null;
  unitIds: number[];
  dueDate: string;
  light: string;
  lightReason: string;
  percent: number | null;
  status: string;
}
interface RoundView {
  id: number;
  title: string;
  recurrence: string;
  counts: { expected: number; submitted: number; late: number; missing: number; pending: number };
  rows: { taskId: number; unitId: number; timeliness: string }[];
}
interface TaskDetail {
  milestones: { date: string; title: string }[];
  evidence: { id: number; mediaType: string }[];
  lightHistory: { roundId: number; title: string; light: string; lightReason: string; lightReasonCode: string }[];
}
interface Change {
  key: string;
  taskId: number | null;
  itemOrdinal: number | null;
  kind: string;
  fields: string[];
}

const HEADER_ROW = 3;

// The audit's backend gaps in the ledger, each over HTTP on the demo (the seed plan published in
// 2021, its Q3 and Q4 rounds, most tasks closed on 14 January 2022). The clock stands on
// 1 March 2022, after a January 2022 round opened here would have fallen due (10 February).
const NOW = '2022-03-01T02:00:00Z';
describe.each(DIALECTS)('the ledger audit fixes over HTTP on %s', (dialect) => {
  const clock = new TestClock(new Date(NOW));
  let t: TestServer;
  let units: Map<string, Unit>;
  let office: Client;
  let tasks: TaskRow[];
  let rounds: { id: number; title: string }[];
  const planId = 1;
  const login = (name: string) => loginAs(t, name);
  const byItem = (n: number) => tasks.find((x) => x.itemOrdinal === n)!;
  const round = (title: string) => rounds.find((r) => r.title === title)!;
  const download = async (client: Client, url: string) => {
    const r = await client.request('GET', url);
    return { status: r.status, bytes: Buffer.from(await r.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestServer({ dialect, clock, env: { REMINDER_INTERVAL_MINUTES: '0', SESSION_TTL_HOURS: '720' } });
    office = await login('office');
    units = await unitsByCode(office);
    tasks = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks`)).body;
    rounds = (await office.json<{ rounds: { id: number; title: string }[] }>('GET', `/api/plans/${planId}/rounds`)).body.rounds;
  });
  beforeEach(() => clock.set(NOW));
  afterAll(async () => {
    await t?.close();
  });

  // Runs first: later tests open rounds on the demo plan.
  it('keeps the demo thick: lights of all three colours in each round, actuals for every indicator, evidence, milestones, quotes in own words', async () => {
    const overview = (await office.json<{ rounds: { title: string; lights: Record<string, number> }[]; indicators: { subject: string; actual: number | null }[] }>('GET', `/api/plans/${planId}/overview`)).body;
    const provincial = overview.rounds.filter((r) => r.title.startsWith('2021年'));
    expect(provincial.map((r) => r.title)).toEqual(['2021年第三季度调度', '2021年第四季度调度']);
    for (const r of provincial) for (const light of ['green', 'yellow', 'red']) expect(r.lights[light], `${r.title} ${light}`).toBeGreaterThan(0);
    expect(overview.indicators.length).toBeGreaterThan(1);
    for (const i of overview.indicators) expect(i.actual, i.subject).not.toBeNull();

    // Every round's history carries a reason in words; each colour appears in each round.
    const details = await Promise.all(tasks.map(async (x) => (await office.json<TaskDetail>('GET', `/api/tasks/${x.id}`)).body));
    for (const title of ['2021年第三季度调度', '2021年第四季度调度']) {
      const entries = details.map((d) => d.lightHistory.find((h) => h.title === title)!);
      expect(new Set(entries.map((e) => e.light))).toEqual(new Set(['green', 'yellow', 'red']));
      for (const e of entries) expect(e.lightReason).not.toBe('');
    }
    // The old communities' task was closed on an acceptance record attached to it; milestones on the tasks followed closely.
    expect(details[tasks.indexOf(byItem(15))]!.evidence).toEqual([expect.objectContaining({ mediaType: 'application/pdf' })]);
    expect(byItem(15).status).toBe('closed');
    expect(details[tasks.indexOf(byItem(9))]!.milestones.length).toBeGreaterThan(0);
    // 省发改委's Q3 report on 长株潭一体化 carries its list as a PDF, sealed with it.
    const fgw = units.get('hn-fgw')!.id;
    const report = await office.json<{ report: { attachments: { mediaType: string }[]; status: string } }>('GET', `/api/rounds/${round('2021年第三季度调度').id}/tasks/${byItem(6).id}/report?unitId=${fgw}`);
    expect(report.body.report.status).toBe('accepted');
    expect(report.body.report.attachments).toEqual([expect.objectContaining({ mediaType: 'application/pdf' })]);

    // The 通报's good practice quotes differ and are the units' own words, not the routine sentence.
    for (const title of ['2021年第三季度调度', '2021年第四季度调度']) {
      const file = await download(office, `/api/rounds/${round(title).id}/bulletin.docx`);
      const { value } = await mammoth.extractRawText({ buffer: file.bytes });
      const part = value.slice(value.indexOf('六、典型经验做法'), value.indexOf('七、'));
      const quotes = [...part.matchAll(/“(.+)”/g)].map((m) => m[1]!);
      expect(quotes.length, title).toBeGreaterThan(2);
      expect(new Set(quotes).size).toBe(quotes.length);
      expect(quotes.filter((q) => q.includes('已制定年度工作方案，按计划推进')).length, title).toBeLessThanOrEqual(1);
    }
  });

  it("takes a round's light as of the end of its due date, its own reports included", async () => {
    // (三): the lead reported late in Q3 and on time in Q4. Q4's light used to read Q3's lateness.
    const detail = (await office.json<TaskDetail>('GET', `/api/tasks/${byItem(3).id}`)).body;
    const q4 = detail.lightHistory.find((h) => h.title === '2021年第四季度调度')!;
    expect(q4.lightReason).not.toContain('2021年第三季度调度逾期报送');
    expect(q4.light).toBe('green');
    const file = await download(office, `/api/rounds/${round('2021年第四季度调度').id}/bulletin.docx`);
    const { value } = await mammoth.extractRawText({ buffer: file.bytes });
    expect(value).not.toContain('第三季度调度逾期报送');
  });

  it('shows a unit its own rows of a round and the counts of those rows; the office every unit', async () => {
    const q3 = round('2021年第三季度调度').id;
    const all = (await office.json<RoundView>('GET', `/api/rounds/${q3}`)).body;
    const mzt = units.get('hn-mzt')!.id;
    const unit = (await (await login('hn-mzt.reporter')).json<RoundView>('GET', `/api/rounds/${q3}`)).body;
    expect(unit.rows.length).toBeGreaterThan(0);
    expect(unit.rows.length).toBeLessThan(all.rows.length);
    expect(unit.counts.expected).toBe(unit.rows.length);
    expect(unit.counts.expected).toBeLessThan(all.counts.expected);
    expect(unit.counts.late + unit.counts.missing).toBe(unit.rows.filter((r) => r.timeliness === 'late' || r.timeliness === 'missing').length);
    // 省民政厅 leads no task with cooperating units here, so it sees its own rows only.
    expect(unit.rows.every((r) => r.unitId === mzt || tasks.find((x) => x.id === r.taskId)!.leadUnitId === mzt)).toBe(true);
    expect(all.counts.expected).toBe(all.rows.length);
  });

  it('asks only the tasks still open at a round’s due date for reports: a January 2022 round run on paper', async () => {
    const opened = await office.json<{ id: number }>('POST', `/api/plans/${planId}/rounds`, {
      title: '2022年1月调度',
      periodStart: '2022-01-01',
      periodEnd: '2022-01-31',
      dueDate: '2022-02-10',
      recurrence: 'monthly',
    });
    expect(opened.status).toBe(201);
    const view = (await office.json<RoundView>('GET', `/api/rounds/${opened.body.id}`)).body;
    const open = tasks.filter((x) => x.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(tasks.length);
    // Tasks closed (销号) on 14 January owe nothing in a round due on 10 February.
    expect(new Set(view.rows.map((r) => r.taskId))).toEqual(new Set(open.map((x) => x.id)));
    const owed = open.reduce((a, x) => a + x.unitIds.length, 0);
    expect(view.counts.expected).toBe(owed);
    expect(view.counts.missing).toBe(owed);
    // The overview's per-unit missing counts follow the same rule.
    const overview = (await office.json<{ latestRound: { id: number; missing: number } | null; byUnit: { missing: number }[] }>('GET', `/api/plans/${planId}/overview`)).body;
    expect(overview.latestRound).toMatchObject({ id: opened.body.id, missing: owed });
    // So does the 通报's list of units that sent nothing.
    const file = await download(office, `/api/rounds/${opened.body.id}/bulletin.docx`);
    const { value } = await mammoth.extractRawText({ buffer: file.bytes });
    const missing = value.slice(value.indexOf('（二）未报送'), value.indexOf('六、'));
    for (const x of tasks.filter((y) => y.status === 'closed')) expect(missing).not.toContain(x.title.replace(/。$/, ''));
    // A unit's to-dos list no report for a closed task.
    const fgw = await login('hn-fgw.reporter');
    const todos = (await fgw.json<{ kind: string; href: string }[]>('GET', '/api/todos')).body;
    expect(todos.some((x) => x.kind === 'report.due')).toBe(true);
    for (const item of todos.filter((x) => x.kind === 'report.due')) {
      const taskId = Number(/tasks\/(\d+)/.exec(item.href)?.[1]);
      expect(tasks.find((x) => x.id === taskId)?.status).toBe('open');
    }

    // Recurring: each next title is the base title with the new period, never stacked labels.
    const second = await office.json<{ id: number }>('POST', `/api/rounds/${opened.body.id}/next`);
    expect(second.status).toBe(201);
    const third = await office.json<{ id: number }>('POST', `/api/rounds/${second.body.id}/next`);
    expect(third.status).toBe(201);
    const titles = await Promise.all([second.body.id, third.body.id].map(async (id) => (await office.json<RoundView>('GET', `/api/rounds/${id}`)).body));
    expect(titles.map((r) => r.title)).toEqual(['2022年2月调度', '2022年3月调度']);
    expect(titles.map((r) => r.recurrence)).toEqual(['monthly', 'monthly']);

    // A one-off round has no next period.
    const oneOff = await office.json<{ id: number }>('POST', `/api/plans/${planId}/rounds`, { title: '2022年专项调度', periodStart: '2022-04-01', periodEnd: '2022-04-15', dueDate: '2022-04-20' });
    expect(oneOff.status).toBe(201);
    const refused = await office.json<ErrorBody>('POST', `/api/rounds/${oneOff.body.id}/next`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('round_not_recurring');
    expect(refused.body.error.message).toContain('2022年专项调度');
  });

  it('filters the ledger list and its xlsx by section, with the same unit, light and status filters', async () => {
    const sections = [...new Set(tasks.map((x) => x.sectionOrdinal))].filter((s): s is number => s !== null);
    expect(sections.length).toBeGreaterThan(1);
    const section = sections[1]!;
    const listed = await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks?section=${section}`);
    expect(listed.status).toBe(200);
    expect(listed.body.length).toBeGreaterThan(0);
    expect(listed.body.length).toBeLessThan(tasks.length);
    expect(listed.body.every((x) => x.sectionOrdinal === section)).toBe(true);
    for (const key of ['id', 'itemOrdinal', 'title', 'leadUnitId', 'unitIds', 'dueDate', 'light', 'lightReason', 'percent', 'status']) expect(listed.body[0]).toHaveProperty(key);

    const combos = [`section=${section}`, `section=${section}&status=closed`, `section=${sections[0]}&light=green`, `unitId=${units.get('hn-fgw')!.id}&section=${section}`];
    for (const query of combos) {
      const list = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks?${query}`)).body;
      const file = await download(office, `/api/plans/${planId}/ledger.xlsx?${query}`);
      expect(file.status, query).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('任务台账')!;
      expect(ws.rowCount - HEADER_ROW, query).toBe(list.length);
      if (query.startsWith('section=')) expect(ws.getCell('A2').text).toContain('筛选条件');
    }
    expect((await office.json<ErrorBody>('GET', `/api/plans/${planId}/tasks?section=0`)).status).toBe(400);
  });

  it('takes a due date from the body, lists split and merged tasks on re-publication, and reminds units that have not acknowledged, once', async () => {
    // A plan of its own whose item (十七) gives its own deadline in the text.
    const text = seedPlanText('due').replace('(十七)加强基层社会治理。', '(十七)加强基层社会治理。2021年9月底前完成街道社区设置优化。');
    expect(text).toContain('2021年9月底前');
    const own = await importPlan(office, text);
    const published = await office.json<{ tasks: number }>('POST', `/api/plans/${own}/publish`, { dueDate: '2021-11-30' });
    expect(published.status).toBe(201);
    const list = (await office.json<TaskRow[]>('GET', `/api/plans/${own}/tasks`)).body;
    const item = (n: number) => list.find((x) => x.itemOrdinal === n)!;
    expect(item(17).dueDate).toBe('2021-09-30');
    expect(item(16).dueDate).toBe('2021-11-30');

    // The office splits (二) by clause and merges (三) and (四); a second version changes a clause of (二).
    const split = await office.json<{ taskIds: number[] }>('POST', `/api/tasks/${item(2).id}/split`);
    expect(split.status).toBe(200);
    const merged = await office.json<{ id: number }>('POST', `/api/plans/${own}/tasks/merge`, { taskIds: [item(3).id, item(4).id] });
    expect(merged.status).toBe(201);
    const before = (await office.json<TaskRow[]>('GET', `/api/plans/${own}/tasks`)).body.length;
    const current = (await office.json<{ text: string }>('GET', `/api/plans/${own}`)).body.text;
    const revised = current.replace('落实国家基本公共服务标准', '落实国家和省基本公共服务标准');
    expect(revised).not.toBe(current);
    expect((await office.json('POST', `/api/plans/${own}/versions`, { text: revised, filename: 'v2.txt' })).status).toBe(201);
    const again = await office.json<{ changes: Change[]; tasks: number; created: number }>('POST', `/api/plans/${own}/publish`, { version: 2 });
    expect(again.status).toBe(200);
    // Nothing merged away comes back, and every shaped task is listed.
    expect(again.body.created).toBe(0);
    expect(again.body.tasks).toBe(before);
    const kept = again.body.changes.filter((c) => c.kind === 'kept');
    expect(kept.map((c) => c.taskId).sort()).toEqual([...split.body.taskIds, merged.body.id].sort());
    const changedClause = kept.filter((c) => c.fields.includes('text'));
    expect(changedClause).toHaveLength(1);
    expect(split.body.taskIds).toContain(changedClause[0]!.taskId);
    expect(kept.find((c) => c.taskId === merged.body.id)!.fields).toEqual([]);

    // 签收: every unit of this plan is reminded automatically once, ACKNOWLEDGEMENT_REMINDER_DAYS after publication.
    const ctx: ServiceContext = {
      db: t.server.handle.db,
      dialect: t.server.handle.dialect,
      config: t.config,
      clock,
      actor: SYSTEM_ACTOR,
      log: { info() {}, warn() {}, error() {} } as unknown as ServiceContext['log'],
      mailer: null,
    };
    clock.set('2022-03-02T02:00:00Z');
    expect((await runAcknowledgementReminders(ctx)).reminded).toBe(0);
    const pending = (await office.json<{ pending: { unitId: number }[] }>('GET', `/api/plans/${own}/acknowledgements`)).body.pending;
    expect(pending.length).toBeGreaterThan(0);
    clock.set('2022-03-05T02:00:00Z');
    // Two servers' ticks at once: each unit still gets one reminder.
    const [a, b] = await Promise.all([runAcknowledgementReminders(ctx), runAcknowledgementReminders(ctx)]);
    expect(a.reminded + b.reminded).toBe(pending.length);
    expect((await runAcknowledgementReminders(ctx)).reminded).toBe(0);
    expect(pending.map((p) => p.unitId)).toContain(units.get('hn-fgw')!.id);
    const inbox = (await (await login('hn-fgw.reporter')).json<{ notifications: { code: string | null; params: Record<string, unknown> }[] }>('GET', '/api/notifications')).body.notifications;
    expect(inbox.filter((n) => n.code === 'task.acknowledge.reminder' && n.params.planId === own)).toHaveLength(1);
  });
});
