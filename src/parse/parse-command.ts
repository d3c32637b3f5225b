/** `luoshi parse FILE [--json]`: decode a file, parse it against Hunan's registry, print the result. */
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../domain/errors.js';
import { decodeDocument, DEFAULT_MAX_BYTES } from './decode.js';
import { formatTree } from './format-tree.js';
import { parsePlan } from './parse-plan.js';
import { hunanResolver } from './registry-resolver.js';

export async function runParse(
  file: string,
  opts: { json: boolean; maxBytes?: number },
  io: { stdout: (s: string) => void },
): Promise<void> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new AppError('not_found', { zh: `找不到文件:${file}`, en: `File not found: ${file}` }, { file });
  }
  if (size > maxBytes) {
    throw new AppError(
      'payload_too_large',
      { zh: `文件过大:${size} 字节,上限 ${maxBytes} 字节`, en: `File too large: ${size} bytes, limit ${maxBytes}` },
      { bytes: size, maxBytes },
    );
  }
  const bytes = await readFile(file);
  const { text } = await decodeDocument(bytes, { maxBytes, filename: file });
  const plan = parsePlan(text, { resolver: hunanResolver() });
  io.stdout(opts.json ? `${JSON.stringify(plan, null, 2)}\n` : formatTree(plan));
}
