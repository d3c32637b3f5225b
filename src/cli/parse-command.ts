/** `luoshi parse FILE [--json]`: read and decode a file, parse it against the registry given, print the result. */
import { readFile, stat } from 'node:fs/promises';
import { fail } from '../domain/errors.js';
import type { ParsedPlan } from '../model/plan.js';
import type { UnitResolver } from '../model/unit-resolver.js';
import { isXlsx, planTableText } from '../office/plan-xlsx.js';
import { DEFAULT_XLSX_LIMITS } from '../office/xlsx-guard.js';
import { decodeDocument, DEFAULT_MAX_BYTES } from '../parse/decode.js';
import { formatTree } from '../parse/format-tree.js';
import { parsePlan } from '../parse/parse-plan.js';

export async function runParse(
  file: string,
  /** `reread`: another registry to read the plan with, chosen from the first reading (the place its title names), or null. */
  opts: { json: boolean; resolver: UnitResolver; maxBytes?: number; reread?: (plan: ParsedPlan) => UnitResolver | null },
  io: { stdout: (s: string) => void },
): Promise<void> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw fail('file_not_found', { file }, { file });
  }
  if (size > maxBytes) throw fail('file_too_large', { bytes: size, maxBytes }, { bytes: size, maxBytes });
  const bytes = await readFile(file);
  // A 分工表 sent as Excel: guarded, streamed and turned into tab-separated rows for the table reader.
  const text = isXlsx(bytes)
    ? await planTableText(bytes, { ...DEFAULT_XLSX_LIMITS, maxBytes })
    : (await decodeDocument(bytes, { maxBytes, filename: file })).text;
  const first = parsePlan(text, { resolver: opts.resolver });
  const other = opts.reread?.(first) ?? null;
  const plan = other ? parsePlan(text, { resolver: other }) : first;
  io.stdout(opts.json ? `${JSON.stringify(plan, null, 2)}\n` : formatTree(plan));
}
