import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { readSheet } from '../../src/office/xlsx-sheet-reader.js';

type Value = string | number | boolean | Date | null;

/** A plausible 老旧小区 row in template column order; `overrides` change or blank fields. */
export function oldCommunityRow(overrides: Record<string, Value>): Record<string, Value> {
  return {
    项目名称: '老旧小区改造项目',
    市州: '岳阳市',
    县市区: '岳阳楼区',
    小区名称: '示例小区',
    建成年代: 1995,
    户数: 240,
    楼栋数: 6,
    '建筑面积(万平方米)': 1.8,
    '总投资(万元)': 860,
    计划开工: '2021-03-01',
    实际开工: '2021-04-15',
    完工日期: null,
    改造内容: '管网改造、加装电梯',
    状态: '在建',
    ...overrides,
  };
}

/** A workbook with the rows under the header, as a clerk would fill the template. */
export async function workbookOf(rows: Record<string, Value>[], header = Object.keys(rows[0] ?? oldCommunityRow({}))): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(header.map((h) => r[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip written by hand, so tests can make archives that lie (declared sizes) or expand hugely. */
export function zipOf(entries: [string, Buffer][], opts: { declaredSize?: (name: string, real: number) => number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = zlib.deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const size = opts.declaredSize ? opts.declaredSize(name, data.length) : data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * One part of an .xlsx as text (e.g. xl/worksheets/sheet1.xml), read from the zip's central
 * directory. For checks that ExcelJS's reader would make slow (it expands every data
 * validation range into one entry per cell).
 */
export function xlsxPart(bytes: Buffer, name: string): string {
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extra = bytes.readUInt16LE(p + 30);
    const comment = bytes.readUInt16LE(p + 32);
    const offset = bytes.readUInt32LE(p + 42);
    const entry = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    if (entry === name) {
      const start = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
      const data = bytes.subarray(start, start + compressed);
      return (method === 0 ? data : zlib.inflateRawSync(data)).toString('utf8');
    }
    p += 46 + nameLength + extra + comment;
  }
  throw new Error(`no part ${name}`);
}

/** The data validations of a sheet's XML: each range (sqref) with its list formula. */
export function listValidations(sheetXml: string): { sqref: string; formula: string }[] {
  const out: { sqref: string; formula: string }[] = [];
  for (const m of sheetXml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
    const sqref = /sqref="([^"]*)"/.exec(m[1]!)?.[1] ?? '';
    const formula = (/<formula1>([\s\S]*?)<\/formula1>/.exec(m[2]!)?.[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    out.push({ sqref, formula });
  }
  return out;
}

/** A workbook's first sheet as rows of cell values (row 1 first), read with the import's own reader. */
export async function sheetRows(bytes: Buffer, part = 'xl/worksheets/sheet1.xml'): Promise<(string | number | boolean | Date | null)[][]> {
  const rows: (string | number | boolean | Date | null)[][] = [];
  for await (const raw of readSheet(bytes, part)) {
    const last = Math.max(0, ...raw.cells.keys());
    const line: (string | number | boolean | Date | null)[] = [];
    for (let c = 1; c <= last; c++) {
      const cell = raw.cells.get(c);
      line.push(cell?.kind === 'value' ? cell.value : null);
    }
    rows.push(line);
  }
  return rows;
}
