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
import { CodeSet, codesOf, isCjk, isJsSpace } from './text.js';

const CN = '零〇一二三四五六七八九十百千两';
/** First characters a marker can start with (实 of 实事一 aside, see mayStartMarker): most lines start with none of them. */
export const MARKER_START = new CodeSet(
  // ①-⑳, ⑴-⒇ and ⒈-⒛: 60 code points from U+2460.
  [...'第(〔0123456789', ...CN].map((ch) => ch.charCodeAt(0)).concat(Array.from({ length: 60 }, (_, k) => 0x2460 + k)),
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
  // 实事一: (not in MARKER_START: 实施, 实现 open many lines).
  if (c === 0x5b9e) return i + 1 < e && text.charCodeAt(i + 1) === 0x4e8b;
  if (!MARKER_START.has(c)) return false;
  const digit = isDigit(c);
  if (!digit && !CN_CODES.has(c)) return true; // 第 ( 〔 ①: rare, left to the patterns
  // 1、 1. 1) or 一、 一. : at most 3 digits or 6 numerals, at most 2 spaces, then the separator.
  let j = i + 1;
  const max = i + (digit ? 3 : 6);
  while (j < e && j < max && (digit ? isDigit(text.charCodeAt(j)) : CN_CODES.has(text.charCodeAt(j)))) j++;
  if (!digit) j = pinyinEnd(text, j, e);
  for (let k = 0; k < 2 && j < e && isJsSpace(text.charCodeAt(j)); k++) j++;
  if (j >= e) return false;
  const sep = text.charCodeAt(j);
  return sep === 0x3001 || sep === 0x2e || (digit && (sep === 0x29 || sep === 0x3002)) || zeroPadded(text, i, j); // 、 . ) 。
}

/** 01 项目名称:… — two digits, the first a zero, then a space before a Chinese character (j: after the spaces). */
function zeroPadded(text: string, i: number, j: number): boolean {
  return text.charCodeAt(i) === 0x30 && isDigit(text.charCodeAt(i + 1)) && j > i + 2 && isJsSpace(text.charCodeAt(i + 2)) && isCjk(text.charCodeAt(j));
}


/** A marker is looked for in the first 16 code units of a line at most. */
const HEAD = 16;

/** The marker at the start of a trimmed line (`text` is the normalised line from `offset`). */
export function markerAt(text: string, offset: number): Marker | null {
  return markerIn(text, 0, Math.min(text.length, HEAD), offset);
}

/**
 * The marker at i of `text`, looking no further than e (markerAt passes i + 16 at most): markerAt
 * without slicing the line. Offsets in the result are shifted so that i reads as `at`.
 *
 * Read character by character; what it accepts, by kind (\s is JavaScript's, n a run of at most
 * 6 Chinese numerals or 3 digits that the next character does not continue):
 *   part  第 n (部分|章|篇) [\s:.、]*   (第 n 条 [\s:.、]* is a cn, 第n条 its number; 第 n 项 [\s:.、]+ an ar, 第n项 its number;
 *         实事 n [\s:、]+ an ar too, 实事n its number)
 *   pcn   [(〔] \s{0,2} n(Chinese) \s{0,2} [)〕] [\s、.]*
 *   par   ( \s{0,2} n(digits) \s{0,2} ) [\s、.]*
 *   cn    n(Chinese) \s{0,2} (、 or . not before a digit) \s*
 *   ar    n(digits) \s{0,2} (、, or 。, or . or ")" not before a digit) \s*   (or 0n \s{1,2} before a Chinese character)
 *   circ  ①-⑳ \s*   (⑴-⒇ is a par, ⒈-⒛ an ar)
 * tried in that order. markers.test.ts checks it against the regular expressions it replaced.
 */
export function markerIn(text: string, i: number, e: number, at: number = i): Marker | null {
  if (i >= e || !mayStartMarker(text, i, e)) return null;
  const shift = at - i;
  const c = text.charCodeAt(i);
  if (c === 0x5b9e) {
    // 实事一:为乡镇学校修建…: a 实事 list's own numbering (a colon or a space after the numeral), the
    // whole 实事一 its number, at a task's level as 1. is (mayStartMarker saw the 事).
    const n = i + 2;
    const end = numberEnd(text, n, e);
    if (end < 0 || end >= e || isDigit(text.charCodeAt(n)) || !isPartTail(text.charCodeAt(end)) || text.charCodeAt(end) === 0x2e) return null;
    let j = end;
    while (j < e && isPartTail(text.charCodeAt(j))) j++;
    return marker('ar', numberValue(text, n, end), at, end + shift, at, j + shift);
  }
  if (c === 0x7b2c) {
    // 第
    const n = i + 1;
    const end = numberEnd(text, n, e);
    if (end < 0 || end >= e) return null;
    let j = end;
    const u = text.charCodeAt(j);
    if (u === 0x6761) {
      // 第一条: an article, numbered like 一、 (the whole 第一条 is its number).
      j += 1;
      while (j < e && isPartTail(text.charCodeAt(j))) j++;
      return marker('cn', numberValue(text, n, end), at, end + 1 + shift, at, j + shift);
    }
    if (u === 0x9879 && j + 1 < e && isPartTail(text.charCodeAt(j + 1))) {
      // 第一项:推动…: a numbered pledge or task (项 only with a colon or a space after it), the whole
      // 第一项 its number. A task's level, as 1. is: under 一、 headings it is their item.
      j += 1;
      while (j < e && isPartTail(text.charCodeAt(j))) j++;
      return marker('ar', numberValue(text, n, end), at, end + 1 + shift, at, j + shift);
    }
    if (u === 0x90e8 && j + 1 < e && text.charCodeAt(j + 1) === 0x5206) j += 2; // 部分
    else if (u === 0x7ae0 || u === 0x7bc7) j += 1; // 章 篇
    else return null;
    while (j < e && isPartTail(text.charCodeAt(j))) j++;
    return marker('part', numberValue(text, n, end), n + shift, end + shift, at, j + shift);
  }
  if (c === 0x28 || c === 0x3014) {
    // ( or 〔, then a Chinese number (any opener) or digits (after "(" only)
    const n = skipSpaces(text, i + 1, e);
    const end = numberEnd(text, n, e);
    if (end < 0 || (isDigit(text.charCodeAt(n)) && c !== 0x28)) return null;
    const close = skipSpaces(text, end, e);
    const u = close < e ? text.charCodeAt(close) : -1;
    const digits = isDigit(text.charCodeAt(n));
    if (!(u === 0x29 || (!digits && u === 0x3015))) return null;
    let j = close + 1;
    while (j < e && isBracketTail(text.charCodeAt(j))) j++;
    return marker(digits ? 'par' : 'pcn', numberValue(text, n, end), at, close + 1 + shift, at, j + shift);
  }
  if (c >= 0x2460 && c <= 0x249b) {
    let j = i + 1;
    while (j < e && isJsSpace(text.charCodeAt(j))) j++;
    // ⑴ is (1) and ⒈ is 1. written as one character.
    if (c >= 0x2488) return marker('ar', c - 0x2488 + 1, at, at + 1, at, j + shift);
    if (c >= 0x2474) return marker('par', c - 0x2474 + 1, at, at + 1, at, j + shift);
    return marker('circ', c - 0x2460 + 1, at, at + 1, at, j + shift);
  }
  // 一、 or 1. : mayStartMarker leaves only these.
  const end = numberEnd(text, i, e);
  if (end < 0) return null;
  const sepAt = skipSpaces(text, end, e);
  if (sepAt >= e) return null;
  const sep = text.charCodeAt(sepAt);
  const digits = isDigit(c);
  // 1。 with an ideographic full stop (as typed on some pages) numbers an item too.
  if (zeroPadded(text, i, sepAt)) return marker('ar', numberValue(text, i, end), at, end + shift, at, sepAt + shift);
  if (!(sep === 0x3001 || sep === 0x2e || (digits && (sep === 0x29 || sep === 0x3002)))) return null;
  // 1.5 is a figure, not item 1; 一、2023年全区… and 6、98年元旦… are numbered (、 is no decimal point).
  if (sepAt + 1 < e && isDigit(text.charCodeAt(sepAt + 1)) && (sep === 0x2e || sep === 0x29)) return null;
  let j = sepAt + 1;
  while (j < e && isJsSpace(text.charCodeAt(j))) j++;
  return marker(digits ? 'ar' : 'cn', numberValue(text, i, end), at, end + shift, at, j + shift);
}

/**
 * End of the number written from n (before e): a run of Chinese numerals (at most 6) or of
 * digits (at most 3), which the next character must not continue; -1 when there is none.
 */
function numberEnd(text: string, n: number, e: number): number {
  if (n >= e) return -1;
  const digits = isDigit(text.charCodeAt(n));
  if (!digits && !CN_CODES.has(text.charCodeAt(n))) return -1;
  const max = digits ? 3 : 6;
  let j = n + 1;
  while (j < e && (digits ? isDigit(text.charCodeAt(j)) : CN_CODES.has(text.charCodeAt(j)))) {
    if (j - n === max) return -1;
    j++;
  }
  return j;
}

function numberValue(text: string, n: number, end: number): number | null {
  if (!isDigit(text.charCodeAt(n))) return chineseToNumber(text.slice(n, end));
  let v = 0;
  for (let j = n; j < end; j++) v = v * 10 + (text.charCodeAt(j) - 0x30);
  return v;
}

/** At most two of JavaScript's spaces from j (before e), after a pinyin reading if one stands there. */
function skipSpaces(text: string, j: number, e: number): number {
  j = pinyinEnd(text, j, e);
  for (let k = 0; k < 2 && j < e && isJsSpace(text.charCodeAt(j)); k++) j++;
  // (2⏎)城乡…: a hard wrap's join (wrapped.ts) inside the marker.
  while (j < e && text.charCodeAt(j) === JOINER) j++;
  return j;
}

/** WRAP_JOINER's code (text.ts): where wrapped.ts joined a line the page's width broke. */
const JOINER = 0x2060;

/**
 * 一(yī)、 and (一(yī)): pages for learners give numerals their pinyin reading in brackets. The end
 * of the reading written at j (one to six letters, tone marks included, in "(…)"), else j.
 */
export function pinyinEnd(text: string, j: number, e: number): number {
  if (text.charCodeAt(j) !== 0x28) return j;
  let k = j + 1;
  while (k < e && k - j <= 7 && isPinyinLetter(text.charCodeAt(k))) k++;
  return k > j + 1 && k < e && text.charCodeAt(k) === 0x29 ? k + 1 : j;
}

function isPinyinLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xe0 && c <= 0xfc) || (c >= 0x100 && c <= 0x1dc);
}

/** What may follow 第一部分: \s : . 、 */
function isPartTail(c: number): boolean {
  return c === 0x3a || c === 0x2e || c === 0x3001 || isJsSpace(c);
}

/** What may follow (一) or (1): \s 、 . */
function isBracketTail(c: number): boolean {
  return c === 0x3001 || c === 0x2e || isJsSpace(c);
}

function marker(kind: MarkerKind, value: number | null, from: number, to: number, start: number, bodyStart: number): Marker {
  return { kind, value, numberSpan: [from, to], start, bodyStart };
}
