/**
 * A division table (分工表) sent as Excel → text the plan parser reads: one line per row, cells
 * separated by tabs (a cell's own line breaks and tabs become spaces), so the parser's table
 * reader finds the header (序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限) and the rows as it
 * does for a table pasted as text.
 *
 * The workbook goes through the xlsx guard first (sizes, ratios, every entry inflated and
 * counted), then each visible sheet is read as a stream, row by row
 * (xlsx-sheet-reader.ts, which decodes characters across inflate chunks where exceljs's own
 * streaming reader breaks them). Memory holds the shared strings, one row and the text built.
 *
 * Merged cells are how 分工表 write one lead unit for several rows: a vertical merge's value
 * is repeated on every row it covers, a horizontal one is left in its first cell.
 * Dates read as 2021年6月30日, as the table would show them.
 */
import { fail } from '../domain/errors.js';
import { inspectXlsx, type XlsxLimits } from './xlsx-guard.js';
import { readSheet, type RawCell } from './xlsx-sheet-reader.js';
import { MAX_REPEATED_CELL } from '../model/table-limits.js';

/** Whether bytes look like a workbook (a zip naming xl/workbook.xml) rather than a .docx. */
export function isXlsx(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes('xl/workbook.xml');
}

function column(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
}

function parseMerges(ranges: string[]): Merge[] {
  const out: Merge[] = [];
  for (const r of ranges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(r);
    if (!m) continue;
    const top = Number(m[2]);
    const bottom = Number(m[4]);
    // Only vertical spans repeat their value; a title merged across columns stays in its first cell.
    if (bottom > top) out.push({ top, left: column(m[1] ?? 'A'), bottom });
  }
  return out;
}

function cellText(cell: RawCell | undefined): string {
  if (!cell || cell.kind !== 'value') return '';
  const v = cell.value;
  if (v instanceof Date) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
  return String(v).replace(/[\t\r\n\u2028\u2029]+/g, ' ').trim();
}

/** Largest number of columns read per row: a sheet with a stray cell at XFD1 is not 16 384 columns wide. */
const MAX_COLUMNS = 64;

export async function planTableText(bytes: Buffer, limits: XlsxLimits): Promise<string> {
  const report = await inspectXlsx(bytes, limits);
  const sheets = report.sheets.filter((s) => s.state === 'visible' && s.path !== '');
  if (sheets.length === 0) throw fail('xlsx_no_sheet');
  // Every visible sheet, in the workbook's order: a 填表说明 sheet before the table, or 重点任务 and
  // 主要指标 on sheets of their own; a blank line between two sheets (each table keeps its own header).
  const texts: string[] = [];
  for (const sheet of sheets) {
    const text = await sheetText(bytes, sheet.path, sheet.merges);
    if (text !== '') texts.push(text);
  }
  return texts.join('\n\n');
}


/**
 * One sheet's rows as tab-separated lines, vertical merges repeated on every row they cover. The
 * merges are swept down the rows (sorted by their top row, one open per column), so a sheet of many
 * merges costs no more per row than a sheet of a few; the characters repeated are at most the
 * workbook's size plus a megabyte (a hostile sheet merging long values over a million rows cannot
 * make its text huge; past that the rows read as written).
 */
async function sheetText(bytes: Buffer, path: string, ranges: string[]): Promise<string> {
  const merges = parseMerges(ranges)
    .filter((m) => m.left <= MAX_COLUMNS)
    .sort((a, b) => a.top - b.top);
  /** Per column, the merge open over the rows being read and its value. */
  const open = new Map<number, { bottom: number; value: string }>();
  let next = 0;
  let budget = bytes.length + 1024 * 1024;
  const lines: string[] = [];
  for await (const row of readSheet(bytes, path)) {
    let width = 0;
    for (const c of row.cells.keys()) if (c <= MAX_COLUMNS && c > width) width = c;
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.cells.get(c)));
    // Merges starting at this row (or above it, their first row empty and absent) open their column.
    for (; next < merges.length && (merges[next] as Merge).top <= row.row; next++) {
      const m = merges[next] as Merge;
      if (m.bottom < row.row) continue;
      open.set(m.left, { bottom: m.bottom, value: m.top === row.row ? (cells[m.left - 1] ?? '') : '' });
    }
    for (const [left, m] of open) {
      if (m.bottom < row.row) {
        open.delete(left);
        continue;
      }
      if ((cells[left - 1] ?? '') !== '' || m.value === '' || m.value.length > MAX_REPEATED_CELL || budget < m.value.length) continue;
      budget -= m.value.length;
      while (cells.length < left) cells.push('');
      cells[left - 1] = m.value;
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) lines.push(cells.join('\t'));
  }
  return lines.join('\n');
}
