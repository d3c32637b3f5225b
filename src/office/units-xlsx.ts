import ExcelJS from 'exceljs';
import type { CellValue, Row, Worksheet } from 'exceljs';
import { AppError } from '../domain/errors.js';
import type { LocalisedMessage } from '../domain/errors.js';
import { UNIT_KINDS } from '../domain/unit.js';
import type { RegistryFile, UnitKind } from '../domain/unit.js';
import { ALIAS_SEPARATORS, registryError, registryIssues, validateRegistry } from '../catalog/registry-file.js';

/**
 * The unit registry as a workbook people can edit: one sheet 单位, a Chinese header row and
 * an English key row under it (either is enough when reading back), one unit per row.
 */
const SHEET_NAME = '单位';
const COLUMNS = [
  { key: 'code', zh: '代码', width: 14 },
  { key: 'name', zh: '全称', width: 40 },
  { key: 'shortName', zh: '简称', width: 22 },
  { key: 'aliases', zh: '别名', width: 48 },
  { key: 'variants', zh: '不规范写法', width: 18 },
  { key: 'kind', zh: '类型', width: 10 },
  { key: 'parentCode', zh: '上级代码', width: 14 },
  { key: 'divisionCode', zh: '行政区划代码', width: 14 },
  { key: 'member', zh: '成员单位', width: 10 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];
const REQUIRED: readonly ColumnKey[] = ['code', 'name', 'shortName', 'kind'];

const KIND_LABELS: Record<UnitKind, string> = {
  office: '办公室',
  province: '省级政府',
  department: '部门',
  prefecture: '市州',
  county: '县市区',
  other: '其他',
};
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', 'n', 'no', 'false', '0']);
const ALIAS_JOINER = '、';
/** Header rows come first; past this many rows a sheet without a header is not ours. */
const HEADER_SEARCH_ROWS = 5;

export async function registryToXlsx(file: RegistryFile): Promise<Buffer> {
  const valid = validateRegistry(file);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'luoshi';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width, style: { numFmt: '@' } }));
  sheet.addRow(COLUMNS.map((c) => c.zh)).font = { bold: true };
  sheet.addRow(COLUMNS.map((c) => c.key)).font = { italic: true, color: { argb: 'FF808080' } };
  const kindList = `"${UNIT_KINDS.map((k) => KIND_LABELS[k]).join(',')}"`;
  for (const unit of valid.units) {
    // Every value is a string, so a name such as =HYPERLINK(...) is stored as text (t="s"),
    // never as a formula: exceljs only writes a formula for a { formula } value.
    const row = sheet.addRow([
      unit.code,
      unit.name,
      unit.shortName,
      unit.aliases.join(ALIAS_JOINER),
      (unit.variants ?? []).join(ALIAS_JOINER),
      KIND_LABELS[unit.kind],
      unit.parentCode ?? '',
      unit.divisionCode ?? '',
      unit.member === undefined ? '' : unit.member ? '是' : '否',
    ]);
    row.getCell('kind').dataValidation = { type: 'list', allowBlank: false, formulae: [kindList] };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if ('hyperlink' in value) return String(value.text).trim();
  // A formula someone typed while editing: keep its cached result as text, never the formula.
  if ('result' in value) return cellText(value.result);
  return '';
}

const HEADER_NAMES = new Map<string, ColumnKey>(
  COLUMNS.flatMap((c) => [
    [c.zh, c.key],
    [c.key.toLowerCase(), c.key],
  ]),
);

/** Column positions from a header row; tolerates 代码, code, CODE and "代码 code" / "代码(code)". */
function headerColumns(row: Row): Map<ColumnKey, number> {
  const found = new Map<ColumnKey, number>();
  row.eachCell((cell, col) => {
    const text = cellText(cell.value).toLowerCase();
    for (const part of [text, ...text.split(/[\s()()/]+/u)]) {
      const key = HEADER_NAMES.get(part);
      if (key && !found.has(key)) {
        found.set(key, col);
        break;
      }
    }
  });
  return found;
}

function failed(message: LocalisedMessage, row: number | null): AppError {
  return new AppError('validation_failed', message, { issues: [{ row, field: null, message }] });
}

function findHeader(sheet: Worksheet): { columns: Map<ColumnKey, number>; firstDataRow: number } {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const columns = headerColumns(sheet.getRow(r));
    if (!REQUIRED.every((k) => columns.has(k))) continue;
    // The English key row under the Chinese one is a second header, not a unit.
    const next = headerColumns(sheet.getRow(r + 1));
    return { columns, firstDataRow: next.size >= REQUIRED.length ? r + 2 : r + 1 };
  }
  const names = REQUIRED.map((k) => COLUMNS.find((c) => c.key === k)?.zh).join('、');
  throw failed({ zh: `找不到表头：需要 ${names} 列`, en: `No header row: the columns ${REQUIRED.join(', ')} are required` }, null);
}

function splitNames(cell: string): string[] {
  return cell
    .split(new RegExp(ALIAS_SEPARATORS, 'gu'))
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

function parseKind(text: string): string {
  const lower = text.toLowerCase();
  return UNIT_KINDS.find((k) => k === lower || KIND_LABELS[k] === text) ?? text;
}

async function loadSheet(buf: Buffer): Promise<Worksheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('unsupported_media_type', {
      zh: '文件不是有效的 xlsx 工作簿',
      en: 'The file is not a valid xlsx workbook',
    });
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.getWorksheet('units') ?? workbook.worksheets[0];
  if (!sheet) throw failed({ zh: '工作簿中没有工作表', en: 'The workbook has no sheet' }, null);
  return sheet;
}

/** Reads a workbook written by registryToXlsx (or edited by hand); row errors name the sheet row. */
export async function registryFromXlsx(buf: Buffer): Promise<RegistryFile> {
  const sheet = await loadSheet(buf);
  const { columns, firstDataRow } = findHeader(sheet);
  const rowNumbers: number[] = [];
  const rowIssues: { row: number; field: string; message: LocalisedMessage }[] = [];
  const units: Record<string, unknown>[] = [];
  for (let r = firstDataRow; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (key: ColumnKey) => {
      const col = columns.get(key);
      return col === undefined ? '' : cellText(row.getCell(col).value);
    };
    if (COLUMNS.every((c) => get(c.key) === '')) continue;
    const member = get('member').toLowerCase();
    if (member !== '' && !YES.has(member) && !NO.has(member)) {
      rowIssues.push({ row: r, field: 'member', message: { zh: '成员单位应填“是”或“否”', en: 'member must be 是 (yes) or 否 (no)' } });
    }
    rowNumbers.push(r);
    units.push({
      code: get('code'),
      name: get('name'),
      shortName: get('shortName'),
      aliases: splitNames(get('aliases')),
      ...(get('variants') === '' ? {} : { variants: splitNames(get('variants')) }),
      kind: parseKind(get('kind')),
      parentCode: get('parentCode') || null,
      divisionCode: get('divisionCode') || null,
      ...(member === '' ? {} : { member: YES.has(member) }),
    });
  }
  const file = { format: 'luoshi-registry', version: 1, units };
  const issues = [
    ...rowIssues,
    ...registryIssues(file).map((i) => ({ row: i.index === null ? null : (rowNumbers[i.index] ?? null), field: i.field, message: i.message })),
  ];
  if (issues.length > 0) throw registryError(issues, { sheet: sheet.name });
  return validateRegistry(file);
}
