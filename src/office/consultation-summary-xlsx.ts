/**
 * The 意见汇总表 as a workbook: a title row, a header row (序号 单位 条款 原文 意见 建议修改 处理情况
 * 理由) and one row per opinion, ready to print on A4 landscape.
 *
 * Written with exceljs's streaming WorkbookWriter: each row is committed (turned into XML and
 * handed to the zip) as soon as it is added, so memory does not grow with the number of rows,
 * apart from the finished file itself when a Buffer is asked for.
 *
 * Text cells are inline strings (t="inlineStr"), which is also what keeps memory flat: a shared
 * string table would hold every distinct string until the end. No cell is ever a formula:
 * exceljs writes a formula only for a { formula } value, and every value here is a number (序号)
 * or a string wrapped as rich text. Text columns are also formatted as text (@), so a cell such
 * as =HYPERLINK(…) stays text even after someone edits it in Excel and presses Enter.
 *
 * Read back with exceljs, an inline string comes back as { richText: [{ text }] }; use
 * `cell.text` for the plain string.
 */
import { EventEmitter, once } from 'node:events';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Borders, Fill, Font, PaperSize, Row, Style } from 'exceljs';
import type { ReportMeta, SummaryRow } from './consultation-report-types.js';
import { SUMMARY_COLUMNS, cleanText, rowDisposition, summaryTitle } from './consultation-text.js';

export const SUMMARY_SHEET_NAME = '意见汇总表';

/** Excel's limit on the characters in one cell; a longer cell makes Excel "repair" the file. */
export const XLSX_CELL_LIMIT = 32_767;
const TRUNCATED = '……(内容超过单元格长度上限，已截断)';

/** Rows between checks on how far the zip has fallen behind. */
const ROWS_PER_CHECK = 20;
/** Uncompressed sheet XML allowed to wait for the zip before rows stop being added. */
const MAX_BACKLOG = 512 * 1024;

/** Column widths in Excel units (about one Latin character; a Chinese character takes two). */
const WIDTHS: Readonly<Record<(typeof SUMMARY_COLUMNS)[number]['key'], number>> = {
  seq: 5,
  unit: 12,
  clause: 18,
  quote: 24,
  opinion: 32,
  suggestion: 24,
  unitReason: 20,
  disposition: 8,
  reason: 22,
};
/** Points per printed line of 11 pt 宋体, and the cell's top and bottom padding. */
const LINE_POINTS = 14.5;
const ROW_PADDING = 4;

/** Display width in Excel units: a Chinese (full-width) character takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1;
  return width;
}

/**
 * The height a row needs for its wrapped cells. Excel does not grow rows to fit wrapped text
 * in a file it opens (it keeps the default height and clips every long cell on one line), so
 * each row is given the height of its tallest cell.
 */
export function rowHeight(values: readonly (string | null)[], widths: readonly number[]): number {
  let lines = 1;
  values.forEach((value, i) => {
    if (!value) return;
    const usable = Math.max((widths[i] ?? 10) - 1, 1);
    const cellLines = value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / usable)), 0);
    lines = Math.max(lines, cellLines);
  });
  return Math.min(409, lines * LINE_POINTS + ROW_PADDING);
}
const LAST_COLUMN = String.fromCharCode(64 + SUMMARY_COLUMNS.length);
const TITLE_ROW = 1;
const HEADER_ROW = 2;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const BODY_FONT: Partial<Font> = { name: '宋体', size: 11 };
const HEAD_FONT: Partial<Font> = { name: '黑体', size: 11, bold: true };
const TITLE_FONT: Partial<Font> = { name: '黑体', size: 16, bold: true };
const HEAD_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

const TEXT_STYLE: Partial<Style> = {
  font: BODY_FONT,
  border: BORDER,
  numFmt: '@',
  alignment: { vertical: 'top', horizontal: 'left', wrapText: true },
};
const CENTRED_STYLE: Partial<Style> = { ...TEXT_STYLE, alignment: { vertical: 'top', horizontal: 'center', wrapText: true } };
const SEQ_STYLE: Partial<Style> = { ...CENTRED_STYLE, numFmt: '0' };
const HEAD_STYLE: Partial<Style> = {
  font: HEAD_FONT,
  border: BORDER,
  fill: HEAD_FILL,
  numFmt: '@',
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};
const TITLE_STYLE: Partial<Style> = { font: TITLE_FONT, numFmt: '@', alignment: { vertical: 'middle', horizontal: 'center' } };

/**
 * A string as an xlsx cell holds it. Excel reads _xHHHH_ in cell text as an escaped character,
 * so a literal one gets its underscore escaped (_x005F_); over-long text is cut to Excel's limit.
 */
export function xlsxText(value: string): string {
  let text = cleanText(value);
  if (text.length > XLSX_CELL_LIMIT) {
    let cut = XLSX_CELL_LIMIT - TRUNCATED.length;
    const last = text.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut--; // do not split a surrogate pair
    text = text.slice(0, cut) + TRUNCATED;
  }
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
}

/**
 * A text cell's value: an inline string, never a formula, whatever it starts with (= + - @).
 * Empty text is an empty (but bordered) cell. Give the cell the text format (@) too, so that
 * editing it in Excel does not turn it into a formula. Every workbook export uses this.
 */
export function textValue(value: string | null): ExcelJS.CellRichTextValue | null {
  if (value === null) return null;
  const text = xlsxText(value);
  return text === '' ? null : { richText: [{ text }] };
}

function styleRow(row: Row, styles: readonly Partial<Style>[]): void {
  styles.forEach((style, i) => {
    row.getCell(i + 1).style = style;
  });
}

const BODY_STYLES: readonly Partial<Style>[] = SUMMARY_COLUMNS.map((c) =>
  c.key === 'seq' ? SEQ_STYLE : c.key === 'disposition' ? CENTRED_STYLE : TEXT_STYLE,
);

function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The queue between the sheet being written and the zip that compresses it. */
export interface SheetBacklog {
  /** Bytes of sheet XML written but not yet taken by the zip. */
  pending(): number;
  /** Resolves when the queue has emptied. */
  drained(): Promise<void>;
}

interface WritableStateLike {
  length: number;
  needDrain: boolean;
}

/**
 * Where the sheet's XML waits for the zip. exceljs writes each committed row to the sheet's
 * stream without waiting (it ignores back-pressure), and the zip reads that through a
 * PassThrough (readable-stream 2, from archiver); left alone, a loop of 10,000 rows would
 * queue the whole uncompressed sheet there before the compressor saw much of it. This reaches
 * into exceljs 4.4's internals (worksheet.stream, StreamBuf.pipes, _writableState) and returns
 * null if they are not there, in which case the writer falls back to yielding to the event
 * loop every few rows. A test guards that the probe still finds them.
 */
export function sheetBacklog(sheet: object): SheetBacklog | null {
  const stream: unknown = (sheet as { stream?: unknown }).stream;
  const pipes: unknown = typeof stream === 'object' && stream !== null ? (stream as { pipes?: unknown }).pipes : undefined;
  if (!Array.isArray(pipes) || pipes.length !== 1) return null;
  const pipe: unknown = pipes[0];
  if (!(pipe instanceof EventEmitter)) return null;
  const state: unknown = (pipe as { _writableState?: unknown })._writableState;
  if (typeof state !== 'object' || state === null) return null;
  const ws = state as Partial<WritableStateLike>;
  if (typeof ws.length !== 'number' || typeof ws.needDrain !== 'boolean') return null;
  const live = state as WritableStateLike;
  return {
    pending: () => live.length,
    drained: async () => {
      if (live.length > 0 && live.needDrain) await once(pipe, 'drain');
    },
  };
}

/** Lets the zip (and a slow reader of `out`) catch up before more rows are added. */
async function catchUp(backlog: SheetBacklog | null, out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
  if (backlog === null) await pause();
  else if (backlog.pending() > MAX_BACKLOG) await backlog.drained();
}

/** Who made a workbook, when, and its title: the same on every export. */
export function stampWorkbook(workbook: { creator: string; lastModifiedBy: string; created: Date; modified: Date; title: string }, title: string, generatedAt: string): void {
  const generated = new Date(generatedAt);
  workbook.creator = 'luoshi';
  workbook.lastModifiedBy = 'luoshi';
  workbook.created = generated;
  workbook.modified = generated;
  workbook.title = title;
}

/**
 * A table sheet as a clerk prints it: the rows down to the header frozen on screen, A4
 * landscape, one page wide and as many pages high as it takes, the header row repeated on
 * every page, and page numbers in the footer. Margins left and right in inches.
 */
export function printedTableSheet(headerRow: number, sideMargin: number): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9 satisfies PaperSize.A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: sideMargin, right: sideMargin, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页', evenFooter: '&C第 &P 页，共 &N 页' },
  };
}

/**
 * Writes the 意见汇总表 to a stream (an HTTP response, a file) as it goes. Rows may come from an
 * async iterator (a database cursor), and are written in the order given. Resolves once the
 * whole file has been written to `out` and `out` has finished; on an error the caller should
 * destroy `out`.
 */
export async function writeSummaryXlsx(
  meta: ReportMeta,
  rows: Iterable<SummaryRow> | AsyncIterable<SummaryRow>,
  out: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  stampWorkbook(workbook, summaryTitle(meta), meta.generatedAt);
  const sheet = workbook.addWorksheet(SUMMARY_SHEET_NAME, printedTableSheet(HEADER_ROW, 0.5));
  sheet.columns = SUMMARY_COLUMNS.map((c) => ({ key: c.key, width: WIDTHS[c.key] }));

  const title = sheet.addRow([textValue(summaryTitle(meta))]);
  title.height = 36;
  styleRow(title, SUMMARY_COLUMNS.map(() => TITLE_STYLE));
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, SUMMARY_COLUMNS.length);
  title.commit();

  const header = sheet.addRow(SUMMARY_COLUMNS.map((c) => textValue(c.label)));
  header.height = 24;
  styleRow(header, SUMMARY_COLUMNS.map(() => HEAD_STYLE));
  header.commit();

  const backlog = sheetBacklog(sheet);
  let count = 0;
  const widths = SUMMARY_COLUMNS.map((c) => WIDTHS[c.key]);
  for await (const r of rows) {
    const texts = [String(r.seq), r.unit, r.clause, r.quote, r.opinion, r.suggestion, r.unitReason ?? null, rowDisposition(r), r.reason];
    const row = sheet.addRow([r.seq, ...texts.slice(1).map((text) => textValue(text))]);
    row.height = rowHeight(texts, widths);
    styleRow(row, BODY_STYLES);
    row.commit();
    if (++count % ROWS_PER_CHECK === 0) await catchUp(backlog, out);
  }
  sheet.autoFilter = `A${HEADER_ROW}:${LAST_COLUMN}${HEADER_ROW + Math.max(count, 1)}`;
  sheet.commit();
  await workbook.commit();
}

/** The 意见汇总表 as an xlsx file in memory. */
export async function summaryToXlsx(meta: ReportMeta, rows: Iterable<SummaryRow> | AsyncIterable<SummaryRow>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await writeSummaryXlsx(meta, rows, sink);
  return Buffer.concat(chunks);
}
