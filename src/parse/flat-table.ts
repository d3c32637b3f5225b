/**
 * A division table flattened into running text: copied from a web page, its cells and rows lost
 * their breaks and follow each other one space (or a bar, or a tab) apart, the header included —
 * `…分解表 序号 民生实事 责任单位 完成时限 1 开工建设…公园。 县水务局 县住建局 12月底前 2 建设人行天桥2座。
 * 县住建局 …`. The header's column names (序号 first) say what the cells mean, as in table.ts; each
 * row starts at the row number that continues the sequence (1, 2, 3…), so rows need not have as
 * many cells as the header: a 责任单位 cell pasted one name per line gives several names, an empty
 * cell gives none. Within a row, the cells are told apart by what they hold: the task runs up to
 * the first cell naming only units, the unit cells follow, then a deadline.
 *
 * The text is not changed: the table's cells are spans of it, wherever its lines were cut.
 */
import type { Span } from '../model/span.js';
import { columnKind, deadlineLike, headerName, isUnitKind, OTHER_HEADER, PERSON_RE, personCell, unitsCell, withAssessorColumns, withOfficeColumns, withTaskColumn, words, type ColumnKind, type Table, type TableCell, type TableRow } from './table.js';
import { cellReference } from './references.js';
import { isCjk, isDigitCode, isJsSpace, type SourceText } from './text.js';

/** At most this many header cells, and this many cells in a row beyond its header's. */
const MAX_COLUMNS = 10;
const MAX_EXTRA_CELLS = 8;
/** Tokens looked at between the header and row 1 (a group row 一、产业发展, a rule ---). */
const BEFORE_FIRST_ROW = 3;
const MAX_ROWS = 2000;
/** Longest cell read as a header's column name. */
const MAX_HEADER_CHARS = 12;

/** 一、产业发展, (二)民生保障: a group row between the rows, heading those after it. */
const GROUP_RE = /^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\))/;
/** 市发展改革委牵头,市统计局配合: a cell that gives the units' roles itself. */
const ROLE_CELL_RE = /^[^\s,。;()]{2,24}(?:牵头|负责|\(牵头\))(?:[,;、][^\s。;]{2,60}(?:配合|参与|协助|协同)?)?$/;
/** |---|:---:| rules of a pipe table. */
const RULE_RE = /^[-:=]+$/;
const ROW_NUMBER_RE = /^[1-9][0-9]{0,3}$/;
const GLUED_ROW_ONE_RE = /^(\D{2,12})[1-9][0-9]{0,3}$/;

/** Whether c separates tokens: white space or a table's bar. */
const separates = (c: number): boolean => c === 0x7c || isJsSpace(c);

const tokens = (norm: string, s: number, e: number, limit: number): Span[] => words(norm, s, e, limit, separates);

const text = (norm: string, [a, b]: Span): string => norm.slice(a, b);
const len = (toks: Span[], k: number): number => (toks[k] as Span)[1] - (toks[k] as Span)[0];

/** What ends a header: a row's number, a rule, a group row, a sentence. */
function endsHeader(name: string): boolean {
  return ROW_NUMBER_RE.test(name) || RULE_RE.test(name) || GROUP_RE.test(name) || /[。,;:]/.test(name) || headerName(name).length > MAX_HEADER_CHARS + 2;
}

/** Whether tokens k and k + 1 stand one space apart (the letters of 工 作 任 务), not a bar, a tab or a blank line. */
const oneSpaceApart = (toks: Span[], k: number): boolean => (toks[k + 1] as Span)[0] - (toks[k] as Span)[1] === 1;

/** A column's name: one of a kind the table reads, or one that carries nothing kept (名称, 备注, 投资金额). */
const known = (name: string): boolean => columnKind(name) !== 'other' || OTHER_HEADER.test(headerName(name));

/**
 * The header starting at the token `at` (序号), one cell per token, up to the first row's number: a
 * column name spaced out letter by letter (工 作 任 务) is one cell, a note in brackets after a name
 * (投资金额 (万元)) belongs to it, and two tokens that make one name together (市政府 分管领导, a
 * header cell broken over two lines) are one cell. Returns the cells and the index of the first
 * token after them.
 */
function headerAt(norm: string, toks: Span[], at: number): { cells: Span[]; next: number } | null {
  const cells: Span[] = [toks[at] as Span];
  let k = at + 1;
  while (k < toks.length && cells.length < MAX_COLUMNS) {
    const t = toks[k] as Span;
    let end = k;
    if (len(toks, k) === 1) {
      while (end + 1 < toks.length && len(toks, end + 1) === 1 && oneSpaceApart(toks, end) && end - k < MAX_HEADER_CHARS) end++;
    }
    let cell: Span = [t[0], (toks[end] as Span)[1]];
    const name = text(norm, cell);
    // 完成时限1: the last column's name with row 1's number glued to it.
    const glued = GLUED_ROW_ONE_RE.exec(name);
    if (glued && known(glued[1] ?? '')) {
      cells.push([cell[0], cell[0] + (glued[1] ?? '').length]);
      break;
    }
    if (endsHeader(name)) break;
    const last = cells[cells.length - 1] as Span;
    if (/^[(【]/.test(name) && cells.length > 1) {
      last[1] = cell[1];
      k = end + 1;
      continue;
    }
    if (!known(name) && end + 1 < toks.length) {
      const joined: Span = [t[0], (toks[end + 1] as Span)[1]];
      const both = text(norm, joined);
      if (!endsHeader(both) && known(both.replace(/\s+/g, ''))) {
        cell = joined;
        end++;
      }
    }
    cells.push(cell);
    k = end + 1;
  }
  return cells.length >= 3 ? { cells, next: k } : null;
}

/** Whether the token names only units, or refers to the row above (同上, 与“…”分工相同). */
function unitToken(src: SourceText, t: Span): boolean {
  return unitsCell(src, t) || cellReference(src.norm, src.original, t[0], t[1]) !== null || ROLE_CELL_RE.test(text(src.norm, t));
}

/**
 * The cells of one row, tokens [from, to) after its number, fitted to the columns after the first
 * (the number's): the task up to the first unit cell, less one token for each column between them
 * (a 目标 column, a 责任领导 one); each unit column's names (a 责任单位 column's first leads and the
 * names after it cooperate; a unit column followed by another takes one cell); then a token for
 * each column after, a deadline only when it says when. A column before the task (名称, merged over
 * its rows) takes a token only when the task keeps one. The last row (not `bounded` by the next
 * row's number) takes one token for its task when it names no unit.
 */
function rowCells(src: SourceText, toks: Span[], from: number, to: number, columns: ColumnKind[], bounded: boolean): TableCell[] {
  const { norm } = src;
  const cells: TableCell[] = [];
  const unitAt = columns.findIndex(isUnitKind);
  const taskAt = columns.indexOf('task');
  let firstUnit = to;
  for (let k = from + 1; k < to; k++) {
    if (unitToken(src, toks[k] as Span)) {
      firstUnit = k;
      break;
    }
  }
  // 责任人 | 责任部门 over `王广部 王鹏伟 | 国土住建局`: a persons' cell before the units, one of its names
  // ending like a unit's (…部), is passed over when a name beside it is no unit's.
  if (columns[unitAt - 1] === 'person') {
    let j = firstUnit;
    let person = false;
    while (j < to && PERSON_RE.test(text(norm, toks[j] as Span))) {
      if (!unitToken(src, toks[j] as Span)) person = true;
      j++;
    }
    if (person && j > firstUnit + 1 && j < to && unitToken(src, toks[j] as Span)) firstUnit = j;
  }
  // The columns between the task and the units take their tokens from the right, one each, a
  // person's name spaced out (王 东) two.
  const between = new Map<number, Span>();
  // The last row names no unit: what follows its first token may be the text after the table.
  let taskEnd = firstUnit === to && !bounded ? from + 1 : firstUnit;
  for (let c = unitAt - 1; c > taskAt && taskEnd > from + 1; c--) {
    let a = taskEnd - 1;
    if (columns[c] === 'person' && a - 1 > from && len(toks, a) === 1 && len(toks, a - 1) === 1) a--;
    const cell: Span = [(toks[a] as Span)[0], (toks[taskEnd - 1] as Span)[1]];
    // A person's or a deadline's cell left empty (merged with the row above's) takes no token.
    if ((columns[c] === 'person' && !personCell(text(norm, cell))) || (columns[c] === 'deadline' && !deadlineLike(norm, cell))) continue;
    between.set(c, cell);
    taskEnd = a;
  }
  let k = from;
  for (let c = 1; c < columns.length && k < to; c++) {
    const kind = columns[c] as ColumnKind;
    const fixed = between.get(c);
    if (fixed) {
      cells.push({ kind, span: fixed });
      while (k < to && (toks[k] as Span)[1] <= fixed[1]) k++;
    } else if (c > taskAt && c < unitAt) {
      continue;
    } else if (kind === 'task') {
      const end = Math.max(k + 1, Math.min(taskEnd, to));
      cells.push({ kind, span: [(toks[k] as Span)[0], (toks[end - 1] as Span)[1]] });
      k = end;
    } else if (isUnitKind(kind)) {
      const moreUnitColumns = columns.slice(c + 1).some(isUnitKind);
      // | 省卫生健康委 | 疾控处 |: a column of persons or offices after the units keeps its token; so does
      // a column of assessors (| 县农业农村局 | 市农业农村局 |, the county bureau responsible, the city's scoring).
      const kept = columns.slice(c + 1).some((kc) => kc === 'person' || kc === 'assessor') ? 1 : 0;
      // 区财政局 ⏎ 区税务局 ⏎ 区政府有关部门,各乡镇…: names on lines of their own before the one list of
      // the next unit column all belong to this one (two leads written one under the other).
      const take = moreUnitColumns ? namesBeforeList(src, toks, k, to) : 1;
      for (let n = 0; k < to - (n > 0 ? kept : 0) && unitToken(src, toks[k] as Span) && !(moreUnitColumns && n === take); n++) {
        cells.push({ kind: n > 0 && n >= take && kind === 'responsible' ? 'cooperate' : kind, span: toks[k] as Span });
        k++;
      }
    } else if (c < taskAt) {
      if (taskEnd - k > 1) cells.push({ kind, span: toks[k++] as Span });
    } else if (kind === 'assessor') {
      if (unitToken(src, toks[k] as Span)) cells.push({ kind, span: toks[k++] as Span });
    } else if (kind === 'deadline' || kind === 'frequency') {
      if (deadlineLike(norm, toks[k] as Span)) cells.push({ kind, span: toks[k++] as Span });
    } else cells.push({ kind, span: toks[k++] as Span });
  }
  return cells;
}

/**
 * How many of the unit tokens from k a unit column followed by another takes: all but the last when
 * the run is single names ending in a list (a cell of several names joined by 、 or ,), else one.
 */
function namesBeforeList(src: SourceText, toks: Span[], k: number, to: number): number {
  let m = k;
  while (m < to && unitToken(src, toks[m] as Span)) m++;
  if (m - k < 3 || !/[、,]/.test(text(src.norm, toks[m - 1] as Span))) return 1;
  for (let j = k; j < m - 1; j++) if (/[、,]/.test(text(src.norm, toks[j] as Span))) return 1;
  return m - k - 1;
}

/**
 * The first flattened division table at or after line `fromLine`, or null. Only a header of three
 * or more column names that starts at 序号 (or 编号) and names a task and a unit column, followed
 * within a few tokens by row 1, is read; and at least two rows must name units.
 */
export function findFlatTable(src: SourceText, fromLine: number): Table | null {
  const { norm, lines } = src;
  const start = lines[fromLine]?.start ?? 0;
  // Two cursors, each searched again only once passed: a long text may hold many of one and none of the other.
  let a = norm.indexOf('序号', start);
  let b = norm.indexOf('编号', start);
  for (let at = firstOf(a, b); at >= 0; at = firstOf(a, b)) {
    if (at === a) a = norm.indexOf('序号', at + 2);
    else b = norm.indexOf('编号', at + 2);
    // …分解表序号 | 目标与任务 |: a table's title may run into its header when the breaks were lost.
    if (at > 0 && isDigitCode(norm.charCodeAt(at - 1))) continue;
    if (!separates(norm.charCodeAt(at + 2))) continue;
    const table = tableAt(src, at);
    if (table) return table;
  }
  return null;
}

/** The nearer of two offsets found by indexOf (-1 for none). */
const firstOf = (a: number, b: number): number => (a < 0 ? b : b < 0 ? a : Math.min(a, b));

function tableAt(src: SourceText, at: number): Table | null {
  const { norm } = src;
  const head = headerAt(norm, tokens(norm, at, Math.min(norm.length, at + 200), MAX_COLUMNS * MAX_HEADER_CHARS), 0);
  if (!head) return null;
  const names = ['', ...head.cells.slice(1).map((c) => text(norm, c))];
  const columns = withTaskColumn(withOfficeColumns(withAssessorColumns(['number', ...names.slice(1).map(columnKind)], names), names), names);
  if (!columns.includes('task') || !columns.some(isUnitKind)) return null;
  const headerEnd = (head.cells[head.cells.length - 1] as Span)[1];
  const rows: TableRow[] = [];
  // Tokens are read a window at a time: a row holds the header's cells and a few more.
  const window = (columns.length + MAX_EXTRA_CELLS) * 2;
  let pos = headerEnd;
  let toks = tokens(norm, pos, norm.length, window);
  // Row 1, or the first row of a table cut out of a longer one (80, 81…), after rules and a group row.
  let first = -1;
  for (let k = 0, passed = 0; k < toks.length && passed <= BEFORE_FIRST_ROW; k++) {
    const t = text(norm, toks[k] as Span);
    if (ROW_NUMBER_RE.test(t)) {
      first = k;
      break;
    }
    if (!RULE_RE.test(t)) passed++;
  }
  if (first < 0) return unnumberedRows(src, at, headerEnd, columns, head.cells);
  const firstNumber = Number(text(norm, toks[first] as Span));
  let withUnits = 0;
  let merged: TableCell[] = [];
  for (let n = firstNumber; n < firstNumber + MAX_ROWS; n++) {
    const number = String(n + 1);
    let next = toks.findIndex((t, k) => k > first + 1 && text(norm, t) === number);
    if (next < 0) next = splitGluedNumber(norm, toks, first + 2, number);
    const end = next < 0 ? Math.min(toks.length, first + columns.length + MAX_EXTRA_CELLS) : next;
    // 二、经济结构 and what follows it before the next row heads the rows after it.
    let last = end;
    for (let k = first + 2; k < end; k++) {
      if (GROUP_RE.test(text(norm, toks[k] as Span)) || (RULE_RE.test(text(norm, toks[k] as Span)) && !emptyCellDash(norm, toks, k))) {
        last = k;
        break;
      }
    }
    const cells = [{ kind: 'number' as ColumnKind, span: toks[first] as Span }, ...rowCells(src, toks, first + 1, last, columns, next >= 0)];
    if (!cells.some((c) => c.kind === 'task')) break;
    const lastCell = cells[cells.length - 1] as TableCell;
    if (cells.some((c) => isUnitKind(c.kind))) {
      withUnits++;
      merged = cells.filter((c) => isUnitKind(c.kind));
    } else if (next >= 0) {
      // A unit cell merged over this row and the rows above (written once, where it changes).
      cells.push(...merged.map((c) => ({ ...c })));
    }
    const rowStart = (toks[first] as Span)[0];
    rows.push({ line: lineOf(src, rowStart), span: [rowStart, lastCell.span[1]], cells });
    if (next < 0) break;
    // The next window starts at the next row's number.
    pos = (toks[next] as Span)[0];
    toks = tokens(norm, pos, norm.length, window);
    first = 0;
  }
  // (Most rows name their own units, or at least one in three where the others' are merged.)
  if (withUnits === 0 || withUnits * 3 < rows.length) return null;
  const headerLine = lineOf(src, at);
  return { headerLine, headerSpan: [at, headerEnd], columns, headerCells: head.cells, rows };
}

/**
 * 粮食安全责任制 - 达到良好以上: a lone `-` among a row's cells, the token after it no rule, is a cell
 * written as a dash for no value (no measure, no figure), not a rule under a header.
 */
function emptyCellDash(norm: string, toks: Span[], k: number): boolean {
  const next = toks[k + 1];
  return len(toks, k) === 1 && !(next && RULE_RE.test(text(norm, next)));
}

/** A token ending in a lone 1 after a Han character or a closing mark (产业创新1, 完成时限1): row 1's number glued on. */
const GLUED_ONE_RE = /[\u0080-\uffff]1$/;

/** Tokens a flattened row's task may take before a unit cell must come: past them the table has ended. */
const MAX_TASK_TOKENS = 12;

/**
 * 序号 目标与任务 牵头责任单位 责任单位 牢固树立…宜居更优。 市自然资源和规划局 各县(市)区政府、开发区管委会 全力打好…:
 * a flattened table whose rows leave 序号 empty. Each row is read from its unit cells: the task runs
 * from the end of the row before up to the first token naming only units, the unit cells follow,
 * then a deadline when the header has one and the token says when. A group row (一、…) heads the rows
 * after it. The table ends where no unit cell comes within a few tokens; two rows at least.
 */
function unnumberedRows(src: SourceText, at: number, headerEnd: number, columns: ColumnKind[], headerCells: Span[]): Table | null {
  const { norm } = src;
  if (columns[0] !== 'number' || columns.indexOf('task') !== 1) return null;
  // 完成时限一、产业创新1: a header that ran on into row 1 (its number glued on) is no header of unnumbered rows.
  if (headerCells.some((c) => GLUED_ONE_RE.test(text(norm, c)) || c[1] - c[0] > MAX_HEADER_CHARS)) return null;
  const unitColumns = columns.filter(isUnitKind).length;
  const deadline = columns.includes('deadline');
  const rows: TableRow[] = [];
  let pos = headerEnd;
  const window = (MAX_TASK_TOKENS + unitColumns + MAX_EXTRA_CELLS) * 2;
  while (rows.length < MAX_ROWS) {
    const toks = tokens(norm, pos, norm.length, window);
    let from = 0;
    while (from < toks.length && (GROUP_RE.test(text(norm, toks[from] as Span)) || RULE_RE.test(text(norm, toks[from] as Span)))) from++;
    let unit = -1;
    for (let k = from + 1; k < toks.length && k - from <= MAX_TASK_TOKENS; k++) {
      if (unitToken(src, toks[k] as Span)) {
        unit = k;
        break;
      }
    }
    if (unit < 0 || ROW_NUMBER_RE.test(text(norm, toks[from] as Span))) break;
    // 一、产业创新1 before the first unit cell: row 1's number glued to a group row, the rows are numbered.
    if (rows.length === 0 && toks.slice(from, unit).some((t) => GLUED_ONE_RE.test(text(norm, t)))) return null;
    let end = unit;
    while (end < toks.length && end - unit < unitColumns + MAX_EXTRA_CELLS && unitToken(src, toks[end] as Span)) end++;
    if (deadline && end < toks.length && deadlineLike(norm, toks[end] as Span)) end++;
    const cells = rowCells(src, toks, from, end, columns, true);
    const lastCell = cells[cells.length - 1];
    if (!lastCell || !cells.some((c) => c.kind === 'task')) break;
    const rowStart = (toks[from] as Span)[0];
    rows.push({ line: lineOf(src, rowStart), span: [rowStart, lastCell.span[1]], cells });
    if (end >= toks.length) break;
    pos = (toks[end] as Span)[0];
  }
  if (rows.length < 2) return null;
  return { headerLine: lineOf(src, at), headerSpan: [at, headerEnd], columns, headerCells, rows };
}

/**
 * 市人社局2 in a tab-separated table whose rows lost their breaks: the next row's number glued to
 * the last cell of the row before. The token is split in two in `toks`; returns the number's index,
 * or -1 when no token ends so.
 */
function splitGluedNumber(norm: string, toks: Span[], from: number, number: string): number {
  for (let k = from; k < toks.length; k++) {
    const [a, b] = toks[k] as Span;
    const at = b - number.length;
    if (at - a < 2 || norm.slice(at, b) !== number || !isCjk(norm.charCodeAt(at - 1))) continue;
    toks.splice(k, 1, [a, at], [at, b]);
    return k + 1;
  }
  return -1;
}

/** Index of the line holding offset `at` (binary search over the lines' starts). */
function lineOf(src: SourceText, at: number): number {
  const { lines } = src;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid]?.start ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
