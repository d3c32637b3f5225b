/**
 * Bytes → text for the parser: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK
 * (and Big5 when chardet is sure), a web page saved as .html (its text, html-text.ts), and .docx
 * via mammoth. Rejects empty, oversize, binary and image input with an AppError. Every check is a
 * single pass over the bytes.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { prepareDocx } from './docx-text.js';
import { htmlText, isHtml } from './html-text.js';
import { AppError } from '../domain/errors.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'html' | 'docx' | 'xlsx';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

export interface DecodeOptions {
  /** Largest accepted input in bytes; default 20 MB. */
  maxBytes?: number;
  /** File name, used only as a hint (.docx). */
  filename?: string;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'TIFF' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'TIFF' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'RIFF' },
  { bytes: [0x1f, 0x8b], what: 'gzip' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'ELF' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'OLE (.doc/.xls)' },
  { bytes: [0x00, 0x00, 0x01, 0x00], what: 'ICO' },
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function unsupported(what: string): AppError {
  // A .doc or .xls of the old binary kind: the office has Word or WPS, which saves it as the new kind.
  const old = what.startsWith('OLE');
  return new AppError(
    'unsupported_media_type',
    {
      zh: `不支持的文件类型(${what}):请上传 .txt、.md、.html、.docx 或 .xlsx 文件${old ? ';旧版 .doc/.xls 请先在 Word 或 WPS 中另存为 .docx/.xlsx' : ''}`,
      en: `Unsupported file type (${what}): upload a .txt, .md, .html, .docx or .xlsx file${old ? '; save an old .doc/.xls as .docx/.xlsx in Word or WPS first' : ''}`,
    },
    { detected: what },
  );
}

export async function decodeDocument(input: Uint8Array, options: DecodeOptions = {}): Promise<DecodedText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.length === 0) {
    throw new AppError('bad_request', { zh: '文件为空', en: 'The file is empty' });
  }
  if (input.length > maxBytes) {
    throw new AppError(
      'payload_too_large',
      { zh: `文件过大:${input.length} 字节,上限 ${maxBytes} 字节`, en: `File too large: ${input.length} bytes, limit ${maxBytes}` },
      { bytes: input.length, maxBytes },
    );
  }
  if (startsWith(input, [0x50, 0x4b, 0x03, 0x04])) return decodeDocx(input);
  for (const sig of SIGNATURES) if (startsWith(input, sig.bytes)) throw unsupported(sig.what);
  const decoded = decodeText(input);
  // A web page saved whole: its text, not its tags.
  const page = isHtml(decoded.text) ? { text: htmlText(decoded.text), encoding: 'html' as const } : decoded;
  if (page.text.trim() === '') throw new AppError('bad_request', { zh: '文件中没有文字', en: 'The file has no text' });
  return page;
}

/** Plain text bytes → string. Synchronous; throws AppError for binary input. */
export function decodeText(input: Uint8Array): DecodedText {
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    return { text: checked(utf8(input.subarray(3), false) ?? ''), encoding: 'utf-8-bom' };
  }
  if (input[0] === 0xff && input[1] === 0xfe) {
    return { text: checked(new TextDecoder('utf-16le').decode(input.subarray(2))), encoding: 'utf-16le' };
  }
  if (input[0] === 0xfe && input[1] === 0xff) {
    return { text: checked(new TextDecoder('utf-16be').decode(input.subarray(2))), encoding: 'utf-16be' };
  }
  rejectBinary(input);
  const strict = utf8(input, true);
  if (strict !== null) return { text: checked(strict), encoding: 'utf-8' };
  const guess = chardet.analyse(input.subarray(0, 64 * 1024)).find((m) => m.name === 'Big5' || m.name === 'GB18030');
  const encoding: TextEncoding = guess?.name === 'Big5' && guess.confidence >= 60 ? 'big5' : 'gb18030';
  return { text: checked(iconv.decode(Buffer.from(input.buffer, input.byteOffset, input.length), encoding)), encoding };
}

function utf8(bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder('utf-8', { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** NUL bytes or many control characters mean the input is not text. */
function rejectBinary(bytes: Uint8Array): void {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) throw unsupported('binary');
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1a) control++;
  }
  if (control > 8 && control * 100 > bytes.length) throw unsupported('binary');
}

/** Too many undecodable characters: the guessed encoding is wrong or the bytes are not text. */
function checked(text: string): string {
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd || text.charCodeAt(i) === 0) bad++;
  if (bad > 8 && bad * 50 > text.length) throw unsupported('binary');
  return text;
}

async function decodeDocx(input: Uint8Array): Promise<DecodedText> {
  const buffer = Buffer.from(input.buffer, input.byteOffset, input.length);
  if (!buffer.includes('word/')) throw unsupported('zip');
  let value: string;
  try {
    // Numbers Word draws itself (a list's 一、, a 序号 column) are written into the text first.
    ({ value } = await mammoth.extractRawText({ buffer: await prepareDocx(buffer) }));
  } catch {
    throw new AppError('bad_request', { zh: '无法读取该 .docx 文件', en: 'The .docx file cannot be read' });
  }
  // mammoth ends each paragraph with a blank line; keep one paragraph per line.
  const text = value.replace(/\n\n/g, '\n').replace(/\n+$/, '');
  if (text.trim() === '') throw new AppError('bad_request', { zh: '文件中没有文字', en: 'The document has no text' });
  return { text, encoding: 'docx' };
}
