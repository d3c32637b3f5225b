import type { RegistryFile } from '../../domain/unit.js';
import { fail } from '../../domain/errors.js';
import { inspectArchive, isZip } from '../../office/archive-guard.js';
import { runOfficeTask } from './run-office-task.js';
import { registryFromXlsx } from '../../office/units-xlsx.js';
import { isXlsx, planTableText } from '../../office/plan-xlsx.js';
import { DEFAULT_XLSX_LIMITS } from '../../office/xlsx-guard.js';
import { decodeDocument } from '../../parse/decode.js';
import type { DecodedText } from '../../parse/decode.js';

/**
 * Every uploaded document goes through here before a parser sees it. A zip (.docx, .xlsx) is
 * first inspected by the archive guard (sizes, ratio, entries, DTDs, nesting — streaming,
 * off the event loop's critical path); one that unpacks to more than INLINE_UNPACKED_BYTES
 * is then read in a worker thread, so a large file never stalls other requests. Small
 * files are read in place: a worker costs more than they do.
 */
const INLINE_UNPACKED_BYTES = 4 * 1024 * 1024;

async function needsWorker(bytes: Uint8Array): Promise<boolean> {
  if (!isZip(bytes)) return false;
  const report = await inspectArchive(bytes);
  return report.unpackedBytes > INLINE_UNPACKED_BYTES;
}

/**
 * A plan upload → text. A 分工表 sent as .xlsx goes through the xlsx guard and is streamed
 * into tab-separated rows for the parser's table reader (plan-xlsx.ts: memory holds one row
 * and the text, so it needs no worker); .txt/.md/.docx are decoded as documents.
 */
export async function decodeUpload(bytes: Uint8Array, options: { maxBytes: number; filename: string }): Promise<DecodedText> {
  if (isXlsx(bytes)) {
    const text = await planTableText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), { ...DEFAULT_XLSX_LIMITS, maxBytes: options.maxBytes });
    if (text.trim() === '') throw fail('xlsx_no_sheet');
    return { text, encoding: 'xlsx' };
  }
  if (await needsWorker(bytes)) return runOfficeTask<DecodedText>({ kind: 'decode-document', bytes, ...options });
  return decodeDocument(bytes, options);
}

export async function readRegistryXlsx(bytes: Buffer): Promise<RegistryFile> {
  if (await needsWorker(bytes)) return runOfficeTask<RegistryFile>({ kind: 'registry-xlsx', bytes });
  return registryFromXlsx(bytes);
}
