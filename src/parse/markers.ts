/** Line-start numbering markers of policy documents, from 第一部分 down to (1) and ①. */

export const MARKER_KINDS = ['part', 'cn', 'pcn', 'ar', 'par', 'circ'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/** Nesting rank: smaller is higher in the hierarchy. */
export const RANK: Readonly<Record<MarkerKind, number>> = { part: 0, cn: 1, pcn: 2, ar: 3, par: 4, circ: 5 };

export interface Marker {
  kind: MarkerKind;
  /** Where the number is written: 二 (of 二、), (一), 1 (of 1.), (1), 一 (of 第一部分). */
  numberSpan: [number, number];
  value: number | null;
  /** Offset where the marker starts (the line's first non-space character). */
  start: number;
  /** Offset of the first character after the marker and its separator. */
  bodyStart: number;
}

import { chineseToNumber } from './numerals.js';
import { CodeSet, codesOf, isJsSpace } from './text.js';

const CN = '零〇一二三四五六七八九十百千两';
const PART_RE = new RegExp(`^第([${CN}]{1,6}|[0-9]{1,3})(部分|章|篇)[\\s:.、]*`);
const CN_RE = new RegExp(`^([${CN}]{1,6})\\s{0,2}[、.](?![0-9])\\s*`);
const PCN_RE = new RegExp(`^[(〔]\\s{0,2}([${CN}]{1,6})\\s{0,2}[)〕][\\s、.]*`);
const AR_RE = /^([0-9]{1,3})\s{0,2}(?:[、.](?![0-9])|\)(?![0-9]))\s*/;
const PAR_RE = /^\(\s{0,2}([0-9]{1,3})\s{0,2}\)[\s、.]*/;
const CIRC_RE = /^([\u2460-\u2473])\s*/;

/** First characters a marker can start with: most lines start with none of them. */
export const MARKER_START = new CodeSet(
  [...'第(〔0123456789', ...CN].map((ch) => ch.charCodeAt(0)).concat(Array.from({ length: 20 }, (_, k) => 0x2460 + k)),
);

const CN_CODES = new CodeSet(codesOf(CN));

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Whether a marker may start at i of `text` (ending by e): a necessary condition of markerAt's
 * patterns, by code unit, so that callers need not slice the text nor run the patterns where
 * none can match (2020年, 一是, 十分 — most candidates).
 */
export function mayStartMarker(text: string, i: number, e: number = text.length): boolean {
  const c = text.charCodeAt(i);
  if (!MARKER_START.has(c)) return false;
  const digit = isDigit(c);
  if (!digit && !CN_CODES.has(c)) return true; // 第 ( 〔 ①: rare, left to the patterns
  // 1、 1. 1) or 一、 一. : at most 3 digits or 6 numerals, at most 2 spaces, then the separator.
  let j = i + 1;
  const max = i + (digit ? 3 : 6);
  while (j < e && j < max && (digit ? isDigit(text.charCodeAt(j)) : CN_CODES.has(text.charCodeAt(j)))) j++;
  for (let k = 0; k < 2 && j < e && isJsSpace(text.charCodeAt(j)); k++) j++;
  if (j >= e) return false;
  const sep = text.charCodeAt(j);
  return sep === 0x3001 || sep === 0x2e || (digit && sep === 0x29); // 、 . )
}

/** The marker at the start of a trimmed line (`text` is the normalised line from `offset`). */
export function markerAt(text: string, offset: number): Marker | null {
  if (!mayStartMarker(text, 0, Math.min(text.length, 16))) return null;
  const head = text.length <= 16 ? text : text.slice(0, 16);
  let m = PART_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    return { kind: 'part', value: /^[0-9]+$/.test(n) ? Number(n) : chineseToNumber(n), numberSpan: [offset + 1, offset + 1 + n.length], start: offset, bodyStart: offset + m[0].length };
  }
  m = PCN_RE.exec(head) ?? PAR_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    const close = head.search(/[)〕]/);
    const kind: MarkerKind = /^[0-9]+$/.test(n) ? 'par' : 'pcn';
    return { kind, value: kind === 'par' ? Number(n) : chineseToNumber(n), numberSpan: [offset, offset + close + 1], start: offset, bodyStart: offset + m[0].length };
  }
  m = CN_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    return { kind: 'cn', value: chineseToNumber(n), numberSpan: [offset, offset + n.length], start: offset, bodyStart: offset + m[0].length };
  }
  m = AR_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    return { kind: 'ar', value: Number(n), numberSpan: [offset, offset + n.length], start: offset, bodyStart: offset + m[0].length };
  }
  m = CIRC_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    return { kind: 'circ', value: n.charCodeAt(0) - 0x2460 + 1, numberSpan: [offset, offset + 1], start: offset, bodyStart: offset + m[0].length };
  }
  return null;
}
