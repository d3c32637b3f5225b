import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/unit.js';
import { Client } from '../helpers/client.js';
import { TestClock } from '../helpers/clock.js';
import { DIALECTS } from '../helpers/databases.js';
import { DEMO_PASSWORD, startTestServer } from '../helpers/test-server.js';
import type { TestServer } from '../helpers/test-server.js';

interface TaskRow {
  id: number;
  itemOrdinal: number | null;
  title: string;
  leadUnitId: number | null;
  light: string;
  lightReason: string;
  status: string;
}
interface Round {
  id: number;
  title: string;
  ownerUnitId: number;
}
interface TaskDetail {
  lightHistory: { roundId: number; light: string; lightReason: string }[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const HEADER_ROW = 3;

function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const CAN_PRINT = hasTool('soffice') && hasTool('pdfinfo') && hasTool('pdftotext');

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet('任务台账')!;
}

/** The table's rows as header → text. */
function tableOf(ws: ExcelJS.Worksheet): Record<string, string>[] {
  const headers = (ws.getRow(HEADER_ROW).values as unknown[]).slice(1).map((v) => String((v as { richText?: { text: string }[] }).richText?.map((r) => r.text).join('') ?? v));
  const rows: Record<string, string>[] = [];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).text])));
  }
  return rows;
}

/** LibreOffice headless, with a profile of its own so it never meets another soffice. */
function toPdf(file: string, dir: string): { pdf: string; pages: number; width: number; height: number; text: (page: number) => string } {
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
  const pdf = path.join(dir, `${path.basename(file).replace(/\.\w+$/, '')}.pdf`);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return {
    pdf,
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    width: Number(size[1]),
    height: Number(size[2]),
    text: (page) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }),
  };
}

// The demo (loaded by the test server) is the seed plan published in 2021 with its Q3 and Q4
// rounds and 长沙市's local rounds; the clock stands after it all.
describe.each(DIALECTS)('the ledger exports over HTTP on %s', (dialect) => {
  const clock = new TestClock(new Date('2022-02-01T02:00:00Z'));
  const planId = 1;
  let t: TestServer;
  let office: Client;
  let units: Map<number, Unit>;
  let rounds: Round[];
  let q3: Round;
  const login = async (name: string) => {
    const c = new Client(t.url);
    expect((await c.login(name, DEMO_PASSWORD)).status).toBe(200);
    return c;
  };
  const download = async (client: Client, url: string) => {
    const r = await client.request('GET', url);
    return { status: r.status, type: r.headers.get('content-type') ?? '', disposition: r.headers.get('content-disposition') ?? '', bytes: Buffer.from(await r.arrayBuffer()) };
  };
  const shortName = (id: number | null) => (id === null ? '' : units.get(id)!.shortName);

  beforeAll(async () => {
    t = await startTestServer({ dialect, clock, env: { REMINDER_INTERVAL_MINUTES: '0', SESSION_TTL_HOURS: '720' } });
    office = await login('office');
    units = new Map((await office.json<{ units: Unit[] }>('GET', '/api/units')).body.units.map((u) => [u.id, u]));
    rounds = (await office.json<{ rounds: Round[] }>('GET', `/api/plans/${planId}/rounds`)).body.rounds;
    q3 = rounds.find((r) => r.title === '2021年第三季度调度')!;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exports the 任务台账 as a clerk prints it: title, frozen header, autofilter, wrapped rows, A4 landscape one page wide', async () => {
    const tasks = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks`)).body;
    const file = await download(office, `/api/plans/${planId}/ledger.xlsx`);
    expect(file.status).toBe(200);
    expect(file.type).toContain(XLSX);
    expect(file.disposition).toContain('attachment');
    const ws = await workbookOf(file.bytes);
    expect(ws.getCell('A1').text).toBe('《2021年湖南省新型城镇化工作要点》任务台账');
    expect(ws.getCell('A2').text).toContain(`共${tasks.length}项任务`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(ws.autoFilter).toBe(`A${HEADER_ROW}:N${HEADER_ROW + tasks.length}`);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);

    const table = tableOf(ws);
    expect(Object.keys(table[0]!)).toEqual(['序号', '部分', '条目', '任务内容', '牵头单位', '配合单位', '责任地区', '指标（目标／完成）', '完成时限', '最新进展', '进度', '灯色', '灯色原因', '状态']);
    expect(table).toHaveLength(tasks.length);
    // The known task: item (十五), the 1500 old communities, with its indicator against the target.
    const renewal = tasks.find((x) => x.itemOrdinal === 15)!;
    const row = table[tasks.indexOf(renewal)]!;
    // The item's number as the plan writes it.
    expect(row['条目']).toMatch(/^[(（]十五[)）]$/);
    expect(row['任务内容']).toContain('老旧小区');
    expect(row['牵头单位']).toBe(shortName(renewal.leadUnitId));
    expect(row['指标（目标／完成）']).toMatch(/目标1500个，完成\d+个/);
    expect(row['责任地区']).toBe('各市州（14个）');
    expect(row['最新进展']).toMatch(/^【2021年第四季度调度】/);
    expect(row['部分']).toMatch(/^[一二三四五六七八九十]+、/);
    // Each row's light and reason are the list's; long rows are taller and wrap.
    tasks.forEach((task, i) => {
      expect(table[i]!['灯色']).toBe({ green: '绿灯', yellow: '黄灯', red: '红灯' }[task.light]);
      expect(table[i]!['灯色原因']).toBe(task.lightReason);
      expect(table[i]!['状态']).toBe(task.status === 'closed' ? '已销号' : '在办');
    });
    const first = ws.getRow(HEADER_ROW + 1);
    expect(first.getCell(4).alignment).toMatchObject({ wrapText: true });
    expect(first.getCell(4).numFmt).toBe('@');
    expect(first.height).toBeGreaterThan(40);
  });

  it('exports a filtered list the same way: ?light=red gives exactly the red tasks with their reasons', async () => {
    const red = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks?light=red`)).body;
    expect(red.length).toBeGreaterThan(0);
    const ws = await workbookOf((await download(office, `/api/plans/${planId}/ledger.xlsx?light=red`)).bytes);
    expect(ws.getCell('A2').text).toContain('筛选条件：红灯');
    const table = tableOf(ws);
    expect(table.map((r) => r['灯色'])).toEqual(red.map(() => '红灯'));
    expect(table.map((r) => r['灯色原因'])).toEqual(red.map((x) => x.lightReason));
    expect(ws.autoFilter).toBe(`A${HEADER_ROW}:N${HEADER_ROW + red.length}`);

    const fgw = [...units.values()].find((u) => u.code === 'hn-fgw')!;
    const open = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks?unitId=${fgw.id}&status=open`)).body;
    const filtered = tableOf(await workbookOf((await download(office, `/api/plans/${planId}/ledger.xlsx?unitId=${fgw.id}&status=open`)).bytes));
    expect(filtered.map((r) => r['状态'])).toEqual(open.map(() => '在办'));
    expect(filtered).toHaveLength(open.length);
    expect((await download(office, `/api/plans/${planId}/ledger.xlsx?light=purple`)).status).toBe(400);
  });

  it("gives a unit the ledger, with the latest progress only of the reports it may read", async () => {
    const reporter = await login('hn-fgw.reporter');
    const fgw = [...units.values()].find((u) => u.code === 'hn-fgw')!;
    const tasks = (await reporter.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks`)).body;
    const file = await download(reporter, `/api/plans/${planId}/ledger.xlsx`);
    expect(file.status).toBe(200);
    const table = tableOf(await workbookOf(file.bytes));
    expect(table).toHaveLength(tasks.length);
    tasks.forEach((task, i) => {
      if (task.leadUnitId === fgw.id) expect(table[i]!['最新进展']).not.toBe('');
      else expect(table[i]!['最新进展']).toBe('');
    });
    expect(tasks.some((x) => x.leadUnitId !== fgw.id)).toBe(true);
    const anonymous = await download(new Client(t.url), `/api/plans/${planId}/ledger.xlsx`);
    expect(anonymous.status).toBe(401);
  });

  it("writes the round's 通报 in the official-document layout: progress, sections, red and yellow lists with reasons, late and missing, quotes", async () => {
    const file = await download(office, `/api/rounds/${q3.id}/bulletin.docx`);
    expect(file.status).toBe(200);
    expect(file.type).toContain(DOCX);
    const { value: text } = await mammoth.extractRawText({ buffer: file.bytes });
    expect(text).toContain('关于2021年第三季度调度情况的通报');
    for (const heading of ['一、总体进展', '二、分领域进展', '三、红灯任务', '四、黄灯任务', '五、逾期报送和未报送情况', '六、典型经验做法']) expect(text).toContain(heading);
    expect(text).toMatch(/纳入本次调度的\d+项任务中，绿灯\d+项、黄灯\d+项、红灯\d+项/);

    // The red and yellow lists are the lights as of the round's due date, with their reasons.
    const tasks = (await office.json<TaskRow[]>('GET', `/api/plans/${planId}/tasks`)).body;
    const histories = await Promise.all(tasks.map(async (x) => ({ task: x, detail: (await office.json<TaskDetail>('GET', `/api/tasks/${x.id}`)).body })));
    const at = (light: string) => histories.filter((h) => h.detail.lightHistory.find((l) => l.roundId === q3.id)?.light === light);
    const red = at('red');
    const yellow = at('yellow');
    expect(red.length).toBeGreaterThan(0);
    expect(yellow.length).toBeGreaterThan(0);
    const redPart = text.slice(text.indexOf('三、红灯任务'), text.indexOf('四、黄灯任务'));
    const yellowPart = text.slice(text.indexOf('四、黄灯任务'), text.indexOf('五、逾期报送'));
    for (const h of red) {
      expect(redPart).toContain(h.task.title.replace(/。$/, ''));
      expect(redPart).toContain(h.detail.lightHistory.find((l) => l.roundId === q3.id)!.lightReason);
    }
    for (const h of yellow) expect(yellowPart).toContain(h.task.title.replace(/。$/, ''));

    // Late and missing, by unit, as on the round's page.
    const view = (await office.json<{ rows: { unitId: number; timeliness: string }[] }>('GET', `/api/rounds/${q3.id}`)).body;
    const latePart = text.slice(text.indexOf('（一）逾期报送'), text.indexOf('（二）未报送'));
    const missingPart = text.slice(text.indexOf('（二）未报送'), text.indexOf('六、典型经验做法'));
    const late = view.rows.filter((r) => r.timeliness === 'late');
    const missing = view.rows.filter((r) => r.timeliness === 'missing');
    expect(late.length).toBeGreaterThan(0);
    expect(missing.length).toBeGreaterThan(0);
    for (const r of late) expect(latePart).toContain(shortName(r.unitId));
    for (const r of missing) expect(missingPart).toContain(shortName(r.unitId));
    // Good practice is quoted from the reports.
    const practice = text.slice(text.indexOf('六、典型经验做法'), text.indexOf('七、'));
    expect(practice).toMatch(/1\. .+（.+）：“.+”/);

    // GB/T 9704: A4 portrait, the title in 方正小标宋简体 二号, the body in 仿宋_GB2312 三号, headings in 黑体.
    const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[^]*?<w:sz w:val="32"\/>/);
    expect(xml).toContain('w:eastAsia="黑体"');
  });

  it('gives the 通报 only to the office governing the round: not to units, not to another 市州, 长沙市 its own', async () => {
    const reporter = await login('hn-fgw.reporter');
    expect((await download(reporter, `/api/rounds/${q3.id}/bulletin.docx`)).status).toBe(403);
    const signatory = await login('hn-fgw.signatory');
    expect((await download(signatory, `/api/rounds/${q3.id}/bulletin.docx`)).status).toBe(403);
    const changsha = await login('430100.office');
    expect((await download(changsha, `/api/rounds/${q3.id}/bulletin.docx`)).status).toBe(403);
    const own = rounds.find((r) => r.ownerUnitId !== q3.ownerUnitId)!;
    const local = await download(changsha, `/api/rounds/${own.id}/bulletin.docx`);
    expect(local.status).toBe(200);
    expect((await mammoth.extractRawText({ buffer: local.bytes })).value).toContain(`关于${own.title}情况的通报`);
    // The province governs 长沙市's rounds too.
    expect((await download(office, `/api/rounds/${own.id}/bulletin.docx`)).status).toBe(200);
    expect((await download(office, '/api/rounds/999999/bulletin.docx')).status).toBe(404);
  });

  it.runIf(CAN_PRINT && dialect === 'sqlite')(
    'prints both through LibreOffice: the ledger A4 landscape one page wide with the header on every page, the 通报 A4 portrait',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luoshi-ledger-print-'));
      try {
        const xlsx = path.join(dir, 'ledger.xlsx');
        fs.writeFileSync(xlsx, (await download(office, `/api/plans/${planId}/ledger.xlsx`)).bytes);
        const sheet = toPdf(xlsx, dir);
        expect(sheet.width).toBeCloseTo(841.9, 0);
        expect(sheet.height).toBeCloseTo(595.3, 0);
        // 22 tasks: a few pages, not one a row and not one squeezed page.
        expect(sheet.pages).toBeGreaterThanOrEqual(2);
        expect(sheet.pages).toBeLessThanOrEqual(8);
        // One page wide: the first and last columns are on every page, the header repeats.
        for (let p = 1; p <= sheet.pages; p += 1) {
          const text = sheet.text(p).replace(/ +/g, '');
          expect(text).toContain('序号');
          expect(text).toContain('状态');
          expect(text).toContain('任务内容');
        }
        expect(sheet.text(1)).toContain('任务台账');

        const docx = path.join(dir, 'bulletin.docx');
        fs.writeFileSync(docx, (await download(office, `/api/rounds/${q3.id}/bulletin.docx`)).bytes);
        const note = toPdf(docx, dir);
        expect(note.width).toBeCloseTo(595.3, 0);
        expect(note.height).toBeCloseTo(841.9, 0);
        expect(note.pages).toBeGreaterThanOrEqual(2);
        expect(note.pages).toBeLessThanOrEqual(8);
        expect(note.text(1).replace(/\s+/g, '')).toContain('第三季度调度情况的通报');
        if (process.env.LEDGER_EXPORTS_KEEP) {
          fs.mkdirSync(process.env.LEDGER_EXPORTS_KEEP, { recursive: true });
          for (const f of [xlsx, docx, sheet.pdf, note.pdf]) fs.copyFileSync(f, path.join(process.env.LEDGER_EXPORTS_KEEP, path.basename(f)));
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
