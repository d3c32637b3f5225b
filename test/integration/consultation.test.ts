import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/unit.js';
import { SYSTEM_ACTOR } from '../../src/domain/policy.js';
import type { ConsultationState } from '../../src/services/support/consultation-rows.js';
import type { RedlineView } from '../../src/services/get-redline.js';
import type { OpinionRow } from '../../src/services/list-opinions.js';
import type { ReplyView } from '../../src/services/support/reply-rows.js';
import { runDueReminders } from '../../src/services/run-due-reminders.js';
import { Client } from '../helpers/client.js';
import type { ErrorBody } from '../helpers/client.js';
import { TestClock } from '../helpers/clock.js';
import { DIALECTS } from '../helpers/databases.js';
import { draft as draftReply, importPlan, loginAdmin, loginAs, makeConsultation, makePlan, seal, sealedReply, seedPlanText, unitsByCode } from '../helpers/factories.js';
import { startSmtpServer } from '../helpers/smtp.js';
import { startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const HOSTILE = '=HYPERLINK("http://evil.invalid","点我")<script>alert(1)</script>';

/** The day the consultation goes out: five days before the cover letter's deadline (2021-07-21). */
const SENT = '2021-07-16T02:00:00Z';
const GAT_OPINIONS = {
  opinions: [
    { itemOrdinal: 2, quote: '4.35万套', content: '建议将4.35万套调整为5万套。', suggestion: '5万套', reason: '与国家下达任务衔接' },
    { itemOrdinal: 15, content: '建议补充特色小镇动态调整的具体标准。' },
  ],
};
const FGW_OPINIONS = { opinions: [{ itemOrdinal: 5, content: '修改后的意见：建议明确三条高铁经济带的牵头单位。' }] };
const RST_OPINIONS = { opinions: [{ itemOrdinal: 2, content: HOSTILE, suggestion: '@SUM(A1:A9)', reason: '+cmd' }] };

describe.each(DIALECTS)('consultation cycle over HTTP on %s', (dialect) => {
  const clock = new TestClock(new Date(SENT));
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestServer;
  let units: Map<string, Unit>;
  const serverEnv = () => ({ SMTP_URL: smtp.url, REMINDER_INTERVAL_MINUTES: '0', SESSION_TTL_HOURS: '720' });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestServer({ dialect, clock, env: serverEnv() });
    units = await unitsByCode(await loginAs(t, 'office'));
  });
  // Every test starts on the day its consultation is sent, whatever an earlier one did to the clock.
  beforeEach(() => clock.set(SENT));
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /**
   * A consultation of its own, on a plan of its own, sent to the 22 member units:
   * 省公安厅 sends two opinions, 省教育厅 无意见 and 省发展改革委 one, all on time;
   * with `late`, 省人社厅 sends a hostile-looking opinion after the deadline (the clock moves past it);
   * with `decided`, the office then decides every opinion.
   */
  async function consultationWithReplies(opts: { late?: boolean; decided?: boolean; server?: TestServer } = {}) {
    const server = opts.server ?? t;
    const office = await loginAs(server, 'office');
    const text = seedPlanText();
    const planId = await importPlan(office, text);
    const consultationId = await makeConsultation(office, planId);
    const gatReply = await sealedReply(server, 'hn-gat', consultationId, GAT_OPINIONS);
    await sealedReply(server, 'hn-jyt', consultationId, { noOpinion: true });
    await sealedReply(server, 'hn-fgw', consultationId, FGW_OPINIONS);
    if (opts.late || opts.decided) {
      const rstDraft = await draftReply(await loginAs(server, 'hn-rst.reporter'), consultationId, RST_OPINIONS);
      clock.set('2021-07-22T03:00:00Z');
      await seal(await loginAs(server, 'hn-rst.signatory'), rstDraft);
    }
    if (opts.decided) {
      const opinions = (await office.json<OpinionRow[]>('GET', `/api/consultations/${consultationId}/opinions`)).body;
      const onFigure = opinions.find((o) => o.quote === '4.35万套')!;
      const hostile = opinions.find((o) => o.content === HOSTILE)!;
      expect((await office.json('POST', `/api/opinions/${onFigure.id}/decision`, { disposition: 'adopted' })).status).toBe(200);
      expect((await office.json('POST', `/api/opinions/${hostile.id}/decision`, { disposition: 'rejected', reason: '与文件无关' })).status).toBe(200);
      const rest = opinions.filter((o) => o.id !== onFigure.id && o.id !== hostile.id).map((o) => o.id);
      const bulk = await office.json('POST', `/api/consultations/${consultationId}/decisions`, { opinionIds: rest, disposition: 'partly_adopted', reason: '在实施方案中细化' });
      expect(bulk.status).toBe(200);
    }
    return { office, text, planId, consultationId, gatReply };
  }

  /** A consultation of its own with only 省公安厅's two opinions, sealed. */
  async function consultationWithGatReply() {
    const office = await loginAs(t, 'office');
    const consultationId = await makeConsultation(office, await makePlan(office));
    const gatReply = await sealedReply(t, 'hn-gat', consultationId, GAT_OPINIONS);
    return { office, consultationId, gatReply };
  }

  it('opens a consultation with the cover letter’s deadline and every member unit as recipient', async () => {
    const office = await loginAs(t, 'office');
    const planId = await makePlan(office);
    const opened = await office.json<ConsultationState>('POST', `/api/plans/${planId}/consultations`, {});
    expect(opened.status).toBe(201);
    const consultationId = opened.body.id;
    expect(opened.body.deadline).toBe('2021-07-21');
    expect(opened.body.status).toBe('open');
    expect(opened.body.recipients).toHaveLength(22);
    expect(opened.body.recipients.every((r) => r.status === 'pending')).toBe(true);
    expect(opened.body.contact).toContain('晁阳');
    const reporter = await loginAs(t, 'hn-gat.reporter');
    expect((await reporter.json('POST', `/api/plans/${planId}/consultations`, { deadline: '2021-08-01' })).status).toBe(403);
    const inbox = await reporter.json<{ consultations: ConsultationState[] }>('GET', '/api/consultations');
    expect(inbox.body.consultations.map((c) => c.id)).toContain(consultationId);
    const own = inbox.body.consultations.find((c) => c.id === consultationId)!;
    expect(own.recipients.map((r) => r.unitId)).toEqual([units.get('hn-gat')!.id]);
    const notices = await reporter.json<{ notifications: { id: number; message: string }[] }>('GET', '/api/notifications');
    expect(notices.body.notifications[0]?.message).toContain('2021-07-21');
    const marked = await reporter.json<{ marked: number }>('POST', '/api/notifications/read', { ids: notices.body.notifications.map((n) => n.id) });
    expect(marked.body.marked).toBeGreaterThan(0);
    const unread = await reporter.json<{ notifications: unknown[] }>('GET', '/api/notifications?unread=true');
    expect(unread.body.notifications).toEqual([]);
    // Another unit's notices cannot be marked from here.
    const mzt = await loginAs(t, 'hn-mzt.reporter');
    const theirs = (await mzt.json<{ notifications: { id: number }[] }>('GET', '/api/notifications')).body.notifications.map((n) => n.id);
    expect((await reporter.json<{ marked: number }>('POST', '/api/notifications/read', { ids: theirs })).body.marked).toBe(0);
  });

  it("keeps a unit's draft private, lets only its signatory seal it, and verifies the seal", async () => {
    const office = await loginAs(t, 'office');
    const consultationId = await makeConsultation(office, await makePlan(office));
    const reporter = await loginAs(t, 'hn-gat.reporter');
    const draft = await reporter.json<ReplyView>('POST', `/api/consultations/${consultationId}/replies`, GAT_OPINIONS);
    expect(draft.body).toMatchObject({ status: 'draft' });
    const gatReply = draft.body.id;
    expect(draft.body.status).toBe('draft');
    expect(draft.body.opinions[0]!.span).not.toBeNull();
    expect((await office.json('GET', `/api/replies/${gatReply}`)).status).toBe(403);
    const mzt = await loginAs(t, 'hn-mzt.reporter');
    expect((await mzt.json('GET', `/api/replies/${gatReply}`)).status).toBe(403);
    expect((await mzt.json('PATCH', `/api/replies/${gatReply}`, { noOpinion: true })).status).toBe(403);
    const opinionsBefore = await office.json<OpinionRow[]>('GET', `/api/consultations/${consultationId}/opinions`);
    expect(opinionsBefore.body).toEqual([]);
    const badQuote = await reporter.json<ErrorBody>('PATCH', `/api/replies/${gatReply}`, { opinions: [{ itemOrdinal: 2, quote: '不存在的原文', content: 'x' }] });
    expect(badQuote.status).toBe(400);

    expect((await reporter.json('POST', `/api/replies/${gatReply}/seal`)).status).toBe(403);
    const otherSignatory = await loginAs(t, 'hn-mzt.signatory');
    expect((await otherSignatory.json('POST', `/api/replies/${gatReply}/seal`)).status).toBe(403);
    const signatory = await loginAs(t, 'hn-gat.signatory');
    // A new installation seals with 国密 SM2 when the request names no algorithm, and says so.
    expect((await signatory.json<{ sealAlgorithm: string }>('GET', '/api/settings')).body).toEqual({ sealAlgorithm: 'sm2' });
    const seal = await signatory.json<{ algorithm: string; signature: string; sealedAt: string; late: boolean }>('POST', `/api/replies/${gatReply}/seal`);
    expect(seal.status).toBe(200);
    expect(seal.body).toMatchObject({ algorithm: 'sm2', late: false, sealedAt: '2021-07-16T02:00:00.000Z' });
    expect(seal.body.signature.length).toBeGreaterThan(40);
    expect((await reporter.json('PATCH', `/api/replies/${gatReply}`, { noOpinion: true })).status).toBe(409);
    expect((await office.json<{ valid: boolean }>('GET', `/api/replies/${gatReply}/verify`)).body.valid).toBe(true);
    const keys = await office.json<{ keys: { algorithm: string; publicKey: string }[] }>('GET', `/api/units/${units.get('hn-gat')!.id}/keys`);
    // The SM2 public key: the uncompressed point in hex (security/seal.ts).
    expect(keys.body.keys.find((k) => k.algorithm === 'sm2')?.publicKey).toMatch(/^04[0-9a-f]{128}$/);
  });

  it('takes 无意见 sealed with Ed25519 (still there on request), and a withdrawn reply stays on record beside its replacement', async () => {
    const { office, consultationId } = await consultationWithGatReply();
    const jyt = await loginAs(t, 'hn-jyt.reporter');
    const draft = await jyt.json<ReplyView>('POST', `/api/consultations/${consultationId}/replies`, { noOpinion: true });
    const ed25519 = await (await loginAs(t, 'hn-jyt.signatory')).json<{ algorithm: string }>('POST', `/api/replies/${draft.body.id}/seal`, { algorithm: 'ed25519' });
    expect(ed25519.body.algorithm).toBe('ed25519');
    expect((await office.json<{ valid: boolean }>('GET', `/api/replies/${draft.body.id}/verify`)).body.valid).toBe(true);
    const keys = await office.json<{ keys: { algorithm: string; publicKey: string }[] }>('GET', `/api/units/${units.get('hn-jyt')!.id}/keys`);
    expect(keys.body.keys.find((k) => k.algorithm === 'ed25519')?.publicKey).toContain('BEGIN PUBLIC KEY');

    const fgw = await loginAs(t, 'hn-fgw.reporter');
    const fgwSignatory = await loginAs(t, 'hn-fgw.signatory');
    const first = await fgw.json<ReplyView>('POST', `/api/consultations/${consultationId}/replies`, { opinions: [{ itemOrdinal: 5, content: '第一稿意见' }] });
    await fgwSignatory.json('POST', `/api/replies/${first.body.id}/seal`);
    expect((await fgw.json('POST', `/api/consultations/${consultationId}/replies`, { noOpinion: true })).status).toBe(409);
    const withdrawn = await fgwSignatory.json<ReplyView>('POST', `/api/replies/${first.body.id}/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
    const second = await fgw.json<ReplyView>('POST', `/api/consultations/${consultationId}/replies`, FGW_OPINIONS);
    await fgwSignatory.json('POST', `/api/replies/${second.body.id}/seal`);
    const replies = await office.json<{ replies: ReplyView[] }>('GET', `/api/consultations/${consultationId}/replies`);
    const fgwReplies = replies.body.replies.filter((r) => r.unitId === units.get('hn-fgw')!.id).map((r) => r.status);
    expect(fgwReplies).toEqual(['withdrawn', 'sealed']);
    const c = await office.json<ConsultationState>('GET', `/api/consultations/${consultationId}`);
    const status = (code: string) => c.body.recipients.find((r) => r.unitId === units.get(code)!.id)!.status;
    expect([status('hn-gat'), status('hn-jyt'), status('hn-fgw'), status('hn-rst')]).toEqual(['replied', 'no_opinion', 'replied', 'pending']);
  });

  it('reminds non-repliers in the app and by e-mail, and sends automatic reminders once', async () => {
    // Automatic reminders go to every open consultation in the database: this test gets a
    // server of its own, so the count is that of its consultation alone.
    const own = await startTestServer({ dialect, clock, env: serverEnv() });
    try {
      const { office, consultationId } = await consultationWithReplies({ server: own });
      const before = smtp.mails.length;
      const manual = await office.json<{ units: number[]; emails: number }>('POST', `/api/consultations/${consultationId}/reminders`, {});
      expect(manual.body.units).toHaveLength(19);
      expect(manual.body.emails).toBe(19);
      await expect.poll(() => smtp.mails.length).toBe(before + 19);
      const reminders = smtp.mails.slice(before);
      const rst = reminders.find((m) => m.to.includes('hn-rst.reporter@demo.luoshi.invalid'))!;
      expect(rst.to).toContain('hn-rst.signatory@demo.luoshi.invalid');
      expect(rst.raw).toMatch(/Subject: /);
      expect(reminders.some((m) => m.to.includes('hn-gat.reporter@demo.luoshi.invalid'))).toBe(false);

      const ctx = {
        db: own.server.handle.db,
        dialect: own.server.handle.dialect,
        config: own.config,
        clock,
        actor: SYSTEM_ACTOR,
        log: { info() {}, warn() {}, error() {} },
        mailer: null,
      };
      clock.set('2021-07-17T02:00:00Z'); // more than 3 days before the deadline: nothing due
      expect((await runDueReminders(ctx)).reminded).toBe(0);
      clock.set('2021-07-19T02:00:00Z');
      expect((await runDueReminders(ctx)).reminded).toBe(19);
      expect((await runDueReminders(ctx)).reminded).toBe(0);
    } finally {
      await own.close();
    }
  }, 180_000);

  it('marks a reply after the deadline as late, and silent units as 逾期未反馈', async () => {
    const { office, consultationId } = await consultationWithReplies();
    const rst = await loginAs(t, 'hn-rst.reporter');
    const draft = await rst.json<ReplyView>('POST', `/api/consultations/${consultationId}/replies`, RST_OPINIONS);
    clock.set('2021-07-22T03:00:00Z');
    const late = await (await loginAs(t, 'hn-rst.signatory')).json<{ late: boolean }>('POST', `/api/replies/${draft.body.id}/seal`);
    expect(late.body.late).toBe(true);
    const c = await office.json<ConsultationState>('GET', `/api/consultations/${consultationId}`);
    expect(c.body.status).toBe('closed');
    const count = (status: string) => c.body.recipients.filter((r) => r.status === status).length;
    expect(count('late')).toBe(1);
    expect(count('not_replied')).toBe(18);
    expect((await (await loginAs(t, 'hn-fgw.signatory')).json('POST', `/api/replies/${draft.body.id}/withdraw`)).status).toBe(403);
  });

  it('lets only the office decide; a reason is required unless adopted; selections at once', async () => {
    const { office, consultationId } = await consultationWithReplies({ late: true });
    const opinions = (await office.json<OpinionRow[]>('GET', `/api/consultations/${consultationId}/opinions`)).body;
    expect(opinions.map((o) => o.itemOrdinal)).toEqual([2, 2, 5, 15]);
    const onFigure = opinions.find((o) => o.quote === '4.35万套')!;
    const hostile = opinions.find((o) => o.content === HOSTILE)!;
    expect(hostile.late).toBe(true);
    const reporter = await loginAs(t, 'hn-gat.reporter');
    expect((await reporter.json('POST', `/api/opinions/${onFigure.id}/decision`, { disposition: 'adopted' })).status).toBe(403);
    const noReason = await office.json<ErrorBody>('POST', `/api/opinions/${hostile.id}/decision`, { disposition: 'rejected' });
    expect(noReason.status).toBe(400);
    expect((await office.json('POST', `/api/opinions/${onFigure.id}/decision`, { disposition: 'adopted' })).status).toBe(200);
    expect((await office.json('POST', `/api/opinions/${hostile.id}/decision`, { disposition: 'rejected', reason: '与文件无关' })).status).toBe(200);
    const rest = opinions.filter((o) => o.id !== onFigure.id && o.id !== hostile.id).map((o) => o.id);
    const bulk = await office.json<{ decided: number }>('POST', `/api/consultations/${consultationId}/decisions`, {
      opinionIds: rest,
      disposition: 'partly_adopted',
      reason: '在实施方案中细化',
    });
    expect(bulk.body.decided).toBe(2);
    const undecided = await office.json<OpinionRow[]>('GET', `/api/consultations/${consultationId}/opinions?state=undecided`);
    expect(undecided.body).toEqual([]);
  });

  it('exports the 意见汇总表 as xlsx (checked cell by cell, formulas inert) and docx, and the 情况说明', async () => {
    const { office, consultationId } = await consultationWithReplies({ decided: true });
    const xlsx = await office.request('GET', `/api/consultations/${consultationId}/summary.xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    // Text cells are read as what a person sees (exceljs gives rich text as an object).
    sheet.eachRow((row) =>
      rows.push(Array.from({ length: 9 }, (_, i) => (typeof row.getCell(i + 1).value === 'number' ? row.getCell(i + 1).value : row.getCell(i + 1).text))),
    );
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual(['序号', '单位', '条款', '原文', '意见', '建议修改', '理由', '处理情况', '处理理由']);
    const data = rows.slice(header + 1);
    expect(data).toHaveLength(4);
    expect(data[0]).toEqual([1, '省公安厅', expect.stringContaining('推动城镇基本公共服务'), '4.35万套', '建议将4.35万套调整为5万套。', '5万套', '与国家下达任务衔接', '采纳', '']);
    const hostileRow = data.find((r) => r[4] === HOSTILE)!;
    expect(hostileRow.slice(5)).toEqual(['@SUM(A1:A9)', '+cmd', '不采纳', '与文件无关']);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    const docx = await office.request('GET', `/api/consultations/${consultationId}/summary.docx`);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const situation = await office.json<{ stats: { consulted: string[]; replied: string[]; late: string[]; notReplied: string[]; opinions: number; adopted: number }; text: string }>(
      'GET',
      `/api/consultations/${consultationId}/situation`,
    );
    expect(situation.body.stats).toMatchObject({ opinions: 4, adopted: 1 });
    expect(situation.body.stats.consulted).toHaveLength(22);
    expect(situation.body.stats.notReplied).toHaveLength(18);
    expect(situation.body.text).toContain('22');
    expect((await office.request('GET', `/api/consultations/${consultationId}/situation.docx`)).status).toBe(200);
    expect((await (await loginAs(t, 'hn-gat.reporter')).request('GET', `/api/consultations/${consultationId}/summary.xlsx`)).status).toBe(403);
  });

  it('makes version 2 with a redline; flags adopted opinions without a linked change and vanished quotes', async () => {
    const { office, planId, text: v1 } = await consultationWithReplies({ decided: true });
    const v2text = v1.replace('指导长沙市完成4.35万套保障性租赁住房开工任务', '指导长沙市完成5万套保障性租赁住房开工任务');
    const v2 = await office.json<{ version: number }>('POST', `/api/plans/${planId}/versions`, { text: v2text, filename: 'v2.txt' });
    expect(v2.status).toBe(201);
    expect(v2.body.version).toBe(2);
    const same = await office.json<ErrorBody>('POST', `/api/plans/${planId}/versions`, { text: v2text });
    expect(same.status).toBe(409);
    const view = await office.json<RedlineView>('GET', `/api/plans/${planId}/redline`);
    const change = view.body.changes.find((c) => c.kind === 'modify')!;
    expect(change.inline?.some((p) => p.op === 'delete' && p.text.includes('4.35万'))).toBe(true);
    const adopted = view.body.opinions.find((o) => o.quote === '4.35万套')!;
    expect(view.body.adoptedWithoutChange).toContain(adopted.id);
    expect(view.body.quoteGone).toContain(adopted.id);
    const linked = await office.json<RedlineView>('PUT', `/api/plans/${planId}/versions/2/links`, { changeKey: change.key, opinionIds: [adopted.id] });
    expect(linked.status).toBe(200);
    expect(linked.body.adoptedWithoutChange).not.toContain(adopted.id);
    expect(linked.body.changes.find((c) => c.key === change.key)!.opinionIds).toEqual([adopted.id]);
  });

  it('publishes the adoption notice for anyone, without internal details', async () => {
    const { office, consultationId } = await consultationWithReplies({ decided: true });
    expect((await new Client(t.url).json('GET', `/api/public/consultations/${consultationId}`)).status).toBe(404);
    expect((await office.json('POST', `/api/consultations/${consultationId}/close`)).status).toBe(200);
    expect((await office.json('POST', `/api/consultations/${consultationId}/publish`)).status).toBe(200);
    const notice = await new Client(t.url).json<{ opinions: Record<string, unknown>[] }>('GET', `/api/public/consultations/${consultationId}`);
    expect(notice.status).toBe(200);
    expect(notice.body.opinions).toHaveLength(4);
    expect(Object.keys(notice.body.opinions[0]!).sort()).toEqual(['content', 'disposition', 'item', 'reason', 'unit']);
  });

  it('fails verification after a sealed reply is changed in the database, over HTTP and in the CLI', async () => {
    const { office, gatReply } = await consultationWithGatReply();
    const db = t.server.handle.db;
    await db.updateTable('opinions').set({ content: '被篡改的意见' }).where('reply_id', '=', gatReply).where('position', '=', 1).execute();
    expect((await office.json<{ valid: boolean; reason: string }>('GET', `/api/replies/${gatReply}/verify`)).body).toMatchObject({
      valid: false,
      reason: 'signature_mismatch',
    });
    const url = t.config.database.dialect === 'sqlite' ? `sqlite:${t.config.database.file}` : t.config.database.url;
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/luoshi.ts', 'verify-seal', String(gatReply)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, LUOSHI_SECRET_FILE: t.config.secretFile },
      encoding: 'utf8',
    });
    expect(cli.status).toBe(3);
    expect(cli.stderr).toContain('NOT valid');
    const admin = await loginAdmin(t);
    expect((await admin.json<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);
  });

  it('refuses a Word summary past 3000 opinions with a pointer to the Excel one, which still exports', async () => {
    const { office, consultationId, gatReply } = await consultationWithGatReply();
    const db = t.server.handle.db;
    for (let chunk = 0; chunk < 3; chunk++) {
      await db
        .insertInto('opinions')
        .values(
          Array.from({ length: 1000 }, (_, i) => ({
            reply_id: gatReply,
            position: 100 + chunk * 1000 + i,
            item_ordinal: 4,
            quote: null,
            span_start: null,
            span_end: null,
            content: `批量意见 ${chunk * 1000 + i}`,
            suggestion: null,
            reason: null,
            disposition: null,
            decision_reason: null,
            decided_by: null,
            decided_at: null,
          })),
        )
        .execute();
    }
    const docx = await office.json<ErrorBody>('GET', `/api/consultations/${consultationId}/summary.docx`);
    expect(docx.status).toBe(400);
    expect(docx.body.error.message).toContain('Excel');
    expect((await office.request('GET', `/api/consultations/${consultationId}/summary.xlsx`)).status).toBe(200);
  }, 180_000);
});
