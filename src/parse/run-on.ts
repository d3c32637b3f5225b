/**
 * Run-on text: documents copied from web pages often lose their line breaks, so sections,
 * items and sub-items follow each other inside one paragraph (`…负责) (3)加强和完善社会保障…。
 * (省民政厅牵头负责) (4)提升全民健康水平…`). A line is cut before an inline numbering marker when
 * the marker follows the end of a sentence, a bracket or a space and continues a consistent sequence:
 * the line's own marker (2) is followed by (3), then (4); or, in a line that starts with none,
 * an inline (1) is confirmed by a later (2). Cutting only changes line bounds, never the text,
 * so every offset stays valid.
 */
import { MARKER_START, markerAt, type MarkerKind } from './markers.js';
import { isBlank, isSpace, type Line, type SourceText } from './text.js';

/** Lines shorter than this are never cut: a run-on paragraph holds at least two items. */
const MIN_RUN_ON = 24;

/** 。 ; ! ? ) 〕 】 ] — what may precede an inline marker. */
function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 0x3b || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x3015 || c === 0x3011 || c === 0x5d;
}

function cutsOf(src: SourceText, line: Line): number[] {
  const { norm } = src;
  const first = markerAt(norm.slice(line.trimStart, line.trimStart + 16), line.trimStart);
  // Per marker kind: the value that continues its sequence, and an inline 1 awaiting its 2.
  const next = new Map<MarkerKind, number>();
  const pending = new Map<MarkerKind, number>();
  if (first?.value != null) next.set(first.kind, first.value + 1);
  const cuts: number[] = [];
  for (let k = line.trimStart; k < line.trimEnd; k++) {
    // Candidates follow the end of a sentence or a bracket, or a space (一、民生 (1)扩大就业).
    const c = norm.charCodeAt(k);
    if (!endsSentence(c) && !isSpace(c)) continue;
    let i = k + 1;
    while (i < line.trimEnd && isSpace(norm.charCodeAt(i))) i++;
    if (i >= line.trimEnd || !MARKER_START.has(norm.charCodeAt(i))) continue;
    k = i - 1;
    const m = markerAt(norm.slice(i, i + 16), i);
    if (!m || m.value === null || m.kind === 'part') continue;
    const expected = next.get(m.kind);
    const waiting = pending.get(m.kind);
    if (expected !== undefined && m.value === expected) {
      cuts.push(i);
      next.set(m.kind, expected + 1);
    } else if (expected === undefined && waiting !== undefined && m.value === 2) {
      cuts.push(waiting, i);
      next.set(m.kind, 3);
      pending.delete(m.kind);
    } else if (expected === undefined && m.value === 1) {
      pending.set(m.kind, i);
    }
  }
  return cuts.sort((a, b) => a - b);
}

/** The document's lines with run-on paragraphs cut before their inline items, renumbered. */
export function splitRunOn(src: SourceText): Line[] {
  const out: Line[] = [];
  const push = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(src.norm.charCodeAt(s))) s++;
    while (e > s && isSpace(src.norm.charCodeAt(e - 1))) e--;
    out.push({ index: out.length, start, end, trimStart: s, trimEnd: e });
  };
  let changed = false;
  for (const line of src.lines) {
    const cuts = isBlank(line) || line.trimEnd - line.trimStart < MIN_RUN_ON ? [] : cutsOf(src, line);
    if (cuts.length === 0) {
      out.push(changed ? { ...line, index: out.length } : line);
      continue;
    }
    changed = true;
    let start = line.start;
    for (const cut of cuts) {
      push(start, cut);
      start = cut;
    }
    push(start, line.end);
  }
  return out;
}
