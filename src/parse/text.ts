/**
 * Shared text helpers. The parser matches on a same-length normalised copy of the text
 * (full-width ASCII folded to half-width, small forms ﹑﹒﹔﹕ to 、.;:, dashes to '-', traditional
 * characters to simplified)
 * so that every offset found in the copy is also an offset into the original; facts are
 * always sliced from the original.
 */
import type { ParseWarning } from '../model/plan.js';
import type { Span } from '../model/span.js';
import { scriptFoldTable } from './script-fold.js';

export interface SourceText {
  /** The decoded document, as given. */
  original: string;
  /** Same length as `original`: full-width forms folded to ASCII, traditional characters to simplified. */
  norm: string;
  lines: Line[];
  /**
   * Set by wrapped.ts when it joined line breaks (WRAP_JOINER in `norm`): the text's joiner-free
   * view, built at its first use (joinFree), once per parse. Absent from a text without joins.
   */
  joins?: { view: JoinFree | null };
  /** Set when the text is markdown (markdownLike): its marks read as spaces in `norm`, and titles drop its strong marks. */
  markdown?: boolean;
}

/**
 * What a joined line break reads as in the normalised text (WORD JOINER: no space, no break). See
 * wrapped.ts, which writes it.
 */
export const WRAP_JOINER = '\u2060';
const JOINER_CODE = 0x2060;

/**
 * A text with its joins taken out: `src` is the original and normalised text without any run of
 * WRAP_JOINER (nor what the run stands for in the original: a line break, trailing spaces, a page's
 * number and header), so that a word, a name or a figure cut by a wrap reads as one (市发展改⏎革委,
 * 牵⏎头, 1⏎000亿元). The readers of units, roles and targets read a joined text here, and the spans
 * they find are mapped back (sourceSpan): a fact across a join keeps the line break in its raw, since
 * a raw is what its span slices. Built once per parse, and only for a text with joins: any other text
 * pays nothing.
 */
export interface JoinFree {
  src: SourceText;
  /** Run k of joiners spans [from[k], to[k]) of the source and stood at offset at[k] of the view (all ascending). */
  from: Int32Array;
  to: Int32Array;
  at: Int32Array;
  /** The run the last look-up found (see lastBelow). */
  near: number;
}

/**
 * The joiner-free view of src (see JoinFree), or null when src has no joins: built once, on the
 * first call, and kept on src. Its own `lines` are not split (its readers read spans only).
 */
export function joinFree(src: SourceText): JoinFree | null {
  const joins = src.joins;
  if (!joins) return null;
  if (joins.view) return joins.view;
  const { norm, original } = src;
  const from: number[] = [];
  const to: number[] = [];
  for (let i = norm.indexOf(WRAP_JOINER); i >= 0; i = norm.indexOf(WRAP_JOINER, i)) {
    let j = i + 1;
    while (norm.charCodeAt(j) === JOINER_CODE) j++;
    from.push(i);
    to.push(j);
    i = j;
  }
  if (from.length === 0) {
    src.joins = undefined;
    return null;
  }
  // Offsets in the view where each run stood, and both texts without the runs.
  const at = new Int32Array(from.length);
  let gone = 0;
  for (let k = 0; k < from.length; k++) {
    at[k] = (from[k] as number) - gone;
    gone += (to[k] as number) - (from[k] as number);
  }
  const view: JoinFree = {
    src: { original: without(original, from, to, gone), norm: without(norm, from, to, gone), lines: [] },
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    at,
    near: 0,
  };
  joins.view = view;
  return view;
}

/**
 * `text` without its ranges [from[k], to[k]) (ascending, `gone` code units in all): its code units
 * in one native copy, the text between the ranges moved down over them in place.
 */
function without(text: string, from: readonly number[], to: readonly number[], gone: number): string {
  const bytes = Buffer.from(text, 'utf16le');
  // (An odd offset in Node's pool is not expected: a copy of the code units then.)
  const units = bytes.byteOffset % 2 === 0 ? new Uint16Array(bytes.buffer, bytes.byteOffset, text.length) : Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
  let last = 0;
  let at = 0;
  for (let k = 0; k <= from.length; k++) {
    const a = k < from.length ? (from[k] as number) : text.length;
    if (at !== last) units.copyWithin(at, last, a);
    at += a - last;
    last = to[k] as number;
  }
  return Buffer.from(units.buffer, units.byteOffset, (text.length - gone) * 2).toString('utf16le');
}

/**
 * Index of the last value of the view's ascending list `sorted` below `x` (-1 when there is none).
 * The parse asks about nearby offsets, item after item: the answer before is tried first, and its
 * neighbour, before a binary search.
 */
function lastBelow(view: JoinFree, sorted: Int32Array, x: number): number {
  const n = sorted.length;
  let k = view.near;
  if (k >= n) k = n - 1;
  for (let step = 0; step < 2 && k >= 0; step++) {
    // k is the answer when sorted[k] < x <= sorted[k + 1].
    if ((sorted[k] as number) < x) {
      if (k + 1 >= n || (sorted[k + 1] as number) >= x) return (view.near = k);
      k++;
    } else k--;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) view.near = lo - 1;
  return lo - 1;
}

/** The view's offset of source offset i (a run's own offsets all map to where it stood). */
export function viewOffset(view: JoinFree, i: number): number {
  const k = lastBelow(view, view.from, i + 1); // the last run starting at or before i
  if (k < 0) return i;
  const to = view.to[k] as number;
  const at = view.at[k] as number;
  return i < to ? at : at + (i - to);
}

/** The source offset of a fact starting at view offset v: after a run that stood at v. */
export function sourceStart(view: JoinFree, v: number): number {
  const k = lastBelow(view, view.at, v + 1);
  return k < 0 ? v : (view.to[k] as number) + (v - (view.at[k] as number));
}

/** The source offset of a fact ending at view offset v: before a run that stood at v. */
export function sourceEnd(view: JoinFree, v: number): number {
  const k = lastBelow(view, view.at, v);
  return k < 0 ? v : (view.to[k] as number) + (v - (view.at[k] as number));
}

/**
 * A warning given in the view, with its span in the source; its strings are copied, so that none
 * keeps the view's text alive once the parse is done.
 */
export function warningBack(view: JoinFree, w: ParseWarning): ParseWarning {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(w.params)) params[k] = typeof v === 'string' ? ownCopy(v) : v;
  return { code: w.code, params: params as ParseWarning['params'], message: ownCopy(w.message), span: sourceSpan(view, w.span[0], w.span[1]) };
}

/** The source span of view span [s, e) (an empty one stays empty). */
export function sourceSpan(view: JoinFree, s: number, e: number): Span {
  const a = sourceStart(view, s);
  return e <= s ? [a, a] : [a, sourceEnd(view, e)];
}

export interface Line {
  index: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character (before the line break). */
  end: number;
  /** Bounds with surrounding whitespace removed (start === end for a blank line). */
  trimStart: number;
  trimEnd: number;
}

function fold(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000 || c === 0x00a0 || c === 0x2002 || c === 0x2003) return 0x20;
  if (c === 0x2010 || c === 0x2011 || c === 0x2013 || c === 0x2014 || c === 0x2212 || c === 0x301c) return 0x2d;
  if (c === 0xfe50) return 0x2c;
  // Small form variants: ﹑ (1﹑), ﹒ (1﹒), ﹔ and ﹕ as their ordinary forms.
  if (c === 0xfe51) return 0x3001;
  if (c === 0xfe52) return 0x2e;
  if (c === 0xfe54) return 0x3b;
  if (c === 0xfe55) return 0x3a;
  if (c === 0xff64) return 0x3001; // halfwidth ideographic comma
  return c;
}

/** fold() of every code unit, computed once: the parser folds every character of a document. */
const FOLD = scriptFoldTable();
for (let c = 0; c < 0x10000; c++) {
  const width = fold(c);
  if (width !== c) FOLD[c] = width;
}

export function normalise(text: string): string {
  // Most documents need no folding at all: find the first character that does before
  // allocating anything.
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (FOLD[c] !== c) {
      first = i;
      break;
    }
  }
  if (first < 0) return text;
  // The code units in one native copy, folded in place from the first that folds, and back to a
  // string in one native copy: twice as fast as building the units by charCodeAt and decoding them
  // with a TextDecoder, and lone surrogates come back unchanged (one code unit each: offsets hold).
  const bytes = Buffer.from(text, 'utf16le');
  if (bytes.byteOffset % 2 !== 0) return foldSlowly(text, first);
  const codes = new Uint16Array(bytes.buffer, bytes.byteOffset, text.length);
  for (let i = first; i < codes.length; i++) codes[i] = FOLD[codes[i] ?? 0] ?? 0;
  return bytes.toString('utf16le');
}

/** normalise() for a buffer the pool placed at an odd offset (not expected: Node aligns its pool). */
function foldSlowly(text: string, first: number): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < first; i++) codes[i] = text.charCodeAt(i);
  for (let i = first; i < text.length; i++) codes[i] = FOLD[text.charCodeAt(i)] ?? 0;
  return Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf16le');
}

/**
 * A copy of s that shares no memory with the text it was sliced from. V8 keeps a slice of 13 or
 * more characters as a view of its parent, so one e-mail address kept in the output, or one name
 * kept in a registry's long-lived memo, would keep the whole normalised document alive (7 MB for a
 * 10 MB plan). Concatenating first makes V8 flatten into a new string before slicing.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * The one empty list that every fact list without entries shares (an item without targets, a
 * unit that expands to nothing): one array instead of one per item. Frozen, so that a consumer
 * that tries to add to it fails loudly instead of adding to every item's list.
 */
export const NONE: readonly never[] = Object.freeze([]);
/** NONE as a list of names (Responsible.expands), for the output types that say string[]. */
export const NO_NAMES = NONE as unknown as string[];

/**
 * `list` for the output: NONE when it is empty, else a copy of exactly its length (an array grown
 * by push keeps room for 17 or more entries, and the output keeps tens of thousands of lists).
 */
export function fitted<T>(list: T[]): T[] {
  return list.length === 0 ? (NONE as unknown as T[]) : list.slice();
}

/**
 * A set of UTF-16 code units as a bitmap: `has` is one load and a shift, where a Set<number>
 * hashes. For the character classes the parser tests at every character of a document.
 */
export class CodeSet {
  private readonly bits = new Uint32Array(0x800);
  constructor(codes: Iterable<number>) {
    for (const c of codes) this.bits[c >>> 5] = (this.bits[c >>> 5] ?? 0) | (1 << (c & 31));
  }
  /** Whether c is in the set; false for NaN (charCodeAt past the end). */
  has(c: number): boolean {
    return (((this.bits[c >>> 5] ?? 0) >>> (c & 31)) & 1) === 1;
  }
}

/** The code units of the characters of `chars`. */
export function codesOf(chars: string): number[] {
  return [...chars].map((ch) => ch.charCodeAt(0));
}

/** JavaScript's \s, by code unit. */
export function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xfeff || c === 0x200b;
}

/** \n \r U+2028 U+2029 U+0085: what ends a line. */
const LINE_BREAK = new CodeSet([0x0a, 0x0d, 0x2028, 0x2029, 0x85]);

/** Whether \n is the only line break of the text: then the native indexOf finds them all. */
function newlinesOnly(norm: string): boolean {
  return norm.indexOf('\r') < 0 && norm.indexOf('\u2028') < 0 && norm.indexOf('\u2029') < 0 && norm.indexOf('\x85') < 0;
}

export function splitLines(norm: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  if (newlinesOnly(norm)) {
    for (let i = norm.indexOf('\n'); i >= 0; i = norm.indexOf('\n', i + 1)) {
      pushLine(norm, lines, start, i);
      start = i + 1;
    }
  } else {
    for (let i = 0; i < norm.length; i++) {
      const c = norm.charCodeAt(i);
      if (LINE_BREAK.has(c)) {
        pushLine(norm, lines, start, i);
        if (c === 0x0d && norm.charCodeAt(i + 1) === 0x0a) i++;
        start = i + 1;
      }
    }
  }
  pushLine(norm, lines, start, norm.length);
  return lines;
}

/**
 * The first \n or \r at or after an offset, for callers that ask in increasing order (the items
 * of a document): one answer serves every offset up to it, and a document without \r is searched
 * by the native indexOf. The whole document is scanned once however many items ask.
 */
export class NextBreak {
  private from = 0;
  private at = -1;
  /** Whether `at` is a cut (a line's start) rather than a \n or \r. */
  private atCut = false;
  private readonly crFree: boolean;
  /**
   * `cuts`: where the run-on reader started lines that had no break before them (sorted): each is
   * a line's end as much as a \n is.
   */
  constructor(
    private readonly norm: string,
    private readonly cuts: readonly number[] = NONE,
  ) {
    this.crFree = norm.indexOf('\r') < 0;
  }
  /** Offset of the first \n or \r at or after i (or of the first cut after i), or the text's length. */
  after(i: number): number {
    // A cut is a line's start, not a break character: at the cut itself the next break is looked for.
    if (i >= this.from && (i < this.at || (i === this.at && !this.atCut))) return this.at;
    const { norm } = this;
    let j: number;
    if (this.crFree) {
      j = norm.indexOf('\n', i);
      if (j < 0) j = norm.length;
    } else {
      j = i;
      while (j < norm.length && norm.charCodeAt(j) !== 0x0a && norm.charCodeAt(j) !== 0x0d) j++;
    }
    let atCut = false;
    if (this.cuts.length > 0) {
      const k = firstAtOrAfter(this.cuts, i + 1);
      const cut = this.cuts[k];
      if (cut !== undefined && cut < j) {
        j = cut;
        atCut = true;
      }
    }
    this.from = i;
    this.at = j;
    this.atCut = atCut;
    return j;
  }
}

/** Starts of the lines the run-on reader cut (no line break before them), in order. */
export function cutStarts(norm: string, lines: readonly Line[]): number[] {
  const out: number[] = [];
  for (const l of lines) {
    const c = l.start > 0 ? norm.charCodeAt(l.start - 1) : 0x0a;
    if (c !== 0x0a && c !== 0x0d) out.push(l.start);
  }
  return out;
}

function pushLine(norm: string, lines: Line[], start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(norm.charCodeAt(s))) s++;
  while (e > s && isSpace(norm.charCodeAt(e - 1))) e--;
  lines.push({ index: lines.length, start, end, trimStart: s, trimEnd: e });
}

export function makeSource(original: string): SourceText {
  const folded = normalise(original);
  const markdown = markdownLike(folded);
  const norm = withSpacedNumbers(withoutBullets(withoutLostIndents(markdown ? withoutMarkdown(folded) : folded)));
  return markdown ? { original, norm, lines: splitLines(norm), markdown } : { original, norm, lines: splitLines(norm) };
}

/** ## 一、…, **推进…**: the marks of markdown (a heading's #, a strong span's ** or __). */
const MD_HEADING_RE = /^[ \t]{0,3}#{1,6}[ \t]+(?=\S)/m;
const MD_STRONG_RE = /(\*\*|__)(?=[^\s*_])[^\n]{1,200}?[^\s*_]\1/g;
/** Strong spans that make a text markdown without a heading (a mask ** here and there does not). */
const MD_STRONG_MIN = 3;
/** Characters of a text looked at for its markdown. */
const MD_LOOK = 65536;

/**
 * Whether a text is written in markdown (a wiki's or a chat's export of a plan, a .md file): a
 * heading line (## 一、…), or strong spans (**推进…**) on three lines or more.
 */
export function markdownLike(norm: string): boolean {
  const head = norm.length > MD_LOOK ? norm.slice(0, MD_LOOK) : norm;
  if (head.indexOf('#') >= 0 && MD_HEADING_RE.test(head)) return true;
  if (head.indexOf('**') < 0 && head.indexOf('__') < 0) return false;
  let lines = 0;
  /** The line break ending the line of the last span counted (a span holds none): -1 before the first. */
  let lineEnd = -1;
  MD_STRONG_RE.lastIndex = 0;
  for (let m = MD_STRONG_RE.exec(head); m; m = MD_STRONG_RE.exec(head)) {
    if (m.index <= lineEnd) continue;
    lines++;
    if (lines >= MD_STRONG_MIN) return true;
    lineEnd = head.indexOf('\n', m.index);
    if (lineEnd < 0) break;
  }
  return false;
}

const spaces = (s: string): string => ' '.repeat(s.length);

/**
 * A markdown text read without its marks, as its reader sees it rendered (in the normalised text
 * only: each mark becomes spaces of its length, the original keeps it, and offsets hold): a heading's
 * #s, a list's bullet (- * +) and a quote's > before a line's text, a rule line (---), and the ** or
 * __ around a strong span. Titles drop the strong marks (withoutStrongMarks).
 */
function withoutMarkdown(norm: string): string {
  return norm
    .replace(/^([ \t]{0,3})(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?=\S))/gm, (_m, pad: string, mark: string) => pad + spaces(mark))
    .replace(/^[ \t]{0,3}(?:[-*_][ \t]*){3,}$/gm, spaces)
    .replace(MD_STRONG_RE, (m: string) => `  ${m.slice(2, -2)}  `);
}

/**
 * 1. **推进重大项目建设** 全年…, - **(一) 推进…** — 「…」: in a markdown text, a strong span open over
 * a title's start [s, e) is the title; where it closes inside [s, e), the title's end. Else e.
 */
export function strongEnd(original: string, s: number, e: number): number {
  // (Marks are counted from the line's start, or STRONG_LOOK characters before s on a longer line:
  // a line of a megabyte and a thousand titles is not read again for each.)
  const from = Math.max(0, s - STRONG_LOOK);
  // (One character more: a mark starting just before s.)
  const before = original.slice(from, s + 1);
  const lineStart = before.lastIndexOf('\n', s - from - 1) + 1;
  const title = original.slice(s, e + 1);
  for (const mark of ['**', '__']) {
    let open = 0;
    for (let i = before.indexOf(mark, lineStart); i >= 0 && i < s - from; i = before.indexOf(mark, i + 2)) open++;
    if (open % 2 === 0) continue;
    const close = title.indexOf(mark);
    if (close > 0 && s + close < e) return s + close;
  }
  return e;
}
/** Characters before a title looked at for the strong mark open over it (see strongEnd). */
const STRONG_LOOK = 4096;

/** A title of a markdown text without the strong marks its span held (**推进…** → 推进…). */
export function withoutStrongMarks(title: string): string {
  return title.indexOf('**') < 0 && title.indexOf('__') < 0 ? title : title.replace(/\*\*|__/g, '').trim();
}

/** A bullet a page put before a line's numbering marker (• 三、, ● (二), ▪ 1.). */
const BULLET_BEFORE_MARKER_RE = /(^|\n)([ \t]*)[•·●◆■▪►▶](?=[ \t]*(?:[一二三四五六七八九十]{1,3}、|[0-9]{1,3}[.、]|\([一二三四五六七八九十0-9]{1,3}\)))/g;
const BULLETS_RE = /[•·●◆■▪►▶]/;

/**
 * • 三、重大災害發生…: a page's list bullet before a numbered point hides its marker. Read as a space
 * (in the normalised text only: the original keeps it, and offsets hold).
 */
function withoutBullets(norm: string): string {
  if (!BULLETS_RE.test(norm)) return norm;
  return norm.replace(BULLET_BEFORE_MARKER_RE, (_m, br: string, pad: string) => `${br}${pad} `);
}

/** A number a line opens with, then a space (or an ideographic one) before its text: 1 推进…. */
interface SpacedNumber {
  value: number;
  /** Offset of the space after the number. */
  space: number;
}

/**
 * 1 推进工业园区建设 ⏎ 2 实施乡村振兴…: items numbered with a space where a point or 、 should be. A
 * line so opened is read as 1.推进… (in the normalised text only: the original keeps its space, and
 * offsets hold) when the line next so opened carries on its count (or the one before leads to it,
 * or it starts the count again after a count so read), and when no space inside its text comes
 * before Chinese text (1 推进建设 县工信局 is a table's row of cells, read by the table readers), nor
 * anywhere after a table's 序号 header.
 */
function withSpacedNumbers(norm: string): string {
  const found: SpacedNumber[] = [];
  for (let start = 0; start < norm.length; ) {
    let end = norm.indexOf('\n', start);
    if (end < 0) end = norm.length;
    const n = spacedNumberAt(norm, start, end);
    if (n) found.push(n);
    start = end + 1;
  }
  // After a table's header (序号 名称 工作任务 …), numbered lines are its rows, for the table readers.
  if (found.length < 2 || norm.lastIndexOf('序号', (found[0] as SpacedNumber).space) >= 0) return norm;
  const keep: number[] = [];
  let kept = false;
  for (let k = 0; k < found.length; k++) {
    const n = found[k] as SpacedNumber;
    // A count starting again at 1 under the next heading, after a count read so.
    kept = found[k + 1]?.value === n.value + 1 || found[k - 1]?.value === n.value - 1 || (kept && n.value === 1);
    if (kept) keep.push(n.space);
  }
  if (keep.length === 0) return norm;
  const codes = new Uint16Array(norm.length);
  for (let i = 0; i < norm.length; i++) codes[i] = norm.charCodeAt(i);
  for (const at of keep) codes[at] = 0x2e;
  return Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf16le');
}

function spacedNumberAt(norm: string, start: number, end: number): SpacedNumber | null {
  let i = start;
  while (i < end && (norm.charCodeAt(i) === 0x20 || norm.charCodeAt(i) === 0x09 || norm.charCodeAt(i) === 0x3000)) i++;
  const d = i;
  while (i < end && i - d < 3 && isDigitCode(norm.charCodeAt(i))) i++;
  if (i === d || i - d > 2 || isDigitCode(norm.charCodeAt(i))) return null;
  const space = i;
  let k = 0;
  while (i < end && k < 2 && (norm.charCodeAt(i) === 0x20 || norm.charCodeAt(i) === 0x3000)) {
    i++;
    k++;
  }
  if (k === 0 || !isCjk(norm.charCodeAt(i))) return null;
  for (let j = i + 1; j + 1 < end; j++) {
    const c = norm.charCodeAt(j);
    if (c === 0x09) return null;
    if (c !== 0x20 && c !== 0x3000) continue;
    // A space before Chinese text (幼儿园(所) 教育局, 增长7%以上. 发改委) sets cells apart; one after a
    // figure or a Latin word (新增 3000 人, as a PDF's text spaces them) does not.
    const next = norm.charCodeAt(j + 1);
    if ((isCjk(next) || isJsSpace(next)) && !isAsciiWordCode(norm.charCodeAt(j - 1))) return null;
  }
  return { value: Number(norm.slice(d, space)), space };
}

/** ?? at a line's start before its text: an indent of ideographic spaces a copy lost to question marks. */
const LOST_INDENT_RE = /(^|\n)[ \t]*\?{2,4}(?=[^?\s])/g;

/**
 * ??為把…落到實處 ⏎ ??一、讓企業辦事更省心: a page copied through a charset without the ideographic
 * space shows every paragraph's indent as question marks, and hides the markers behind them. Where
 * two lines at least open so, the question marks are read as the spaces they were (in the
 * normalised text only: the original keeps them, and offsets hold).
 */
function withoutLostIndents(norm: string): string {
  if (norm.indexOf('??') < 0) return norm;
  LOST_INDENT_RE.lastIndex = 0;
  let count = 0;
  while (count < 2 && LOST_INDENT_RE.exec(norm)) count++;
  if (count < 2) return norm;
  return norm.replace(LOST_INDENT_RE, (m) => m.replace(/\?/g, ' '));
}

export function lineText(src: SourceText, line: Line): string {
  return src.norm.slice(line.trimStart, line.trimEnd);
}

export function isBlank(line: Line): boolean {
  return line.trimStart === line.trimEnd;
}

/** Narrow [s, e) to exclude surrounding whitespace of the normalised text. */
export function trimSpan(norm: string, s: number, e: number): Span {
  while (s < e && isSpace(norm.charCodeAt(s))) s++;
  while (e > s && isSpace(norm.charCodeAt(e - 1))) e--;
  return [s, e];
}

/** Whether c is an ASCII digit or letter. */
function isAsciiWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

/** Whether c is an ASCII digit. */
export function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Whether the code unit `code` stands in [s, e) of `text` (a short range: it is read unit by unit). */
export function holdsCode(text: string, s: number, e: number, code: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

/** Index of the first value at or after `s` in an ascending list (its length when there is none). */
export function firstAtOrAfter(sorted: readonly number[], s: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
}

/** Characters that end a clause in policy text. */
export const CLAUSE_BREAK = new Set(['。', ';', '!', '?', '\n', '\r', '…']);
/** Characters that end a phrase within a clause. */
export const PHRASE_BREAK = new Set(['。', ';', '!', '?', ',', ':', '、', '\n', '\r', '(', ')', '“', '”', '《', '》']);

const DATE_RE = /^([0-9]{4}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;

export { DATE_RE };
