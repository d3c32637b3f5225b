import { PassThrough } from 'node:stream';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { fail } from '../domain/errors.js';
import type { FieldDefinition, RegisterDefinition } from '../domain/register-definition.js';
import type { CellInput, StoredValue } from '../domain/register-values.js';
import type { XlsxReport } from './xlsx-guard.js';
import { readSheet } from './xlsx-sheet-reader.js';
import type { RawCell } from './xlsx-sheet-reader.js';

/**
 * A register's spreadsheets. The template and the export are one layout: the header in
 * row 1 (field names, with a comment saying what each column takes), values from row 2,
 * drop-downs for enum and region columns (regions listed on a hidden sheet of our own),
 * date and number formats. So an export can be edited and imported back. Exports write
 * values only, never formulas.
 */
export const LISTS_SHEET = '_lists';
/**
 * The most data rows one import takes (more: split the file). About what the default upload
 * limit (20 MB) holds of the 老旧小区 register, and twice the 100,000 rows it is measured at.
 */
export const MAX_IMPORT_ROWS = 200_000;
/**
 * Drop-downs cover every row an import takes (the header is row 1), so a long file never runs
 * past them. Not Excel's 1,048,576 rows: spreadsheet libraries (ExcelJS among them) expand a
 * validation range into one entry per cell when they read the file.
 */
const VALIDATED_ROWS = MAX_IMPORT_ROWS + 1;
/** The longest inline list a data validation may hold (Excel's limit on the formula's text). */
const INLINE_LIST_MAX = 255;

export interface RegionLists {
  prefectures: string[];
  counties: string[];
}

/** The spreadsheet column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** An inline list as a data validation's formula: the values in quotes, comma-separated. */
function inlineList(values: readonly string[]): string {
  return `"${values.join(',')}"`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function noteOf(field: FieldDefinition, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  parts.push(field.required ? (zh ? '必填' : 'Required') : zh ? '选填' : 'Optional');
  switch (field.type) {
    case 'text':
    case 'attachment':
      parts.push(zh ? `文本，最多 ${field.maxLength ?? 500} 字` : `Text, at most ${field.maxLength ?? 500} characters`);
      break;
    case 'number':
    case 'integer':
      parts.push(field.type === 'integer' ? (zh ? '整数' : 'Whole number') : zh ? '数字' : 'Number');
      if (field.min !== undefined || field.max !== undefined) parts.push(`${field.min ?? ''}–${field.max ?? ''}`);
      break;
    case 'date':
      parts.push(zh ? '日期，如 2021-03-15' : 'Date, e.g. 2021-03-15');
      break;
    case 'enum':
      parts.push((zh ? '从下拉列表选择：' : 'Pick from the list: ') + (field.values ?? []).join('/'));
      break;
    case 'region':
      parts.push(field.level === 'prefecture' ? (zh ? '市州名称（下拉选择）' : 'Prefecture name (drop-down)') : zh ? '县市区名称（下拉选择）' : 'County name (drop-down)');
      break;
    case 'boolean':
      parts.push(zh ? '是 / 否' : '是 (yes) / 否 (no)');
      break;
    default: {
      const unreachable: never = field.type;
      return unreachable;
    }
  }
  if (field.note) parts.push(field.note);
  return parts.join('；');
}

function cellValue(field: FieldDefinition, value: StoredValue): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (field.type === 'date' && typeof value === 'string') {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  if (field.type === 'boolean') return value === true ? '是' : '否';
  return value;
}

/**
 * Writes the template (no rows) or an export (rows in order) to `out` as a stream, so an
 * export of a large register never holds the whole workbook in memory.
 */
export async function writeRegisterWorkbook(
  out: Writable,
  definition: RegisterDefinition,
  regions: RegionLists,
  rows: AsyncIterable<Record<string, StoredValue>> | null,
  lang: 'zh' | 'en' = 'zh',
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(definition.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = definition.fields.map((f) => ({
    header: f.name,
    key: f.name,
    width: Math.max(10, Math.min(40, f.name.length * 2 + 4, f.type === 'text' ? 24 : 14)),
    style: f.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : f.type === 'number' ? { numFmt: '0.00' } : f.type === 'integer' ? { numFmt: '0' } : {},
  }));
  const header = sheet.getRow(1);
  definition.fields.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: f.required ? { argb: 'FFC00000' } : { argb: 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
    cell.note = noteOf(f, lang);
  });
  header.commit();

  // Region lists are longer than a data validation's inline list allows: they go on a
  // hidden sheet of ours, which import knows to ignore (A: 市州, B: 县市区), and so does an
  // enum whose values would not fit inline (C, D, … in field order).
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const columns: string[][] = [regions.prefectures, regions.counties];
  const listColumn = new Map<string, number>();
  for (const f of definition.fields) {
    if (f.type === 'enum' && (inlineList(f.values ?? []).length > INLINE_LIST_MAX || (f.values ?? []).some((v) => /[,"]/.test(v)))) {
      listColumn.set(f.name, columns.length);
      columns.push(f.values ?? []);
    }
  }
  const longest = Math.max(...columns.map((c) => c.length));
  for (let i = 0; i < longest; i++) lists.addRow(columns.map((c) => c[i] ?? null)).commit();
  const listRange = (column: number, length: number) => {
    const letter = columnLetter(column);
    return `${LISTS_SHEET}!$${letter}$1:$${letter}$${Math.max(1, length)}`;
  };
  definition.fields.forEach((f, i) => {
    const range = `${columnLetter(i)}2:${columnLetter(i)}${VALIDATED_ROWS}`;
    let formula: string | null = null;
    if (f.type === 'enum') {
      const column = listColumn.get(f.name);
      formula = column === undefined ? inlineList(f.values ?? []) : listRange(column, (f.values ?? []).length);
    } else if (f.type === 'boolean') formula = '"是,否"';
    else if (f.type === 'region') {
      formula = f.level === 'prefecture' ? listRange(0, regions.prefectures.length) : listRange(1, regions.counties.length);
    }
    if (formula !== null) {
      (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
        type: 'list',
        allowBlank: !f.required,
        formulae: [formula],
        showErrorMessage: true,
        // Excel refuses a title over 32 characters and a message over 255.
        errorTitle: f.name.slice(0, 32),
        error: clip(noteOf(f, lang), INLINE_LIST_MAX),
      });
    }
  });
  lists.commit();
  if (rows) {
    for await (const values of rows) {
      sheet.addRow(definition.fields.map((f) => cellValue(f, values[f.name] ?? null))).commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}

export async function registerWorkbookBuffer(
  definition: RegisterDefinition,
  regions: RegionLists,
  rows: AsyncIterable<Record<string, StoredValue>> | null,
  lang: 'zh' | 'en' = 'zh',
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeRegisterWorkbook(out, definition, regions, rows, lang);
  await done;
  return Buffer.concat(chunks);
}

/** One sheet row as read: its number as Excel shows it, and each column's value or problem. */
export interface SheetRow {
  row: number;
  values: Record<string, CellInput>;
  /** Cells that cannot be read as a value: formulas without a cached result, error values. */
  problems: { column: string; code: 'cell_formula_without_value' | 'cell_error_value'; error?: string; value: StoredValue }[];
}

/** Shared by every row without a problem (most rows): never written to. */
const NO_PROBLEMS: SheetRow['problems'] = Object.freeze([]) as unknown as SheetRow['problems'];

/**
 * Streams the rows of the register's sheet (the first visible one). File-level problems
 * (hidden sheets other than our own lists, merged cells, a missing or duplicated header, no
 * data rows) are refused with a clear error before any row is given out.
 */
export async function* readRegisterRows(bytes: Buffer, report: XlsxReport, definition: RegisterDefinition): AsyncGenerator<SheetRow> {
  const hidden = report.sheets.find((s) => s.state !== 'visible' && s.name !== LISTS_SHEET);
  if (hidden) throw fail('xlsx_hidden_sheet', { sheet: hidden.name });
  const target = report.sheets.find((s) => s.state === 'visible');
  if (!target) throw fail('xlsx_no_sheet');
  if (target.merges.length > 0) {
    const cells = target.merges.slice(0, 5).join('、') + (target.merges.length > 5 ? ' …' : '');
    throw fail('xlsx_merged_cells', { sheet: target.name, cells });
  }
  let columns: (FieldDefinition | null)[] | null = null;
  let dataRows = 0;
  try {
    for await (const raw of readSheet(bytes, target.path)) {
      if (columns === null) {
        if (raw.row !== 1) break;
        columns = readHeader(raw.cells, definition);
        continue;
      }
      const values: Record<string, CellInput> = {};
      let problems: SheetRow['problems'] = NO_PROBLEMS;
      let any = false;
      for (let i = 0; i < columns.length; i++) {
        const field = columns[i];
        if (!field) continue;
        const cell = raw.cells.get(i + 1);
        if (!cell) {
          values[field.name] = null;
          continue;
        }
        if (cell.kind === 'error') {
          if (problems === NO_PROBLEMS) problems = [];
          problems.push({ column: field.name, code: 'cell_error_value', error: cell.error, value: cell.error });
          any = true;
          continue;
        }
        if (cell.kind === 'formula-without-value') {
          // A formula is read as the value Excel last computed; never the formula itself.
          if (problems === NO_PROBLEMS) problems = [];
          problems.push({ column: field.name, code: 'cell_formula_without_value', value: `=${cell.formula}` });
          any = true;
          continue;
        }
        const v = typeof cell.value === 'string' && cell.value.trim() === '' ? null : cell.value;
        if (v !== null) any = true;
        values[field.name] = v;
      }
      if (!any) continue; // blank lines are not rows
      dataRows++;
      if (dataRows > MAX_IMPORT_ROWS) throw fail('xlsx_too_many_rows', { max: MAX_IMPORT_ROWS.toLocaleString('en') });
      yield { row: raw.row, values, problems };
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw fail('xlsx_unreadable', { detail: error instanceof Error ? error.message : String(error) });
  }
  if (columns === null || dataRows === 0) throw fail('xlsx_empty_sheet', { sheet: target.name });
}

function readHeader(cells: Map<number, RawCell>, definition: RegisterDefinition): (FieldDefinition | null)[] {
  const byName = new Map(definition.fields.map((f) => [f.name, f]));
  const byEnglish = new Map(definition.fields.filter((f) => f.nameEn).map((f) => [f.nameEn!.toLowerCase(), f]));
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const columns: (FieldDefinition | null)[] = [];
  const last = Math.max(0, ...cells.keys());
  for (let i = 1; i <= last; i++) {
    const cell = cells.get(i);
    const text = cell?.kind === 'value' ? String(cell.value).trim().replace(/^\*|\*$/g, '') : '';
    const field = byName.get(text) ?? byEnglish.get(text.toLowerCase()) ?? null;
    if (field && seen.has(field.name)) duplicates.push(field.name);
    if (field) seen.add(field.name);
    columns.push(field);
  }
  if (duplicates.length > 0) throw fail('xlsx_duplicate_columns', { columns: duplicates.join('、') });
  const missing = definition.fields.filter((f) => f.required && !seen.has(f.name)).map((f) => f.name);
  if (missing.length > 0) throw fail('xlsx_missing_columns', { columns: missing.join('、') });
  return columns;
}

/** The rejected rows as a workbook: their values as sent, bad cells filled red with the reason as a comment. */
export async function errorWorkbook(
  definition: RegisterDefinition,
  rows: { row: number; values: Record<string, StoredValue>; errors: { column: string; message: string }[] }[],
  lang: 'zh' | 'en',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(definition.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const extra = lang === 'zh' ? ['原行号', '错误说明'] : ['Original row', 'Errors'];
  sheet.addRow([...definition.fields.map((f) => f.name), ...extra]).font = { bold: true };
  for (const r of rows) {
    const line = sheet.addRow([
      ...definition.fields.map((f) => (r.values[f.name] === undefined ? null : (r.values[f.name] as ExcelJS.CellValue))),
      r.row,
      r.errors.map((e) => `${e.column}：${e.message}`).join('\n'),
    ]);
    for (const e of r.errors) {
      const index = definition.fields.findIndex((f) => f.name === e.column);
      if (index < 0) continue;
      const cell = line.getCell(index + 1);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
      cell.font = { color: { argb: 'FF9C0006' } };
      cell.note = e.message;
    }
  }
  sheet.columns.forEach((c) => {
    c.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
