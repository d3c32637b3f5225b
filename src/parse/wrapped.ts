/**
 * Hard-wrapped text: a document copied out of a PDF (pdftotext, a PDF viewer) breaks every line at
 * the page's width, in the middle of sentences and names (…园区党工 ⏎ 委、各街道党工委), and carries
 * each page's number (- 3 -) and running header between two of its lines. When the longer lines of a
 * document end within a few characters of one width, mostly in the middle of a sentence, a line of
 * that width continues on the next one, unless the next one starts a numbered item, a label or a
 * table's numbered row, or is indented. Such a break is joined in the normalised text only: it
 * becomes WRAP_JOINER there, so that lines, clauses and titles run across it, while the original
 * text (every raw string and span) keeps its line break. A page's number and header lines between
 * two lines so joined are joined with them; between two paragraphs they are blanked (spaces) in the
 * normalised text.
 *
 * The width is read off the first lines, two ways, and the one that finds more cut lines is used: in
 * characters (a text cut every n characters) and in columns, a Chinese character or full-width sign
 * counting two and an ASCII one one (a PDF's line holds more characters when it holds digits). Lines
 * of one length are not enough (a table's column one cell per line, a list of headings, the longest
 * rows of a long table): the full lines must hold a good share of the text, and the cuts must show
 * as cuts: a paragraph's last line ending a sentence or a bracket after them, a figure or a table's
 * cell cut in two, a comma starting a line, or a long paragraph cut several times in a row.
 */
import { markerIn, mayStartMarker } from './markers.js';
import { CodeSet, codesOf, isCjk, isDigitCode, isSpace, splitLines, WRAP_JOINER, type Line, type SourceText } from './text.js';

export { WRAP_JOINER };

/** Shortest and longest wrap width considered (in characters; columns are twice as many). */
const MIN_WIDTH = 12;
const MAX_WIDTH = 160;
/** How many cut lines (full, ending no sentence, followed by text) a wrapped document needs. */
const MIN_CUT_LINES = 3;
const SAMPLE_LINES = 2000;
/** How many cut lines, at least, go on to a line that ends a sentence or a bracket. */
const MIN_PARAGRAPHS = 2;
/** Or how many lines in a row are cut (or one fewer, with one paragraph). */
const LONG_RUN = 4;
/** Full lines hold at least one part in this many of the text in lines half the width or longer. */
const FULL_SHARE = 4;
/** Longest running header or footer line. */
const HEADER_CHARS = 40;
/** Below the width, how many characters (columns) a full line may fall short; above, exceed it. */
const SHORT_CHARS = 2;
const OVER_CHARS = 1;
const SHORT_COLUMNS = 5;
const OVER_COLUMNS = 2;

/** Characters a line ends a sentence, a heading or a list item with: no wrap after them. */
const ENDS = new Set([...'。;!?:…”》)】'].map((c) => c.charCodeAt(0)));
/**
 * Of them, those a paragraph goes on after: a full line ending a sentence is joined to a next line
 * that is full too or ends a sentence itself (so not to a heading).
 */
const SENTENCE_ENDS = new Set([...'。;!?'].map((c) => c.charCodeAt(0)));

/** 牵头单位:, 协办单位:, 责任领导: a label starting a line starts a new part. */
const LABEL_START_RE = /^[^\s:,。]{2,8}:/;

/**
 * Columns a character of the original takes on a page: two for Chinese and full-width signs, one
 * for an ASCII one, none for a space (pdftotext writes one where a page only leaves a little room
 * between Chinese and Latin letters or digits: 在 2017 年).
 */
function columns(c: number): number {
  if (c === 0x20) return 0;
  return c >= 0x2000 && c !== 0x2060 ? 2 : 1;
}

/** What is known of a line while the width is looked for. */
const enum Kind {
  Blank,
  Text,
  /** A page's number or running header: no part of the text's flow. */
  Aside,
  /** A table's row (cells set apart by tabs, bars or runs of spaces). */
  Row,
}

/**
 * Join the hard wraps of `src` (see the module's comment). Returns src itself when the text is not
 * hard-wrapped, which is the case of nearly every document.
 */
export function joinWrapped(src: SourceText): SourceText {
  const { original, norm, lines } = src;
  const count = Math.min(lines.length, SAMPLE_LINES);
  if (count <= MIN_CUT_LINES) return src;
  const kinds = new Uint8Array(lines.length);
  const chars = new Uint16Array(lines.length);
  const cols = new Uint16Array(lines.length);
  // The width is read off the first lines (a hard-wrapped document is wrapped throughout).
  let pages = classify(src, kinds, chars, cols, 0, count);
  // A copy that ends every line with a space (some PDF viewers do) sets no line apart by it.
  let spaced = 0;
  let filled = 0;
  for (let i = 0; i < count; i++) {
    const l = lines[i] as Line;
    if (kinds[i] === Kind.Blank) continue;
    filled++;
    if (l.trimEnd !== l.end) spaced++;
  }
  const trailing = spaced * 2 > filled;
  if (pages > 0) markHeaders(norm, lines, kinds, count);
  // Lines that may be cut, 1 in a sentence, 2 after one (see SENTENCE_ENDS), and the line each
  // would go on with.
  const open = new Uint8Array(count);
  const nexts = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const j = cutTo(norm, lines, kinds, i, trailing);
    if (j < 0) continue;
    nexts[i] = j;
    open[i] = SENTENCE_ENDS.has(norm.charCodeAt((lines[i] as Line).trimEnd - 1)) ? 2 : 1;
  }
  const byChars = widthOf(chars, open, count, SHORT_CHARS, OVER_CHARS, MIN_WIDTH, MAX_WIDTH);
  const byCols = widthOf(cols, open, count, SHORT_COLUMNS, OVER_COLUMNS, 2 * MIN_WIDTH, 2 * MAX_WIDTH);
  const useCols = byCols.cut > byChars.cut;
  const width = useCols ? byCols.width : byChars.width;
  if (width === 0) return src;
  const measure = useCols ? cols : chars;
  const low = width - (useCols ? SHORT_COLUMNS : SHORT_CHARS);
  const high = width + (useCols ? OVER_COLUMNS : OVER_CHARS);
  // Lines of one length that are no cut paragraph (a column of a table one cell per line, a list of
  // headings) are set apart by this: a wrapped paragraph's last line ends a sentence or a bracket,
  // a break cuts a figure, a cell or falls before a comma, and a long paragraph is cut several times
  // in a row.
  const cells = rowCells(norm, lines, kinds, count);
  let paragraphs = 0;
  let run = 0;
  let longest = 0;
  for (let i = 0; i < count; i++) {
    const n = measure[i] ?? 0;
    if (open[i] !== 1 || n < low || n > high) {
      run = 0;
      continue;
    }
    const j = nexts[i] ?? -1;
    const l = lines[i] as Line;
    const next = lines[j] as Line;
    if (ENDS.has(norm.charCodeAt(next.trimEnd - 1)) || cutInside(norm, l, next) || (kinds[i] === Kind.Row && cellCut(norm, l, next, cells))) paragraphs++;
    run = j === i + 1 && kinds[i] === Kind.Text ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  if (paragraphs < MIN_PARAGRAPHS && longest < LONG_RUN && (paragraphs === 0 || longest < LONG_RUN - 1)) return src;
  if (count < lines.length) {
    pages += classify(src, kinds, chars, cols, count, lines.length);
    if (pages > 0) markHeaders(norm, lines, kinds, lines.length);
  }
  // The edits are written into one copy of the code units (a native copy each way).
  const codes = unitsOf(norm);
  let at = 0;
  let edited = false;
  let joined = false;
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i];
    const l = lines[i] as Line;
    if (kind === Kind.Aside) {
      // A page's number or header between two paragraphs: blank in the normalised text.
      codes.fill(0x20, l.trimStart, l.trimEnd);
      edited = true;
      continue;
    }
    if (kind === Kind.Blank || l.end < at) continue;
    if (useCols && i >= count) cols[i] = columnsOf(original, l);
    const n = measure[i] ?? 0;
    if (n < low || n > high) continue;
    const j = cutTo(norm, lines, kinds, i, trailing);
    const next = lines[j];
    if (!next) continue;
    if (SENTENCE_ENDS.has(norm.charCodeAt(l.trimEnd - 1))) {
      // After a sentence: only when the next line is full or ends a sentence too (not a heading).
      if (useCols && j >= count) cols[j] = columnsOf(original, next);
      const m = measure[j] ?? 0;
      if ((m < low || m > high) && !SENTENCE_ENDS.has(norm.charCodeAt(next.trimEnd - 1))) continue;
    }
    codes.fill(JOINER_CODE, l.trimEnd, next.start);
    edited = true;
    joined = true;
    at = next.start;
    i = j - 1;
  }
  if (!edited) return src;
  const out = textOf(codes);
  const split = splitLines(out);
  // Page furniture blanked between paragraphs and no line joined: no joins to read over.
  return joined ? { original, norm: out, lines: split, joins: { view: null } } : { original, norm: out, lines: split };
}

const JOINER_CODE = WRAP_JOINER.charCodeAt(0);

/** A responsibility bracket's opening words: (牵头单位: · (责任单位: · (县发改局牵头 …. */
const BRACKET_ROLE_RE = /牵头|负责|责任|配合|单位|部门/;
/** Longest line that may close a bracket broken over it (务中心)). */
const BRACKET_TAIL_MAX = 24;
/** …增收。  牵头单位: at a line's end, its names on the next line. */
const LABEL_AT_END_RE = /(?:牵头|责任|配合|主办|协办|参与|主责)(?:单位|部门):$/;

/**
 * A task's responsibility broken over two lines where a page's width fell, read as one line (the
 * break becomes a wrap's join) even in a text too short for joinWrapped to measure a width:
 * - a responsibility bracket left open at a line's end and closed by a short next line that ends
 *   with it: (一)抓好重大项目建设(牵头单位:县发改局;责任单位:县重点项目事 ⏎ 务中心);
 * - a label left at the end of a line holding text before it, its names on the next line:
 *   …带动贫困户3000户增收。 牵头单位: ⏎ 县农业局 配合单位:…;
 * - a label broken inside: …惠及居民3万户。牵头单 ⏎ 位:市住建局;配合单位:….
 * Returns src itself when there is none.
 */
export function joinBrokenDuties(src: SourceText): SourceText {
  const { norm, lines } = src;
  const ranges: [number, number][] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] as Line;
    const next = lines[i + 1] as Line;
    const last = norm.charCodeAt(line.trimEnd - 1);
    if (line.trimEnd <= line.trimStart || last === 0x29 || last === 0x3002 || last === 0x3b) continue;
    if (next.trimEnd <= next.trimStart || next.trimStart !== next.start) continue;
    if (last === 0x3a ? labelLeftOpen(norm, line) : bracketClosedBelow(norm, line, next) || labelBrokenAt(norm, line, next) || figureBrokenAt(norm, line, next) || namesBrokenAt(norm, line, next) || cutBeforeMark(norm, line, next)) ranges.push([line.trimEnd, next.trimStart]);
  }
  return joinedOver(src, ranges);
}

/** A label as it reads once a break inside it is joined: 牵头单 ⏎ 位:, 配合 ⏎ 单位:. */
const LABEL_RE = /(?:牵头|责任|配合|主办|协办|参与|主责)(?:单位|部门):/g;

/** Fewest cells between blank lines a text needs before its adjacent lines are read as wrapped cells. */
const MIN_SPACED_CELLS = 8;
/** How far below the text's longest line a wrapped cell's full line may fall (in characters). */
const CELL_WRAP_SHORT = 2;

/**
 * A table one cell per line whose long cells the page's width wrapped (a text too short, or too
 * uneven, for joinWrapped to measure a width): the cells closed by bars, or set apart by blank lines.
 * Returns src itself when there is none.
 */
export function joinWrappedCells(src: SourceText): SourceText {
  return joinBarCells(src) ?? joinSpacedCells(src);
}

/**
 * 序號 | ⏎ 項目名稱 | ⏎ …: a table one cell per line, each closed by a bar, whose long cells the page's
 * width wrapped: a line the bar does not close goes on on the next. Null where the text's lines are
 * not mostly so closed.
 */
function joinBarCells(src: SourceText): SourceText | null {
  const { norm, lines } = src;
  let filled = 0;
  let closed = 0;
  for (const l of lines) {
    if (l.trimEnd <= l.trimStart) continue;
    filled++;
    if (norm.charCodeAt(l.trimEnd - 1) === 0x7c) closed++;
  }
  if (closed < MIN_SPACED_CELLS || closed * 5 < filled * 4) return null;
  const ranges: [number, number][] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i] as Line;
    const next = lines[i + 1] as Line;
    if (l.trimEnd <= l.trimStart || norm.charCodeAt(l.trimEnd - 1) === 0x7c || ENDS.has(norm.charCodeAt(l.trimEnd - 1))) continue;
    if (next.trimEnd <= next.trimStart || next.trimStart !== next.start || norm.charCodeAt(next.trimStart) === 0x7c) continue;
    ranges.push([l.trimEnd, next.trimStart]);
  }
  return joinedOver(src, ranges);
}

/**
 * Cells set apart by blank lines: in a text whose lines mostly stand between blank lines, a line as
 * long as the longest, followed right away by another, goes on on it (…等8家卫生院建好 ⏎ 并投入使用). Not
 * before a numbered item or a label, nor after a sentence's end.
 */
function joinSpacedCells(src: SourceText): SourceText {
  const { norm, lines } = src;
  let spaced = 0;
  let adjacent = 0;
  let longest = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i] as Line;
    if (l.trimEnd <= l.trimStart) continue;
    longest = Math.max(longest, l.trimEnd - l.trimStart);
    const next = lines[i + 1] as Line;
    if (next.trimEnd > next.trimStart) adjacent++;
    else if ((lines[i + 2]?.trimEnd ?? 0) > (lines[i + 2]?.trimStart ?? 0)) spaced++;
  }
  if (spaced < MIN_SPACED_CELLS || adjacent * 3 > spaced || longest < FIGURE_LINE_MIN) return src;
  const ranges: [number, number][] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const l = lines[i] as Line;
    const next = lines[i + 1] as Line;
    if (l.trimEnd - l.trimStart < longest - CELL_WRAP_SHORT || next.trimEnd <= next.trimStart || next.trimStart !== next.start) continue;
    if (ENDS.has(norm.charCodeAt(l.trimEnd - 1))) continue;
    if (mayStartMarker(norm, next.trimStart, next.trimEnd) && markerIn(norm, next.trimStart, Math.min(next.trimEnd, next.trimStart + 16))) continue;
    if (LABEL_START_RE.test(norm.slice(next.trimStart, Math.min(next.trimEnd, next.trimStart + 10)))) continue;
    ranges.push([l.trimEnd, next.trimStart]);
  }
  return joinedOver(src, ranges);
}

/** Whether a label (牵头单位:) is broken by the line's end, its first characters ending the line and the rest opening the next. */
function labelBrokenAt(norm: string, line: Line, next: Line): boolean {
  const head = norm.slice(Math.max(line.trimStart, line.trimEnd - 4), line.trimEnd);
  const both = head + norm.slice(next.trimStart, Math.min(next.trimEnd, next.trimStart + 5));
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(both); m; m = LABEL_RE.exec(both)) if (m.index < head.length && m.index + m[0].length > head.length) return true;
  return false;
}

/** Shortest line whose end a figure may be broken at (a table's number cells are shorter). */
const FIGURE_LINE_MIN = 24;

/**
 * Whether a figure is broken by the line's end: a long line ending in a digit, the next opening
 * with the rest of the figure (…增长10 ⏎ %。, …停车位5 ⏎ 000个(…)), never a numbered item.
 */
function figureBrokenAt(norm: string, line: Line, next: Line): boolean {
  if (line.trimEnd - line.trimStart < FIGURE_LINE_MIN || !isDigitCode(norm.charCodeAt(line.trimEnd - 1))) return false;
  // (A figure glued to a word or a point: 新辟1, 增长8.5 — not a table's spaced cells, 2 5 1 2 ⏎ 10.)
  let d = line.trimEnd - 1;
  while (d > line.trimStart && isDigitCode(norm.charCodeAt(d - 1))) d--;
  if (!(isCjk(norm.charCodeAt(d - 1)) || norm.charCodeAt(d - 1) === 0x2e)) return false;
  const c = norm.charCodeAt(next.trimStart);
  if (c === 0x25 || c === 0x2030) return true; // % ‰
  // …营业收入5000 ⏎ 万元以上企业: the figure's measure word opens the next line.
  if (MEASURE_FIRST_CHARS.has(c) && MEASURE_OPENING_RE.test(norm.slice(next.trimStart, Math.min(next.trimEnd, next.trimStart + 4)))) return true;
  if (!isDigitCode(c)) return false;
  return !(mayStartMarker(norm, next.trimStart, next.trimEnd) && markerIn(norm, next.trimStart, Math.min(next.trimEnd, next.trimStart + 16)));
}

/** The measure words a figure broken at a line's end may leave to the next line: 万元, 亿元, 平方米, 个…. */
const MEASURE_OPENING_RE = /^(?:万|亿|元|平方|公里|千米|米|亩|吨|个|家|户|人次|人|名|所|座|套|项|条|处|辆|台|张|床|万?千瓦)/;
const MEASURE_FIRST_CHARS = new CodeSet(codesOf('万亿元平公千米亩吨个家户人名所座套项条处辆台张床'));

/** , 、 ; : 。 ) % ‰ — what no line of a text starts with: a line starting with one was cut before it. */
const NEVER_OPENS = new Set([0x2c, 0x3001, 0x3b, 0x3a, 0x3002, 0x29, 0x25, 0x2030]);

/** Whether a long line goes on on a next line that starts with a mark no line starts with: (2 ⏎ )城乡…, 县财 ⏎ ,市统计局. */
function cutBeforeMark(norm: string, line: Line, next: Line): boolean {
  return line.trimEnd - line.trimStart >= FIGURE_LINE_MIN && NEVER_OPENS.has(norm.charCodeAt(next.trimStart));
}

/** Longest line that may end a name a label's list left broken (革委 of 责任单位:市发展改 ⏎ 革委). */
const NAME_TAIL_MAX = 12;
/** A label and the names after it running to the line's end: 责任单位:市林业局、市发展改. */
const NAMES_AT_END_RE = /(?:牵头|责任|配合|主办|协办|参与|主责)(?:单位|部门):[^:。;()]{1,40}$/;

/**
 * Whether a label's list of names is broken by the line's end in a long line, the short next line
 * holding only the rest of the last name: …降低0.5个百分点以上。责任单位:市发展改 ⏎ 革委.
 */
function namesBrokenAt(norm: string, line: Line, next: Line): boolean {
  if (line.trimEnd - line.trimStart < FIGURE_LINE_MIN || next.trimEnd - next.trimStart > NAME_TAIL_MAX) return false;
  if (!isCjk(norm.charCodeAt(line.trimEnd - 1)) || !NAME_TAIL_RE.test(norm.slice(next.trimStart, next.trimEnd))) return false;
  return NAMES_AT_END_RE.test(norm.slice(Math.max(line.trimStart, line.trimEnd - 48), line.trimEnd));
}

/** The rest of a name alone on a line: Chinese characters only, maybe a closing 。. */
const NAME_TAIL_RE = /^[\u4e00-\u9fff]{1,10}。?$/;

/** Whether the line ends with a label (牵头单位:) after text of its own. */
function labelLeftOpen(norm: string, line: Line): boolean {
  const from = Math.max(line.trimStart, line.trimEnd - 8);
  const m = LABEL_AT_END_RE.exec(norm.slice(from, line.trimEnd));
  return m !== null && from + m.index - line.trimStart >= 4;
}

/** Whether a responsibility bracket left open at the line's end is closed by the short next line, which ends with it. */
function bracketClosedBelow(norm: string, line: Line, next: Line): boolean {
  if (next.trimEnd - next.trimStart > BRACKET_TAIL_MAX) return false;
  let e = next.trimEnd;
  while (e > next.trimStart && (norm.charCodeAt(e - 1) === 0x3002 || norm.charCodeAt(e - 1) === 0x3b)) e--;
  if (norm.charCodeAt(e - 1) !== 0x29 || !closesAtEnd(norm, next.trimStart, e)) return false;
  const open = openBracketAt(norm, line.trimStart, line.trimEnd);
  // (由市人 ⏎ 力资源和社会保障局牵头,会同…): the role words may stand on the next line.
  return open >= 0 && (BRACKET_ROLE_RE.test(norm.slice(open + 1, Math.min(line.trimEnd, open + 12))) || (line.trimEnd - open <= BRACKET_HEAD_MAX && BRACKET_ROLE_RE.test(norm.slice(next.trimStart, e))));
}

/** Longest opening of a bracket (its words before the line's end) whose role words may all stand on the next line. */
const BRACKET_HEAD_MAX = 12;

/** Whether the ) ending [s, e) closes a bracket opened before s, the brackets inside being paired (…市财 ⏎ 政局、各县(市)区政府推进)). */
function closesAtEnd(norm: string, s: number, e: number): boolean {
  let depth = 0;
  for (let k = s; k < e - 1; k++) {
    const c = norm.charCodeAt(k);
    if (c === 0x28) depth++;
    else if (c === 0x29 && --depth < 0) return false;
  }
  return depth === 0;
}

/** Offset of the ( left open at the end of [s, e), or -1. */
export function openBracketAt(norm: string, s: number, e: number): number {
  let depth = 0;
  for (let k = e - 1; k >= s; k--) {
    const c = norm.charCodeAt(k);
    if (c === 0x29) depth++;
    else if (c === 0x28) {
      if (depth === 0) return k;
      depth--;
    }
  }
  return -1;
}

/**
 * src with each range [a, b) of `ranges` (in order, not overlapping) read as WRAP_JOINER in the
 * normalised text: a break, and what stands beside it, joined over as a wrap is.
 */
export function joinedOver(src: SourceText, ranges: readonly (readonly [number, number])[]): SourceText {
  if (ranges.length === 0) return src;
  const codes = unitsOf(src.norm);
  for (const [a, b] of ranges) codes.fill(JOINER_CODE, a, b);
  const out = textOf(codes);
  return { original: src.original, norm: out, lines: splitLines(out), joins: { view: null } };
}

/** The code units of s, in a copy that may be written. */
function unitsOf(s: string): Uint16Array {
  const bytes = Buffer.from(s, 'utf16le');
  if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, s.length);
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return codes;
}

/** The string of code units `codes`. */
function textOf(codes: Uint16Array): string {
  return Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).toString('utf16le');
}

/**
 * Sort lines [from, to) into kinds, with their lengths in characters and columns; returns how many
 * of them are a page's number or start a page (form feed).
 */
function classify(src: SourceText, kinds: Uint8Array, chars: Uint16Array, cols: Uint16Array, from: number, to: number): number {
  const { norm, lines, original } = src;
  let pages = 0;
  for (let i = from; i < to; i++) {
    const l = lines[i] as Line;
    if (l.trimStart === l.trimEnd) continue;
    if (pageNumber(norm, l.trimStart, l.trimEnd)) {
      kinds[i] = Kind.Aside;
      pages++;
      continue;
    }
    if (norm.charCodeAt(l.start) === 0x0c) pages++;
    const n = l.trimEnd - l.trimStart;
    chars[i] = Math.min(n, MAX_WIDTH + 8);
    // Past the sample, a line's columns are counted only when the columns are the measure.
    if (i < SAMPLE_LINES) cols[i] = columnsOf(original, l);
    // Past the sample, rows and text are joined alike: rows are told apart on the first lines only.
    kinds[i] = i < SAMPLE_LINES && n >= MIN_WIDTH - SHORT_CHARS && tableLike(norm, l.trimStart, l.trimEnd) ? Kind.Row : Kind.Text;
  }
  return pages;
}

/**
 * The line that line i goes on with if it is cut (see continuation), or -1: a line set apart by
 * trailing spaces, or ending a heading, a bracket or a list item, is not cut.
 */
function cutTo(norm: string, lines: Line[], kinds: Uint8Array, i: number, trailing: boolean): number {
  if (kinds[i] !== Kind.Text && kinds[i] !== Kind.Row) return -1;
  const l = lines[i] as Line;
  if (l.trimEnd !== l.end && !trailing) return -1; // trailing spaces: a line set apart, not wrapped
  const last = norm.charCodeAt(l.trimEnd - 1);
  if (ENDS.has(last) && !SENTENCE_ENDS.has(last)) {
    // …市发展改革委(牵头) ⏎ ,市统计局: a line no text starts with (a comma, a 、) goes on after a bracket too.
    const j = continuation(norm, lines, kinds, i);
    return j >= 0 && NEVER_OPENS.has(norm.charCodeAt((lines[j] as Line).trimStart)) ? j : -1;
  }
  return continuation(norm, lines, kinds, i);
}


/** Columns of a line on the page, counted up to a little more than the widest width considered. */
function columnsOf(original: string, l: Line): number {
  const cap = 2 * MAX_WIDTH + 16;
  let w = 0;
  for (let k = l.trimStart; k < l.trimEnd && w <= cap; k++) w += columns(original.charCodeAt(k));
  return Math.min(w, cap);
}

/**
 * The line that line i continues on when it is cut: the next line, or the first text line after a
 * page's number and header (blank lines between them); -1 when the next text line cannot continue
 * it (a blank line alone between them, an indented line, a numbered item, a label).
 */
function continuation(norm: string, lines: Line[], kinds: Uint8Array, i: number): number {
  let j = i + 1;
  let aside = false;
  while (j < lines.length && j <= i + 8) {
    const kind = kinds[j];
    if (kind === Kind.Text || kind === Kind.Row) break;
    if (kind === Kind.Aside) aside = true;
    j++;
  }
  const next = lines[j];
  if (!next || (kinds[j] !== Kind.Text && kinds[j] !== Kind.Row)) return -1;
  if (j > i + 1 && !aside) return -1; // a blank line: a new paragraph
  // An indented line starts a paragraph (a page's first line may start with the form feed).
  if (next.trimStart !== next.start && !onlyFormFeed(norm, next.start, next.trimStart)) return -1;
  if (mayStartMarker(norm, next.trimStart, next.trimEnd) && markerIn(norm, next.trimStart, Math.min(next.trimEnd, next.trimStart + 16))) return -1;
  if (rowStart(norm, next.trimStart, next.trimEnd)) return -1;
  if (LABEL_START_RE.test(norm.slice(next.trimStart, Math.min(next.trimEnd, next.trimStart + 10))) && !labelCut(norm, lines[i] as Line)) return -1;
  return j;
}

/** No line starts with these but one cut before them. */
const NO_START = new Set([...',、。;:)%'].map((c) => c.charCodeAt(0)));

/** Whether the break between two lines cuts a figure (12 ⏎ 0) or falls before a closing sign (⏎、). */
function cutInside(norm: string, l: Line, next: Line): boolean {
  const a = norm.charCodeAt(l.trimEnd - 1);
  const b = norm.charCodeAt(next.trimStart);
  return NO_START.has(b) || (isDigit(a) && isDigit(b));
}

/**
 * Whether a row is cut in a cell: it ends in no separator, and the next line goes on with the rest
 * of its cells (both hold fewer than the table's fullest row).
 */
function cellCut(norm: string, l: Line, next: Line, cells: number): boolean {
  if (norm.charCodeAt(l.trimEnd - 1) === 0x7c || norm.charCodeAt(next.trimStart) === 0x7c) return false;
  const rest = separators(norm, next.trimStart, next.trimEnd);
  return rest > 0 && rest < cells && separators(norm, l.trimStart, l.trimEnd) < cells;
}

/** The most separators a row of the first lines holds. */
function rowCells(norm: string, lines: Line[], kinds: Uint8Array, count: number): number {
  let most = 0;
  for (let i = 0; i < count; i++) {
    if (kinds[i] !== Kind.Row) continue;
    const l = lines[i] as Line;
    const k = separators(norm, l.trimStart, l.trimEnd);
    if (k > most) most = k;
  }
  return most;
}

/** How many cell separators [s, e) holds: a tab, a bar, or a run of two spaces or more each. */
function separators(norm: string, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x09 || c === 0x7c) n++;
    else if (c === 0x20 && norm.charCodeAt(i + 1) === 0x20) {
      n++;
      while (i + 1 < e && norm.charCodeAt(i + 1) === 0x20) i++;
    }
  }
  return n;
}

/**
 * Whether a line ends in the first characters of a label that the next line ends (…(牵头 ⏎ 部门:,
 * …市商务局  责 ⏎ 任单位:): one to three Chinese characters after a bracket, a space or a sign.
 */
function labelCut(norm: string, l: Line): boolean {
  let k = l.trimEnd;
  while (k > l.trimStart && l.trimEnd - k < 4 && isCjk(norm.charCodeAt(k - 1))) k--;
  const tail = l.trimEnd - k;
  return tail >= 1 && tail <= 3 && k > l.trimStart && !isCjk(norm.charCodeAt(k - 1));
}

/** 2 | …, 2⇥…, 2  …: a table's row starting with its number. */
function rowStart(norm: string, s: number, e: number): boolean {
  let k = s;
  while (k < e && k < s + 4 && isDigit(norm.charCodeAt(k))) k++;
  if (k === s || k >= e) return false;
  const c = norm.charCodeAt(k);
  if (c === 0x09 || c === 0x7c) return true;
  while (k < e && norm.charCodeAt(k) === 0x20) k++;
  return norm.charCodeAt(k) === 0x7c || (c === 0x20 && norm.charCodeAt(k - 1) === 0x20 && norm.charCodeAt(k - 2) === 0x20);
}

function onlyFormFeed(norm: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (norm.charCodeAt(k) !== 0x0c) return false;
  return true;
}

/**
 * The wrap width by one measure: the largest width w such that lines measuring w, or a little
 * less, are cut (open) at least MIN_CUT_LINES times and make most of the lines that long, and
 * hardly any line is longer. `cut` is how many open lines it makes full; 0 and 0 when none.
 */
function widthOf(measure: Uint16Array, open: Uint8Array, count: number, short: number, over: number, min: number, max: number): { width: number; cut: number } {
  const size = max + over + short + 2;
  const all = new Int32Array(size + 1);
  const cut = new Int32Array(size + 1);
  let longer = 0;
  for (let i = 0; i < count; i++) {
    const n = measure[i] ?? 0;
    if (n === 0) continue;
    if (n >= size) {
      longer++;
      continue;
    }
    all[n] = (all[n] ?? 0) + 1;
    if (open[i] === 1) cut[n] = (cut[n] ?? 0) + 1;
  }
  // How much text the lines measuring n or more hold.
  const atLeast = new Float64Array(size + 1);
  atLeast[size] = longer * size;
  for (let n = size - 1; n >= 0; n--) atLeast[n] = (atLeast[n + 1] ?? 0) + n * (all[n] ?? 0);
  // Sums from the top: how many lines measure more than w + over.
  let above = longer;
  for (let n = size - 1; n > max + over; n--) above += all[n] ?? 0;
  let best = { width: 0, cut: 0 };
  for (let w = max; w >= min; w--) {
    above += all[w + over + 1] ?? 0;
    let full = 0;
    let cuts = 0;
    let held = 0;
    for (let n = w - short; n <= w + over; n++) {
      full += all[n] ?? 0;
      cuts += cut[n] ?? 0;
      held += n * (all[n] ?? 0);
    }
    // Longer lines than the width: a few (a line a PDF set in a smaller font, a title) at most.
    if (above * 8 > full) continue;
    if (cuts < MIN_CUT_LINES || cuts * 2 < full) continue;
    // Full lines hold a good share of the text in lines half as long or longer: not the few longest
    // rows of a long table, nor the longest of many headings.
    if (held * FULL_SHARE < (atLeast[w >> 1] ?? 0)) continue;
    if (cuts > best.cut) best = { width: w, cut: cuts };
  }
  return best;
}

/**
 * A page's running header or footer: a line next to a page's number (blank lines between) that
 * is written the same on another page, or the first line after a form feed.
 */
function markHeaders(norm: string, lines: Line[], kinds: Uint8Array, to: number): void {
  const seen = new Map<string, number>();
  const near: number[] = [];
  const candidate = (j: number): void => {
    const m = lines[j];
    if (!m || m.trimEnd - m.trimStart > HEADER_CHARS) return;
    // A line marked on the first lines is counted again when the rest are read.
    if (kinds[j] !== Kind.Text && (kinds[j] !== Kind.Aside || pageNumber(norm, m.trimStart, m.trimEnd))) return;
    const key = norm.slice(m.trimStart, m.trimEnd);
    seen.set(key, (seen.get(key) ?? 0) + 1);
    near.push(j);
  };
  let first = 0;
  while (first < to && kinds[first] === Kind.Blank) first++;
  candidate(first);
  for (let i = 0; i < to; i++) {
    const l = lines[i] as Line;
    if (norm.charCodeAt(l.start) === 0x0c) candidate(i);
    if (kinds[i] !== Kind.Aside || !pageNumber(norm, l.trimStart, l.trimEnd)) continue;
    for (let step = -1; step <= 1; step += 2) {
      let j = i + step;
      while (j >= 0 && j < to && kinds[j] === Kind.Blank) j += step;
      if (j >= 0 && j < to && (j < i || norm.charCodeAt((lines[j] as Line).start) !== 0x0c)) candidate(j);
    }
  }
  for (const j of near) {
    const m = lines[j] as Line;
    if ((seen.get(norm.slice(m.trimStart, m.trimEnd)) ?? 0) >= 2) kinds[j] = Kind.Aside;
  }
}

/** - 3 -, —3—, 第3页, 第 3 页 共 12 页, 3/12: a page's number on a line of its own. */
function pageNumber(norm: string, s: number, e: number): boolean {
  if (e - s > 16) return false;
  let k = s;
  while (k < e && (isSpace(norm.charCodeAt(k)) || isDash(norm.charCodeAt(k)))) k++;
  const dashed = k > s;
  const di = k;
  while (k < e && isDigit(norm.charCodeAt(k))) k++;
  if (k > di && k - di <= 4) {
    let t = k;
    while (t < e && (isSpace(norm.charCodeAt(t)) || isDash(norm.charCodeAt(t)))) t++;
    if (t === e && dashed && t > k) return true; // - 3 -
    if (norm.charCodeAt(k) === 0x2f) {
      // 3/12
      t = k + 1;
      while (t < e && isDigit(norm.charCodeAt(t))) t++;
      return t === e && t > k + 1;
    }
    return false;
  }
  // 第 3 页 (共 12 页)
  if (norm.charCodeAt(k) !== 0x7b2c) return false;
  k++;
  while (k < e && norm.charCodeAt(k) === 0x20) k++;
  const d0 = k;
  while (k < e && isDigit(norm.charCodeAt(k))) k++;
  if (k === d0) return false;
  while (k < e && norm.charCodeAt(k) === 0x20) k++;
  if (norm.charCodeAt(k) !== 0x9875) return false;
  k++;
  while (k < e && (isSpace(norm.charCodeAt(k)) || norm.charCodeAt(k) === 0x2c)) k++;
  if (k === e) return true;
  if (norm.charCodeAt(k) !== 0x5171) return false;
  k++;
  while (k < e && norm.charCodeAt(k) === 0x20) k++;
  const d1 = k;
  while (k < e && isDigit(norm.charCodeAt(k))) k++;
  while (k < e && norm.charCodeAt(k) === 0x20) k++;
  return k > d1 && norm.charCodeAt(k) === 0x9875 && k + 1 === e;
}

function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2014 || c === 0x2013 || c === 0x2500;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A row of a table (cells set apart by tabs, bars or runs of spaces) is never a wrapped line. */
function tableLike(norm: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x09 || c === 0x7c || (c === 0x20 && norm.charCodeAt(i + 1) === 0x20)) return true;
  }
  return false;
}

/**
 * A string sliced from the original text across joined wraps, without their line breaks, nor the
 * page's number and running header (the line after a form feed) a page break left between them.
 */
export function unwrapped(text: string): string {
  if (text.indexOf('\n') < 0) return text;
  if (text.indexOf('\f') < 0 && !/\n[ \t]*[-—–]/.test(text)) return text.replace(/[ \t]*\r?\n[ \t]*/g, '');
  let out = '';
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (line.indexOf('\f') >= 0 || pageNumber(t, 0, t.length)) continue;
    out += t;
  }
  return out;
}
