import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { fail } from '../domain/errors.js';
import { XmlScanner } from './xml-scanner.js';
import type { XmlHandlers } from './xml-scanner.js';

/**
 * A streaming reader of one worksheet, written because exceljs's streaming reader decodes
 * each inflated chunk on its own and so breaks a Chinese character that straddles two
 * chunks (“在建” read as “��建” in any sheet over ~16 KB). Here the XML is scanned as bytes
 * (xml-scanner.ts), which carries partial characters over, and the sheet is read row by row:
 * memory holds the shared strings and one chunk's rows, never the workbook.
 *
 * Cells come out as Excel holds them: numbers, strings, booleans, dates (numbers in a date
 * format), formulas as their cached result, errors as errors.
 */
export type RawCell =
  | { kind: 'value'; value: string | number | boolean | Date }
  | { kind: 'formula-without-value'; formula: string }
  | { kind: 'error'; error: string };

export interface RawRow {
  row: number;
  /** By 1-based column number. */
  cells: Map<number, RawCell>;
}

interface ZipEntry {
  method: number;
  compressed: number;
  offset: number;
}

function entries(bytes: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fail('xlsx_not_xlsx');
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const out = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    const nameLength = bytes.readUInt16LE(p + 28);
    const name = bytes.toString('utf8', p + 46, p + 46 + nameLength);
    out.set(name, { method: bytes.readUInt16LE(p + 10), compressed: bytes.readUInt32LE(p + 20), offset: bytes.readUInt32LE(p + 42) });
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return out;
}

/** The entry's inflated bytes, chunk by chunk (64 KB: fewer, larger steps for the scanner). */
function entryBytes(bytes: Buffer, entry: ZipEntry): AsyncIterable<Buffer> {
  const h = entry.offset;
  const start = h + 30 + bytes.readUInt16LE(h + 26) + bytes.readUInt16LE(h + 28);
  const data = bytes.subarray(start, start + entry.compressed);
  if (entry.method === 0) return Readable.from([data]);
  return Readable.from([data]).pipe(zlib.createInflateRaw({ chunkSize: 64 * 1024 }));
}

/**
 * Scans an entry's XML (xml-scanner.ts), calling the handlers; between chunks it yields, so
 * callers can stream. Names reach the handlers without their namespace prefix.
 */
async function* parse(bytes: Buffer, entry: ZipEntry, handlers: XmlHandlers): AsyncGenerator<void> {
  const scanner = new XmlScanner(handlers);
  for await (const chunk of entryBytes(bytes, entry)) {
    scanner.write(chunk as Buffer);
    yield;
  }
  scanner.end();
}

async function drain(gen: AsyncGenerator<void>): Promise<void> {
  for await (const _ of gen) {
    // parse to the end
  }
}

async function sharedStrings(bytes: Buffer, all: Map<string, ZipEntry>): Promise<string[]> {
  const entry = all.get('xl/sharedStrings.xml');
  if (!entry) return [];
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  await drain(
    parse(bytes, entry, {
      open(name) {
        if (name === 'si') current = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && phonetic === 0) inText = true;
      },
      text(t) {
        if (inText) current += t;
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si') strings.push(current);
      },
    }),
  );
  return strings;
}

// Built-in number formats that show dates or times.
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Which cell styles (by index) show a date. */
async function dateStyles(bytes: Buffer, all: Map<string, ZipEntry>): Promise<Set<number>> {
  const entry = all.get('xl/styles.xml');
  const out = new Set<number>();
  if (!entry) return out;
  const custom = new Map<number, string>();
  let inXfs = false;
  let index = 0;
  await drain(
    parse(bytes, entry, {
      open(name, a) {
        if (name === 'numFmt') custom.set(Number(a.attr('numFmtId')), a.attr('formatCode') ?? '');
        else if (name === 'cellXfs') inXfs = true;
        else if (name === 'xf' && inXfs) {
          const id = Number(a.attr('numFmtId') ?? 0);
          if (DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) out.add(index);
          index++;
        }
      },
      text() {},
      close(name) {
        if (name === 'cellXfs') inXfs = false;
      },
    }),
  );
  return out;
}

function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function excelDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/** Streams the rows of the worksheet part at `path` (e.g. xl/worksheets/sheet1.xml). */
export async function* readSheet(bytes: Buffer, path: string): AsyncGenerator<RawRow> {
  const all = entries(bytes);
  const entry = all.get(path);
  if (!entry) throw fail('xlsx_no_sheet');
  const strings = await sharedStrings(bytes, all);
  const dates = await dateStyles(bytes, all);
  const ready: RawRow[] = [];
  let row: RawRow | null = null;
  let nextRow = 1;
  // The cell being read, as plain variables: one object per cell would be a million objects a sheet.
  let inCell = false;
  let col = 0;
  let type = 'n';
  let style = 0;
  let formula: string | null = null;
  let value: string | null = null;
  let inline: string | null = null;
  let reading: 'v' | 'f' | 't' | null = null;
  let text = '';
  const finishCell = () => {
    inCell = false;
    if (!row) return;
    let out: RawCell | null = null;
    if (type === 'e') out = { kind: 'error', error: value ?? '#ERROR' };
    else if (formula !== null && value === null && inline === null) out = { kind: 'formula-without-value', formula };
    else if (type === 's') out = value === null ? null : { kind: 'value', value: strings[Number(value)] ?? '' };
    else if (type === 'inlineStr') out = inline === null ? null : { kind: 'value', value: inline };
    else if (type === 'str') out = { kind: 'value', value: value ?? '' };
    else if (type === 'b') out = value === null ? null : { kind: 'value', value: value === '1' };
    else if (value !== null && value !== '') {
      const n = Number(value);
      out = Number.isFinite(n) ? { kind: 'value', value: dates.has(style) ? excelDate(n) : n } : { kind: 'value', value };
    }
    if (out) row.cells.set(col, out);
  };
  const gen = parse(bytes, entry, {
    open(name, a) {
      if (name === 'c') {
        if (!row) return;
        const ref = a.attr('r');
        col = ref ? columnNumber(ref) : row.cells.size + 1;
        const s = a.attr('s');
        style = s ? Number(s) : 0;
        type = a.attr('t') ?? 'n';
        formula = value = inline = null;
        inCell = true;
      } else if (inCell && (name === 'v' || name === 'f' || name === 't')) {
        reading = name;
        text = '';
      } else if (name === 'row') {
        const ref = a.attr('r');
        const r = ref ? Number(ref) : nextRow;
        row = { row: r, cells: new Map() };
        nextRow = r + 1;
      }
    },
    text(t) {
      if (reading) text += t;
    },
    close(name) {
      if (name === 'v' || name === 'f' || name === 't') {
        if (inCell && name === reading) {
          if (name === 'v') value = text;
          else if (name === 'f') formula = text || 'shared';
          else inline = (inline ?? '') + text;
        }
        reading = null;
      } else if (name === 'c') {
        if (inCell) finishCell();
      } else if (name === 'row' && row) {
        ready.push(row);
        row = null;
      }
    },
  });
  for await (const _ of gen) {
    for (const r of ready) yield r;
    ready.length = 0;
  }
  for (const r of ready) yield r;
}
