import { createInflateRaw } from 'node:zlib';
import { fail } from '../domain/errors.js';

/**
 * Bounds every .docx/.xlsx (zip) upload BEFORE a parser sees it. Central-directory sizes can
 * lie, so each entry is actually inflated, streaming, with its output counted and thrown
 * away; reading stops the moment a limit is crossed:
 *
 * - total unpacked bytes (`archive_too_large`),
 * - the unpacked/packed ratio of an entry once it passes `ratioFloorBytes` — a zip bomb packs
 *   hundreds of MB into a few hundred KB, ordinary OOXML is 5–20× (`archive_ratio`),
 * - the number of entries (`archive_entries`),
 * - in XML parts: any DOCTYPE or ENTITY declaration (XXE, billion laughs: OOXML never needs
 *   one) and element nesting deeper than `maxDepth` (`document_too_complex`).
 * A damaged or truncated archive, an unknown compression method or zip64 is `archive_invalid`.
 * Inflation is asynchronous in chunks, so the event loop keeps serving while it runs.
 */
export interface ArchiveLimits {
  maxUnpackedBytes: number;
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
  maxDepth: number;
  /** Rows across all worksheets (`<row>` elements): no sheet we read has anywhere near this many. */
  maxRows: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 2000,
  maxDepth: 200,
  maxRows: 200_000,
};

export interface ArchiveEntry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
}

export interface ArchiveReport {
  entries: ArchiveEntry[];
  unpackedBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

interface CentralEntry {
  name: string;
  method: number;
  packed: number;
  declared: number;
  localOffset: number;
}

function centralDirectory(buf: Buffer, maxEntries: number): CentralEntry[] {
  const invalid = () => fail('archive_invalid');
  // The end-of-central-directory record sits in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw invalid();
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw invalid(); // zip64: no Office upload needs it
  if (count > maxEntries) throw fail('archive_entries', { limit: maxEntries });
  if (offset + size > eocd) throw invalid();
  const entries: CentralEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw invalid();
    const method = buf.readUInt16LE(p + 10);
    const packed = buf.readUInt32LE(p + 20);
    const declared = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({ name, method, packed, declared, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Counts element depth across chunk boundaries and refuses DTDs; a few states, no parser. */
class XmlScanner {
  private depth = 0;
  private state: 'text' | 'lt' | 'open' | 'other' = 'text';
  private previous = 0;
  private tail = '';
  private name = '';
  constructor(
    private readonly maxDepth: number,
    private readonly rows: { left: number; limit: number },
  ) {}

  push(chunk: Buffer): void {
    const window = this.tail + chunk.toString('latin1');
    if (/<!DOCTYPE|<!ENTITY/i.test(window)) throw fail('document_too_complex', { reason: 'DTD' });
    this.tail = window.slice(-16);
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      switch (this.state) {
        case 'text':
          if (c === 0x3c) this.state = 'lt';
          break;
        case 'lt':
          if (c === 0x2f || c === 0x3f || c === 0x21) {
            if (c === 0x2f) this.depth -= 1;
            this.state = 'other';
          } else {
            this.depth += 1;
            if (this.depth > this.maxDepth) throw fail('document_too_complex', { reason: `nesting > ${this.maxDepth}` });
            this.state = 'open';
            this.name = String.fromCharCode(c);
          }
          break;
        case 'open':
          if (this.name !== ' ') {
            if (c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) {
              if (this.name === 'row' && --this.rows.left < 0) throw fail('document_too_complex', { reason: `more than ${this.rows.limit} rows` });
              this.name = ' ';
            } else if (this.name.length < 8) this.name += String.fromCharCode(c);
          }
          if (c === 0x3e) {
            if (this.previous === 0x2f) this.depth -= 1;
            this.state = 'text';
          }
          break;
        case 'other':
          if (c === 0x3e) this.state = 'text';
          break;
      }
      this.previous = c;
    }
  }
}

function inflateCounted(
  data: Buffer,
  entry: CentralEntry,
  limits: ArchiveLimits,
  budget: { left: number },
  scanner: XmlScanner | null,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = 0;
    const check = (length: number, chunk: Buffer | null): Error | null => {
      out += length;
      budget.left -= length;
      if (budget.left < 0) return fail('archive_too_large', { limitMb: Math.round(limits.maxUnpackedBytes / 1024 / 1024) });
      if (out > limits.ratioFloorBytes && out > limits.maxRatio * Math.max(1, entry.packed)) return fail('archive_ratio', { limit: limits.maxRatio });
      try {
        if (chunk && scanner) scanner.push(chunk);
      } catch (error) {
        return error as Error;
      }
      return null;
    };
    if (entry.method === 0) {
      const error = check(data.length, data);
      if (error) reject(error);
      else resolve(out);
      return;
    }
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      if (error) {
        inflate.destroy();
        reject(error);
      } else resolve(out);
    };
    inflate.on('data', (chunk: Buffer) => {
      const error = check(chunk.length, chunk);
      if (error) finish(error);
    });
    inflate.on('error', () => finish(fail('archive_invalid')));
    inflate.on('end', () => finish(null));
    inflate.end(data);
  });
}

/** Inflates and measures every entry within the limits; throws a 4xx AppError when one is crossed. */
export async function inspectArchive(bytes: Uint8Array, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<ArchiveReport> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (!isZip(buf) || buf.length < 22) throw fail('archive_invalid');
  const entries = centralDirectory(buf, limits.maxEntries);
  const budget = { left: limits.maxUnpackedBytes };
  const rows = { left: limits.maxRows, limit: limits.maxRows };
  const report: ArchiveEntry[] = [];
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) throw fail('archive_invalid');
    const local = e.localOffset;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw fail('archive_invalid');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + e.packed > buf.length) throw fail('archive_invalid');
    const data = buf.subarray(start, start + e.packed);
    const xml = /\.(xml|rels)$/i.test(e.name) ? new XmlScanner(limits.maxDepth, rows) : null;
    const unpacked = await inflateCounted(data, e, limits, budget, xml);
    report.push({ name: e.name, method: e.method, packed: e.packed, unpacked });
  }
  return { entries: report, unpackedBytes: limits.maxUnpackedBytes - budget.left };
}
