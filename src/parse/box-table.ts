/**
 * Tables drawn with box-drawing characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘, heavy ┏━┳━┓ ┃, double ╔═╦═╗ ║,
 * mixed ╞═╪═╡) or as an ASCII grid (+----+----+ over | cells): old Word and WPS documents saved as
 * text, PDF-to-text tools and some web pages draw a division table so. The table readers read a
 * table as one line per row, its cells separated by tabs (as a .html table is given to them, see
 * html-text.ts); this reader turns each drawn table into such rows, so that the header decides the
 * columns and each row is an item, as for any other table.
 *
 * - The lines between two rule lines make one row; a cell wrapped over several lines is joined,
 *   column by column (Chinese fragments with nothing between them, two ASCII words with a space).
 * - A body without rules between its rows (only │ between cells) has a row per line; a line whose
 *   first (number) cell is empty continues the row above. In a ruled body, a line whose first cell
 *   is a row number (2, 3., (四)) under a band that already has one starts a row of its own too.
 * - A rule drawn under one column only (├───┤ │ text │) ends that column's cell alone: a cell the
 *   rule does not cross spans the rows beside it (a merged cell) and is given to each of them. The
 *   rows are those of the column cut into the most cells; a cell of that column listing tasks
 *   bulleted △ (● ■ ◆ …) one under another gives a row per task, and a plain cell of that column
 *   above such a list (the group's heading) gives none.
 * - A cell drawn across several columns (a row with fewer │ than the header) goes to the first
 *   column it covers, found by where its separators stand in display columns (a Chinese or
 *   full-width character is two wide; box characters one or two, whichever fits the table).
 * - Lines before and after a table (title, notes) are kept as they are.
 *
 * The parser reads the rewritten text, and its result is given back in the offsets of the text as
 * written (withBoxTables): every span maps back. A fact that lies inside one line of a cell keeps
 * `text.slice(span[0], span[1]) === raw`. A fact joined from a cell's fragments on two or more lines
 * (市住房城乡建设 ⏎ 局) keeps the joined reading as its raw (市住房城乡建设局), and its span runs from its
 * first character to just after its last one in the text as written: it covers the line break and
 * what stands between the fragments (the row's other cells and the bars), so only there does the
 * slice differ from the raw. A text without box-drawing characters (and without an ASCII +--- rule)
 * costs one regular-expression test.
 */
import type { ParsedPlan } from '../model/plan.js';
import type { Span } from '../model/span.js';
import { mappedPlan } from '../model/plan-spans.js';
import { MAX_REPEATED_CELL } from '../model/table-limits.js';

/** Any box-drawing character, or the start of an ASCII rule. */
const QUICK_RE = /[\u2500-\u257f]|\+[-=]{3}/;

/** A row's first cell that is a row number: 2, 3., 4、, 十二, (四), (12). */
const ROW_NUMBER_RE = /^(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$|^[（(](?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})[)）]$/;

/** A bullet opening a task in a cell: △继续优化…, ● …. */
const BULLET_RE = /^[△▲▽▼●○■□◆◇•▪▫☆★►▶◎※]/;

/** Lines of a table this long and no longer are read (a hostile text cannot make the reader slow). */
const MAX_TABLE_LINES = 5000;
/** Columns of a table at most: lines drawn with more separators are left as they are (no division table is so wide). */
const MAX_COLUMNS = 64;

/** A box-drawing character that is a horizontal stroke only (─ ━ ═, dashed forms, half strokes). */
function isStroke(c: number): boolean {
  return (
    c === 0x2500 || c === 0x2501 || c === 0x2550 || c === 0x2504 || c === 0x2505 || c === 0x2508 || c === 0x2509 || c === 0x254c || c === 0x254d ||
    c === 0x2574 || c === 0x2576 || c === 0x2578 || c === 0x257a || c === 0x257c || c === 0x257e
  );
}

function isBox(c: number): boolean {
  return c >= 0x2500 && c <= 0x257f;
}

/** Display width of a character that is not a box character: two for a wide (CJK, full-width) one. */
function wide(c: number): boolean {
  return (
    c >= 0x1100 &&
    (c <= 0x115f || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd))
  );
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0b || c === 0x0c || c === 0xfeff;
}

/** One cell's text on one line: [start, end) of the text as written, trimmed. */
interface Fragment {
  line: number;
  start: number;
  end: number;
}

/** A piece of a content line between two separators. */
interface Piece {
  start: number;
  end: number;
  /** Drawn with strokes only: a rule under this column (or these columns). */
  rule: boolean;
  /** Columns covered: [from, to). */
  from: number;
  to: number;
}

/** A line of a drawn table. */
interface BoxLine {
  start: number;
  end: number;
  /** A rule line: strokes, junctions and spaces only. */
  rule: boolean;
  /** Offsets of the separators, and their display columns with box characters one and two wide. */
  at: number[];
  x1: number[];
  x2: number[];
  /** Text after the last separator (a line cut off): [start, end), or null. */
  tail: Span | null;
  pieces: Piece[];
}

/** A column's cell: the lines [first, last) it spans and its fragments. */
interface Cell {
  first: number;
  last: number;
  frags: Fragment[];
}

export interface BoxTables {
  /** The text with each drawn table rewritten as tab-separated rows. */
  text: string;
  /** Offset in the text as written of each character of `text` (one more entry for the end). */
  map: Int32Array;
  /** 1 where `text` holds the written character at `map` (0 for a tab, line break or space put in). */
  real: Uint8Array;
}

/** Reads one line [s, e) of `text` as a line of a drawn table, or null when it is none. */
function boxLine(text: string, s: number, e: number, ascii: boolean): BoxLine | null {
  const at: number[] = [];
  const x1: number[] = [];
  const x2: number[] = [];
  let w1 = 0;
  let w2 = 0;
  let strokes = 0;
  let other = false;
  let lead = false;
  for (let i = s; i < e; i++) {
    let c = text.charCodeAt(i);
    let size = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < e) {
      c = text.codePointAt(i) ?? c;
      size = 2;
    }
    let sep = false;
    let box = false;
    if (ascii) {
      if (c === 0x7c) sep = true;
      else if (c === 0x2b) {
        const p = text.charCodeAt(i - 1);
        const n = text.charCodeAt(i + 1);
        sep = i === s || i === e - 1 || p === 0x2d || p === 0x3d || n === 0x2d || n === 0x3d;
        if (!sep) other = true;
      } else if (c === 0x2d || c === 0x3d) strokes++;
      else if (!isSpaceCode(c)) other = true;
    } else if (isBox(c)) {
      box = true;
      if (isStroke(c)) strokes++;
      else sep = true;
    } else if (!isSpaceCode(c)) other = true;
    if (sep) {
      at.push(i);
      x1.push(w1);
      x2.push(w2);
    } else if (other && at.length === 0) lead = true;
    const w = box ? 1 : wide(c) ? 2 : 1;
    w1 += w;
    w2 += box ? 2 : w;
    i += size - 1;
  }
  if (lead) return null;
  // Strokes, junctions and spaces only: a rule (┌───┬───┐, +----+----+); but a rule under some
  // cells beside blank ones (├───┤   │   │) is a line of the table's text.
  if (!other && blankGap(text, at)) other = true;
  if (!other) return strokes >= 2 && at.length >= 1 ? { start: s, end: e, rule: true, at, x1, x2, tail: null, pieces: [] } : null;
  if (at.length < 2) return null;
  // Text after the last bar: the line was cut off there.
  const last = at[at.length - 1] as number;
  const tail = trimmed(text, last + 1, e);
  return { start: s, end: e, rule: false, at, x1, x2, tail: tail[1] > tail[0] ? tail : null, pieces: [] };
}

/** Whether two separators one after the other have only spaces between them. */
function blankGap(text: string, at: number[]): boolean {
  for (let j = 0; j + 1 < at.length; j++) {
    const [a, b] = trimmed(text, (at[j] as number) + 1, at[j + 1] as number);
    if (a === b && b > (at[j] as number) + 1) return true;
  }
  return false;
}

function trimmed(text: string, a: number, b: number): Span {
  while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** Whether [a, b) is strokes only (a rule drawn under one cell). */
function strokesOnly(text: string, a: number, b: number, ascii: boolean): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (!(ascii ? c === 0x2d || c === 0x3d : isStroke(c))) return false;
  }
  return b > a;
}

/** The column boundary at display column x: exact, else one off (a cell a character short), else -1. */
function boundaryAt(bounds: number[], x: number): number {
  // (Bounds ascend: the first at or after x - 1, then x itself.)
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((bounds[mid] as number) < x - 1) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < bounds.length && (bounds[k] as number) <= x + 1; k++) if (bounds[k] === x) return k;
  return lo < bounds.length && Math.abs((bounds[lo] as number) - x) <= 1 ? lo : -1;
}

/** Each content line's pieces, placed in the table's columns; the number of columns. */
function placePieces(text: string, lines: BoxLine[], ascii: boolean): number {
  // The columns: the separators of the line that has the most.
  let ref: BoxLine | null = null;
  for (const l of lines) if (!ref || l.at.length > ref.at.length) ref = l;
  if (!ref || ref.at.length < 2 || ref.at.length - 1 > MAX_COLUMNS) return 0;
  const columns = ref.at.length - 1;
  // Box characters one display column wide, or two (a font that draws them square): whichever puts
  // more of the separators on the columns' boundaries.
  let fit1 = 0;
  let fit2 = 0;
  const ref1 = new Set(ref.x1);
  const ref2 = new Set(ref.x2);
  for (const l of lines) {
    for (const x of l.x1) if (ref1.has(x)) fit1++;
    for (const x of l.x2) if (ref2.has(x)) fit2++;
  }
  const narrow = fit1 >= fit2;
  const bounds = narrow ? ref.x1 : ref.x2;
  for (const l of lines) {
    if (l.rule) continue;
    const xs = narrow ? l.x1 : l.x2;
    let index: number[] | null = null;
    if (l.at.length !== bounds.length) {
      // Fewer separators than the header: each stands where a boundary is (a cell drawn across
      // columns); when they do not (a table whose spaces were lost), they are counted from the left.
      index = xs.map((x) => boundaryAt(bounds, x));
      if (index.some((k, j) => k < 0 || (j > 0 && k <= (index?.[j - 1] ?? -1)))) index = null;
    }
    for (let j = 0; j + 1 < l.at.length; j++) {
      const from = index ? (index[j] as number) : j;
      const to = index ? (index[j + 1] as number) : j + 1;
      if (from >= columns) break;
      const [a, b] = trimmed(text, (l.at[j] as number) + 1, l.at[j + 1] as number);
      l.pieces.push({ start: a, end: b, rule: strokesOnly(text, a, b, ascii), from, to: Math.min(to, columns) });
    }
    if (l.tail) {
      const from = index ? (index[index.length - 1] as number) : l.at.length - 1;
      if (from < columns) l.pieces.push({ start: l.tail[0], end: l.tail[1], rule: false, from, to: from + 1 });
    }
  }
  return columns;
}

/** The table drawn on `lines`: its rows (the header first), each a list of cells' fragments; null when it has no body row. */
function readGrid(text: string, lines: BoxLine[], ascii: boolean): Fragment[][][] | null {
  const columns = placePieces(text, lines, ascii);
  if (columns < 2) return null;
  const firstText = (l: BoxLine): Piece | undefined => l.pieces.find((p) => p.from === 0 && !p.rule && p.end > p.start);
  // Where the header ends: the first rule after a line of text.
  let headerEnd = -1;
  let seenText = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as BoxLine;
    if (!l.rule) seenText = true;
    else if (seenText) {
      headerEnd = i;
      break;
    }
  }
  let lastText = lines.length - 1;
  while (lastText >= 0 && (lines[lastText] as BoxLine).rule) lastText--;
  // A body without rules: no rule (nor a rule under one column) between the header and the last line of text.
  let ruled = false;
  for (let i = headerEnd + 1; i <= lastText && headerEnd >= 0; i++) {
    const l = lines[i] as BoxLine;
    if (l.rule || l.pieces.some((p) => p.rule)) ruled = true;
  }
  // A table without a rule under its header: the header is its first line of text.
  const bodyFirst = headerEnd < 0 ? firstContentAfterHeader(lines) : -1;
  if (bodyFirst >= 0) headerEnd = bodyFirst - 1;
  // Each column's cells.
  const cells: Cell[][] = Array.from({ length: columns }, () => []);
  const start = new Array<number>(columns).fill(0);
  const frags: Fragment[][] = Array.from({ length: columns }, () => []);
  const close = (c: number, at: number, next: number): void => {
    if (at > (start[c] as number)) (cells[c] as Cell[]).push({ first: start[c] as number, last: at, frags: frags[c] as Fragment[] });
    frags[c] = [];
    start[c] = next;
  };
  const closeAll = (at: number, next: number): void => {
    for (let c = 0; c < columns; c++) close(c, at, next);
  };
  let numbered = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as BoxLine;
    if (l.rule) {
      closeAll(i, i + 1);
      numbered = false;
      continue;
    }
    const head = firstText(l);
    if (i === bodyFirst) closeAll(i, i);
    else if (i > headerEnd && headerEnd >= 0 && head) {
      // A row of its own: in a body without rules, each line that fills its first cell; in a ruled
      // body, a row number under a band that already has one.
      const isNumber = ROW_NUMBER_RE.test(text.slice(head.start, head.end));
      if (!ruled || (isNumber && numbered)) closeAll(i, i);
      if (isNumber) numbered = true;
    }
    for (const p of l.pieces) {
      if (p.rule) {
        for (let c = p.from; c < p.to; c++) close(c, i, i + 1);
      } else if (p.end > p.start) (frags[p.from] as Fragment[]).push({ line: i, start: p.start, end: p.end });
    }
  }
  closeAll(lines.length, lines.length);
  // The rows: those of the column cut into the most cells (the leftmost of equals).
  let drive = 0;
  for (let c = 1; c < columns; c++) if ((cells[c] as Cell[]).length > (cells[drive] as Cell[]).length) drive = c;
  const driving = cells[drive] as Cell[];
  const bulleted = (cell: Cell): boolean => {
    const f = cell.frags[0];
    return f !== undefined && BULLET_RE.test(text.slice(f.start, f.end));
  };
  const anyBullets = driving.slice(1).some(bulleted);
  const rows: Fragment[][][] = [];
  // Per column, the first of its cells that may cover the row being built (rows come in line order).
  const next = new Array<number>(columns).fill(0);
  /** A merged cell's fragments for a row it covers: a long one only for the first. */
  const given = new Set<Cell>();
  const spanned = (c: number, line: number): Fragment[] => {
    const list = cells[c] as Cell[];
    let k = next[c] as number;
    while (k < list.length && (list[k] as Cell).last <= line) k++;
    next[c] = k;
    const cell = list[k];
    if (!cell || cell.first > line) return [];
    if (given.has(cell)) return cell.frags.reduce((n, f) => n + f.end - f.start, 0) <= MAX_REPEATED_CELL ? cell.frags : [];
    given.add(cell);
    return cell.frags;
  };
  for (let r = 0; r < driving.length; r++) {
    const cell = driving[r] as Cell;
    // A plain cell over a list of bulleted tasks heads them: no row of its own.
    if (r > 0 && anyBullets && !bulleted(cell) && driving[r + 1] && bulleted(driving[r + 1] as Cell)) continue;
    // A cell listing bulleted tasks: a row per task.
    const parts: Fragment[][] = [];
    for (const f of cell.frags) {
      if (parts.length === 0 || (r > 0 && BULLET_RE.test(text.slice(f.start, f.end)) && bulleted(cell))) parts.push([f]);
      else (parts[parts.length - 1] as Fragment[]).push(f);
    }
    if (parts.length === 0) parts.push([]);
    for (const part of parts) {
      const line = part[0]?.line ?? cell.first;
      const row: Fragment[][] = [];
      for (let c = 0; c < columns; c++) {
        if (c === drive) row.push(part);
        else row.push(spanned(c, line));
      }
      if (row.some((k) => k.length > 0)) rows.push(row);
    }
  }
  return rows.length >= 2 ? rows : null;
}

/** In a table without any rule after its text starts: the line after the first one (the header is one line). */
function firstContentAfterHeader(lines: BoxLine[]): number {
  let seen = false;
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] as BoxLine).rule) continue;
    if (seen) return i;
    seen = true;
  }
  return -1;
}

/** A row's cells as written, without spaces. */
function cellTexts(text: string, row: Fragment[][]): string[] {
  return row.map((k) => k.map((f) => text.slice(f.start, f.end)).join('').replace(/\s+/g, ''));
}

/** A row that repeats the header: each cell the header's, or its first characters (the page cut off); most of them whole. */
function sameHeader(row: string[], header: string[]): boolean {
  let whole = 0;
  for (let c = 0; c < header.length; c++) {
    const a = row[c] ?? '';
    const h = header[c] ?? '';
    if (a === h) whole++;
    else if (!h.startsWith(a)) return false;
  }
  return whole * 2 > header.length;
}

/** A table's top-left corner after something else on its line (┌ ┏ ╔ ╒ ╓, or an ASCII +- not at the line's start). */
const TOP_CORNER_RE = /\S\s?[┌┏╔╒╓]|\S\s?\+[-=]|[┐┓╗╕╖]\s?\S|[^-=\s]\s?[┌┏╔╒╓]/;

function isBar(c: number, ascii: boolean): boolean {
  return ascii ? c === 0x7c : c === 0x2502 || c === 0x2503 || c === 0x2551 || c === 0x2506 || c === 0x2507 || c === 0x250a || c === 0x250b || c === 0x254e || c === 0x254f;
}

function isJunction(c: number, ascii: boolean): boolean {
  return ascii ? c === 0x2b : isBox(c) && !isStroke(c) && !isBar(c, false);
}

function isStrokeOf(c: number, ascii: boolean): boolean {
  return ascii ? c === 0x2d || c === 0x3d : isStroke(c);
}

/**
 * The lines of a table run on in [s, e) (its line breaks lost, a space or nothing left between its
 * lines), and the text before and after it: the top rule says how many separators a line has; a rule
 * runs from a junction to the junction closing it; a line of text runs from its bar to its last
 * separator, or to a rule after one. Null when [s, e) holds no rule.
 */
export function runOnLines(text: string, s: number, e: number): Span[] | null {
  const ascii = !/[\u2500-\u257f]/.test(text.slice(s, e));
  const c = (i: number): number => (i < e ? text.charCodeAt(i) : -1);
  const ruleAt = (i: number): boolean => isJunction(c(i), ascii) && isStrokeOf(c(i + 1), ascii);
  let t = s;
  while (t < e && !ruleAt(t)) t++;
  if (t >= e) return null;
  const out: Span[] = [];
  if (t > s) out.push([s, t]);
  let i = t;
  let columns = 0;
  while (i < e) {
    if (ruleAt(i)) {
      let k = i + 1;
      let seps = 1;
      while (k < e && (isStrokeOf(c(k), ascii) || (isJunction(c(k), ascii) && isStrokeOf(c(k + 1), ascii)))) {
        if (isJunction(c(k), ascii)) seps++;
        k++;
      }
      if (isJunction(c(k), ascii)) {
        seps++;
        k++;
      }
      if (columns === 0) columns = seps;
      out.push([i, k]);
      i = k;
    } else if (isBar(c(i), ascii) && columns > 1) {
      let k = i;
      let seps = 0;
      while (k < e) {
        if (isBar(c(k), ascii) || (isJunction(c(k), ascii) && !ruleAt(k))) seps++;
        k++;
        if (seps >= columns) break;
        // A line of text drawn across columns ends where a rule starts after it.
        const n = c(k) === 0x20 ? k + 1 : k;
        if (seps >= 2 && isBar(c(k - 1), ascii) && ruleAt(n)) break;
        // Two bars with nothing between them: a line's last and the next one's first (no cell is drawn empty).
        if (seps >= 2 && isBar(c(k - 1), ascii) && isBar(c(k), ascii)) break;
      }
      out.push([i, k]);
      i = k;
    } else break;
    // One space (or nothing) between two of the table's lines.
    const n = c(i) === 0x20 ? i + 1 : i;
    if (ruleAt(n) || isBar(c(n), ascii)) i = n;
    else break;
  }
  if (i < e) out.push([i, e]);
  return out;
}

/** Builds the rewritten text: pieces of the text as written, and characters put in. */
class Out {
  parts: string[] = [];
  length = 0;
  /** Runs: [outAt, srcAt, length, real] per piece. */
  runs: number[] = [];
  copy(text: string, a: number, b: number): void {
    if (b <= a) return;
    this.parts.push(text.slice(a, b));
    this.runs.push(this.length, a, b - a, 1);
    this.length += b - a;
  }
  put(s: string, srcAt: number): void {
    this.parts.push(s);
    this.runs.push(this.length, srcAt, s.length, 0);
    this.length += s.length;
  }
}

const ASCII_WORD_RE = /[A-Za-z0-9]/;

/** A cell's fragments, joined: nothing between Chinese fragments, a space between two ASCII words. */
function putCell(out: Out, text: string, frags: Fragment[]): void {
  let prev = -1;
  for (const f of frags) {
    if (prev >= 0 && ASCII_WORD_RE.test(text[prev - 1] ?? '') && ASCII_WORD_RE.test(text[f.start] ?? '')) out.put(' ', prev);
    // A tab inside a cell would cut it: read as a space.
    let a = f.start;
    for (let i = text.indexOf('\t', a); i >= 0 && i < f.end; i = text.indexOf('\t', a)) {
      out.copy(text, a, i);
      out.put(' ', i);
      a = i + 1;
    }
    out.copy(text, a, f.end);
    prev = f.end;
  }
}

/**
 * `original` with each table drawn in it rewritten as tab-separated rows, or null when it has none
 * (see the file's comment).
 */
export function boxTables(original: string): BoxTables | null {
  if (!QUICK_RE.test(original)) return null;
  // Lines: [start, end) without the line break.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let s = 0; s <= original.length; ) {
    let e = original.indexOf('\n', s);
    if (e < 0) e = original.length;
    const end = e > s && original.charCodeAt(e - 1) === 0x0d ? e - 1 : e;
    // A table whose line breaks were lost (run on with a space or with nothing between its lines): read in the lines it had.
    const parts = TOP_CORNER_RE.test(original.slice(s, end)) ? runOnLines(original, s, end) : null;
    if (parts && parts.length >= 3) {
      for (const [a, b] of parts) {
        starts.push(a);
        ends.push(b);
      }
    } else {
      starts.push(s);
      ends.push(end);
    }
    s = e + 1;
  }
  const out = new Out();
  let copied = 0;
  let changed = false;
  let lastHeader: string[] | null = null;
  for (let i = 0; i < starts.length; ) {
    const s = starts[i] as number;
    const e = ends[i] as number;
    const slice = original.slice(s, e);
    const ascii = !/[\u2500-\u257f]/.test(slice);
    if (ascii && !/[|+]/.test(slice)) {
      i++;
      continue;
    }
    const first = boxLine(original, s, e, ascii);
    if (!first) {
      i++;
      continue;
    }
    // The block: lines of the same kind (box characters, or an ASCII grid), one after another.
    const block: BoxLine[] = [first];
    let j = i + 1;
    for (; j < starts.length && block.length < MAX_TABLE_LINES; j++) {
      const ls = starts[j] as number;
      const le = ends[j] as number;
      // Blank lines between a table's lines (a text saved with a blank line after each) are passed over.
      if (original.slice(ls, le).trim() === '') {
        let k = j + 1;
        while (k < starts.length && original.slice(starts[k] as number, ends[k] as number).trim() === '') k++;
        const next = k < starts.length ? original.slice(starts[k] as number, ends[k] as number) : '';
        if (/[\u2500-\u257f]/.test(next) !== ascii && boxLine(original, starts[k] as number, ends[k] as number, ascii)) {
          j = k - 1;
          continue;
        }
        break;
      }
      if (/[\u2500-\u257f]/.test(original.slice(ls, le)) === ascii) break;
      const l = boxLine(original, ls, le, ascii);
      if (!l) break;
      block.push(l);
    }
    const texts = block.filter((l) => !l.rule).length;
    const rows = texts >= 2 && (!ascii || block.some((l) => l.rule)) ? readGrid(original, block, ascii) : null;
    if (!rows) {
      i = j;
      continue;
    }
    // The rows replace the block's lines.
    out.copy(original, copied, s);
    if (out.length > 0 && original.charCodeAt(s - 1) !== 0x0a) out.put('\n', s);
    const header = cellTexts(original, rows[0] as Fragment[][]);
    // A table continued on the next page repeats its header (cut off, it may be its first characters only): read once.
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as Fragment[][];
      if (r > 0 || lastHeader) {
        if (sameHeader(cellTexts(original, row), r > 0 ? header : (lastHeader as string[]))) continue;
      }
      const lineAt = row.find((k) => k.length > 0)?.[0]?.start ?? s;
      row.forEach((frags, c) => {
        if (c > 0) out.put('\t', frags[0]?.start ?? lineAt);
        putCell(out, original, frags);
      });
      out.put('\n', lineAt);
    }
    lastHeader = header;
    let blockEnd = ends[j - 1] as number;
    // The block's last line break is put in above; the text goes on after it.
    if (original.charCodeAt(blockEnd) === 0x0d) blockEnd++;
    if (original.charCodeAt(blockEnd) === 0x0a) blockEnd++;
    copied = blockEnd;
    changed = true;
    i = j;
  }
  if (!changed) return null;
  out.copy(original, copied, original.length);
  const text = out.parts.join('');
  const map = new Int32Array(text.length + 1);
  const real = new Uint8Array(text.length + 1);
  const { runs } = out;
  for (let k = 0; k < runs.length; k += 4) {
    const at = runs[k] as number;
    const src = runs[k + 1] as number;
    const n = runs[k + 2] as number;
    const isReal = runs[k + 3] as number;
    for (let m = 0; m < n; m++) {
      map[at + m] = isReal ? src + m : src;
      real[at + m] = isReal;
    }
  }
  map[text.length] = original.length;
  return { text, map, real };
}

/** The plan parsed from `boxed.text`, in the offsets of `original` (see the file's comment for raws joined across lines). */
export function withBoxTables(plan: ParsedPlan, original: string, boxed: BoxTables): ParsedPlan {
  const { map, real, text } = boxed;
  const n = text.length;
  // breaks[k]: how many characters before k do not follow on from the one before them in the text as written.
  const breaks = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) breaks[k + 1] = (breaks[k] as number) + (real[k] && (k === 0 || !real[k - 1] || map[k] !== (map[k - 1] as number) + 1) ? 1 : real[k] ? 0 : 1);
  const clamp = (i: number): number => Math.max(0, Math.min(i, n));
  /** [s, e) is written so, in one piece, in the text as written. */
  const whole = (s: number, e: number): boolean => e > s && real[s] === 1 && (breaks[e] as number) - (breaks[s + 1] as number) === 0;
  const span = ([s0, e0]: Span): Span => {
    const s = clamp(s0);
    const e = clamp(e0);
    if (whole(s, e)) return [map[s] as number, (map[e - 1] as number) + 1];
    // Pieces from several lines (a row, a cell wrapped): from the first character to the last as written.
    let lo = Infinity;
    let hi = -1;
    for (let k = s; k < e; k++) {
      if (!real[k]) continue;
      const at = map[k] as number;
      if (at < lo) lo = at;
      if (at > hi) hi = at;
    }
    if (hi < 0) {
      const at = map[s] as number;
      return [at, at];
    }
    return [lo, hi + 1];
  };
  /** A fact's raw: as written where it is written in one piece, else as read (joined). */
  const raw = (value: string, [s, e]: Span, mapped: Span): string => (whole(clamp(s), clamp(e)) ? original.slice(mapped[0], mapped[1]) : value);
  return mappedPlan(plan, span, raw);
}
