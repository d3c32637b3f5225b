import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { fail } from '../domain/errors.js';

/**
 * Looks inside an uploaded .xlsx before any parser does: it must be a zip holding a
 * workbook; the declared sizes and compression ratios must be sane; and every entry is
 * actually inflated here, as a stream, counting the bytes, so an archive that lies in its
 * headers is stopped as soon as it produces more than it declared or more than the limit.
 * The same pass reads what the streaming parser does not report: each sheet's name,
 * visibility and merged cells.
 *
 * (A shared archive guard is being written on another branch; this one is the registers'
 * own and can be swapped for it when it lands.)
 */
export interface XlsxLimits {
  /** Largest upload in bytes. */
  maxBytes: number;
  /** Largest total once unpacked. */
  maxUnpacked: number;
  /** Largest expansion of one entry bigger than 1 MB unpacked. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_XLSX_LIMITS: Omit<XlsxLimits, 'maxBytes'> = {
  maxUnpacked: 512 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 10_000,
};

export interface SheetInfo {
  name: string;
  /** visible | hidden | veryHidden */
  state: string;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml */
  path: string;
  /** Merged ranges, e.g. ['A2:B3'] */
  merges: string[];
  /** The last row the sheet declares (its dimension), for progress bars; 0 when unknown. */
  lastRow: number;
}

export interface XlsxReport {
  unpackedBytes: number;
  sheets: SheetInfo[];
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  unpacked: number;
  offset: number;
}

const mb = (n: number) => Math.round(n / 1024 / 1024);

function centralDirectory(bytes: Buffer, limits: XlsxLimits): Entry[] {
  const notXlsx = () => fail('xlsx_not_xlsx');
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const count = bytes.readUInt16LE(eocd + 10);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw fail('xlsx_zip_bomb', { detail: 'ZIP64' });
  if (count > limits.maxEntries) throw fail('xlsx_zip_bomb', { detail: `${count} entries` });
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw notXlsx();
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    entries.push({
      method: bytes.readUInt16LE(p + 10),
      compressed: bytes.readUInt32LE(p + 20),
      unpacked: bytes.readUInt32LE(p + 24),
      offset: bytes.readUInt32LE(p + 42),
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function inflateEntry(bytes: Buffer, entry: Entry, budget: { left: number }, onChunk?: (chunk: Buffer) => void): Promise<number> {
  const h = entry.offset;
  if (h + 30 > bytes.length || bytes.readUInt32LE(h) !== 0x04034b50) throw fail('xlsx_not_xlsx');
  const start = h + 30 + bytes.readUInt16LE(h + 26) + bytes.readUInt16LE(h + 28);
  const data = bytes.subarray(start, start + entry.compressed);
  if (entry.method !== 0 && entry.method !== 8) throw fail('xlsx_unreadable', { detail: `compression method ${entry.method}` });
  const source = entry.method === 0 ? Readable.from([data]) : Readable.from([data]).pipe(zlib.createInflateRaw());
  let produced = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      produced += chunk.length;
      budget.left -= chunk.length;
      if (produced > entry.unpacked + 1024) throw fail('xlsx_zip_bomb', { detail: `${entry.name} unpacks beyond its declared size` });
      if (budget.left < 0) throw fail('xlsx_zip_bomb', { detail: `> ${mb(DEFAULT_XLSX_LIMITS.maxUnpacked)} MB` });
      onChunk?.(chunk);
    }
  } catch (error) {
    source.destroy();
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw fail('xlsx_unreadable', { detail: `${entry.name}: ${(error as Error).message}` });
  }
  return produced;
}

/** Inspects an upload; throws xlsx_* errors (not xlsx, too large, zip bomb). */
export async function inspectXlsx(bytes: Buffer, limits: XlsxLimits): Promise<XlsxReport> {
  if (bytes.length > limits.maxBytes) throw fail('xlsx_too_large', { limit: mb(limits.maxBytes) });
  const entries = centralDirectory(bytes, limits);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw fail('xlsx_not_xlsx');
  const declared = entries.reduce((sum, e) => sum + e.unpacked, 0);
  if (declared > limits.maxUnpacked) throw fail('xlsx_zip_bomb', { detail: `${mb(declared)} MB unpacked` });
  for (const e of entries) {
    if (e.unpacked > 1024 * 1024 && e.unpacked / Math.max(1, e.compressed) > limits.maxRatio) {
      throw fail('xlsx_zip_bomb', { detail: `${e.name} ${Math.round(e.unpacked / Math.max(1, e.compressed))}:1` });
    }
  }
  const budget = { left: limits.maxUnpacked };
  const texts = new Map<string, string>();
  const merges = new Map<string, Set<string>>();
  const lastRows = new Map<string, number>();
  let unpackedBytes = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const keepWhole = e.name === 'xl/workbook.xml' || e.name === 'xl/_rels/workbook.xml.rels';
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    const whole: Buffer[] = [];
    const found = new Set<string>();
    let carry = '';
    unpackedBytes += await inflateEntry(bytes, e, budget, keepWhole || isSheet ? (chunk) => {
      if (keepWhole) whole.push(chunk);
      if (isSheet) {
        // Merged ranges sit after the rows; a tag split between chunks is caught by the carry.
        const text = carry + chunk.toString('latin1');
        for (const m of text.matchAll(/<mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/g)) found.add(m[1]!);
        const dimension = /<dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(text);
        if (dimension?.[1] && !lastRows.has(e.name)) lastRows.set(e.name, Number(dimension[1]));
        carry = text.slice(-100);
      }
    } : undefined);
    if (keepWhole) texts.set(e.name, Buffer.concat(whole).toString('utf8'));
    if (isSheet) merges.set(e.name, found);
  }
  const rels = new Map<string, string>();
  for (const m of (texts.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetInfo[] = [];
  for (const m of (texts.get('xl/workbook.xml') ?? '').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const state = /\bstate="([^"]*)"/.exec(m[0])?.[1] ?? 'visible';
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const path = rels.get(rid) ?? '';
    sheets.push({ name: decodeXml(name), state, path, merges: [...(merges.get(path) ?? [])], lastRow: lastRows.get(path) ?? 0 });
  }
  return { unpackedBytes, sheets };
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}
