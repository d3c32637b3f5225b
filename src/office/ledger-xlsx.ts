/**
 * The 任务台账 as a workbook, laid out the way a clerk prints it: a title row, a line saying
 * when it was made and what it was filtered by, a header row that stays frozen on screen and
 * repeats on every printed page, an autofilter over the table, and one row per task with
 * wrapped text and a row height that fits the longest cell. A4 landscape, one page wide.
 *
 * Text goes through `textValue` (the consultation exports' helper): an inline or shared
 * string, never a formula, in a cell formatted as text (@), so "=HYPERLINK(…)" in a report
 * stays the text someone typed.
 *
 * Excel does not grow a row to fit wrapped text when it opens a file (it only does when a
 * cell is edited), and LibreOffice does so only for rows without a height; both honour an
 * explicit height. The height here is computed from the text: CJK characters one em, the
 * rest half an em, against the column's width.
 */
import ExcelJS from 'exceljs';
import type { Borders, Fill, Font, Style } from 'exceljs';
import type { Light } from '../domain/lights.js';
import { WIDE_SPACE, charWidth } from './consultation-docx.js';
import { printedTableSheet, stampWorkbook, textValue, xlsxText } from './consultation-summary-xlsx.js';
import { bookTitle, chineseDateOf } from './consultation-text.js';
import type { LedgerSheet, LedgerSheetIndicator, LedgerSheetRow } from './ledger-report-types.js';

export const LEDGER_SHEET_NAME = '任务台账';

/** The columns, their headers and widths (Excel units: about one Latin character at 11 pt). */
export const LEDGER_COLUMNS = [
  { key: 'seq', label: '序号', width: 4 },
  { key: 'section', label: '部分', width: 10 },
  { key: 'item', label: '条目', width: 6 },
  { key: 'text', label: '任务内容', width: 36 },
  { key: 'lead', label: '牵头单位', width: 10 },
  { key: 'cooperating', label: '配合单位', width: 12 },
  { key: 'localities', label: '责任地区', width: 12 },
  { key: 'indicators', label: '指标（目标／完成）', width: 17 },
  { key: 'dueDate', label: '完成时限', width: 10 },
  { key: 'progress', label: '最新进展', width: 32 },
  { key: 'percent', label: '进度', width: 6 },
  { key: 'light', label: '灯色', width: 5 },
  { key: 'lightReason', label: '灯色原因', width: 14 },
  { key: 'status', label: '状态', width: 6 },
] as const;
type ColumnKey = (typeof LEDGER_COLUMNS)[number]['key'];

export const TITLE_ROW = 1;
export const NOTE_ROW = 2;
export const HEADER_ROW = 3;
const LAST_COLUMN = String.fromCharCode(64 + LEDGER_COLUMNS.length);

export const LIGHT_LABELS: Readonly<Record<Light, string>> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
const LIGHT_FILLS: Readonly<Record<Light, string>> = { green: 'FFC6EFCE', yellow: 'FFFFEB9C', red: 'FFFFC7CE' };
export const STATUS_LABELS = { open: '在办', closed: '已销号' } as const;
const COMPARATORS: Readonly<Record<string, string>> = { '>=': '不低于', '<=': '不超过', '=': '' };

const BODY_PT = 10;
/** Height of one line of 10 pt text in points, and the cell's padding. */
const LINE_PT = 13.5;
const PAD_PT = 4;
/**
 * Pixels per Excel width unit (Calibri 11, the workbook's default font) and per em of 10 pt
 * 宋体. Excel and WPS set a CJK character at 13 px there; LibreOffice narrower (a column of 32
 * takes 22 characters, not 17): 12.5 px keeps Excel from clipping and LibreOffice from
 * leaving much blank space.
 */
const PX_PER_UNIT = 7;
const PX_PER_EM = 12.5;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const BODY_FONT: Partial<Font> = { name: '宋体', size: BODY_PT };
const HEAD_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const TEXT: Partial<Style> = { font: BODY_FONT, border: BORDER, numFmt: '@', alignment: { vertical: 'top', horizontal: 'left', wrapText: true } };
const CENTRED: Partial<Style> = { ...TEXT, alignment: { vertical: 'top', horizontal: 'center', wrapText: true } };
const STYLES: Readonly<Record<ColumnKey, Partial<Style>>> = {
  seq: { ...CENTRED, numFmt: '0' },
  section: TEXT,
  item: TEXT,
  text: TEXT,
  lead: TEXT,
  cooperating: TEXT,
  localities: TEXT,
  indicators: TEXT,
  dueDate: CENTRED,
  progress: TEXT,
  percent: { ...CENTRED, numFmt: '0"%"' },
  light: CENTRED,
  lightReason: TEXT,
  status: CENTRED,
};
const HEAD: Partial<Style> = {
  font: { name: '黑体', size: BODY_PT, bold: true },
  border: BORDER,
  fill: HEAD_FILL,
  numFmt: '@',
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

export function ledgerTitle(sheet: Pick<LedgerSheet, 'planTitle'>): string {
  return `${bookTitle(sheet.planTitle)}任务台账`;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** 新开工改造城镇老旧小区：目标≥1500个，完成1546个 */
export function indicatorLine(i: LedgerSheetIndicator): string {
  const target = i.target === null ? '' : `目标${COMPARATORS[i.comparator ?? ''] ?? ''}${formatNumber(i.target)}${i.unit}`;
  const actual = `完成${i.actual === null ? '—' : `${formatNumber(i.actual)}${i.unit}`}`;
  return `${i.subject}：${[target, actual].filter((p) => p !== '').join('，')}`;
}

function cellTexts(r: LedgerSheetRow): Record<Exclude<ColumnKey, 'seq' | 'percent'>, string> {
  return {
    section: r.section,
    item: r.item,
    text: r.text,
    lead: r.lead,
    cooperating: r.cooperating.join('、'),
    localities: r.localities.join('、'),
    indicators: r.indicators.map(indicatorLine).join('\n'),
    dueDate: r.dueDate,
    progress: r.progress ? `【${r.progress.round}】${r.progress.text}` : '',
    light: LIGHT_LABELS[r.light],
    lightReason: r.lightReason,
    status: STATUS_LABELS[r.status],
  };
}

/** Lines a text takes in a column of the given width, wrapped at the column's edge. */
export function linesIn(text: string, width: number): number {
  const usable = Math.max(1, width * PX_PER_UNIT - 6);
  let lines = 0;
  for (const para of text.split('\n')) lines += Math.max(1, Math.ceil((charWidth(para) * PX_PER_EM) / usable));
  return lines;
}

function heightOf(texts: Record<string, string>): number {
  let lines = 1;
  for (const c of LEDGER_COLUMNS) {
    const text = texts[c.key];
    if (text) lines = Math.max(lines, linesIn(xlsxText(text), c.width));
  }
  // Excel's limit on a row's height is 409 points.
  return Math.min(409, lines * LINE_PT + PAD_PT);
}

/** The 任务台账 as an xlsx file. */
export async function ledgerToXlsx(sheet: LedgerSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  stampWorkbook(workbook, ledgerTitle(sheet), sheet.generatedAt);
  const ws = workbook.addWorksheet(LEDGER_SHEET_NAME, printedTableSheet(HEADER_ROW, 0.4));
  ws.columns = LEDGER_COLUMNS.map((c) => ({ key: c.key, width: c.width }));

  const title = ws.getRow(TITLE_ROW);
  title.getCell(1).value = textValue(ledgerTitle(sheet));
  title.getCell(1).style = { font: { name: '黑体', size: 16, bold: true }, numFmt: '@', alignment: { vertical: 'middle', horizontal: 'center' } };
  title.height = 32;
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, LEDGER_COLUMNS.length);

  const note = ws.getRow(NOTE_ROW);
  const filters = sheet.filters.length > 0 ? `${WIDE_SPACE}筛选条件：${sheet.filters.join('；')}` : '';
  note.getCell(1).value = textValue(`${sheet.issuer}${WIDE_SPACE}截至${chineseDateOf(sheet.generatedAt)}${WIDE_SPACE}共${sheet.rows.length}项任务${filters}`);
  note.getCell(1).style = { font: BODY_FONT, numFmt: '@', alignment: { vertical: 'middle', horizontal: 'left' } };
  note.height = 18;
  ws.mergeCells(NOTE_ROW, 1, NOTE_ROW, LEDGER_COLUMNS.length);

  const header = ws.getRow(HEADER_ROW);
  LEDGER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = textValue(c.label);
    cell.style = HEAD;
  });
  header.height = 28;

  sheet.rows.forEach((r, index) => {
    const texts = cellTexts(r);
    const row = ws.getRow(HEADER_ROW + 1 + index);
    LEDGER_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.key === 'seq') cell.value = r.seq;
      else if (c.key === 'percent') cell.value = r.percent;
      else cell.value = textValue(texts[c.key]);
      cell.style = STYLES[c.key];
    });
    const light = row.getCell(LEDGER_COLUMNS.findIndex((c) => c.key === 'light') + 1);
    light.style = { ...STYLES.light, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILLS[r.light] } } };
    row.height = heightOf(texts);
  });
  ws.autoFilter = `A${HEADER_ROW}:${LAST_COLUMN}${HEADER_ROW + Math.max(sheet.rows.length, 1)}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
