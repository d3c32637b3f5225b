import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/contract/consultations.js';
import type { Todo } from '../../src/contract/todos.js';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { TestClock } from '../helpers/clock.js';
import { DIALECTS } from '../helpers/databases.js';
import { draft, importPlan, loginAs, makeConsultation, makePlan, seal, seedPlanText, unitsByCode } from '../helpers/factories.js';
import { startSmtpServer } from '../helpers/smtp.js';
import { ADMIN_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

/**
 * The workbench (issue 12): to-dos (待办) and done work (已办) per role, and the hand-off of a
 * reply from the reporter (提交签发) to the signatory (签发 or 退回) to the office, each step
 * told to the next person in the app and by e-mail.
 */
describe.each(DIALECTS)('workbench over HTTP on %s', (dialect) => {
  const clock = new TestClock(new Date('2021-07-16T02:00:00Z'));
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestServer;
  let office: Client;

  const todos = async (c: Client, done = false) => {
    const r = await c.json<Todo[]>('GET', `/api/todos${done ? '?done=1' : ''}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const about = (list: Todo[], href: string) => list.filter((x) => x.href === href).map((x) => x.kind);

  /** A fresh consultation sent to one unit, with that unit's reporter and signatory. */
  async function consultationFor(code: string) {
    const units = await unitsByCode(office);
    const planId = await makePlan(office);
    const id = await makeConsultation(office, planId, { deadline: '2021-07-21', recipientUnitIds: [units.get(code)!.id] });
    return { id, href: `/consultations/${id}`, reporter: await loginAs(t, `${code}.reporter`), signatory: await loginAs(t, `${code}.signatory`) };
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestServer({ dialect, clock, env: { SMTP_URL: smtp.url, REMINDER_INTERVAL_MINUTES: '0', SESSION_TTL_HOURS: '720' } });
    office = await loginAs(t, 'office');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('hands a reply from reporter to signatory to office, moving the to-dos, telling each next person and keeping the history', async () => {
    const c = await consultationFor('hn-gat');
    const reporterTodos = await todos(c.reporter);
    expect(about(reporterTodos, c.href)).toEqual(['reply.write']);
    const entry = reporterTodos.find((x) => x.href === c.href)!;
    expect(entry.title).toContain('反馈意见');
    expect(entry.dueAt).toBe('2021-07-21T15:59:59.999Z');
    expect(entry.area).toBe('consultations');
    expect(about(await todos(c.signatory), c.href)).toEqual([]);

    const replyId = await draft(c.reporter, c.id, { opinions: [{ itemOrdinal: 1, content: '建议明确牵头单位。', reason: '便于落实。' }] });
    const submitted = await c.reporter.json<Reply>('POST', `/api/replies/${replyId}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.handoff).toBe('submitted');
    expect(submitted.body.allowed).toMatchObject({ edit: false, submit: false, seal: false });
    expect(about(await todos(c.reporter), c.href)).toEqual([]);
    expect(about(await todos(c.signatory), c.href)).toEqual(['reply.seal']);
    // The reporter waits: the draft is the signatory's now.
    const edit = await c.reporter.json<ErrorBody>('PATCH', `/api/replies/${replyId}`, { noOpinion: true });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('reply_submitted');
    const twice = await c.reporter.json<ErrorBody>('POST', `/api/replies/${replyId}/submit`);
    expect(twice.body.error.code).toBe('reply_submitted');
    const inbox = await c.signatory.json<{ notifications: { code: string; message: string }[] }>('GET', '/api/notifications');
    expect(inbox.body.notifications[0]).toMatchObject({ code: 'reply.submitted' });
    expect(inbox.body.notifications[0]!.message).toContain('省公安厅填报员');
    await expect.poll(() => smtp.mails.some((m) => m.to.includes('hn-gat.signatory@demo.luoshi.invalid') && !m.to.includes('hn-gat.reporter@demo.luoshi.invalid'))).toBe(true);

    // The signatory sends it back, with a reason.
    expect((await c.signatory.json<ErrorBody>('POST', `/api/replies/${replyId}/return`, { comment: ' ' })).status).toBe(400);
    expect((await c.reporter.json<ErrorBody>('POST', `/api/replies/${replyId}/return`, { comment: '不行' })).status).toBe(403);
    const returned = await c.signatory.json<Reply>('POST', `/api/replies/${replyId}/return`, { comment: '请补充依据' });
    expect(returned.status).toBe(200);
    expect(returned.body.handoff).toBe('returned');
    const again = await c.signatory.json<ErrorBody>('POST', `/api/replies/${replyId}/return`, { comment: '再退' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('reply_not_submitted');
    const back = (await todos(c.reporter)).find((x) => x.href === c.href)!;
    expect(back.kind).toBe('reply.returned');
    expect(back.title).toContain('请补充依据');
    expect(about(await todos(c.signatory), c.href)).toEqual([]);
    const reporterInbox = await c.reporter.json<{ notifications: { code: string }[] }>('GET', '/api/notifications');
    expect(reporterInbox.body.notifications[0]!.code).toBe('reply.returned');

    // Revised, submitted again, sealed: the office now has opinions to decide.
    expect((await c.reporter.json('PATCH', `/api/replies/${replyId}`, { opinions: [{ itemOrdinal: 1, content: '建议明确牵头单位。', reason: '依据：省政府令。' }] })).status).toBe(200);
    expect((await c.reporter.json('POST', `/api/replies/${replyId}/submit`)).status).toBe(200);
    await seal(c.signatory, replyId);
    expect(about(await todos(c.signatory), c.href)).toEqual([]);
    expect(about(await todos(office), c.href)).toContain('opinions.decide');
    const officeInbox = await office.json<{ notifications: { code: string }[] }>('GET', '/api/notifications');
    expect(officeInbox.body.notifications.map((n) => n.code)).toContain('reply.sealed');

    // The office decides; the unit is told.
    const reply = (await c.reporter.json<Reply>('GET', `/api/replies/${replyId}`)).body;
    const decided = await office.json('POST', `/api/opinions/${reply.opinions[0]!.id}/decision`, { disposition: 'rejected', reason: '已有规定' });
    expect(decided.status).toBe(200);
    expect(about(await todos(office), c.href)).not.toContain('opinions.decide');
    const told = await c.reporter.json<{ notifications: { code: string; message: string }[] }>('GET', '/api/notifications');
    expect(told.body.notifications[0]).toMatchObject({ code: 'opinions.decided' });
    expect(told.body.notifications[0]!.message).toContain('1 条意见');

    // The history, with people's names.
    const history = (await c.signatory.json<Reply>('GET', `/api/replies/${replyId}`)).body.history;
    expect(history.map((h) => h.kind)).toEqual(['draft', 'submit', 'return', 'submit', 'seal', 'decide']);
    expect(history[5]!.comment).toBe('rejected');
    expect(history[0]!.actorName).toBe('省公安厅填报员');
    expect(history[2]).toMatchObject({ actorName: '省公安厅签发人', comment: '请补充依据' });

    // 已办: each person's own work, newest first, linking back.
    const reporterDone = await todos(c.reporter, true);
    expect(reporterDone.filter((x) => x.href === c.href).map((x) => x.kind)).toEqual(['done.reply.submit', 'done.reply.update', 'done.reply.submit', 'done.reply.draft']);
    expect(reporterDone[0]!.doneAt).toBeDefined();
    expect(about(await todos(c.signatory, true), c.href)).toEqual(['done.reply.seal', 'done.reply.return']);
    expect(about(await todos(office, true), c.href)).toContain('done.opinion.decide');

    // The 意见汇总表 carries the unit's own 理由 beside the office's 处理理由.
    const xlsx = await office.request('GET', `/api/consultations/${c.id}/summary.xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const texts = (r: number) => Array.from({ length: 9 }, (_, i) => sheet.getRow(r).getCell(i + 1).text);
    expect(texts(2)).toEqual(['序号', '单位', '条款', '原文', '意见', '建议修改', '理由', '处理情况', '处理理由']);
    expect(texts(3).slice(6)).toEqual(['依据：省政府令。', '不采纳', '已有规定']);
    expect(sheet.getRow(3).height).toBeGreaterThan(15);
    const docx = await office.request('GET', `/api/consultations/${c.id}/summary.docx`);
    const document = await (await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()))).file('word/document.xml')!.async('string');
    expect(document).toContain('依据：省政府令。');
    expect(document).toContain('处理理由');
  });

  it('lets the office edit the 情况说明 and date it the day it is issued', async () => {
    const units = await unitsByCode(office);
    const id = await makeConsultation(office, await makePlan(office), { deadline: '2021-07-21', recipientUnitIds: [units.get('hn-gat')!.id] });
    const situation = await office.json<{ title: string; body: string; issuer: string }>('GET', `/api/consultations/${id}/situation`);
    expect(situation.body.body).toMatch(/^一、征求意见范围\n/);
    expect(situation.body.issuer).not.toBe('');
    const edited = await office.request('POST', `/api/consultations/${id}/situation.docx`, {
      title: situation.body.title,
      body: `${situation.body.body}\n四、下一步工作\n根据意见修改完善后报省政府审定。`,
      issuer: situation.body.issuer,
      issuedOn: '2021-08-02',
    });
    expect(edited.status).toBe(200);
    const xml = await (await JSZip.loadAsync(Buffer.from(await edited.arrayBuffer()))).file('word/document.xml')!.async('string');
    expect(xml).toContain('四、下一步工作');
    expect(xml).toContain('根据意见修改完善后报省政府审定。');
    expect(xml).toContain('2021年8月2日');
    // The generated one, dated the day of issue rather than of download.
    const dated = await office.request('GET', `/api/consultations/${id}/situation.docx?issuedOn=2021-08-03`);
    const datedXml = await (await JSZip.loadAsync(Buffer.from(await dated.arrayBuffer()))).file('word/document.xml')!.async('string');
    expect(datedXml).toContain('2021年8月3日');
    expect((await office.json<ErrorBody>('POST', `/api/consultations/${id}/situation.docx`, { title: 'x', body: 'y', issuer: 'z', issuedOn: '2021-02-30' })).status).toBe(400);
  });

  it('exports the 征求意见函 as a letter: 发文字号, title, 主送, deadline, contact, attachment, office and date', async () => {
    const units = await unitsByCode(office);
    const id = await makeConsultation(office, await makePlan(office), { deadline: '2021-07-21', contact: '晁阳 88950076', recipientUnitIds: [units.get('hn-gat')!.id, units.get('hn-kjt')!.id] });
    const letter = await office.request('GET', `/api/consultations/${id}/letter.docx?docNumber=${encodeURIComponent('湘城镇办函〔2021〕12号')}`);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-disposition')).toContain('.docx');
    const xml = await (await JSZip.loadAsync(Buffer.from(await letter.arrayBuffer()))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const part of ['湘城镇办函〔2021〕12号', '关于征求', '省公安厅、省科技厅：', '2021年7月21日前', '联系人：晁阳 88950076', '附件：', '2021年7月16日']) expect(text).toContain(part);
    expect((await (await loginAs(t, 'hn-gat.reporter')).request('GET', `/api/consultations/${id}/letter.docx`)).status).toBe(403);
  });

  it('adds lines for units that replied 无意见 and that did not reply in time, when asked', async () => {
    const units = await unitsByCode(office);
    const planId = await makePlan(office);
    const id = await makeConsultation(office, planId, { deadline: '2021-07-17', recipientUnitIds: [units.get('hn-czt')!.id, units.get('hn-mzt')!.id] });
    const reporter = await loginAs(t, 'hn-czt.reporter');
    await seal(await loginAs(t, 'hn-czt.signatory'), await draft(reporter, id, { noOpinion: true }));
    const before = clock.now().toISOString();
    clock.set('2021-07-19T02:00:00Z');
    try {
      const plain = await office.request('GET', `/api/consultations/${id}/summary.xlsx`);
      const all = await office.request('GET', `/api/consultations/${id}/summary.xlsx?noOpinion=1&missing=1`);
      expect([plain.status, all.status]).toEqual([200, 200]);
      const rows = async (r: Response) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as unknown as ArrayBuffer);
        const sheet = wb.worksheets[0]!;
        return Array.from({ length: sheet.rowCount - 2 }, (_, i) => [sheet.getRow(i + 3).getCell(2).text, sheet.getRow(i + 3).getCell(5).text, sheet.getRow(i + 3).getCell(8).text]);
      };
      expect(await rows(plain)).toEqual([]);
      expect(await rows(all)).toEqual([
        ['省财政厅', '无意见', ''],
        ['省民政厅', '逾期未反馈', ''],
      ]);
    } finally {
      clock.set(before);
    }
  });

  it('still lets a signatory seal a draft directly, without a submission', async () => {
    const c = await consultationFor('hn-kjt');
    const replyId = await draft(c.reporter, c.id, { noOpinion: true });
    await seal(c.signatory, replyId);
    expect(about(await todos(c.reporter), c.href)).toEqual([]);
    const reply = (await c.signatory.json<Reply>('GET', `/api/replies/${replyId}`)).body;
    expect(reply.status).toBe('sealed');
    expect(reply.history.map((h) => h.kind)).toEqual(['draft', 'seal']);
  });

  it('settles concurrent submissions, and a return racing a seal, on one winner', async () => {
    const c = await consultationFor('hn-yjt');
    const replyId = await draft(c.reporter, c.id, { noOpinion: true });
    const second = await loginAs(t, 'hn-yjt.reporter');
    const both = await Promise.all([c.reporter.request('POST', `/api/replies/${replyId}/submit`), second.request('POST', `/api/replies/${replyId}/submit`)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const signatory2 = await loginAs(t, 'hn-yjt.signatory');
    const race = await Promise.all([
      c.signatory.json<ErrorBody>('POST', `/api/replies/${replyId}/return`, { comment: '退回' }),
      signatory2.json<ErrorBody>('POST', `/api/replies/${replyId}/seal`),
    ]);
    const [returned, sealed] = race.map((r) => r.status);
    const final = (await c.signatory.json<Reply>('GET', `/api/replies/${replyId}`)).body;
    const kinds = final.history.map((e) => e.kind);
    // The outcome is one of the serial orders, never a mixture. A signatory may seal a draft
    // directly, so "returned, then sealed" is a serial order too (both 200, the history says
    // so); "sealed, then the return" refuses the return; the seal is never half-applied.
    expect(sealed === 200 || returned === 200).toBe(true);
    if (sealed === 200) {
      expect(final.status).toBe('sealed');
      if (returned === 200) expect(kinds.indexOf('return')).toBeLessThan(kinds.indexOf('seal'));
      else expect([returned, kinds.includes('return')]).toEqual([409, false]);
      expect((await c.signatory.json<{ valid: boolean }>('GET', `/api/replies/${replyId}/verify`)).body.valid).toBe(true);
    } else {
      expect([final.status, final.handoff]).toEqual(['draft', 'returned']);
    }
  });

  it('gives the office this week’s deadlines and overdue units, and admins the accounts to care for', async () => {
    const c = await consultationFor('hn-fgw');
    expect(about(await todos(office), c.href)).toEqual(['consultation.due']);
    const admin = new Client(t.url);
    await admin.login('admin', ADMIN_PASSWORD);
    const adminTodos = await todos(admin);
    expect(adminTodos.every((x) => x.area === 'users' || x.area === 'plans' || x.area === 'consultations' || x.area === 'rounds' || x.area === 'ledger')).toBe(true);
    // Demo accounts all have a signatory and an address; an account added by the admin has not changed its password.
    const units = await unitsByCode(office);
    const added = await admin.json('POST', '/api/users', { login: 'todo.viewer', displayName: '待改密账号', unitId: units.get('hn-gat')!.id, role: 'viewer', password: 'viewer-pass-2021' });
    expect(added.status).toBe(201);
    const entry = (await todos(admin)).find((x) => x.kind === 'account.password');
    expect(entry).toMatchObject({ href: '/users?filter=mustChangePassword', params: { count: 1 } });
    expect((await todos(admin, true)).map((x) => x.kind)).toContain('done.user.create');
    // English titles by Accept-Language.
    const english = new Client(t.url, 'en');
    await english.login('office', t.demoPassword);
    const due = (await todos(english)).find((x) => x.href === c.href)!;
    expect(due.title).toMatch(/^Due this week/);
  });

  it('marks a version final (定稿); publishing a version not yet final marks it final at the same moment', async () => {
    const planId = await makePlan(office);
    const plan = async () => (await office.json<{ stage: string; version: { status: string } }>('GET', `/api/plans/${planId}`)).body;
    expect(await plan()).toMatchObject({ stage: 'draft', version: { status: 'draft' } });
    const reporter = await loginAs(t, 'hn-gat.reporter');
    expect((await reporter.json('POST', `/api/plans/${planId}/versions/1/final`)).status).toBe(403);
    expect((await office.json<ErrorBody>('POST', `/api/plans/${planId}/versions/9/final`)).body.error.code).toBe('plan_version_not_found');
    const marked = await office.json<{ stage: string; version: number }>('POST', `/api/plans/${planId}/versions/1/final`);
    expect(marked.body).toEqual({ stage: 'final', version: 1 });
    expect(await plan()).toMatchObject({ stage: 'final', version: { status: 'final' } });

    const other = await makePlan(office);
    const published = await office.json('POST', `/api/plans/${other}/publish`, {});
    expect(published.status).toBe(201);
    const after = (await office.json<{ stage: string; version: { status: string } }>('GET', `/api/plans/${other}`)).body;
    expect(after).toMatchObject({ stage: 'published', version: { status: 'final' } });
    // Marking again keeps a published plan published.
    expect((await office.json<{ stage: string }>('POST', `/api/plans/${other}/versions/1/final`)).body.stage).toBe('published');
  });

  it('gives the office the parser warnings left to check on plans not yet published, and drops them as they are checked', async () => {
    // A plan whose text holds an unknown unit: the parser warns about it.
    const text = seedPlanText().replace('(省公安厅、省民政厅', '(省未知事务局、省公安厅、省民政厅');
    const planId = await importPlan(office, text);
    const href = `/plans/${planId}`;
    const warnings = (await office.json<{ warnings: { key: string; checked: unknown }[] }>('GET', href.replace('/plans', '/api/plans'))).body.warnings;
    expect(warnings.length).toBeGreaterThan(0);
    const entry = () => todos(office).then((list) => list.find((x) => x.href === href));
    expect(await entry()).toMatchObject({ kind: 'plan.warnings', area: 'plans', params: { count: warnings.length } });
    expect(about(await todos(await loginAs(t, 'hn-gat.reporter')), href)).toEqual([]);
    expect((await office.json('POST', `/api/plans/${planId}/versions/1/warnings/${warnings[0]!.key}/check`)).status).toBe(200);
    if (warnings.length > 1) expect((await entry())?.params.count).toBe(warnings.length - 1);
    for (const w of warnings.slice(1)) expect((await office.json('POST', `/api/plans/${planId}/versions/1/warnings/${w.key}/check`)).status).toBe(200);
    expect(await entry()).toBeUndefined();
    // A published plan's warnings are no longer a to-do.
    const other = await importPlan(office, seedPlanText().replace('(省公安厅、省民政厅', '(省未知事务局、省公安厅、省民政厅'));
    expect(about(await todos(office), `/plans/${other}`)).toEqual(['plan.warnings']);
    expect((await office.json('POST', `/api/plans/${other}/publish`, {})).status).toBe(201);
    expect(about(await todos(office), `/plans/${other}`)).toEqual([]);
  });

  it('joins the ledger: reports due and to seal for a unit, notices for the unit and the office', async () => {
    // The demo's ledger (published, most tasks closed at the year's end; item 9 still open).
    const planId = (await office.json<{ planId: number }>('GET', '/api/tasks/9')).body.planId;
    // A new round: the lead of an open task (省发改委, item 9) owes a report; the signatory seals what the reporter writes.
    const round = await office.json<{ id: number }>('POST', `/api/plans/${planId}/rounds`, { title: '2022年第一季度调度', periodStart: '2022-01-01', periodEnd: '2022-03-31', dueDate: '2022-04-10' });
    expect(round.status).toBe(201);
    const reporter = await loginAs(t, 'hn-fgw.reporter');
    const due = (await todos(reporter)).filter((x) => x.kind === 'report.due' && x.href.startsWith(`/rounds/${round.body.id}/`));
    expect(due.length).toBeGreaterThan(0);
    expect(due[0]).toMatchObject({ area: 'rounds', dueAt: '2022-04-10T15:59:59.999Z' });
    const href = due[0]!.href;
    const saved = await reporter.json('PUT', `/api${href.replace(/^\/rounds/, '/rounds')}/report`, { progress: '按计划推进。', percent: 90 });
    expect(saved.status).toBe(200);
    expect((await todos(reporter)).map((x) => x.href)).not.toContain(href);
    const signatory = await loginAs(t, 'hn-fgw.signatory');
    expect((await todos(signatory)).filter((x) => x.href === href).map((x) => x.kind)).toEqual(['report.seal']);
    // A notice addressed to the unit.
    const taskId = Number(href.split('/').pop());
    const notice = await office.json('POST', `/api/tasks/${taskId}/notices`, { level: 'yellow', text: '请加快进度', answerBy: '2021-07-30', unitId: (await unitsByCode(office)).get('hn-fgw')!.id });
    expect(notice.status).toBe(201);
    const answer = (await todos(signatory)).find((x) => x.kind === 'notice.answer')!;
    expect(answer).toMatchObject({ href: `/ledger/tasks/${taskId}`, area: 'ledger' });
    expect(answer.title).toContain('督办');
    expect((await todos(office)).some((x) => x.kind === 'notice.follow' && x.href === `/ledger/tasks/${taskId}`)).toBe(true);
  });
});
