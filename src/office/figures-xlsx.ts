import ExcelJS from 'exceljs';
import type { ErrorCode, ErrorParams } from '../domain/errors.js';
import type { FieldDefinition, RegisterDefinition } from '../domain/register-definition.js';
import { validateRow } from '../domain/register-values.js';
import type { CellInput, RowValues, StoredValue } from '../domain/register-values.js';
import { readRegisterRows } from './register-xlsx.js';
import { DEFAULT_XLSX_LIMITS, inspectXlsx } from './xlsx-guard.js';

/**
 * Small figure sheets — an indicator's statistics by region and period, an evaluation's scores
 * by row and criterion — in and out of Excel. The columns are described like a register's
 * fields, so a sheet is read by the register import's own guarded streaming reader (size,
 * zip bomb, hidden sheets, merged cells, header checks) and each line is checked by the same
 * cell validation, with the same messages.
 */
export interface FigureColumn {
  name: string;
  type: 'text' | 'number' | 'integer';
  required: boolean;
  min?: number;
  max?: number;
  /** The header comment (what the column takes). */
  note: string;
}

/** One line of a figure sheet: its row number as Excel shows it, and its values or problems. */
export interface FigureLine {
  row: number;
  values: RowValues | null;
  raw: Record<string, StoredValue>;
  problems: { column: string; code: ErrorCode; params: ErrorParams; value: StoredValue }[];
}

function definitionOf(columns: readonly FigureColumn[]): RegisterDefinition {
  const fields: FieldDefinition[] = columns.map((c) => ({
    name: c.name,
    type: c.type,
    required: c.required,
    public: false,
    ...(c.min !== undefined && { min: c.min }),
    ...(c.max !== undefined && { max: c.max }),
  }));
  return { key: 'figures', name: 'figures', fields, uniqueKey: [columns[0]!.name], rollups: [] };
}

/** Reads every line of a figure sheet (refusing the file as a register import would), validated by column. */
export async function readFigureLines(bytes: Buffer, maxBytes: number, columns: readonly FigureColumn[]): Promise<FigureLine[]> {
  const report = await inspectXlsx(bytes, { ...DEFAULT_XLSX_LIMITS, maxBytes });
  const definition = definitionOf(columns);
  const lines: FigureLine[] = [];
  const none = () => null;
  for await (const sheetRow of readRegisterRows(bytes, report, definition)) {
    const raw: Record<string, StoredValue> = {};
    for (const [k, v] of Object.entries(sheetRow.values)) raw[k] = v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null);
    for (const p of sheetRow.problems) raw[p.column] = p.value;
    const input: Record<string, CellInput> = { ...sheetRow.values };
    for (const p of sheetRow.problems) delete input[p.column];
    const { row, issues } = validateRow(definition, input, none);
    const problems = [
      ...sheetRow.problems.map((p) => ({ column: p.column, code: p.code as ErrorCode, params: { error: p.error ?? '' }, value: p.value })),
      ...issues.filter((i) => !sheetRow.problems.some((p) => p.column === i.field)).map((i) => ({ column: i.field, code: i.code, params: i.params, value: i.value })),
    ];
    lines.push({ row: sheetRow.row, values: problems.length === 0 && row ? row.values : null, raw, problems });
  }
  return lines;
}

/** A figure sheet's template: the header with notes, and the given lines (prefilled keys and current figures). */
export async function figureWorkbook(sheetName: string, columns: readonly FigureColumn[], lines: readonly (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.name, key: c.name, width: Math.max(12, Math.min(30, c.name.length * 2 + 6)), style: c.type === 'integer' ? { numFmt: '0' } : {} }));
  columns.forEach((c, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : { argb: 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
    cell.note = c.note;
  });
  for (const line of lines) sheet.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
