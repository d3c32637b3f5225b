/**
 * Hard-wrapped text: a document copied out of a PDF breaks every line at the page's width, in the
 * middle of sentences and names (…园区党工 ⏎ 委、各街道党工委). When most lines of a document have the
 * same length, a line of that length which ends no sentence continues on the next one, unless the
 * next one starts a numbered item or a label. Such a break is joined in the normalised text only: it
 * becomes WRAP_JOINER there, so that lines, clauses and titles run across it, while the original
 * text (every raw string and span) keeps its line break.
 */
import { markerIn, mayStartMarker } from './markers.js';
import { splitLines, type Line, type SourceText } from './text.js';

/** What a joined line break reads as in the normalised text (WORD JOINER: no space, no break). */
export const WRAP_JOINER = '\u2060';

/** Shortest wrap width considered, and how many full lines a document needs to count as wrapped. */
const MIN_WIDTH = 16;
const MIN_FULL_LINES = 3;
const SAMPLE_LINES = 2000;

/** Characters a line ends a sentence, a heading or a list item with: no wrap after them. */
const ENDS = new Set([...'。;!?:…”》)】'].map((c) => c.charCodeAt(0)));

/** 牵头单位:, 协办单位:, 责任领导: a label starting a line starts a new part. */
const LABEL_START_RE = /^[^\s:,。]{2,8}:/;

/**
 * Join the hard wraps of `src` (see the module's comment). Returns src itself when the text is not
 * hard-wrapped, which is the case of nearly every document.
 */
export function joinWrapped(src: SourceText): SourceText {
  const { norm, lines } = src;
  if (lines.length < MIN_FULL_LINES * 2) return src;
  // The most frequent length of the longer lines is the wrap width.
  const counts = new Map<number, number>();
  let long = 0;
  // The width is read off the first lines: a hard-wrapped document is wrapped throughout.
  for (let i = 0; i < lines.length && i < SAMPLE_LINES; i++) {
    const l = lines[i] as Line;
    const n = l.trimEnd - l.trimStart;
    if (n < MIN_WIDTH || tableLike(norm, l.trimStart, l.trimEnd)) continue;
    long++;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let width = 0;
  let best = 0;
  for (const [n, k] of counts) {
    const around = k + (counts.get(n - 1) ?? 0);
    if (around > best || (around === best && n > width)) {
      best = around;
      width = n;
    }
  }
  if (width < MIN_WIDTH || best < MIN_FULL_LINES || best * 2 < long) return src;
  const joins: number[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (!line || !next || next.trimStart === next.trimEnd) continue;
    const n = line.trimEnd - line.trimStart;
    if (n < width - 2 || n > width + 1) continue;
    if (line.trimEnd !== line.end) continue; // trailing spaces: a line set apart, not wrapped
    if (tableLike(norm, line.trimStart, line.trimEnd) || tableLike(norm, next.trimStart, next.trimEnd)) continue;
    if (ENDS.has(norm.charCodeAt(line.trimEnd - 1))) continue;
    if (next.trimStart !== next.start) continue; // an indented line starts a paragraph
    if (mayStartMarker(norm, next.trimStart, next.trimEnd) && markerIn(norm, next.trimStart, Math.min(next.trimEnd, next.trimStart + 16))) continue;
    if (LABEL_START_RE.test(norm.slice(next.trimStart, Math.min(next.trimEnd, next.trimStart + 10)))) continue;
    joins.push(line.end, next.start);
  }
  if (joins.length === 0) return src;
  let out = '';
  let at = 0;
  for (let k = 0; k < joins.length; k += 2) {
    const a = joins[k] ?? 0;
    const b = joins[k + 1] ?? 0;
    out += norm.slice(at, a) + WRAP_JOINER.repeat(b - a);
    at = b;
  }
  out += norm.slice(at);
  return { original: src.original, norm: out, lines: splitLines(out) };
}

/** A row of a table (cells set apart by tabs, bars or runs of spaces) is never a wrapped line. */
function tableLike(norm: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x09 || c === 0x7c || (c === 0x20 && norm.charCodeAt(i + 1) === 0x20)) return true;
  }
  return false;
}

/** A string sliced from the original text across joined wraps, without their line breaks. */
export function unwrapped(text: string): string {
  return text.indexOf('\n') < 0 ? text : text.replace(/[ \t]*\r?\n[ \t]*/g, '');
}
