/**
 * Division tables laid out with spaces whose long cells wrap over lines: what a PDF converter that
 * keeps the page's layout gives (pdftotext -layout), or a table pasted from a fixed-width view.
 * The columns are aligned by runs of spaces, and a long cell goes on on the lines below it, in its
 * own column, the other columns blank there:
 *
 *      序号   工作任务                         牵头单位           配合单位              完成时限
 *       1     新开工改造城镇老旧小区1200个，   市住房城乡建设局   市发展改革委、市财    2024年底前
 *             同步推进加装电梯                                    政局
 *
 * Read line by line, 市财 and 政局 would be two names and 同步推进… a line of its own. Here such a
 * table is found by its header (three or more known column names, two or more spaces apart; a
 * name may be broken over two header lines: 牵头 ⏎ 单位), each line after it is cut into fragments
 * at runs of two or more spaces, each fragment goes to the column it stands under, a row starts
 * where the number column holds a number (or, with no number column, after a blank line or where
 * all columns but one start afresh), and each column's fragments are joined across the row's lines
 * (Chinese with nothing between, 市财 + 政局 = 市财政局; a space only between two ASCII words).
 * A group line (一、稳增长 alone) stays a line of its own between the rows; a page's number line
 * (— 3 —) and the header repeated on a new page are left out; the table ends where ordinary
 * paragraphs resume.
 *
 * Columns are told apart in one of two measures, whichever the rows line up with: display width (a
 * Chinese or full-width character two columns, an ASCII one one), or characters (each one column,
 * as pdftotext often counts). In the measure, the blank strips that run down every row line set the
 * columns' bounds when each header cell stands over its own strip-bounded column (a header centred
 * over its column is read right); otherwise each column runs from where its header cell starts.
 *
 * The table is handed to the ordinary table readers as tab-separated lines (as html-text.ts gives
 * an .html table): the text is rewritten with the table's rows one line each, parsed, and every span
 * of the result is mapped back to the original text (fromLayout). A fact within one fragment keeps
 * its exact span, so `original.slice(span[0], span[1]) === raw`. A fact joined from fragments on two
 * or more lines (a unit 市财 ⏎ 政局, a title) has the joined characters as its raw (市财政局), and
 * its span runs from the original offset of its first character to just past its last: it covers
 * the text between them as well (the rest of the first line, the line break, the other columns'
 * text on the next line), so there `original.slice(span) !== raw`.
 *
 * Only a text holding a header word followed by two spaces is looked at (one regular-expression scan
 * of the text); a table with no wrapped cell and a one-line header is left to the table readers as
 * it is.
 */
import type { ParsedPlan } from '../model/plan.js';
import type { Span } from '../model/span.js';
import { mappedPlan } from '../model/plan-spans.js';
import { columnKind, headerName, isUnitKind, OTHER_HEADER } from './table.js';
import { normalise } from './text.js';

/** A header word followed by a gap: the only places a layout table's header is looked for. */
const HINT_RE = /(?:序号|序號|编号|編號|任务|任務|单位|單位|部门|部門|时限|時限|时间|時間|事项|事項|内容|內容)[ \u3000\u00a0]{2,}/g;
/** Longest header cell, in characters. */
const MAX_HEADER_CHARS = 14;
/** Lines read after a header at most. */
const MAX_TABLE_LINES = 5000;
/** Lines read first after a header (most tables end sooner; a longer one that wraps is read again whole). */
const FIRST_LINES = 400;
/** Rows read without a wrapped one before a table is left to the table readers. */
const MAX_UNWRAPPED_ROWS = 100;
/** How far (in columns) a fragment may start before its column's start. */
const SLACK = 2;

/** A run of text on a line between gaps: offsets in the text, start and end in both measures. */
interface Fragment {
  s: number;
  e: number;
  /** [start, end) in display columns and in characters, from the line's start. */
  d: [number, number];
  c: [number, number];
}

interface RawLine {
  start: number;
  end: number;
  frags: Fragment[];
}

/** The text with its layout tables rewritten as tab-separated lines, and where each of its offsets was in the original. */
export interface LaidOut {
  text: string;
  /** Original offset of each offset of `text` (-1 for an inserted tab, line break or space), plus one entry for its end. */
  map: Int32Array;
  /**
   * The rewritten parts of `text`, in order: part k is [from[k], to[k]). Outside them the text is the
   * original's, shifted by the change in length of the parts before (an offset after part k is
   * `shift[k]` less than the original's).
   */
  from: number[];
  to: number[];
  shift: number[];
}

/** A layout table found: its lines [from, to) of the original, its header and its rows and group lines. */
interface Found {
  from: number;
  to: number;
  header: Header;
  pieces: Piece[];
}

const isGap = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0xa0;

/** Display width of one UTF-16 code unit (a surrogate pair's second half is 0). */
function wide(c: number): number {
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  if (c >= 0xd800 && c <= 0xdbff) return 2;
  return c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) ? 2 : 1;
}

/** The line [start, end) cut at runs of two or more spaces (or one ideographic space). */
function fragmentsOf(text: string, start: number, end: number): Fragment[] {
  const out: Fragment[] = [];
  let d = 0;
  let c = 0;
  let i = start;
  while (i < end && text.charCodeAt(i) === 0x0c) i++;
  let cur: Fragment | null = null;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isGap(code)) {
      let j = i;
      let dw = 0;
      let cw = 0;
      while (j < end && isGap(text.charCodeAt(j))) {
        dw += wide(text.charCodeAt(j));
        cw++;
        j++;
      }
      if (cur && (j - i >= 2 || text.charCodeAt(i) === 0x3000 || j === end)) {
        out.push(cur);
        cur = null;
      }
      d += dw;
      c += cw;
      i = j;
      continue;
    }
    if (!cur) cur = { s: i, e: i, d: [d, d], c: [c, c] };
    d += wide(code);
    if (code < 0xdc00 || code > 0xdfff) c++;
    i++;
    cur.e = i;
    cur.d[1] = d;
    cur.c[1] = c;
  }
  if (cur) out.push(cur);
  return out;
}

/** Whether a header name is one the table readers know. */
const knownName = (name: string): boolean => {
  const n = normalise(name);
  return columnKind(n) !== 'other' || OTHER_HEADER.test(headerName(n));
};

type Measure = 'd' | 'c';

/** The column (index into starts) a fragment starting at `at` stands under. */
function columnAt(starts: readonly number[], at: number): number {
  let k = 0;
  while (k + 1 < starts.length && at >= (starts[k + 1] as number) - SLACK) k++;
  return k;
}

/** A row's number: 1, 12, 1., 1、, 一. */
const NUMBER_RE = /^(?:[0-9]{1,4}|[一二三四五六七八九十]{1,3})[.、．]?$/;
/** 1 新开工…: a number and the task one space apart, in one fragment. */
const NUMBER_LEAD_RE = /^([0-9]{1,4}[.、．]?) (?=\S)/;
/** 一、稳增长, (二)民生: a group line heading the rows below it. */
const GROUP_RE = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])\s*\S.{0,30}$/;
/** — 3 —, - 12 -, 第3页, 3/10: a page's number line. */
const FOOTER_RE = /^(?:[-—–－─―~～]+\s*[0-9]{1,4}\s*[-—–－─―~～]+|第\s*[0-9]{1,4}\s*页(?:\s*[,，]?\s*共\s*[0-9]{1,4}\s*页)?|[0-9]{1,4}\s*\/\s*[0-9]{1,4})$/;

/** The header found at a line: its cells' names and spans, the lines it takes, its cells' starts and ends in both measures. */
interface Header {
  names: string[];
  /** Each name's pieces (one per header line), as offsets in the text. */
  pieces: Span[][];
  lines: number;
  d: [number, number][];
  c: [number, number][];
}

/** A header at `line` (and maybe the line after it), or null. */
function headerAt(text: string, lines: RawLine[], at: number): Header | null {
  const line = lines[at] as RawLine;
  const frags = line.frags;
  if (frags.length < 3 || frags.length > 12 || frags.some((f) => f.e - f.s > MAX_HEADER_CHARS) || text.slice(line.start, line.end).includes('\t')) return null;
  const names = frags.map((f) => text.slice(f.s, f.e));
  const score = (ns: string[]): number => ns.filter(knownName).length;
  const one = score(names);
  let best: Header = { names, pieces: frags.map((f) => [[f.s, f.e]]), lines: 1, d: frags.map((f) => [...f.d]), c: frags.map((f) => [...f.c]) };
  let bestScore = one;
  // 牵头 ⏎ 单位: a header's names broken over two lines, the second's pieces under the first's.
  const next = lines[at + 1];
  if (next && next.frags.length > 0 && next.frags.length <= frags.length && next.frags.every((f) => f.e - f.s <= 8 && !NUMBER_RE.test(text.slice(f.s, f.e)))) {
    for (const m of ['d', 'c'] as Measure[]) {
      const merged = names.slice();
      const pieces = frags.map((f): Span[] => [[f.s, f.e]]);
      const d = frags.map((f) => [...f.d] as [number, number]);
      const c = frags.map((f) => [...f.c] as [number, number]);
      let ok = true;
      for (const f of next.frags) {
        // Under the first line's cell it overlaps most, or the nearest one.
        let k = -1;
        let bestOverlap = 0;
        frags.forEach((h, j) => {
          const overlap = Math.min(h[m][1], f[m][1]) - Math.max(h[m][0], f[m][0]);
          if (overlap > bestOverlap) {
            bestOverlap = overlap;
            k = j;
          }
        });
        if (k < 0) k = columnAt(frags.map((h) => h[m][0]), f[m][0]);
        if ((pieces[k]?.length ?? 0) > 1) ok = false;
        merged[k] += text.slice(f.s, f.e);
        pieces[k]?.push([f.s, f.e]);
        for (const [spans, x] of [[d, f.d], [c, f.c]] as const) {
          const sp = spans[k] as [number, number];
          sp[0] = Math.min(sp[0], x[0]);
          sp[1] = Math.max(sp[1], x[1]);
        }
      }
      const s = score(merged);
      if (ok && s > bestScore) {
        bestScore = s;
        best = { names: merged, pieces, lines: 2, d, c };
      }
    }
  }
  if (bestScore < 3 || (best.names.length - bestScore) * 3 > best.names.length) return null;
  const kinds = best.names.map((n) => columnKind(normalise(n)));
  if (!kinds.some(isUnitKind) && !kinds.includes('deadline')) return null;
  if (!kinds.some((k) => k === 'task' || k === 'target')) return null;
  return best;
}

/** Column starts in a measure: from the blank strips down the rows when they fit the header, else the header cells' starts. */
function columnStarts(header: Header, rows: RawLine[], m: Measure): { starts: number[]; fit: number } {
  const cells = header[m];
  const headerStarts = cells.map(([a]) => a);
  let width = 0;
  for (const l of rows) for (const f of l.frags) width = Math.max(width, f[m][1]);
  for (const [, b] of cells) width = Math.max(width, b);
  const used = new Uint8Array(width + 1);
  for (const l of rows) for (const f of l.frags) used.fill(1, f[m][0], f[m][1]);
  // Segments between blank strips.
  const segs: [number, number][] = [];
  for (let x = 0; x < width; ) {
    while (x < width && !used[x]) x++;
    const a = x;
    while (x < width && used[x]) x++;
    if (x > a) segs.push([a, x]);
  }
  // Each header cell over the segment its middle stands in (or the nearest).
  const of = cells.map(([a, b]) => {
    const mid = (a + b) / 2;
    let best = -1;
    let dist = Infinity;
    segs.forEach(([s, e], k) => {
      const d = mid < s ? s - mid : mid >= e ? mid - e + 1 : 0;
      if (d < dist) {
        dist = d;
        best = k;
      }
    });
    return best;
  });
  const distinct = of.every((k, j) => k >= 0 && (j === 0 || k > (of[j - 1] as number)));
  // How many fragments of the rows start where a column starts (the measure the rows line up in).
  const fitOf = (starts: number[]): number => {
    let n = 0;
    for (const l of rows) for (const f of l.frags) if (starts.some((s) => Math.abs(s - f[m][0]) <= SLACK)) n++;
    return n;
  };
  if (distinct && segs.length >= cells.length) {
    const starts = of.map((k, j) => (j === 0 ? 0 : (segs[k] as [number, number])[0]));
    return { starts, fit: fitOf(starts) + rows.length };
  }
  return { starts: headerStarts, fit: fitOf(headerStarts) };
}

/** Whether a single-fragment line runs across the columns: a paragraph, not a cell. */
function crosses(f: Fragment, starts: number[], m: Measure): boolean {
  const k = columnAt(starts, f[m][0]);
  const next = starts[k + 1];
  return next !== undefined && f[m][1] > next + 4;
}

/**
 * The text with each layout table that wraps cells (or breaks its header over two lines) rewritten
 * as tab-separated lines, or null when it has none. The tables are found in one pass over the text,
 * each after the one before, and rewritten together (a text of a thousand small tables costs what
 * one of its size does).
 */
export function layoutTable(text: string): LaidOut | null {
  const found: Found[] = [];
  HINT_RE.lastIndex = 0;
  /** Where the lines looked at so far end: a hint inside a table already read is passed over. */
  const scanned = { to: -1 };
  for (let m = HINT_RE.exec(text); m; m = HINT_RE.exec(text)) {
    if (m.index <= scanned.to) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    let lineEnd = text.indexOf('\n', m.index);
    if (lineEnd < 0) lineEnd = text.length;
    scanned.to = lineEnd;
    if (!mayHead(text, lineStart, lineEnd)) continue;
    const table = tableFrom(text, lineStart, scanned);
    if (!table) continue;
    found.push(table);
    // The next table is looked for after this one's last line.
    scanned.to = Math.max(scanned.to, table.to);
    HINT_RE.lastIndex = Math.max(HINT_RE.lastIndex, table.to);
  }
  return found.length > 0 ? rewrite(text, found) : null;
}

/** Column words a header line holds two of (or more): checked before a line is cut into cells. */
const HEADER_WORD_RE = /序号|序號|编号|編號|任务|任務|单位|單位|部门|部門|时限|時限|时间|時間|事项|事項|内容|內容|领导|領導|责任人|責任人|备注|備註|措施|目标|目標/g;

/** Whether a line may be a header: it opens with no figure (a row's number) and names two column words. */
function mayHead(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (isGap(text.charCodeAt(i)) || text.charCodeAt(i) === 0x0c)) i++;
  const c = text.charCodeAt(i);
  if ((c >= 0x30 && c <= 0x39) || end - i > 200) return false;
  HEADER_WORD_RE.lastIndex = i;
  let n = 0;
  for (let m = HEADER_WORD_RE.exec(text); m && m.index < end; m = HEADER_WORD_RE.exec(text)) if (++n >= 2) return true;
  return false;
}

/** Lines from `start` on, cut into fragments: at most `limit`, and none from the first that `ends` (not taken). */
function linesFrom(text: string, start: number, limit: number, ends?: (l: RawLine) => boolean): RawLine[] {
  const out: RawLine[] = [];
  let s = start;
  while (s <= text.length && out.length < limit) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    const end = e > s && text.charCodeAt(e - 1) === 0x0d ? e - 1 : e;
    const line: RawLine = { start: s, end, frags: fragmentsOf(text, s, end) };
    if (ends?.(line)) break;
    out.push(line);
    if (e >= text.length) break;
    s = e + 1;
  }
  return out;
}

interface Row {
  /** Each column's fragments, in line order. */
  cells: Fragment[][];
  lines: number;
}

type Piece = { row: Row } | { group: Fragment };

function tableFrom(text: string, lineStart: number, scanned: { to: number }, limit = FIRST_LINES): Found | null {
  // (A header is one short line: looked at before the lines after it are cut.)
  const firstEnd = text.indexOf('\n', lineStart);
  if (fragmentsOf(text, lineStart, firstEnd < 0 ? text.length : firstEnd).length < 3) return null;
  const top = linesFrom(text, lineStart, 2);
  const header = headerAt(text, top, 0);
  if (!header) return null;
  const n = header.names.length;
  // The header repeated on a new page: lines of nothing but its pieces.
  const headerPieces = new Set(header.pieces.flatMap((p) => p.map(([a, b]) => text.slice(a, b))));
  // The rows' lines, roughly: up to a line holding a tab, or a line of one piece that runs across the
  // header's columns in both measures (a paragraph).
  const hd = header.d.map(([a]) => a);
  const hc = header.c.map(([a]) => a);
  const bodyStart = (top[header.lines - 1] as RawLine).end + 1;
  const body = bodyStart > text.length ? [] : linesFrom(text, bodyStart, limit, (l) => {
    const f = l.frags[0];
    if (text.slice(l.start, l.end).includes('\t') || (l.frags.length === 1 && !!f && crosses(f, hd, 'd') && crosses(f, hc, 'c') && !GROUP_RE.test(text.slice(f.s, f.e)))) return true;
    // Another table's header (not this one's, repeated on a new page).
    return l.frags.length >= 3 && mayHead(text, l.start, l.end) && !l.frags.every((g) => headerPieces.has(text.slice(g.s, g.e))) && l.frags.filter((g) => knownName(text.slice(g.s, g.e))).length >= 3;
  });
  const stop = body.length;
  const lastLine = body[stop - 1];
  if (lastLine) scanned.to = Math.max(scanned.to, lastLine.end);
  const candidates = body.slice(0, stop).filter((l) => l.frags.length > 0 && !(l.frags.length === 1 && isAside(text, l.frags[0] as Fragment)));
  const byD = columnStarts(header, candidates, 'd');
  const byC = columnStarts(header, candidates, 'c');
  const m: Measure = byC.fit > byD.fit ? 'c' : 'd';
  const starts = m === 'c' ? byC.starts : byD.starts;
  const kinds = header.names.map((nm) => columnKind(normalise(nm)));
  const numberAt = kinds.indexOf('number');
  let inHeader = false;
  /** Whether the table ended before the lines read did. */
  let ended = false;

  const pieces: Piece[] = [];
  let row: Row | null = null;
  let blankBefore = false;
  let wrapped = header.lines > 1;
  let rows = 0;
  /** Lines of the body the table takes (to its last row's last line). */
  let last = -1;
  for (let j = 0; j < stop; j++) {
    const l = body[j] as RawLine;
    if (l.frags.length === 0) {
      blankBefore = true;
      continue;
    }
    const f0 = l.frags[0] as Fragment;
    const f0Text = text.slice(f0.s, f0.e);
    if (l.frags.length === 1 && FOOTER_RE.test(f0Text)) continue;
    const repeated: boolean = l.frags.every((f) => headerPieces.has(text.slice(f.s, f.e))) && (l.frags.length >= 2 || inHeader);
    inHeader = repeated;
    if (repeated) continue;
    if (l.frags.length === 1 && GROUP_RE.test(f0Text) && !f0Text.endsWith('。')) {
      pieces.push({ group: f0 });
      row = null;
      blankBefore = false;
      continue;
    }
    const frags = l.frags.flatMap((f) => splitNumber(text, f));
    if (frags.length === 1 && crosses(frags[0] as Fragment, starts, m)) {
      ended = true;
      break;
    }
    const cols: Fragment[][] = Array.from({ length: n }, () => []);
    for (const f of frags) cols[columnAt(starts, f[m][0])]?.push(f);
    let starting: boolean;
    if (numberAt >= 0) {
      const num = cols[numberAt] as Fragment[];
      const isNumber = num.length === 1 && NUMBER_RE.test(text.slice((num[0] as Fragment).s, (num[0] as Fragment).e));
      // Text in the number column that is no number: the table is over.
      if (num.length > 0 && !isNumber) {
        ended = true;
        break;
      }
      starting = isNumber;
      if (!row && !starting) continue;
    } else {
      const filled = cols.filter((c) => c.length > 0).length;
      // With no number column: after a blank line, or where all columns but one start afresh (a
      // wrapped row's next line fills fewer: its long cells only).
      starting = !row || ((cols[0]?.length ?? 0) > 0 && (blankBefore || filled >= Math.max(2, n - 1)));
    }
    blankBefore = false;
    if (starting || !row) {
      row = { cells: cols, lines: 1 };
      pieces.push({ row });
      rows++;
    } else {
      cols.forEach((c, k) => row?.cells[k]?.push(...c));
      row.lines++;
      wrapped = true;
    }
    last = j;
    // A long table none of whose rows wraps: left to the table readers.
    if (!wrapped && rows > MAX_UNWRAPPED_ROWS) return null;
  }
  if (rows === 0 || !wrapped) return null;
  // A table that wraps and runs on past the lines read first: read again, all of it.
  if (!ended && stop === limit && limit < MAX_TABLE_LINES) return tableFrom(text, lineStart, scanned, MAX_TABLE_LINES);
  // Group lines after the last row belong to the text after the table.
  while (pieces.length > 0 && 'group' in (pieces[pieces.length - 1] as Piece)) pieces.pop();
  return { from: lineStart, to: (body[last] as RawLine).end, header, pieces };
}

/** A page's number line, or a form feed's. */
function isAside(text: string, f: Fragment): boolean {
  return FOOTER_RE.test(text.slice(f.s, f.e));
}

/** 1 新开工…: a fragment holding a row's number and its task one space apart, as two. */
function splitNumber(text: string, f: Fragment): Fragment[] {
  const m = NUMBER_LEAD_RE.exec(text.slice(f.s, Math.min(f.e, f.s + 8)));
  if (!m?.[1]) return [f];
  const k = m[1].length;
  let d = f.d[0];
  for (let i = f.s; i < f.s + k + 1; i++) d += wide(text.charCodeAt(i));
  const head: Fragment = { s: f.s, e: f.s + k, d: [f.d[0], f.d[0] + k], c: [f.c[0], f.c[0] + k] };
  const tail: Fragment = { s: f.s + k + 1, e: f.e, d: [d, f.d[1]], c: [f.c[0] + k + 1, f.c[1]] };
  return [head, tail];
}

const isWordCode = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** The text with each table's lines [from, to) replaced by its header and rows as tab-separated lines. */
function rewrite(text: string, tables: readonly Found[]): LaidOut {
  const out: string[] = [];
  /** Runs of the text built: [start in `out`, original offset or -1 for characters put in, length]. */
  const runs: number[] = [];
  let length = 0;
  const put = (s: number, e: number): void => {
    if (e <= s) return;
    out.push(text.slice(s, e));
    runs.push(length, s, e - s);
    length += e - s;
  };
  const insert = (c: string): void => {
    out.push(c);
    runs.push(length, -1, c.length);
    length += c.length;
  };
  /** A cell's fragments, joined: nothing between, a space between two ASCII words. */
  const cell = (frags: readonly Span[]): void => {
    frags.forEach(([s, e], k) => {
      const before = frags[k - 1];
      if (before && isWordCode(text.charCodeAt(before[1] - 1)) && isWordCode(text.charCodeAt(s))) insert(' ');
      put(s, e);
    });
  };
  const from: number[] = [];
  const to: number[] = [];
  const shift: number[] = [];
  let copied = 0;
  for (const table of tables) {
    put(copied, table.from);
    from.push(length);
    table.header.pieces.forEach((p, k) => {
      if (k > 0) insert('\t');
      cell(p);
    });
    for (const piece of table.pieces) {
      insert('\n');
      if ('group' in piece) {
        put(piece.group.s, piece.group.e);
        continue;
      }
      piece.row.cells.forEach((frags, k) => {
        if (k > 0) insert('\t');
        cell(frags.map((f): Span => [f.s, f.e]));
      });
    }
    to.push(length);
    shift.push(table.to - length);
    copied = table.to;
  }
  put(copied, text.length);
  const result = out.join('');
  const map = new Int32Array(result.length + 1);
  for (let k = 0; k < runs.length; k += 3) {
    const at = runs[k] as number;
    const src = runs[k + 1] as number;
    const n = runs[k + 2] as number;
    if (src < 0) map.fill(-1, at, at + n);
    else for (let m = 0; m < n; m++) map[at + m] = src + m;
  }
  map[result.length] = text.length;
  return { text: result, map, from, to, shift };
}

/** The rewritten part holding offset i, or -1 when i is outside them all. */
function partAt(laid: LaidOut, i: number): number {
  const { from, to } = laid;
  let lo = 0;
  let hi = from.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (i < (from[mid] as number)) hi = mid - 1;
    else if (i >= (to[mid] as number)) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * The original span of rewritten span [s, e): from its first character's original offset to just
 * past its last one's. (Outside the rewritten parts offsets keep their order, and a part's
 * characters all come from the original lines it replaced: the first and last characters as written
 * are found in the parts at the span's ends, or at its ends themselves.)
 */
export function originalSpan(laid: LaidOut, [s, e]: Span): Span {
  const { map, to } = laid;
  const n = map.length - 1;
  s = Math.max(0, Math.min(s, n));
  e = Math.max(s, Math.min(e, n));
  if (e <= s) {
    // An empty span: where the first character written at or after it stands.
    for (let i = s; i < n; ) {
      const k = partAt(laid, i);
      if (k < 0) return [map[i] as number, map[i] as number];
      for (; i < (to[k] as number); i++) if ((map[i] as number) >= 0) return [map[i] as number, map[i] as number];
    }
    return [map[n] as number, map[n] as number];
  }
  let lo = -1;
  for (let i = s; i < e && lo < 0; ) {
    const k = partAt(laid, i);
    if (k < 0) {
      lo = map[i] as number;
      break;
    }
    let least = Infinity;
    const end = Math.min(e, to[k] as number);
    for (; i < end; i++) if ((map[i] as number) >= 0 && (map[i] as number) < least) least = map[i] as number;
    if (least < Infinity) lo = least;
  }
  if (lo < 0) return originalSpan(laid, [s, s]);
  let hi = -1;
  for (let i = e - 1; i >= s && hi < 0; ) {
    const k = partAt(laid, i);
    if (k < 0) {
      hi = map[i] as number;
      break;
    }
    let most = -1;
    const start = Math.max(s, laid.from[k] as number);
    for (; i >= start; i--) if ((map[i] as number) > most) most = map[i] as number;
    if (most >= 0) hi = most;
  }
  return [lo, Math.max(hi + 1, lo)];
}

/**
 * The plan parsed from `laid.text`, in the offsets of the original: every span mapped back (see
 * originalSpan); strings (raw, titles, texts) are the rewritten text's, whose characters are all
 * the original's (a joined cell's raw is its joined fragments).
 */
export function fromLayout(plan: ParsedPlan, laid: LaidOut): ParsedPlan {
  return mappedPlan(plan, (sp) => originalSpan(laid, sp));
}
