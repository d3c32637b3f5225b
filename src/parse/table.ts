/**
 * Division tables (分工表) pasted as text: a header row naming the columns (序号 | 工作任务 |
 * 牵头单位 | 配合单位 | 完成时限), then one row per task. Cells are separated by tabs, by `|`, or
 * by runs of two or more spaces. The header decides what each column means, so the order of
 * the columns and their exact wording may vary; every row with a task cell becomes an item.
 *
 * A table from a .docx (or copied from a web page) often arrives one cell per line: the header
 * cells on consecutive lines (序号 / 主要工作任务 / 责任单位), then each row's cells in the same
 * order. Such a table is read the same way, a row being as many non-blank lines as the header has.
 */
import type { ResponsibleRole } from '../model/plan.js';
import type { Span } from '../model/span.js';
import { CodeSet, codesOf, holdsCode, isBlank, isCjk, isDigitCode, isJsSpace, type Line, type SourceText } from './text.js';
import { markerIn, mayStartMarker } from './markers.js';
import { endsLikeUnit, looksLikeUnit, splitNames } from './units.js';
import { chineseToNumber } from './numerals.js';
import { readSchedule } from './schedule.js';

export type ColumnKind = 'number' | 'task' | 'target' | 'lead' | 'cooperate' | 'responsible' | 'person' | 'deadline' | 'frequency' | 'assessor' | 'other';

export interface TableCell {
  kind: ColumnKind;
  span: Span;
}

export interface TableRow {
  line: number;
  span: Span;
  cells: TableCell[];
}

export interface Table {
  headerLine: number;
  /** Header span, for warnings about columns. */
  headerSpan: Span;
  columns: ColumnKind[];
  /** Each column's header cell. */
  headerCells: Span[];
  rows: TableRow[];
}

const TASK_HEADER = /^(?:重点|主要|具体|工作|目标)?(?:工作)?(?:任务|事项|内容|工作|举措|措施|要点)(?:内容|事项|名称|措施)?$/;

/** 责任单位(牵头), 责任部门(配合): one unit column of two, its role in the brackets. */
const ROLE_IN_BRACKETS_RE = /^(?:责任|主要)?(?:单位|部门)[((【〔](牵头|主办|主责|配合|协办|参与|协同|协助)[))】〕]$/;

/**
 * A column's name without spaces, a closing note in brackets (责任单位(排第一位的为牵头单位), 【】 alike,
 * 投资金额(万元)) or the year it is for (2022年预期目标, 2023年度工作任务).
 */
export function headerName(header: string): string {
  return header
    .replace(/\s+/g, '')
    .replace(/[(【〔[][^()【】〔〕[\]]{1,24}[)】〕\]]$/, '')
    .replace(/^(?:19|20)[0-9]{2}年度?/, '');
}

export function columnKind(header: string): ColumnKind {
  // 责任单位(排第一位的为牵头单位): a note in brackets after the column's name says how to read it,
  // and the first named unit of a 责任单位 column leads anyway.
  // 责任单位(牵头), 责任单位(配合): a unit column's role written in its brackets.
  const role = ROLE_IN_BRACKETS_RE.exec(header.replace(/\s+/g, ''));
  if (role?.[1]) return /^(?:牵头|主办|主责)$/.test(role[1]) ? 'lead' : 'cooperate';
  const h = headerName(header);
  // 目标任务分解表, 民生实事清单: a table's own title above it, not a column.
  if (/(?:表|清单|方案|一览)$/.test(h)) return 'other';
  if (/^(?:序号|编号|序)$/.test(h)) return 'number';
  // 牵头单位及主要负责人, 责任单位责任人: the unit leads, the person after its name is left out (see withoutPersons).
  if (/^(?:牵头|责任)(?:单位|部门)(?:及|和)?(?:其)?(?:主要)?(?:负责人|责任人)$/.test(h)) return h.startsWith('牵头') ? 'lead' : 'responsible';
  if (/(?:领导|责任人|负责人|处室)$/.test(h)) return 'person';
  // 责任科室: a town's offices (乡村振兴办, 党政办) are the units that carry its tasks.
  // 责任股室: a county bureau's sections (文化宣传股, 旅游股) alike.
  if (/^(?:责任|牵头|承办)(?:科室|股室)$/.test(h)) return h.startsWith('牵头') ? 'lead' : 'responsible';
  // 牵头协调部门: the department that leads and coordinates a project.
  // 市级牵头单位: the units of one level (a provincial plan's columns for its cities' units beside); 牵头组织实施单位 alike.
  if (/^(?:省级|市级|区级|县级|镇级)?(?:牵头|主办|主责)(?:负责|责任|组织实施|组织|实施|协调)?(?:单位|部门|机关)$/.test(h)) return 'lead';
  // 主要责任单位: those responsible, the first named leading (as under 责任单位).
  if (/^主要(?:负责|责任)(?:单位|部门|机关)$/.test(h)) return 'responsible';
  // 责任主体与协同单位: the column that names the cooperating units after the lead's.
  // 相关责任部门 beside a 牵头部门 column: the others who share the task.
  if (/^(?:省级|市级|区级|县级|镇级)?(?:配合|协办|参与|协同|协助|协作|协同配合|配合协同)(?:责任)?(?:单位|部门|机关)$|^责任主体(?:与|和|及)(?:配合|协同|协办)(?:单位|部门)$|^(?:相关|其他|其它|有关)(?:责任|配合)?(?:单位|部门)$/.test(h)) return 'cooperate';
  // 负责部门: those who do the task, the first named leading (遂宁 2016's 负责部门 column). 区级责任单位,
  // 街道责任单位: the units of one level. 主管部门, 责任分工 (市发改委牵头,市财政局配合): those answering for it.
  if (/^(?:省级|市级|区级|县级|镇级|乡镇|街道|镇街)?(?:责任|承办|落实|实施|负责)(?:单位|部门|机关|主体)$|^(?:主管|监管)部门$|^责任分工$/.test(h)) return 'responsible';
  if (/^支持(?:单位|部门)$/.test(h)) return 'cooperate';
  // 监考单位, 考核单位, 评分部门: in a table of targets handed down, the units each target is assessed on
  // (beside a column of those responsible, the assessors: see withAssessorColumns).
  if (ASSESSING_COLUMN_RE.test(h)) return 'responsible';
  if (/(?:时限|时间|期限|节点|进度安排|时间安排|时间进度|建设年限)$/.test(h)) return 'deadline';
  // 指标要求, 目标值, 预期目标: the figure to reach, written beside the task's name.
  // 2022年度任务目标: the year's goal beside a matter's name.
  if (/^(?:指标|目标)(?:要求|值)$|^(?:预期|年度|工作)?目标(?:值)?$|^(?:[0-9]{4}年)?(?:全年|年度|攻坚)?(?:目标任务|任务目标)$/.test(h)) return 'target';
  // 建设内容 beside a 项目名称 column: what a project builds, its figures the targets. (建设规模 alone
  // is the whole project's size over its years, 占地280亩, 总投资12.8亿元: no target of the plan's.)
  if (/^(?:年度)?(?:建设|实施)内容(?:及规模)?$|^年度(?:建设|实施)规模$/.test(h)) return 'target';
  if (/(?:频次|频率|周期)$/.test(h)) return 'frequency';
  // 任务来源, 任务依据: where a task comes from (市政府工作报告), not the task.
  if (/(?:来源|依据|出处)$/.test(h)) return 'other';
  // 项目名称: a list of projects, each row's project is its task.
  if (TASK_HEADER.test(h) || /^(?:建设)?(?:项目|工程)(?:名称)?$/.test(h) || /任务|措施|举措|事项|^(?:民生|为民办)?实事(?:项目)?(?:名称|内容)?$|工程名称|指标名称/.test(h) || /^(?:工作)?内容(?:与|和|及)?要求$/.test(h)) return 'task';
  return 'other';
}

/** 细化措施, 具体措施: a column spelling out the task beside it, its figures the ones to reach. */
const MEASURE_HEADER_RE = /^(?:细化|具体|主要|工作)?(?:措施|举措)$|^细化(?:任务|要求)$/;

/**
 * 序号 | 类别 | 主要任务 | 细化措施 | 牵头单位: a column of measures after the task column is read for the
 * row's targets (a target column). A row whose task cell is empty (merged with the rows above) is
 * titled by its measures.
 */
function withMeasureColumn(columns: ColumnKind[], names: string[], rows: TableRow[]): void {
  const t = columns.indexOf('task');
  const m = columns.findIndex((k, c) => c > t && k === 'task' && MEASURE_HEADER_RE.test(headerName(names[c] ?? '')));
  if (t < 0 || m < 0) return;
  columns[m] = 'target';
  for (const row of rows) {
    const task = row.cells.find((c) => c.kind === 'task');
    const measure = row.cells.find((c) => c.kind === 'task' && c !== task);
    for (const cell of row.cells) if (cell === measure) cell.kind = 'target';
    if (task && task.span[0] === task.span[1] && measure && measure.span[0] < measure.span[1]) {
      task.kind = 'other';
      measure.kind = 'task';
    }
  }
}

/** 监考单位, 考核部门, 考评单位, 评分部门: the column naming who assesses or scores each row. */
const ASSESSING_COLUMN_RE = /^(?:监考|考核|考评|评分|监测|责任考核)(?:单位|部门)$/;

/**
 * 序号 | 考核内容 | 责任部门 | 评分部门: beside a column naming those responsible (责任部门, 牵头单位), a
 * column naming who assesses or scores the row names no one responsible (the city bureaus that
 * score a county's work); its cells are the assessors' (kept in their place, read for no one).
 * Where it is the only unit column, the units assessed on each target are those it names.
 */
export function withAssessorColumns(columns: ColumnKind[], names: string[]): ColumnKind[] {
  const assessing = (k: number): boolean => ASSESSING_COLUMN_RE.test(headerName(names[k] ?? ''));
  if (!columns.some((kind, k) => isUnitKind(kind) && !assessing(k))) return columns;
  columns.forEach((kind, k) => {
    if (isUnitKind(kind) && assessing(k)) columns[k] = 'assessor';
  });
  return columns;
}

/** 责任处室, 牵头处室, 配合处室: a department's own offices, the units of a table it keeps for itself. */
const OFFICE_COLUMN_RE = /^(?:责任|牵头|承办|主办|配合|协办|参与)处室$/;

/**
 * 序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限: a table a commission keeps of its own work names its
 * offices in a 处室 column and no unit column. Where no column names units, such a column does
 * (its first office leading, or all of them where the column says 牵头; a 配合处室 column's offices
 * cooperate). Beside a unit column it
 * stays a column of persons, not units.
 */
export function withOfficeColumns(columns: ColumnKind[], names: string[]): ColumnKind[] {
  if (columns.some(isUnitKind)) return columns;
  names.forEach((name, k) => {
    const h = headerName(name);
    if (columns[k] === 'person' && OFFICE_COLUMN_RE.test(h)) columns[k] = /^(?:牵头|主办)/.test(h) ? 'lead' : /^(?:配合|协办|参与)/.test(h) ? 'cooperate' : 'responsible';
  });
  return columns;
}

/**
 * A table whose only column of work is its targets (序号 / 2022年预期目标 / 责任单位): each row's
 * target is its task, so that column is read as the task column.
 */
export function withTaskColumn(columns: ColumnKind[], names?: string[]): ColumnKind[] {
  if (columns.includes('task')) return columns;
  // 序号 / 指标 / 目标值 / 责任单位: the indicator's name, not its value, is what the row is about.
  const indicator = names ? names.findIndex((n, k) => columns[k] === 'other' && INDICATOR_HEADER_RE.test(headerName(n))) : -1;
  if (indicator >= 0) {
    // 考核指标 / 考核内容 / 年度目标: an indicator followed by a column of what it measures is written once
    // over the rows it spans (确保粮食供给 over 粮食播种面积, 生猪存栏…), a heading; each row is named by its content.
    const content = (names ?? []).findIndex((n, k) => k > indicator && columns[k] === 'other' && CONTENT_HEADER_RE.test(headerName(n)));
    columns[content >= 0 ? content : indicator] = 'task';
    return columns;
  }
  const at = columns.indexOf('target');
  if (at >= 0) columns[at] = 'task';
  // 序号 / 项目内容 / 当前进度 / 牵头单位: with no task column, the column saying what each project is.
  else if (names) {
    const content = names.findIndex((n, k) => columns[k] === 'other' && CONTENT_HEADER_RE.test(headerName(n)));
    if (content >= 0) columns[content] = 'task';
  }
  return columns;
}

/** 指标, 考核指标, 主要指标: the column naming each row's indicator. */
const INDICATOR_HEADER_RE = /^(?:考核|主要|年度|约束性|预期性|发展)?指标$/;

/** 项目内容, 建设内容, 工作内容: what a row's project or work is, its task where no column says 任务. */
const CONTENT_HEADER_RE = /^(?:项目|建设|工作|实施|考核)?内容$/;

/** Column names that carry nothing the plan keeps (进展情况, 备注), but still belong to a header. */
export const OTHER_HEADER =
  /^(?:(?:[0-9]{1,2}(?:-[0-9]{1,2})?月|第?[一二三四1-4]季度|上半年|前三季度|全年)?(?:进展|完成|落实|推进|办理)(?:情况|进度)|(?:当前|目前|实际|工程|项目|序时)进度|完成率|联系电话|监督电话|联系方式|(?:计量)?单位|(?:工作|完成|考核|验收)标准|(?:阶段|进度|季度)目标|存在(?:的)?问题|下(?:一)?步(?:工作)?(?:计划|打算|措施)|是否[^\s]{1,6}|备注|说明|名称|领域|板块|分值|分数|权重|计分|(?:工作|具体|完成|公开|目标)?要求|(?:任务|文件)?(?:来源|依据|出处)|(?:建设|实施|项目)?(?:地点|规模|内容|性质|类别)|(?:考核|主要|年度|约束性|预期性|发展)?指标|(?:年度|计划|总|项目)?(?:投资|资金)(?:金额|额|规模|来源)?)$/;

/**
 * A group row between a table's rows: 一、产业发展 (or (一)…) alone on its line, heading the rows
 * after it. It is no task; the table goes on after it.
 */
const GROUP_ROW_RE = /^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\))\s*[^\s|]{1,30}$/;

/** A rule row of a pipe table: |---|:---:|, nothing but bars, dashes, colons and spaces. */
const RULE_ROW_RE = /^[|\-:\s]+$/;

/**
 * Cells of a line as spans: tab or `|` separated, else two or more spaces. With `eachTab`, every
 * tab separates (a row's empty middle cell, `市统计局\t\t每季度`, is kept); otherwise runs of
 * tabs count as one, as in a header aligned with extra tabs. Empty cells at either end are left out,
 * unless `keepEdges` (a header's second row, whose first cells stand under 序号 and 工作任务).
 */
export function splitCells(norm: string, s: number, e: number, eachTab = false, keepEdges = false): Span[] {
  const text = norm.slice(s, e);
  const sep = text.includes('\t') ? (eachTab ? /\t/g : /\t+/g) : text.includes('|') ? /\s*\|\s*/g : / {2,}/g;
  const cells: Span[] = [];
  let at = 0;
  for (const m of text.matchAll(sep)) {
    cells.push([s + at, s + m.index]);
    at = m.index + m[0].length;
  }
  cells.push([s + at, e]);
  return cells
    .map(([a, b]): Span => {
      while (a < b && /\s/.test(norm[a] ?? '')) a++;
      while (b > a && /\s/.test(norm[b - 1] ?? '')) b--;
      return [a, b];
    })
    .filter(([a, b], i, all) => a < b || keepEdges || (i > 0 && i < all.length - 1));
}

/** Offset of the first `needle` at or after `from`, given `known`, the answer for an earlier offset (-1 before the first); Infinity when there is none. */
function nextAt(norm: string, needle: string, known: number, from: number): number {
  if (known >= from) return known;
  const at = norm.indexOf(needle, from);
  return at < 0 ? Infinity : at;
}

/** The first division table in lines [from, to), or null: cells on one line, else one cell per line. */
export function findTable(src: SourceText, from: number, to: number): Table | null {
  return findRowTable(src, from, to) ?? findColumnTable(src, from, to) ?? findLabelRows(src, from, to);
}

/** Most tables read after a document's first (a hostile text of header rows cannot make parsing quadratic). */
const MAX_MORE_TABLES = 50;

/**
 * The division tables after `first`, each under a header row of its own (cells on one line): a
 * document's second table (主要指标 after 重点任务), a workbook's next sheet, or the rows after a header
 * repeated at the top of a new page. Text between two tables is not read.
 */
export function moreTables(src: SourceText, first: Table, to: number): Table[] {
  const out: Table[] = [];
  let last = first;
  while (out.length < MAX_MORE_TABLES) {
    const end = tableEndLine(src, last);
    if (end >= to) break;
    const next = findRowTable(src, end, to);
    if (!next) break;
    out.push(next);
    last = next;
  }
  return out;
}

/** The first line after a table's last row (after its header when it has no row). */
function tableEndLine(src: SourceText, table: Table): number {
  const lastRow = table.rows[table.rows.length - 1];
  const end = lastRow ? lastRow.span[1] : table.headerSpan[1];
  let l = lastRow ? lastRow.line : table.headerLine;
  while (l < src.lines.length && (src.lines[l]?.start ?? Infinity) < end) l++;
  return l;
}

/** 序号 ⇥ 工作任务 ⇥ 牵头单位, | 序号 | 指标 | 责任单位 |: a row that is a table's header (opens with 序号, or every word names a column). */
function headerRow(norm: string, row: Line): boolean {
  let s = row.trimStart;
  while (s < row.trimEnd && (norm.charCodeAt(s) === 0x7c || isJsSpace(norm.charCodeAt(s)))) s++;
  const c = norm.charCodeAt(s);
  if ((c === 0x5e8f || c === 0x7f16) && NUMBER_HEAD_RE.test(norm.slice(s, s + 3))) return true;
  return CELL_SEP_HEAD_RE.test(norm.slice(s, s + 3)) || knownWordsHeader(norm, row);
}

/** 重点工作: | 135.把…治理。 |: a row of two cells, a label and its value. */
const LABEL_ROW_RE = /^([^\s|:]{2,12})\s*:\s*\|\s*(\S.*?)\s*\|?$/;
/** Labels whose value is a task: 重点工作, 工作任务, 任务名称, 项目名称. */
const TASK_LABEL_RE = /^(?:重点|主要|年度)?(?:工作|任务|项目|事项)(?:任务|名称|内容|事项)?$|^重点工作$/;
/** Lines looked at for a record's label rows. */
const MAX_RECORD_LINES = 2000;

/**
 * 重点工作: | 135.把违法建设治理…。 | ⏎ 牵头单位: | 市城市管理综合执法局 | ⏎ 年度阶段性工作目标: | …: a record
 * of a key work kept as rows of a label and its value (a page of a government's key-work ledger).
 * Each task label's row starts an item, the unit labels' rows after it name its units by their
 * column's kind; the other labels (阶段目标, 进展情况) give nothing. Null where no task row is
 * followed by a unit row.
 */
function findLabelRows(src: SourceText, from: number, to: number): Table | null {
  const { norm, lines } = src;
  const rows: TableRow[] = [];
  let headerLine = -1;
  let current: TableRow | null = null;
  for (let i = from; i < to && i - from < MAX_RECORD_LINES; i++) {
    const line = lines[i];
    if (!line || isBlank(line)) continue;
    const m = LABEL_ROW_RE.exec(norm.slice(line.trimStart, line.trimEnd));
    if (!m) continue;
    const label = m[1] ?? '';
    const at = line.trimStart + (m.index ?? 0) + m[0].lastIndexOf(m[2] ?? '');
    const span: Span = [at, at + (m[2] ?? '').length];
    if (TASK_LABEL_RE.test(label)) {
      current = { line: i, span, cells: [{ kind: 'task', span }] };
      rows.push(current);
      if (headerLine < 0) headerLine = i;
      continue;
    }
    const kind = columnKind(label);
    if (current && isUnitKind(kind) && !current.cells.some((c) => c.kind === kind)) {
      current.cells.push({ kind, span });
      current.span = [current.span[0], span[1]];
    }
  }
  const named = rows.filter((r) => r.cells.some((c) => isUnitKind(c.kind)));
  if (named.length === 0 || named.length * 2 < rows.length) return null;
  const columns: ColumnKind[] = ['task', ...new Set(named.flatMap((r) => r.cells.slice(1).map((c) => c.kind)))];
  const first = rows[0] as TableRow;
  return { headerLine, headerSpan: first.span, columns, headerCells: columns.map(() => first.span), rows };
}

/** Longest header cell, in characters: a header line is a column name, not a sentence. */
const MAX_HEADER_CHARS = 12;

function nonBlankLines(src: SourceText, from: number, to: number, limit: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to && out.length < limit; i++) {
    const line = src.lines[i];
    if (line && !isBlank(line) && !barsOnly(src.norm, line.trimStart, line.trimEnd)) out.push(i);
  }
  return out;
}

const PLACE_END_RE = /[区县市州]$/;

/** A person's name in a cell of its own: two to four characters, maybe spaced (王 东). */
export const PERSON_RE = /^[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}$/;

/** A leader's post in a person's cell (分管副县长, 分管副主任, 常务副市长). */
const POST_CELL_RE = /^(?:分管|协管|主管|联系|牵头)?(?:常务)?副?(?:省长|市长|州长|县长|区长|镇长|乡长|秘书长|主席|主任|书记|局长)$/;

/** Whether a cell names a person: a name (王 东) or a leader's post. */
export const personCell = (text: string): boolean => PERSON_RE.test(text) || POST_CELL_RE.test(text);

export const isUnitKind = (k: ColumnKind): boolean => k === 'lead' || k === 'responsible' || k === 'cooperate';

/** Whether the cell holds nothing but unit names (县发改局、各街道). */
export function unitsCell(src: SourceText, [s, e]: Span): boolean {
  // (区发改委、区市场监管局。: a cell may close its list with a full stop; one name alone before it must
  // open with its level's word, as a unit's does: 创成首批浙江省美丽城镇。 is a sentence.)
  let closed = false;
  if (e - s > 2 && (src.norm.charCodeAt(e - 1) === 0x3002 || src.norm.charCodeAt(e - 1) === 0x3b)) {
    e--;
    closed = !/[、,]/.test(src.norm.slice(s, e));
  }
  if (e <= s || e - s > 160) return false;
  const text = src.norm.slice(s, e);
  if (/[“”"《》:;。]/.test(text)) return false;
  const names = splitNames(src.norm, s, e);
  // 经委, 农委: a table's unit column writes short names a bracket's list would not be trusted with.
  // 黄埔区, 南沙区政府: in a unit column a place stands for its government.
  return (
    names.length > 0 &&
    names.length <= 12 &&
    names.every((p) => {
      // 市发改委牵头落实, 市金融办、…分别牵头落实: the cell may say the names' role after them.
      const name = ROLE_TAIL_LAST.has(p.name.charCodeAt(p.name.length - 1)) ? p.name.replace(ROLE_TAIL_RE, '') : p.name;
      if (closed && !LEVEL_START_RE.test(name)) return false;
      return name.length >= 2 && name.length <= 24 && (looksLikeUnit(name) || (!closed && PLACE_END_RE.test(name)));
    })
  );
}
/** 区投资促进中心, 县财政局: a name opening with its level's word, as a unit's does (not 创成首批…城镇). */
const LEVEL_START_RE = /^(?:省|市|县|区|州|镇|乡|街道)/;
const ROLE_TAIL_RE = /(?:分别)?(?:牵头|配合|负责|参与|协助|协办|主办)(?:落实|负责|实施)?$/;
const ROLE_TAIL_LAST = new CodeSet(codesOf('头合责与助办实施'));

/** Whether the cell says when (2021年底前, 每季度, 长期坚持). */
export function deadlineLike(norm: string, [s, e]: Span): boolean {
  if (e - s > 20) return false;
  // Any year will do: the reading is asked whether the words say when, not which day.
  const r = readSchedule(norm.slice(s, e), 2020);
  return r.due !== null || r.frequency !== null;
}

/** Whether a row's unit columns name units (or are empty). */
function unitCellOk(src: SourceText, row: TableRow): boolean {
  return row.cells.every((c) => !isUnitKind(c.kind) || c.span[0] === c.span[1] || unitsCell(src, c.span));
}

/**
 * Rows of a one-cell-per-line table found from their unit cells: a line naming only units after one
 * that does not starts the units of a row; the line before it is the row's task, a number before
 * that its number, and the unit lines after it fill the next unit columns. What stands between
 * rows (group rows, progress notes) is passed over.
 */
function anchoredRows(src: SourceText, columns: ColumnKind[], from: number, to: number): TableRow[] {
  const taskAt = columns.indexOf('task');
  const unitAt = columns.findIndex(isUnitKind);
  if (taskAt < 0 || unitAt < 0 || taskAt > unitAt) return [];
  const lines = nonBlankLines(src, from, to, 4000);
  const spans = lines.map((n) => cellOf(src, n));
  const units = spans.map((sp) => unitsCell(src, sp));
  const rows: TableRow[] = [];
  for (let k = 1; k < lines.length; k++) {
    if (!units[k] || units[k - 1]) continue;
    // 徐国江 ⏎ 城管局: a leader's name between the task and its units is passed over.
    let t = k - 1;
    while (t > 0 && PERSON_RE.test(src.norm.slice(spans[t]?.[0] ?? 0, spans[t]?.[1] ?? 0)) && !units[t - 1]) t--;
    const task = spans[t] as Span;
    if (startsWithMarker(src.norm, task) && task[1] - task[0] <= 6) continue;
    const cells: TableCell[] = [{ kind: 'task', span: task }];
    const numberAt = columns.indexOf('number');
    // 序号 / 名称 / 工作任务: a name cell may stand between the number and the task.
    const gap = taskAt - numberAt - 1;
    for (let back = 1; numberAt >= 0 && back <= 1 + Math.max(0, gap); back++) {
      const before = spans[t - back];
      if (!before || units[t - back]) break;
      if (numberOf(src.norm.slice(before[0], before[1])) !== null) {
        cells.unshift({ kind: 'number', span: before });
        break;
      }
    }
    // 做好主动公开工作 ⏎ 1 ⏎ 逐件梳理…: with no 序号 column (a group cell stands before the number), the
    // line right before the task numbers the row when it continues the rows' sequence.
    const before = spans[t - 1];
    if (numberAt < 0 && before && src.norm.slice(before[0], before[1]) === String(rows.length + 1)) cells.unshift({ kind: 'number', span: before });
    let m = k;
    for (let c = unitAt; c < columns.length && isUnitKind(columns[c] as ColumnKind) && m < lines.length && units[m]; c++, m++) {
      cells.push({ kind: columns[c] as ColumnKind, span: spans[m] as Span });
    }
    const last = cells[cells.length - 1]?.span ?? task;
    rows.push({ line: lines[t] ?? 0, span: [cells[0]?.span[0] ?? task[0], last[1]], cells });
    k = m - 1;
  }
  return rows;
}

/**
 * 73 ⏎ 全力推动…增加到560 at the text's end: a one-cell-per-line table's last row, cut off after its
 * task (an excerpt's end), is a row of its own, with no units.
 */
function cutOffRow(src: SourceText, columns: ColumnKind[], rows: TableRow[]): void {
  const last = rows[rows.length - 1];
  const numberAt = columns.indexOf('number');
  if (!last) return;
  let after = last.line;
  while (after < src.lines.length && (src.lines[after]?.trimEnd ?? 0) <= last.span[1]) after++;
  const rest = nonBlankLines(src, after, src.lines.length, 3);
  if (!last.cells.some((c) => c.kind === 'number')) numberedCutOffRow(src, rows, rest);
  if (rows[rows.length - 1] !== last || numberAt < 0 || columns.indexOf('task') !== numberAt + 1) return;
  // (Two lines, then the text's end: nothing after them may be read as the row's.)
  if (rest.length !== 2) return;
  const [n, t] = rest.map((k) => cellOf(src, k)) as [Span, Span];
  if (numberOf(src.norm.slice(n[0], n[1])) === null || lineType(src, t, false) !== 'text' || t[1] - t[0] < 6) return;
  rows.push({ line: rest[0] ?? after, span: [n[0], t[1]], cells: [{ kind: 'number', span: n }, { kind: 'task', span: t }] });
}

/**
 * 3.疫情防控…落实。 ⏎ 市财政局等 ⏎ 4.各地从事…工商户 at the text's end: rows whose task cells carry
 * their own numbers (no 序号 cell), the last cut off after its task, the line numbered next to the
 * last row's task is a row of its own, with no units.
 */
function numberedCutOffRow(src: SourceText, rows: TableRow[], rest: number[]): void {
  const last = rows[rows.length - 1];
  const task = last?.cells.find((c) => c.kind === 'task');
  if (!task || rest.length !== 1) return;
  const { norm } = src;
  const cell = cellOf(src, rest[0] ?? -1);
  const above = startsWithMarker(norm, task.span) ? markerIn(norm, task.span[0], Math.min(task.span[1], task.span[0] + 16)) : null;
  const own = startsWithMarker(norm, cell) ? markerIn(norm, cell[0], Math.min(cell[1], cell[0] + 16)) : null;
  if (!above || !own || above.value === null || own.value !== above.value + 1 || cell[1] - own.bodyStart < 6 || lineType(src, cell, false) !== 'text') return;
  rows.push({ line: rest[0] ?? 0, span: cell, cells: [{ kind: 'task', span: cell }] });
}

/** The index of the first row whose number cell neither follows the row above's nor starts again at 1 (rows.length where all do). */
function outOfStep(src: SourceText, rows: TableRow[]): number {
  let above: number | null = null;
  for (let k = 0; k < rows.length; k++) {
    const cell = rows[k]?.cells.find((c) => c.kind === 'number');
    const n = cell ? numberOf(src.norm.slice(cell.span[0], cell.span[1])) : null;
    if (k > 0 && above !== null && n !== null && n !== above + 1 && n !== 1) return k;
    above = n;
  }
  return rows.length;
}

/** A row's number cell: 1, 12, 1. (a dot or 、 after it), 一, 十二. */
const NUMBER_CELL_RE = /^(?:[0-9]{1,4}|[一二三四五六七八九十]{1,3})[.、]?$/;

/** The value of a row's number cell, or null when the cell is no row number. */
function numberOf(text: string): number | null {
  if (!NUMBER_CELL_RE.test(text)) return null;
  const bare = text.replace(/[.、]$/, '');
  return isDigitCode(bare.charCodeAt(0)) ? Number(bare) : chineseToNumber(bare);
}

/** What a line of a one-cell-per-line table holds, for aligning the lines to the header's columns. */
type LineType = 'number' | 'figure' | 'units' | 'person' | 'text';

function lineType(src: SourceText, span: Span, persons: boolean): LineType {
  const text = src.norm.slice(span[0], span[1]);
  if (numberOf(text) !== null) return 'number';
  if (/^[-+]?[0-9]+(?:\.[0-9]+)?%?$/.test(text)) return 'figure';
  if (unitsCell(src, span)) return 'units';
  // 工业投资: four characters are a name only where a column of persons stands.
  if (persons && PERSON_RE.test(text)) return 'person';
  return 'text';
}

/** Whether a line of the given type may fill a column of the given kind; `strict`: only by a type no task has. */
function fitsColumn(kind: ColumnKind, t: LineType, strict: boolean): boolean {
  if (kind === 'number') return t === 'number';
  if (isUnitKind(kind)) return t === 'units';
  if (kind === 'person') return t === 'person';
  if (t === 'units') return false;
  return strict ? t === 'number' || t === 'figure' : true;
}

/**
 * Rows of a one-cell-per-line table read as a stream of typed cells (a number, a bare figure, a
 * units cell, a person, a text) aligned to the header's columns: a row starts at its task (a text
 * followed by a cell only the column after the task takes: 地区生产总值增长率 ⏎ 3), and a column
 * whose cell does not come is a cell merged with the row above, its units carried down. A text
 * before a row's task that starts no row itself is a group row (宏观调控) and is passed over.
 */
function streamRows(src: SourceText, columns: ColumnKind[], from: number, to: number): TableRow[] {
  const taskAt = columns.indexOf('task');
  const numberAt = columns.indexOf('number');
  if (taskAt < 0 || taskAt + 1 >= columns.length || (numberAt >= 0 && numberAt > taskAt)) return [];
  // 牵头单位 / 目标任务 / 责任单位: a unit column may stand before the task, its cell written once for
  // the rows it spans (and maybe broken into lines of a few characters: 市政 ⏎ 府办 ⏎ 公厅).
  const before = columns.slice(0, taskAt).filter((k) => k !== 'number');
  if (before.length > 1 || (before.length === 1 && !isUnitKind(before[0] as ColumnKind))) return [];
  const leadAt = before.length === 1 ? columns.indexOf(before[0] as ColumnKind) : -1;
  const after = columns[taskAt + 1] as ColumnKind;
  // The column after the task must be told from a task by its cells' type.
  if (after === 'task') return [];
  const lines = nonBlankLines(src, from, to, 4000);
  const spans = lines.map((n) => cellOf(src, n));
  const persons = columns.includes('person');
  // Typed as the stream reaches them: the stream may stop long before the section ends.
  const typed: (LineType | undefined)[] = [];
  const typeOf = (k: number): LineType | undefined => (k < spans.length ? (typed[k] ??= lineType(src, spans[k] as Span, persons)) : undefined);
  const starts = (k: number): boolean =>
    typeOf(k) === 'text' && k + 1 < lines.length && fitsColumn(after, typeOf(k + 1) as LineType, true) && !startsWithMarker(src.norm, spans[k] as Span);
  const rows: TableRow[] = [];
  const carried = new Map<number, Span>();
  let k = 0;
  let passed = 0;
  while (k < lines.length) {
    let numberCell: Span | null = null;
    let t = k;
    if (numberAt >= 0 && typeOf(t) === 'number') {
      numberCell = spans[t] as Span;
      t++;
    }
    let leadCell: Span | null = null;
    if (leadAt >= 0) {
      // (Before the row's task: 市政 ⏎ 府办 may look like a task and its units.)
      if (typeOf(t) === 'units' && starts(t + 1)) leadCell = spans[t++] as Span;
      else if (!starts(t) || (spans[t] as Span)[1] - (spans[t] as Span)[0] <= 4) {
        let joined = '';
        for (let j = t; j < lines.length && j - t < 8; j++) {
          const [a, b] = spans[j] as Span;
          if (b - a > 4 || !/^[\u4e00-\u9fff]+$/.test(src.norm.slice(a, b))) break;
          joined += src.norm.slice(a, b);
          if (starts(j + 1) && looksLikeUnit(joined)) {
            leadCell = [(spans[t] as Span)[0], b];
            t = j + 1;
            break;
          }
        }
      }
    }
    if (!starts(t)) {
      if (++passed > 3 && rows.length > 0) break;
      k++;
      continue;
    }
    passed = 0;
    const cells: TableCell[] = [];
    if (numberCell) cells.push({ kind: 'number', span: numberCell });
    if (leadAt >= 0) {
      const lead = leadCell ?? carried.get(leadAt);
      if (leadCell) carried.set(leadAt, leadCell);
      if (lead) cells.push({ kind: columns[leadAt] as ColumnKind, span: lead });
    }
    cells.push({ kind: 'task', span: spans[t] as Span });
    let m = t + 1;
    for (let c = taskAt + 1; c < columns.length; c++) {
      const kind = columns[c] as ColumnKind;
      const own = m < lines.length && !starts(m) && !(numberAt >= 0 && typeOf(m) === 'number' && starts(m + 1)) && fitsColumn(kind, typeOf(m) as LineType, false);
      if (own) {
        const span = spans[m] as Span;
        cells.push({ kind: kind === 'task' ? 'other' : kind, span });
        if (isUnitKind(kind)) carried.set(c, span);
        m++;
      } else if (isUnitKind(kind) && carried.has(c) && m < lines.length) {
        // A unit cell merged over this row and the rows above: the row takes the units of the row above
        // (not when the text ends inside the row: a table cut off).
        cells.push({ kind, span: carried.get(c) as Span });
      }
    }
    const own = cells.filter((c) => c.span[0] >= (spans[t] as Span)[0]);
    const last = own[own.length - 1]?.span ?? (spans[t] as Span);
    const first = numberCell ?? leadCell ?? (spans[t] as Span);
    rows.push({ line: lines[k] ?? 0, span: [first[0], last[1]], cells });
    k = m;
  }
  return rows;
}

const isDeadline = (k: ColumnKind): boolean => k === 'deadline';

/** What a line of a numbered one-cell-per-line row holds, for `numberedRows`. */
type CellType = 'units' | 'person' | 'deadline' | 'text';

/**
 * The words a deadline cell is made of (2021年12月底前完成, 长期坚持, 每季度): a cell that is more than
 * these and a few more characters is a sentence (全年开展送戏下乡演出…), not a deadline.
 */
const DATE_WORDS_RE = /[0-9〇零一二三四五六七八九十]+|[年月日底前末内中旬度季起至止到—~\-、.\s]|上半|下半|全年|长期|坚持|持续|每|完成|启动|开始/g;

/** Longest text read as a row's unit cell by its place alone (市商务局、苏州海关, 水库工作专班). */
const MAX_POSITIONAL_UNITS = 40;

/** Longest cell read as a category cell written before a row's task (公共文化服务, 文化市场管理). */
const MAX_CATEGORY_CHARS = 16;

/**
 * Rows of a one-cell-per-line table numbered 1, 2, 3… whose merged cells are written only in the
 * first row they span (略阳 2019: a 指标 cell once per group; a deadline, a leader and a unit cell
 * only where they change, a unit cell one name a line). Each row runs from its number to the next.
 * Its lines are told apart by what they hold: names of units, a person (where a column of persons
 * stands), a deadline (where a column of deadlines stands), or text. The text lines before the first
 * of the others are the short cells of the columns before the task, then the task, then the text
 * columns after it. The first line naming units fills the first unit column and the others the
 * next one, or cooperate after a 责任单位 column's first. A row naming no unit takes the units of the
 * row above, and a row stating no deadline its deadline (cells merged over both).
 */
function numberedRows(src: SourceText, columns: ColumnKind[], from: number, to: number): TableRow[] {
  const taskAt = columns.indexOf('task');
  const unitAt = columns.findIndex(isUnitKind);
  if (columns[0] !== 'number' || taskAt < 1 || unitAt < taskAt) return [];
  const lines = nonBlankLines(src, from, to, 4000);
  const spans = lines.map((n) => cellOf(src, n));
  const textOf = (k: number): string => src.norm.slice((spans[k] as Span)[0], (spans[k] as Span)[1]);
  const persons = columns.includes('person');
  const deadlines = columns.includes('deadline');
  const typeOf = (k: number): CellType => {
    const span = spans[k] as Span;
    if (unitsCell(src, span)) return 'units';
    if (deadlines && deadlineLike(src.norm, span) && textOf(k).replace(DATE_WORDS_RE, '').length <= 4) return 'deadline';
    // (伍  挺: a name of two characters spaced out to the width of three.)
    if (persons && personCell(textOf(k).replace(/\s+/g, ''))) return 'person';
    return 'text';
  };
  /** Whether the lines from `from` to the text's end are cells, none closing a sentence. */
  const cellsOnly = (from: number): boolean => {
    for (let x = from; x < lines.length; x++) if (/[。;!?]$/.test(textOf(x))) return false;
    return true;
  };
  const before = columns.slice(1, taskAt);
  const personAt = columns.indexOf('person');
  /** Whether a line in [from, to) names units, or a person where a column of persons stands after the task. */
  const cellsLater = (from: number, to: number): boolean => {
    for (let x = from; x < to; x++) if (typeOf(x) === 'units' || (typeOf(x) === 'person' && personAt > taskAt)) return true;
    return false;
  };
  const deadlineAt = columns.indexOf('deadline');
  const nextUnitKind = columns.slice(unitAt + 1).find(isUnitKind);
  const unitKinds: [ColumnKind, ColumnKind] = [columns[unitAt] as ColumnKind, nextUnitKind ?? (columns[unitAt] === 'responsible' ? 'cooperate' : (columns[unitAt] as ColumnKind))];
  const maxLines = columns.length + MAX_EXTRA_UNIT_CELLS;
  // The next row's number is looked for further: a row's cells may be broken into lines (a progress
  // cell's points 新开工:… ⏎ 续建:…, a fund's sources 区财政 ⏎ 3200 ⏎ 非财政 ⏎ 6900).
  const reach = columns.length * 2 + MAX_EXTRA_UNIT_CELLS;
  let k = 0;
  while (k < 3 && k < lines.length && numberOf(textOf(k)) === null) k++;
  const rows: TableRow[] = [];
  const carried = new Map<(kind: ColumnKind) => boolean, TableCell[]>();
  while (k < lines.length && numberOf(textOf(k)) !== null && rows.length < 2000) {
    const n = numberOf(textOf(k)) as number;
    let next = -1;
    for (let j = k + 2; j < lines.length && j - k <= reach + 1; j++) {
      if (numberOf(textOf(j)) === n + 1) {
        next = j;
        break;
      }
    }
    const end = next < 0 ? Math.min(lines.length, k + 1 + maxLines) : next;
    const cells: TableCell[] = [{ kind: 'number', span: spans[k] as Span }];
    let j = k + 1;
    const texts: number[] = [];
    // (文化产业 may look like a person's name: not where a category cell stands before the task.)
    while (j < end && (typeOf(j) === 'text' || (typeOf(j) === 'person' && texts.length < before.length))) texts.push(j++);
    if (texts.length === 0) break;
    // The short cells before the task, as many as the columns there and the texts allow.
    let t = 0;
    while (t < before.length && texts.length - t > 1 && textOf(texts[t] as number).length <= MAX_CATEGORY_CHARS && !/[。;]/.test(textOf(texts[t] as number))) {
      cells.push({ kind: before[t] as ColumnKind, span: spans[texts[t] as number] as Span });
      t++;
    }
    cells.push({ kind: 'task', span: spans[texts[t] as number] as Span });
    // The lines after the task, in the columns after it: a line naming units, a person or a deadline
    // fills its column; a text fills the next column after the last filled that takes text. A unit
    // column takes a text (市商务局、苏州海关, 水库工作专班) only when no line of the row names units.
    const unitsLater = (from: number): boolean => {
      for (let x = from; x < end; x++) if (typeOf(x) === 'units') return true;
      return false;
    };
    let at = taskAt;
    let unitLines = 0;
    for (j = (texts[t] as number) + 1; j < end; j++) {
      const type = typeOf(j);
      let kind: ColumnKind;
      if (type === 'units') {
        kind = unitKinds[unitLines++ === 0 ? 0 : 1];
        at = Math.max(at, unitAt);
      } else if (type === 'person' && personAt > taskAt && end - j - 1 <= columns.length - personAt + MAX_EXTRA_UNIT_CELLS) {
        // (续建, 区重点: a short word looks like a name; a person only where the lines left in the row
        // fit the columns from the persons' on.)
        kind = 'person';
        at = Math.max(at, personAt);
      } else if (type === 'deadline') {
        kind = 'deadline';
        at = Math.max(at, deadlineAt);
      } else {
        // (A sentence is never a unit cell: 各单位要抓好落实。 after the table's last row; nor a figure or
        // a span of years, (2005~2015年), 29072.)
        const nameLike = textOf(j).length <= MAX_POSITIONAL_UNITS && !/[。;,:0-9]/.test(textOf(j)) && isCjk(textOf(j).charCodeAt(0));
        const c = columns.findIndex((kc, x) => x > at && kc !== 'person' && kc !== 'deadline' && kc !== 'frequency' && (!isUnitKind(kc) || (nameLike && unitLines === 0 && !unitsLater(j + 1))));
        // (The last row: text past its columns is what follows the table. Unless a line naming units or
        // a person comes later in the row: its cells were broken into more lines than it has columns.)
        if (c < 0 && next < 0 && !cellsLater(j + 1, end)) break;
        kind = c < 0 ? 'other' : isUnitKind(columns[c] as ColumnKind) ? unitKinds[unitLines++ === 0 ? 0 : 1] : (columns[c] as ColumnKind);
        if (c >= 0) at = c;
      }
      cells.push({ kind, span: spans[j] as Span });
    }
    const own = cells[cells.length - 1] as TableCell;
    // (Not into a last row the text ends in: a table cut off. Nor where what follows it to the text's
    // end is a few more cells, no sentence: the row's cells broken into lines, the page cut.)
    if (next >= 0 || (j < lines.length && !(lines.length - j <= reach - (j - k) && cellsOnly(j)))) {
      for (const merged of [isUnitKind, isDeadline]) {
        const mine = cells.filter((c) => merged(c.kind));
        if (mine.length > 0) carried.set(merged, mine);
        else cells.push(...(carried.get(merged) ?? []).map((c) => ({ ...c })));
      }
    }
    rows.push({ line: lines[k] ?? 0, span: [(spans[k] as Span)[0], own.span[1]], cells });
    if (next < 0) break;
    k = next;
  }
  return rows;
}

/** At most this many unit cells more than its header names may a one-cell-per-line row hold. */
const MAX_EXTRA_UNIT_CELLS = 6;

/**
 * A one-cell-per-line row with more lines than columns: the extra lines are names after a unit
 * column's first (one unit per line), taken while they name units and lines remain for the
 * columns after. Their kind is their column's (cooperating after a 责任单位 column's first name).
 * Null when the extra lines are not unit names.
 */
function spreadUnitCells(src: SourceText, lines: number[], columns: ColumnKind[]): { cells: number[]; kinds: ColumnKind[] } | null {
  let extra = lines.length - columns.length;
  const kinds: ColumnKind[] = [];
  let at = 0;
  for (let c = 0; c < columns.length; c++) {
    const kind = columns[c] as ColumnKind;
    kinds.push(kind);
    at++;
    if (!isUnitKind(kind)) continue;
    while (extra > 0 && at < lines.length && unitsCell(src, cellOf(src, lines[at] ?? -1))) {
      kinds.push(kind === 'responsible' ? 'cooperate' : kind);
      at++;
      extra--;
    }
  }
  return extra === 0 ? { cells: lines, kinds } : null;
}

/** A row of a one-cell-per-line table: its cells on the given lines, of the given kinds in order. */
function rowOfLines(src: SourceText, cells: number[], kinds: ColumnKind[]): TableRow {
  const spans = cells.map((n) => cellOf(src, n));
  return {
    line: cells[0] ?? 0,
    span: [spans[0]?.[0] ?? 0, spans[spans.length - 1]?.[1] ?? 0],
    cells: spans.map((span, k) => ({ kind: kinds[k] ?? 'other', span })),
  };
}

/** Whether the cell [s, e) starts with a numbering marker ((1)推动…, 一、…). */
function startsWithMarker(norm: string, [s, e]: Span): boolean {
  return mayStartMarker(norm, s, e) && markerIn(norm, s, Math.min(e, s + 16)) !== null;
}

/** A line of nothing but bars (|, ||||||): what separates the rows of a table pasted one cell per line. */
function barsOnly(norm: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (norm.charCodeAt(i) !== 0x7c && !isJsSpace(norm.charCodeAt(i))) return false;
  return e > s;
}

/** A line's cell one cell per line, without the bars a page left around it (序號 |). */
function cellOf(src: SourceText, n: number): Span {
  const line = src.lines[n];
  if (!line) return [0, 0];
  const { norm } = src;
  let a = line.trimStart;
  let b = line.trimEnd;
  if (norm.charCodeAt(a) === 0x7c) a++;
  if (b > a && norm.charCodeAt(b - 1) === 0x7c) b--;
  while (a < b && isJsSpace(norm.charCodeAt(a))) a++;
  while (b > a && isJsSpace(norm.charCodeAt(b - 1))) b--;
  return [a, b];
}

/** Lines a one-cell-per-line header may run over (a project table's dozen columns, some names broken over two lines). */
const MAX_CELL_HEADER_LINES = 24;

/**
 * 重点等级, 2012年度投资计划, 第一季度: a short column name that carries nothing we keep, by the noun it
 * ends with. In a one-cell-per-line header past its first cells, such a name is one more column (a
 * project table's many columns), not the first row's cell.
 */
const OTHER_COLUMN_NAME_RE = /(?:等级|级别|性质|类别|类型|来源|计划|情况|进度|金额|资金|名称|地点|规模|备注|说明|季度|半年)$/;

function otherColumnName(name: string): boolean {
  const h = headerName(name);
  return h.length >= 2 && h.length <= 8 && /^[\u4e00-\u9fff]+$/.test(h) && OTHER_COLUMN_NAME_RE.test(h);
}

/** 事项类别, 工作分类: a column grouping the rows by kind, not the task, though it names 事项 or 工作. */
const CATEGORY_COLUMN_RE = /(?:类别|分类|类型)$/;

/** A one-cell-per-line header cell's kind, a category column's being none. */
function cellColumnKind(name: string): ColumnKind {
  const h = headerName(name);
  return CATEGORY_COLUMN_RE.test(h) ? 'other' : MATTER_COLUMN_RE.test(h) ? 'task' : columnKind(name);
}

/**
 * The kind of a column whose name a one-cell-per-line header broke over two lines, or null where
 * the two lines are two columns. A first part that names no column joins the second when together
 * they name one (分管 ⏎ 领导), or, the header begun (`cells` past its first), one that carries nothing
 * (重点 ⏎ 等级, 2012年度 ⏎ 投资计划). A first part of two characters that names a column alone (项目,
 * 事项, 资金) joins a second that names none when together they name one that carries nothing
 * (项目 ⏎ 性质, 事项 ⏎ 类别, 资金 ⏎ 来源; not 项目 ⏎ 名称, read as two columns before).
 */
function brokenHeaderCell(first: string, second: string, cells: number): ColumnKind | null {
  const joined = first + second;
  if (joined.replace(/\s+/g, '').length > MAX_HEADER_CHARS) return null;
  const kind = cellColumnKind(joined);
  const carriesNothing = kind === 'other' && cells > 1 && (OTHER_HEADER.test(headerName(joined)) || otherColumnName(joined));
  const alone = cellColumnKind(first);
  // (第一季度 ⏎ 第二季度: a name of its own is no fragment, and joins only into a column we keep.)
  if (alone === 'other' && !OTHER_HEADER.test(headerName(first))) return kind !== 'other' || (carriesNothing && !(cells > 1 && otherColumnName(first))) ? kind : null;
  const whole = kind === 'other' && (OTHER_HEADER.test(headerName(joined)) || otherColumnName(joined));
  return first.replace(/\s+/g, '').length === 2 && (alone === 'task' || alone === 'other') && cellColumnKind(second) === 'other' && whole ? 'other' : null;
}

/** 一、工业产业化项目(4个)      单位:万元: a group line, maybe with the table's measure far to its right. */
const GROUP_ABOVE_RE = /^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))[^\s|。;]{1,30}?(?:\s{2,}(?:计量)?单位:\S{1,8})?$/;

/**
 * The line a one-cell-per-line table starts at: its header's first line, or the group line right
 * above it (一、工业产业化项目(4个) heading the first rows, as group lines between the rows head those
 * after them), which is then no item of the text above the table.
 */
function groupAbove(src: SourceText, from: number, header: number): number {
  let k = header - 1;
  while (k >= from && src.lines[k] && isBlank(src.lines[k] as Line)) k--;
  const line = src.lines[k];
  return k >= from && line && GROUP_ABOVE_RE.test(src.norm.slice(line.trimStart, line.trimEnd)) ? k : header;
}

/**
 * 事项名称 / 事项内容, 项目名称 / 工作内容: a column saying what a named matter holds, after the column
 * naming it, spells it out as a 建设内容 column does a project's: the name is the task, the content's
 * figures the targets (in place).
 */
function withContentColumn(columns: ColumnKind[], names: string[]): void {
  const named = columns.findIndex((k, c) => k === 'task' && /名称$/.test(headerName(names[c] ?? '')));
  if (named < 0) return;
  columns.forEach((k, c) => {
    if (c > named && k === 'task' && /内容$/.test(headerName(names[c] ?? ''))) columns[c] = 'target';
  });
}

/** 政策项目, 施政项目: the matters a report (a cabinet's coordination report) lists, its task column. */
const MATTER_COLUMN_RE = /^(?:政策|施政|重大|重点)(?:项目|议题)$/;

/** Longest name of a matter in a progress report's rows (长期照顾, 前瞻基础建设计划). */
const MAX_MATTER_CHARS = 20;

/**
 * 序号 ⏎ 政策项目 ⏎ 办理情形及进度: a progress report one cell per line names no unit; it is a table all
 * the same where it is only a number, a task and a progress column (its rows' matters short names,
 * checked by the caller).
 */
function progressReport(columns: ColumnKind[], names: string[]): boolean {
  return columns.length === 3 && columns[0] === 'number' && columns[1] === 'task' && /(?:情况|情形|进度|进展)$/.test(headerName(names[2] ?? ''));
}

/** (单位), (万元): a header cell's note in brackets, on a line of its own (not a group row's (一)). */
const NOTE_LINE_RE = /^\((?![一二三四五六七八九十0-9]+\))[^()]{1,8}\)$/;

function findColumnTable(src: SourceText, from: number, to: number): Table | null {
  const { norm, lines } = src;
  const textOf = (n: number): string => {
    const [a, b] = cellOf(src, n);
    return norm.slice(a, b);
  };
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line || isBlank(line) || line.trimEnd - line.trimStart > MAX_HEADER_CHARS + 2) continue;
    const first = textOf(i);
    if (first.length === 0 || first.length > MAX_HEADER_CHARS || columnKind(first) === 'other') continue;
    // The header: this line and the short column names right after it.
    const header = [i];
    const headerCells: Span[] = [cellOf(src, i)];
    const columns: ColumnKind[] = [columnKind(first)];
    const names = nonBlankLines(src, i + 1, to, MAX_CELL_HEADER_LINES);
    /**
     * 财务数 ⏎ 分管 ⏎ 领导: a short name unknown to us is one more column where the name after it (whole
     * or broken over two lines) names a column we keep.
     */
    const namesColumnAfter = (k: number): boolean => {
      const name = headerName(textOf(names[k] ?? -1));
      if (name.length < 2 || name.length > 8 || !/^[\u4e00-\u9fff]+$/.test(name)) return false;
      const next = textOf(names[k + 1] ?? -1);
      const after = names[k + 2];
      return next.length > 0 && (cellColumnKind(next) !== 'other' || (after !== undefined && (brokenHeaderCell(next, textOf(after), 2) ?? 'other') !== 'other'));
    };
    /** Whether the last column is a merged cell's sub-column (责任单位 ⏎ 牵头 ⏎ 配合). */
    let split = false;
    for (let k = 0; k < names.length; k++) {
      const j = names[k] ?? -1;
      const name = textOf(j);
      // 目   标   任   务: a column's name spaced out is measured without its spaces.
      if (name.length > MAX_HEADER_CHARS && name.replace(/\s+/g, '').length > MAX_HEADER_CHARS) break;
      let kind = cellColumnKind(name);
      let cell = cellOf(src, j);
      // 责任股室 ⏎ (单位): a note in brackets on a line of its own belongs to the name above it.
      if (NOTE_LINE_RE.test(name) && header.length > 1) {
        headerCells[headerCells.length - 1] = [(headerCells[headerCells.length - 1] as Span)[0], cell[1]];
        header[header.length - 1] = j;
        columns[columns.length - 1] = columnKind(norm.slice(...(headerCells[headerCells.length - 1] as Span)));
        continue;
      }
      // 责任单位 ⏎ 牵头 ⏎ 配合: a merged header cell over its columns, named on the lines after it.
      // (Only bare role words: 责任单位 ⏎ 配合单位 are two columns of their own.)
      if (BARE_ROLE_RE.test(name) && (split || columns[columns.length - 1] === 'responsible')) {
        const role: ColumnKind = /^(?:牵头|主办|主责)/.test(name) ? 'lead' : 'cooperate';
        if (!split) {
          columns[columns.length - 1] = role;
          headerCells[headerCells.length - 1] = cell;
          header[header.length - 1] = j;
          split = true;
          continue;
        }
        header.push(j);
        headerCells.push(cell);
        columns.push(role);
        continue;
      }
      split = false;
      const j2 = names[k + 1] ?? -1;
      const broken = j2 >= 0 ? brokenHeaderCell(name, textOf(j2), header.length) : null;
      if (broken) {
        // 市政府 ⏎ 分管领导, 重点 ⏎ 等级, 项目 ⏎ 性质: a column's name broken over two lines.
        kind = broken;
        cell = [cell[0], cellOf(src, j2)[1]];
        k++;
      } else if (kind === 'other' && !OTHER_HEADER.test(headerName(name)) && !(header.length > 1 && (otherColumnName(name) || namesColumnAfter(k)))) break;
      header.push(names[k] ?? j);
      headerCells.push(cell);
      columns.push(kind);
    }
    const headerNames = headerCells.map(([a, b]) => norm.slice(a, b));
    withContentColumn(withTaskColumn(withOfficeColumns(withAssessorColumns(columns, headerNames), headerNames), headerNames), headerNames);
    const hasUnits = columns.some((k) => k === 'lead' || k === 'cooperate' || k === 'responsible');
    const report = !hasUnits && progressReport(columns, headerNames);
    if (columns.length < 3 || !columns.includes('task') || (!hasUnits && !report)) continue;
    const rows: TableRow[] = [];
    let at = (header[header.length - 1] ?? i) + 1;
    const numberAt = columns.indexOf('number');
    // The last column naming units: a row's cells after it may be empty (备注), and left out.
    let lastUnit = 0;
    columns.forEach((k, n) => {
      if (k === 'lead' || k === 'cooperate' || k === 'responsible' || k === 'task') lastUnit = n;
    });
    let skipped = 0;
    // 序号 over rows that leave it empty (任务 ⏎ 责任单位 ⏎ 配合单位 with no number): when no row
    // near the header is numbered, rows are read without their number cell.
    const unnumbered = numberAt === 0 && !nonBlankLines(src, at, to, columns.length * 4).some((n) => numberOf(textOf(n)) !== null);
    const rowColumns = unnumbered ? columns.slice(1) : columns;
    for (;;) {
      let cells = nonBlankLines(src, at, to, rowColumns.length);
      if (cells.length === 0) break;
      const lead = textOf(cells[0] ?? -1);
      if (GROUP_ROW_RE.test(lead) || (unnumbered && startsWithMarker(norm, cellOf(src, cells[0] ?? -1)))) {
        // 一、关于调整优化经济结构, (1)推动现代服务业加快发展。: a group row over the rows after it.
        at = (cells[0] ?? at) + 1;
        continue;
      }
      if (unnumbered) {
        if (cells.length < rowColumns.length) break;
        rows.push(rowOfLines(src, cells, rowColumns));
        at = (cells[cells.length - 1] ?? at) + 1;
        continue;
      }
      if (numberAt === 0 && numberOf(lead) === null) {
        // 增强科技创新的支撑作用。 or (一) ⏎ 壮大战略科技力量。 between numbered rows: group rows, whose
        // other cells are empty; a few such lines are passed over, then the table has ended.
        if (++skipped > 3) break;
        at = (cells[0] ?? at) + 1;
        continue;
      }
      skipped = 0;
      let kinds = columns;
      if (numberAt === 0) {
        // A row whose last cells are empty ends where the next row's number stands.
        const next = (numberOf(textOf(cells[0] ?? -1)) ?? -2) + 1;
        const stop = cells.findIndex((n, k) => k > lastUnit && numberOf(textOf(n)) === next);
        if (stop > 0) cells = cells.slice(0, stop);
        else {
          // 县水务局 ⏎ 县住建局 ⏎ 县护城河指挥部 ⏎ 12月底前: a unit column's names one per line make the
          // row longer than the header; it still ends where the next row's number stands.
          const longer = nonBlankLines(src, at, to, columns.length + MAX_EXTRA_UNIT_CELLS);
          const end = longer.findIndex((n, k) => k >= columns.length && numberOf(textOf(n)) === next);
          if (end > columns.length) {
            const spread = spreadUnitCells(src, longer.slice(0, end), columns);
            if (spread) ({ cells, kinds } = spread);
          } else if (end < 0) {
            // The last row: the longest run of lines its columns can take.
            for (let n = longer.length; n > columns.length; n--) {
              const spread = spreadUnitCells(src, longer.slice(0, n), columns);
              if (spread) {
                ({ cells, kinds } = spread);
                break;
              }
            }
          }
        }
      }
      if (cells.length < columns.length && (numberAt !== 0 || cells.length <= lastUnit)) {
        // 12 ⏎ 道路保洁多用机械…规范清 at the text's end: a row the page cut off inside its task is kept, as cut.
        const taskAt = columns.indexOf('task');
        const last = cells[cells.length - 1] ?? -1;
        if (numberAt === 0 && taskAt > 0 && cells.length > taskAt && nonBlankLines(src, last + 1, to, 1).length === 0) rows.push(rowOfLines(src, cells, columns));
        break;
      }
      if (numberAt > 0 && numberOf(textOf(cells[numberAt] ?? -1)) === null) break;
      rows.push(rowOfLines(src, cells, kinds));
      at = (cells[cells.length - 1] ?? at) + 1;
    }
    // Rows read by position whose numbers do not follow on (1, 4000, 8000) went out of step at the
    // first such number (a row's cells broken into more lines than the header has): from there on,
    // they are no rows.
    if (numberAt === 0) rows.splice(outOfStep(src, rows));
    // Rows read by position that name no units where units belong are out of step (a merged cell,
    // a group row of two cells, an empty cell): read the rows again from their unit cells.
    const dataStart = (header[header.length - 1] ?? i) + 1;
    // (So are rows whose task cells mostly name only units: 目标 and 任务 cells written once over their rows.)
    const unitTasks = rows.filter((r) => r.cells.some((c) => c.kind === 'task' && unitsCell(src, c.span))).length;
    if (rows.length === 0 || rows.some((r) => !unitCellOk(src, r)) || unitTasks * 2 > rows.length) {
      const anchored = anchoredRows(src, columns, dataStart, to);
      if (anchored.length > rows.filter((r) => unitCellOk(src, r)).length) rows.splice(0, rows.length, ...anchored);
      // Rows whose cells are merged over several rows, written once: read as a stream of typed cells.
      const streamed = streamRows(src, columns, dataStart, to);
      const withUnits = (rs: TableRow[]): number => rs.filter((r) => unitCellOk(src, r) && r.cells.some((c) => isUnitKind(c.kind) && c.span[1] > c.span[0])).length;
      if (withUnits(streamed) > withUnits(rows)) rows.splice(0, rows.length, ...streamed);
      // Numbered rows whose merged cells are written once: read from one number to the next.
      const numbered = numberedRows(src, columns, dataStart, to);
      if (numbered.length > 0 && withUnits(numbered) >= withUnits(rows) && numbered.length >= rows.length) rows.splice(0, rows.length, ...numbered);
    }
    // (A report's rows are its numbered matters, each named in a short cell.)
    if (report && rows.some((r) => r.cells.some((c) => c.kind === 'task' && c.span[1] - c.span[0] > MAX_MATTER_CHARS))) continue;
    if (rows.length === 0) continue;
    cutOffRow(src, columns, rows);
    withMeasureColumn(columns, headerNames, rows);
    return { headerLine: groupAbove(src, from, i), headerSpan: [headerCells[0]?.[0] ?? line.trimStart, headerCells[headerCells.length - 1]?.[1] ?? line.trimEnd], columns, rows, headerCells };
  }
  return null;
}

/**
 * Words a header line holds: a unit column's (…单位, …部门, 责任主体, 责任处室, or 牵 头 部 门 with its
 * characters spaced out), or 序号 over a table whose task cells say who does them.
 */
const UNIT_COLUMN_WORDS = ['单位', '部门', '主体', '单 位', '部 门', '处室', '序号'];

/**
 * A responsibility bracket closing a task cell: (责任单位:市建设局), (市发改委牵头). A table
 * without a unit column whose task cells mostly close with one is a division table all the same.
 */
const DUTY_BRACKET_RE = /[((](?:[^()()]{0,8}(?:责任|牵头|主办|承办|配合|协办)(?:单位|部门|处室)?[::]|[^()()]{2,80}(?:牵头|负责|承办)[))])/;

function findRowTable(src: SourceText, from: number, to: number): Table | null {
  const { norm, lines } = src;
  // A header names a unit column (…单位, …部门, 责任主体, or 牵 头 部 门 with its characters spaced
  // out): only lines holding one of those words are split.
  const words = UNIT_COLUMN_WORDS;
  const nextWord = words.map((w) => norm.indexOf(w));
  // The next tab, bar and double space at or after the line, found by the native indexOf as the
  // lines go down: a line holds a separator (a tab, a `|` or two spaces in a row; a line without one
  // is no table row) when one of them starts before its end.
  let nextTab = -1;
  let nextBar = -1;
  let nextDouble = -1;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line || isBlank(line)) continue;
    let named = false;
    for (let w = 0; w < words.length; w++) {
      let at = nextWord[w] ?? -1;
      while (at >= 0 && at < line.trimStart) at = norm.indexOf(words[w] ?? '', at + 1);
      nextWord[w] = at;
      if (at >= 0 && at < line.trimEnd) named = true;
    }
    if (!named) continue;
    // A header without tabs, bars or double spaces: 序号 工 作 任 务 牵头负责部门, one space apart.
    nextTab = nextAt(norm, '\t', nextTab, line.trimStart);
    nextBar = nextAt(norm, '|', nextBar, line.trimStart);
    nextDouble = nextAt(norm, '  ', nextDouble, line.trimStart);
    // A line ends with no space (its trimEnd), so a double space before the end lies inside it.
    const spaced = Math.min(nextTab, nextBar, nextDouble) >= line.trimEnd;
    // …附件:分解表 2018年2月24日 分解表 序号 名称 工作任务 牵头责任单位: a header may close the
    // paragraph of a page that lost its line breaks; it starts at 序号 after a space.
    let headStart = line.trimStart;
    // 工作任务 牵头单位 配合单位 完成时限: a header without 序号 whose every word names a column.
    if (spaced && !NUMBER_HEAD_RE.test(norm.slice(line.trimStart, line.trimStart + 3)) && !knownWordsHeader(norm, line)) {
      // Looked for in the line's last characters only (lastIndexOf from the end would search the
      // whole document before the line).
      const from = line.trimEnd - MAX_TRAILING_HEADER;
      const at = from > line.trimStart ? norm.slice(from, line.trimEnd).lastIndexOf(' 序号 ') : -1;
      if (at < 0) continue;
      headStart = from + at + 1;
    }
    // 责任单位 over 牵头 | 配合 on the next line: a header of two rows, its merged cell's columns named below it.
    const two = spaced ? null : twoRowHeader(src, line, i + 1, to);
    const cells = two ? two.cells : spaced ? splitSpacedHeader(norm, headStart, line.trimEnd) : splitCells(norm, line.trimStart, line.trimEnd);
    if (cells.length < 3) continue;
    const names = cells.map(([a, b]) => norm.slice(a, b));
    const columns = withTaskColumn(withOfficeColumns(withAssessorColumns(two ? two.columns : names.map(columnKind), names), names), names);
    const hasTask = columns.includes('task');
    const hasUnits = columns.some(isUnitKind);
    // 序号 | 目标任务 | 推进情况: no unit column, the task cells name their units in brackets (checked
    // below). 序号 重点工作 工作举措 进度安排: nor where each numbered task has its schedule (a list of
    // tasks whose unit column the page cut off).
    const scheduled = columns[0] === 'number' && columns.includes('deadline');
    if (!hasTask || (!hasUnits && columns[0] !== 'number') || (!hasUnits && spaced && !scheduled)) continue;
    const rows: TableRow[] = [];
    // A header whose cells are set apart by runs of spaces (no tab, no bar): where each column starts, in display columns.
    const aligned = !spaced && !holdsCode(norm, line.trimStart, line.trimEnd, 0x09) && !holdsCode(norm, line.trimStart, line.trimEnd, 0x7c);
    const headerAt = aligned ? cells.map(([a]) => displayWidth(norm, line.start, a)) : [];
    let lastLine = to - 1;
    for (let l = lines[lastLine]; lastLine > i && (!l || isBlank(l)); l = lines[--lastLine]);
    for (let j = two ? two.next : i + 1; j < to; j++) {
      const row = lines[j];
      if (!row || isBlank(row)) continue;
      const rowText = norm.slice(row.trimStart, row.trimEnd);
      if (GROUP_ROW_RE.test(rowText) || RULE_ROW_RE.test(rowText)) continue;
      // 序号 ⇥ 指标 ⇥ 责任单位 ⇥ 目标值: a header row under the rows starts a table of its own (a second
      // table of the document, a second sheet, or the same header repeated on a new page); moreTables reads it.
      if (headerRow(norm, row)) break;
      if (spaced) {
        // The text's last row, cut off before its last cells: what it has, the rest empty.
        const spans = spacedRow(norm, row.trimStart, row.trimEnd, columns) ?? (j === lastLine ? cutRow(norm, row.trimStart, row.trimEnd, columns) : null);
        if (!spans) break;
        rows.push({ line: j, span: [row.trimStart, row.trimEnd], cells: spans.map((span, k) => ({ kind: columns[k] ?? 'other', span })) });
        continue;
      }
      // 1 ⇥ "推进老旧小区改造。⏎年内完成12个。" ⇥ 市住建局: a cell copied from a spreadsheet with line
      // breaks in it comes in quotes; the row runs on to the line closing them.
      let rowEnd = row.trimEnd;
      const first = j;
      if (holdsCode(norm, row.trimStart, row.trimEnd, 0x09) && oddQuotes(norm, row.trimStart, row.trimEnd)) {
        for (let k = j + 1; k < to && k - j <= MAX_QUOTED_LINES; k++) {
          const next = lines[k];
          if (!next) break;
          if (oddQuotes(norm, next.start, next.end)) {
            rowEnd = next.trimEnd;
            j = k;
            break;
          }
        }
      }
      // Every tab separates while that fits the header's columns: empty cells keep their place, the
      // first one too where the line opens with its tab (⇥绿化提升⇥⇥市自然资源局: 序号 left empty).
      const openTab = holdsCode(norm, row.start, row.trimStart, 0x09);
      const exact = unquoted(norm, splitCells(norm, openTab ? row.start : row.trimStart, rowEnd, true, openTab));
      let spans = exact.length <= columns.length ? exact : unquoted(norm, splitCells(norm, row.trimStart, rowEnd));
      if (spans.length < 2) break;
      // 索引号: | 1137…/2022-04772 | 成文日期: | 2022-10-08 |: the page's metadata after the table ends it.
      const head = spans[0] as Span;
      if (META_CELL_RE.test(norm.slice(head[0], head[1]))) break;
      // | 一、产业发展 | | | |: a group row drawn with the table's bars, its other cells empty.
      const filled = spans.filter(([a, b]) => b > a);
      if (filled.length === 1 && GROUP_ROW_RE.test(norm.slice((filled[0] as Span)[0], (filled[0] as Span)[1]))) continue;
      // 2     新建城市绿道50公里        市林业局                6月底前: cells aligned under the header's by
      // spaces leave an empty cell as a gap; each cell goes to the column it stands under.
      if (spans.length < columns.length && aligned) spans = underColumns(norm, row.start, spans, headerAt);
      else if (spans.length === columns.length - 1) spans = withUnitGap(norm, spans, columns);
      // A row with fewer cells than the header lost its trailing empty cells.
      rows.push({
        line: first,
        span: [row.trimStart, rowEnd],
        cells: placed(spans, columns),
      });
    }
    if (rows.length === 0) continue;
    if (!hasUnits && !scheduled && !dutyInTaskCells(norm, rows)) continue;
    if (!spaced) {
      leadingGroupColumn(norm, columns, names, rows);
      withoutPersons(src, names, rows);
    }
    withMeasureColumn(columns, names, rows);
    const grouped = spaced ? null : groupColumnFirst(norm, columns, rows) ?? mergedTaskCells(src, columns, names, rows) ?? keyWorkRows(src, columns, rows);
    if (grouped) return { headerLine: i, headerSpan: [headStart, line.trimEnd], columns: grouped.columns, rows: mergedUnitCells(norm, grouped.columns, grouped.rows), headerCells: cells };
    return { headerLine: i, headerSpan: [headStart, line.trimEnd], columns, rows: mergedUnitCells(norm, columns, rows), headerCells: cells };
  }
  return null;
}

/**
 * | 2 | 完成老旧小区改造120个 | | | |: a row whose unit cells are all empty lies under cells merged
 * with the row above (a merged cell keeps its text in its first row only, when copied): it takes
 * that row's units. A row whose lead cell alone is empty takes the lead above; its own cooperating
 * units stand (an empty 配合单位 cell under a filled lead is a task no one helps with). An empty
 * deadline cell takes the deadline above likewise.
 */
function mergedUnitCells(norm: string, columns: ColumnKind[], rows: TableRow[]): TableRow[] {
  const numbered = columns[0] === 'number';
  let textEnd = norm.length;
  while (textEnd > 0 && isJsSpace(norm.charCodeAt(textEnd - 1))) textEnd--;
  let above: TableCell[] = [];
  let dueAbove: TableCell | null = null;
  let carried = false;
  for (const row of rows) {
    // (Not into a last row the text ends in: a table cut off before the row's unit cells. Unless
    // rows above took merged cells already and this one is cut off in a later cell, its plan and
    // progress written: it is under the merged cell too.)
    if (row.span[1] >= textEnd && !(carried && cellsAfterTask(row))) continue;
    // (Not a line of a numbered table that has no number: a cell's text broken onto a line of its own.)
    const number = row.cells.find((c) => c.kind === 'number');
    if (numbered && (!number || number.span[1] === number.span[0])) continue;
    const units = row.cells.filter((c) => isUnitKind(c.kind));
    const filled = units.filter((c) => c.span[1] > c.span[0]);
    const leadEmpty = units.length > 0 && (units[0] as TableCell).span[1] === (units[0] as TableCell).span[0] && (units[0] as TableCell).kind !== 'cooperate';
    // (A tab row leaves its empty cells at the end out: no unit cell at all is empty ones.)
    if (filled.length === 0 && above.length > 0) {
      row.cells = [...row.cells.filter((c) => !isUnitKind(c.kind)), ...above.map((c) => ({ ...c }))];
      carried = true;
    } else if (leadEmpty && above.length > 0) {
      // The lead above takes the empty lead cell's place.
      const lead = above.filter((c) => c.kind !== 'cooperate');
      row.cells = row.cells.flatMap((c) => (c === units[0] ? lead.map((l) => ({ ...l })) : [c]));
    }
    const own = row.cells.filter((c) => isUnitKind(c.kind) && c.span[1] > c.span[0]);
    if (own.length > 0) above = own;
    if (!columns.includes('deadline')) continue;
    const due = row.cells.find((c) => c.kind === 'deadline' && c.span[1] > c.span[0]);
    if (due) dueAbove = due;
    else if (dueAbove) row.cells = [...row.cells.filter((c) => c.kind !== 'deadline'), { ...dueAbove }];
  }
  return rows;
}

/** Whether a row holds a filled cell after its task cell. */
function cellsAfterTask(row: TableRow): boolean {
  const t = row.cells.findIndex((c) => c.kind === 'task');
  return t >= 0 && row.cells.slice(t + 1).some((c) => c.span[1] > c.span[0]);
}

/**
 * | …完成率 | 72% | 王小强 |: a row one cell short whose cell under the unit column names a person, a
 * leader's column after it, left out its unit cell (merged with the row above's): an empty cell
 * takes its place, for mergedUnitCells to fill.
 */
function withUnitGap(norm: string, spans: Span[], columns: ColumnKind[]): Span[] {
  const u = columns.findIndex(isUnitKind);
  const cell = spans[u];
  if (u < 0 || columns[u + 1] !== 'person' || !cell || !personCell(norm.slice(cell[0], cell[1]))) return spans;
  return [...spans.slice(0, u), [cell[0], cell[0]], ...spans.slice(u)];
}

/** 牵头, 配合: a role word alone, naming a column under a merged 责任单位 cell above it. */
const BARE_ROLE_RE = /^(?:牵头|主办|主责|配合|协办|参与|协助|协同)$/;
/** 牵头, 配合单位, 主办部门: the name of a column under a merged 责任单位 header cell. */
const SUB_HEADER_RE = /^(?:牵头|主办|主责|配合|协办|参与|协助|协同)(?:单位|部门)?$/;

/**
 * 序号 ⇥ 工作任务 ⇥ 责任单位 ⇥ ⇥ 完成时限 over ⇥ ⇥ 牵头 ⇥ 配合 ⇥: a header of two rows, a merged cell of the
 * first (责任单位) spanning columns named in the second. Each column takes its kind from the second
 * row where it names one (牵头 leads, 配合 cooperates), else from the first. Null where the line after
 * the header is not such a row (every cell it fills a column's name, one at least, no row number).
 */
function twoRowHeader(src: SourceText, header: Line, from: number, to: number): { cells: Span[]; columns: ColumnKind[]; next: number } | null {
  const { norm, lines } = src;
  let j = from;
  while (j < to && lines[j] && isBlank(lines[j] as Line)) j++;
  const sub = lines[j];
  if (!sub || j >= to) return null;
  const tabbed = holdsCode(norm, header.trimStart, header.trimEnd, 0x09);
  if (!tabbed && !holdsCode(norm, header.trimStart, header.trimEnd, 0x7c)) return null;
  // The sub-row's leading empty cells (under 序号, 工作任务) are kept: a tab row is split at every tab
  // from the line's start (a bar row's leading bar makes no cell, as in the header).
  const subCells = splitCells(norm, sub.start, sub.end, true, tabbed);
  const named = subCells.filter(([a, b]) => b > a);
  if (named.length === 0 || !named.every(([a, b]) => SUB_HEADER_RE.test(norm.slice(a, b)) || columnKind(norm.slice(a, b)) !== 'other')) return null;
  const top = splitCells(norm, header.start, header.end, true);
  const n = Math.max(top.length, subCells.length);
  const cells: Span[] = [];
  const columns: ColumnKind[] = [];
  let merged: ColumnKind = 'other';
  for (let k = 0; k < n; k++) {
    const [ta, tb] = top[k] ?? [header.trimEnd, header.trimEnd];
    const [sa, sb] = subCells[k] ?? [sub.trimEnd, sub.trimEnd];
    const name = norm.slice(sa, sb);
    const over = norm.slice(ta, tb);
    if (tb > ta) merged = columnKind(over);
    if (sb > sa) {
      const role = SUB_HEADER_RE.test(name) ? (/^(?:牵头|主办|主责)/.test(name) ? 'lead' : 'cooperate') : columnKind(name);
      columns.push(isUnitKind(merged) || role !== 'other' ? role : merged);
      cells.push([sa, sb]);
    } else {
      columns.push(tb > ta ? columnKind(over) : 'other');
      cells.push([ta, tb]);
    }
  }
  return { cells, columns, next: j + 1 };
}

/** Display width of [s, e): two for a wide (CJK, full-width) character, one for others. */
function displayWidth(norm: string, s: number, e: number): number {
  let w = 0;
  for (let i = s; i < e; i++) {
    const c = norm.charCodeAt(i);
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) ? 2 : 1;
  }
  return w;
}

/** A row's cells put under the header's columns by where each starts (display columns from the line's start); a column no cell stands under stays empty. */
function underColumns(norm: string, lineStart: number, spans: Span[], headerAt: number[]): Span[] {
  const out: Span[] = headerAt.map((): Span => [-1, -1]);
  let last = -1;
  for (const span of spans) {
    const at = displayWidth(norm, lineStart, span[0]);
    let best = 0;
    for (let c = 1; c < headerAt.length; c++) if (Math.abs((headerAt[c] ?? 0) - at) < Math.abs((headerAt[best] ?? 0) - at)) best = c;
    // Two cells under one column, or out of order: the page is not aligned, keep the cells as they come.
    if (best <= last) return spans;
    out[best] = span;
    last = best;
  }
  // An empty column's cell is an empty span where the next cell starts.
  for (let c = out.length - 1, next = spans[spans.length - 1]?.[1] ?? 0; c >= 0; c--) {
    const cell = out[c] as Span;
    if (cell[0] < 0) out[c] = [next, next];
    else next = cell[0];
  }
  return out;
}

/** Lines a spreadsheet's quoted cell may run over. */
const MAX_QUOTED_LINES = 20;

/** Whether [s, e) holds an odd number of ASCII double quotes: a quoted cell opened and not closed. */
function oddQuotes(norm: string, s: number, e: number): boolean {
  let n = 0;
  for (let i = s; i < e; i++) if (norm.charCodeAt(i) === 0x22) n++;
  return n % 2 === 1;
}

/** Cells without the quotes a spreadsheet put around them ("推进…。⏎年内完成12个。"). */
function unquoted(norm: string, cells: Span[]): Span[] {
  return cells.map(([a, b]): Span => (b - a >= 2 && norm.charCodeAt(a) === 0x22 && norm.charCodeAt(b - 1) === 0x22 ? [a + 1, b - 1] : [a, b]));
}

/**
 * 大类 | 序号 | 工作任务 | … over `一、继续提高底线民生保障水平 | 1 | …` and `2 | …`: a group column before the
 * number, its cell written only in the first row it spans. A row opening with its number lacks that
 * cell and is put back one column to the right (in place).
 */
function leadingGroupColumn(norm: string, columns: ColumnKind[], names: string[], rows: TableRow[]): void {
  // 类别 | 民生事项名称 | … over `四、教育文化 | 14.改扩建…` and `15.推进…`: the same before a task cell
  // that opens with the row's number.
  const numbered = columns[1] === 'number';
  if (columns[0] === 'number' || !(numbered || (columns[1] === 'task' && GROUP_HEADER_RE.test(headerName(names[0] ?? ''))))) return;
  rows.forEach((row, r) => {
    const first = row.cells[0];
    if (!first) return;
    const text = norm.slice(first.span[0], first.span[1]);
    if (numbered ? numberOf(text) === null : !ARABIC_ITEM_RE.test(text)) return;
    const spans: Span[] = [[row.span[0], row.span[0]], ...row.cells.map((c) => c.span)];
    rows[r] = { ...row, cells: placed(spans, columns) };
  });
}

/** 索引号:, 发布机构:, 成文日期: — a web page's metadata cells, never a row's first cell. */
const META_CELL_RE = /^(?:索引号|发布机构|成文日期|发布日期|发文日期|主题分类|组配分类|信息来源|文号|公开方式|公开范围|有效性)\s*:?$/;

/** 类别, 大类, 领域: a column grouping the rows, its cell written once over those it spans. */
const GROUP_HEADER_RE = /^(?:大类|类别|分类|类型|领域|板块)$/;
/** 15.推进…, 15、推进…: a task cell opening with its row's number. */
const ARABIC_ITEM_RE = /^[0-9]{1,3}[.、．]\s*[\u4e00-\u9fff]/;

/**
 * 牵头单位及主要负责人 over `市民政局 伍泽国`: a unit column that also names its head. The person's name
 * after the unit's, a space between, is left out of the cell (in place).
 */
function withoutPersons(src: SourceText, names: string[], rows: TableRow[]): void {
  const { norm } = src;
  const at = names.findIndex((n) => /(?:负责人|责任人)$/.test(headerName(n)));
  if (at < 0) return;
  for (const row of rows) {
    const cell = row.cells[at];
    if (!cell || !isUnitKind(cell.kind)) continue;
    const [a, b] = cell.span;
    const space = norm.lastIndexOf(' ', b - 1);
    if (space <= a) continue;
    const person = norm.slice(space + 1, b);
    let end = space;
    while (end > a && isJsSpace(norm.charCodeAt(end - 1))) end--;
    if (PERSON_RE.test(person) && !looksLikeUnit(person) && end > a) cell.span = [a, end];
  }
}

/** A row's cells as spans in column order, each of its column's kind; spans past the last column are left out. */
function placed(spans: Span[], kinds: ColumnKind[]): TableCell[] {
  return spans.slice(0, kinds.length).map((span, k) => ({ kind: kinds[k] ?? 'other', span }));
}

/** Whether most rows' task cells (two at least) close with a responsibility bracket. */
function dutyInTaskCells(norm: string, rows: TableRow[]): boolean {
  let withDuty = 0;
  for (const row of rows) {
    const task = row.cells.find((c) => c.kind === 'task');
    if (task && DUTY_BRACKET_RE.test(norm.slice(task.span[0], task.span[1]))) withDuty++;
  }
  return withDuty >= 2 && withDuty * 2 > rows.length;
}

/** 一、抓好财政信息的公开。: a group cell's own number. */
const GROUP_CELL_RE = /^[一二三四五六七八九十]{1,3}、/;
/** 1.按时公开…: a numbered requirement's cell. */
const POINT_CELL_RE = /^[0-9]{1,3}[.、]/;

/**
 * 工作任务 | 具体要求 | 责任部门 | over `一、抓好财政信息的公开。 | 1.按时公开…。 | 财务科 |` and
 * `3.网民…。 | 各科室 | |`: the first column holds group cells written only in the first row they span,
 * and the numbered requirements after them are the tasks. Rows without their group cell start with
 * the requirement, their cells one column to the left: they are put back in place. Null where the
 * rows are not of this shape (every row led by a group cell over a numbered one, or by a numbered
 * cell, with one of each at least).
 */
function groupColumnFirst(norm: string, columns: ColumnKind[], rows: TableRow[]): { columns: ColumnKind[]; rows: TableRow[] } | null {
  if (columns.length < 3 || columns[0] !== 'task' || columns[1] === 'task') return null;
  let grouped = 0;
  let shifted = 0;
  const text = (c: TableCell | undefined): string => (c ? norm.slice(c.span[0], c.span[1]).trim() : '');
  for (const row of rows) {
    const first = text(row.cells[0]);
    if (GROUP_CELL_RE.test(first) && POINT_CELL_RE.test(text(row.cells[1]))) grouped++;
    else if (POINT_CELL_RE.test(first)) shifted++;
    else return null;
  }
  if (grouped === 0 || shifted === 0) return null;
  const kinds: ColumnKind[] = ['other', 'task', ...columns.slice(2)];
  return {
    columns: kinds,
    rows: rows.map((row) => {
      const spans = row.cells.map((c) => c.span);
      if (!GROUP_CELL_RE.test(text(row.cells[0]))) spans.unshift([row.span[0], row.span[0]]);
      return { ...row, cells: placed(spans, kinds) };
    }),
  };
}

/** 细化分工, 具体要求, 工作措施: a column that breaks the task beside it into the row's own work. */
const DETAIL_HEADER_RE = /^(?:细化|具体|分解|主要|工作)(?:分工|要求|措施|任务|内容|工作)$|^任务(?:分解|细化)$/;

/** Whether a cell reads as a unit cell: names of units only, or a first name that looks like one. */
function unitLike(src: SourceText, span: Span | undefined): boolean {
  if (!span || span[1] <= span[0]) return false;
  if (unitsCell(src, span)) return true;
  const first = splitNames(src.norm, span[0], span[1])[0];
  // 规划信息处(爱卫办): the office's other name in brackets after it.
  const name = first?.name.replace(/\([^()]{1,12}\)$/, '') ?? '';
  return name.length >= 2 && name.length <= 24 && looksLikeUnit(name);
}

/**
 * 序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 over `1 | 常态化疫情防控的信息发布 | 就散发疫情…发出权威消息 |
 * 应急处、… | 长期推进` and `2 | 把疫苗接种的信息公开…抓实 | 疾控处 | 长期推进`: the task cell is merged over
 * the rows it spans and written only in its first, so the other rows have one cell fewer. The
 * detail cells are the tasks; a row whose units stand one cell early lacks the merged cell, which
 * is put back empty. Null where the rows are not of this shape (rows of both kinds needed).
 */
function mergedTaskCells(src: SourceText, columns: ColumnKind[], names: string[], rows: TableRow[]): { columns: ColumnKind[]; rows: TableRow[] } | null {
  const t = columns.indexOf('task');
  const d = t + 1;
  const u = columns.findIndex(isUnitKind);
  if (t < 0 || u !== d + 1 || !DETAIL_HEADER_RE.test(headerName(names[d] ?? ''))) return null;
  let full = 0;
  let short = 0;
  const shortRows = rows.map((row) => {
    const spans = row.cells.map((c) => c.span);
    const isShort = unitLike(src, spans[u - 1]) && !unitLike(src, spans[u]);
    if (isShort) short++;
    else full++;
    return isShort;
  });
  if (full === 0 || short === 0) return null;
  const kinds = columns.map((k, c): ColumnKind => (c === t ? 'other' : c === d ? 'task' : k));
  return {
    columns: kinds,
    rows: rows.map((row, r) => {
      const spans = row.cells.map((c) => c.span);
      if (shortRows[r]) spans.splice(t, 0, [spans[t]?.[0] ?? row.span[0], spans[t]?.[0] ?? row.span[0]]);
      return { ...row, cells: placed(spans, kinds) };
    }),
  };
}

/** ②, ③…: a sub-task's cell, the row continuing the key work above it. */
const SUB_TASK_RE = /^[②-⑳]/;
/** ①: a key work's first sub-task, in the cell after it. */
const FIRST_SUB_TASK_RE = /^①/;

/**
 * 年度重点工作 | 细化任务及目标 | 三季度目标 | 分管领导 | 牵头单位 | … over `57.把…抓实。 | ①…。 | … | 徐国江 |
 * 城管局 |` and `②…新建193个。 | … |`: key works numbered in their own cells, each written only in its
 * first row, their sub-tasks ①②③ in the rows after it (which then have fewer cells). Each key work
 * is an item: its units are the cell in its row that names units, nearest the header's unit column;
 * its sub-task cells are read for its targets. Null where the rows are not of this shape (two key
 * works and one sub-task row at least, every row one or the other).
 */
function keyWorkRows(src: SourceText, columns: ColumnKind[], rows: TableRow[]): { columns: ColumnKind[]; rows: TableRow[] } | null {
  const { norm } = src;
  const u = columns.findIndex(isUnitKind);
  if (columns[0] === 'number' || u <= 0) return null;
  const text = (c: TableCell | undefined): string => (c ? norm.slice(c.span[0], c.span[1]) : '');
  let keys = 0;
  let subs = 0;
  for (const row of rows) {
    const first = text(row.cells[0]);
    // 57.把垃圾分类管理抓实…: a key work's cell carries its own number, as a numbered requirement's does.
    if (POINT_CELL_RE.test(first)) keys++;
    else if (SUB_TASK_RE.test(first)) subs++;
    else return null;
  }
  if (keys < 2 || subs === 0) return null;
  const out: TableRow[] = [];
  for (const row of rows) {
    const [first, ...rest] = row.cells;
    if (!first) continue;
    const last = out[out.length - 1];
    if (SUB_TASK_RE.test(text(first))) {
      if (!last) continue;
      last.cells.push({ kind: 'target', span: first.span });
      last.span = [last.span[0], row.span[1]];
      continue;
    }
    const cells: TableCell[] = [{ kind: 'task', span: first.span }];
    if (FIRST_SUB_TASK_RE.test(text(rest[0]))) cells.push({ kind: 'target', span: (rest[0] as TableCell).span });
    // The unit cell: of the cells naming units, the one nearest the header's unit column.
    let best = -1;
    rest.forEach((c, k) => {
      if (unitLike(src, c.span) && (best < 0 || Math.abs(k + 1 - u) < Math.abs(best + 1 - u))) best = k;
    });
    if (best >= 0) cells.push({ kind: columns[u] as ColumnKind, span: (rest[best] as TableCell).span });
    out.push({ line: row.line, span: row.span, cells });
  }
  return { columns: columns.map((k, c) => (c === 0 ? 'task' : k === 'task' ? 'target' : k)), rows: out };
}

const NUMBER_HEAD_RE = /^(?:序号|编号)\s/;
/** 序号|指标|…: a header's first cell closed by a bar with no space. */
const CELL_SEP_HEAD_RE = /^(?:序号|编号)\|/;
/** Longest header closing a paragraph (序号 名称 工作任务 牵头责任单位 and a few columns more). */
const MAX_TRAILING_HEADER = 48;

/**
 * Runs of [s, e) between separators as spans, at most `limit` of them: white space by default; a
 * flattened table (flat-table.ts) also counts a table's bar as one.
 */
export function words(norm: string, s: number, e: number, limit = Infinity, separates: (c: number) => boolean = isJsSpace): Span[] {
  const out: Span[] = [];
  let at = -1;
  for (let i = s; i <= e && out.length < limit; i++) {
    const space = i === e || separates(norm.charCodeAt(i));
    if (space && at >= 0) {
      out.push([at, i]);
      at = -1;
    } else if (!space && at < 0) at = i;
  }
  return out;
}

/** Header cells one space apart; a column name spaced out letter by letter (工 作 任 务) is one cell. */
function splitSpacedHeader(norm: string, s: number, e: number): Span[] {
  const out: Span[] = [];
  let letters = false;
  for (const [a, b] of words(norm, s, e)) {
    const letter = b - a === 1;
    const last = out[out.length - 1];
    if (letter && letters && last) last[1] = b;
    else out.push([a, b]);
    letters = letter;
  }
  return out;
}

/** Whether a short line is three to ten words one space apart, each a column's name, a task's and a unit's among them. */
function knownWordsHeader(norm: string, line: Line): boolean {
  if (line.trimEnd - line.trimStart > 60) return false;
  const kinds = words(norm, line.trimStart, line.trimEnd).map(([a, b]) => columnKind(norm.slice(a, b)));
  return kinds.length >= 3 && kinds.length <= 10 && !kinds.includes('other') && kinds.includes('task') && kinds.some(isUnitKind);
}

/**
 * A row of a one-space table: as many words as the header has columns, the number first; extra
 * words belong to the task cell (a task may hold a space). Null when the line is no such row.
 */
function spacedRow(norm: string, s: number, e: number, columns: ColumnKind[]): Span[] | null {
  let w = words(norm, s, e);
  // 2  守牢用水 效率指标 红线 …: two spaces in a row leave a merged cell empty; a cell broken before its
  // last character (强化水资源保 护) is whole again. Taken where the row then fits, or has words to spare.
  const exact = withEmptyCells(w, columns.length);
  if (exact.length === columns.length || (w.length > columns.length && exact.length > columns.length)) w = glueBrokenTails(norm, exact, columns.length);
  if (w.length < columns.length) {
    // 1 全市地区生产总值增长7%以上. 发改委 under 序号 名称 工作任务 牵头责任单位: a row leaves the
    // columns that carry nothing we keep (名称, merged over its rows) empty.
    const kept = columns.filter((k) => k !== 'other');
    if (kept.length === columns.length || w.length < kept.length) return null;
    const short = spacedRow(norm, s, e, kept);
    if (!short) return null;
    let k = 0;
    return columns.map((kind): Span => (kind === 'other' ? [s, s] : short[k++] ?? [e, e]));
  }
  const numberAt = columns.indexOf('number');
  if (numberAt >= 0) {
    const cell = w[numberAt];
    if (!cell || !/^[0-9]{1,4}$/.test(norm.slice(cell[0], cell[1]))) return null;
  }
  const taskAt = columns.indexOf('task');
  const extra = w.length - columns.length;
  const out: Span[] = [];
  for (let k = 0; k < columns.length; k++) {
    if (k < taskAt) out.push(w[k] ?? [s, s]);
    else if (k === taskAt) out.push([w[k]?.[0] ?? s, w[k + extra]?.[1] ?? e]);
    else out.push(w[k + extra] ?? [e, e]);
  }
  return out;
}

/** A one-space row cut off by the text's end: its number and task, then the words it has, the other cells empty. Null when it has no task. */
function cutRow(norm: string, s: number, e: number, columns: ColumnKind[]): Span[] | null {
  const w = words(norm, s, e);
  const taskAt = columns.indexOf('task');
  if (columns[0] !== 'number' || taskAt < 0 || w.length <= taskAt || w.length >= columns.length || !/^[0-9]{1,4}$/.test(norm.slice(w[0]?.[0] ?? s, w[0]?.[1] ?? s))) return null;
  return columns.map((_, k): Span => w[k] ?? [e, e]);
}

/** Words of a row with an empty span for each cell a run of spaces leaves out (n + 1 spaces, n cells; three at most). */
function withEmptyCells(w: Span[], columns: number): Span[] {
  const out: Span[] = [];
  w.forEach((word, k) => {
    const gap = k > 0 ? word[0] - (w[k - 1] as Span)[1] : 0;
    for (let g = 1; g < gap && g <= 3 && out.length < columns + w.length; g++) out.push([word[0], word[0]]);
    out.push(word);
  });
  return out;
}

/** Words of a row with more words than columns, a lone Han character after a Han word of two or more joined to it (强化水资源保 护). */
function glueBrokenTails(norm: string, w: Span[], columns: number): Span[] {
  const out: Span[] = [];
  let spare = w.length - columns;
  for (const word of w) {
    const last = out[out.length - 1];
    if (spare > 0 && last && word[1] - word[0] === 1 && isCjk(norm.charCodeAt(word[0])) && last[1] - last[0] >= 2 && isCjk(norm.charCodeAt(last[1] - 1))) {
      out[out.length - 1] = [last[0], word[1]];
      spare--;
    } else out.push(word);
  }
  return out;
}

/** The role of the n-th unit named in a cell of this kind, given whether the table has a 牵头 column. */
export function cellRole(kind: ColumnKind, index: number, hasLeadColumn: boolean): ResponsibleRole {
  if (kind === 'lead') return 'lead';
  if (kind === 'responsible' && !hasLeadColumn && index === 0) return 'lead';
  return 'cooperate';
}

/**
 * A table whose cells ran together when it was copied (…序号主要工作任务第一责任单位主要责任单位一、主要
 * 发展指标1全市地区生产总值增长12%左右。市发展改革委各县(市、区)政府、嘉兴港区2服务业增加值…): the
 * header's column names follow 序号 with nothing between them, and each row is its number, its task up
 * to the full stop, then the unit columns' names, with the next row's number right after the last
 * name. The first unit column's names end where a name runs into the next one without a 、
 * (市发展改革委各县…, 市经贸委市规划建设局). Null when the text holds no such header and rows.
 */
export function findGluedTable(src: SourceText, from: number): Table | null {
  const { norm } = src;
  const at = norm.indexOf('序号', from);
  if (at < 0) return null;
  const head = GLUED_HEADER_RE.exec(norm.slice(at, at + 80));
  if (!head) return null;
  const names = [...head[1]!.matchAll(GLUED_COLUMN_RE)].map((m) => m[0]);
  const columns: ColumnKind[] = ['number', ...names.map((n) => (n.startsWith('第一责任') ? 'lead' : n.startsWith('主要责任') && names.some((x) => x.startsWith('第一责任')) ? 'cooperate' : columnKind(n)))];
  // 项目名称 | 主要内容: a second column of the task's words spells it out, its figures the row's targets.
  const firstTask = columns.indexOf('task');
  columns.forEach((k, c) => {
    if (k === 'task' && c > firstTask) columns[c] = 'target';
  });
  const unitColumns = columns.filter(isUnitKind);
  if (firstTask < 0 || unitColumns.length === 0) return null;
  const headerEnd = at + head[0].length;
  if (columns.includes('target') || columns.includes('person')) {
    const firstUnit = columns.findIndex(isUnitKind);
    const who = columns.indexOf('person');
    const layout: GluedLayout = {
      units: unitColumns,
      person: who < 0 ? null : who < firstUnit ? 'before' : 'after',
      named: /名称$|^(?:项目|工程)$/.test(names[firstTask - 1] ?? ''),
      content: columns.includes('target') ? 'target' : 'other',
      owner: OWNER_HEADER_RE.test(names[firstUnit - 2] ?? ''),
    };
    const sheet = gluedSheetRows(src, [at, headerEnd], layout);
    if (sheet.length < 2) return null;
    const line = src.lines.findIndex((l) => l.start <= at && at <= l.end);
    return { headerLine: Math.max(0, line), headerSpan: [at, headerEnd], columns, headerCells: columns.map((): Span => [at, headerEnd]), rows: sheet };
  }
  const rows: TableRow[] = [];
  let pos = headerEnd;
  for (let k = 1; k <= 500; k++) {
    const start = rowNumberAt(norm, pos, String(k), k === 1 ? 80 : 8);
    if (start < 0) break;
    const taskStart = start + String(k).length;
    const stop = norm.indexOf('。', taskStart);
    if (stop < 0 || stop - taskStart > 200 || holdsCode(norm, taskStart, stop, 0x0a)) break;
    let unitsStart = stop + 1;
    while (unitsStart < norm.length && isJsSpace(norm.charCodeAt(unitsStart))) unitsStart++;
    let unitsEnd = gluedUnitsEnd(norm, unitsStart, String(k + 1));
    // 二、经济结构 closing the last unit cell heads the rows after it.
    const group = GLUED_GROUP_RE.exec(norm.slice(unitsStart, unitsEnd));
    const nextPos = unitsEnd;
    if (group) unitsEnd = unitsStart + group.index;
    while (unitsEnd > unitsStart && isJsSpace(norm.charCodeAt(unitsEnd - 1))) unitsEnd--;
    if (!unitsCell(src, [unitsStart, unitsEnd]) && !gluedUnits(src, unitsStart, unitsEnd)) break;
    const splits = unitColumns.length > 1 ? gluedBoundaries(norm, unitsStart, unitsEnd) : [];
    const cells: TableCell[] = [
      { kind: 'number', span: [start, taskStart] },
      { kind: 'task', span: [taskStart, stop + 1] },
    ];
    if (splits.length > 0) {
      // 市发展改革委市经贸委市规划建设局、…: the first column's names ran together too; the last of
      // them starts the next column.
      let a = unitsStart;
      for (const b of splits) {
        cells.push({ kind: unitColumns[0] as ColumnKind, span: [a, b] });
        a = b;
      }
      cells.push({ kind: unitColumns[1] as ColumnKind, span: [a, unitsEnd] });
    } else cells.push({ kind: 'responsible', span: [unitsStart, unitsEnd] });
    rows.push({ line: 0, span: [start, unitsEnd], cells });
    pos = nextPos;
  }
  if (rows.length < 2) return null;
  const headerLine = src.lines.findIndex((l) => l.start <= at && at <= l.end);
  return { headerLine: Math.max(0, headerLine), headerSpan: [at, headerEnd], columns, headerCells: columns.map((): Span => [at, headerEnd]), rows };
}

const GLUED_COLUMN_RE =
  /(?:[市区县]政府)?分管(?:[市区县])?领导|责任领导|牵头[市区县]领导|主要工作任务|重点工作任务|工作任务|重点工作|主要任务|目标任务|任务目标|项目名称|主要内容|工作内容|建设内容|(?:第一|主要|牵头)?责任(?:单位|部门)|(?:牵头|配合|协办|协同|参与)(?:协调)?(?:单位|部门)|完成时限|完成时间|时间节点|建设阶段|总投资|(?:[0-9]{4}年)?计划投资|项目业主|备注/g;
const GLUED_HEADER_RE = new RegExp(`^序号((?:${GLUED_COLUMN_RE.source}){2,8})`);
const GLUED_GROUP_RE = /[一二三四五六七八九十]{1,3}、[^、,。]{0,24}$/;

/** Offset of the row number `n` at or after pos (within `reach`), standing before a Chinese character. */
function rowNumberAt(norm: string, pos: number, n: string, reach: number): number {
  for (let i = norm.indexOf(n, pos); i >= 0 && i - pos <= reach; i = norm.indexOf(n, i + 1)) {
    if (isDigitAt(norm, i - 1) || isDigitAt(norm, i + n.length)) continue;
    const c = norm.charCodeAt(i + n.length);
    if (isCjk(c)) return i;
  }
  return -1;
}

function isDigitAt(norm: string, i: number): boolean {
  return isDigitCode(norm.charCodeAt(i));
}

/** Where a row's unit names end: before the next row's number glued to the last name, else at the line's end. */
function gluedUnitsEnd(norm: string, s: number, next: string): number {
  let e = s;
  while (e < norm.length && e - s < 160 && norm.charCodeAt(e) !== 0x0a && norm.charCodeAt(e) !== 0x3002) {
    if (norm.startsWith(next, e) && !isDigitAt(norm, e - 1) && !isDigitAt(norm, e + next.length)) {
      const c = norm.charCodeAt(e + next.length);
      if (isCjk(c)) return e;
    }
    e++;
  }
  return e;
}

/** The names of [s, e) split where one runs into the next are all units. */
function gluedUnits(src: SourceText, s: number, e: number): boolean {
  const bs = gluedBoundaries(src.norm, s, e);
  let a = s;
  for (const b of bs) {
    if (!unitsCell(src, [a, b])) return false;
    a = b;
  }
  return bs.length > 0 && unitsCell(src, [a, e]);
}

/** Offsets in the first name of [s, e) (up to its first 、) where a unit's name runs into the next one (市发展改革委|各县…). */
function gluedBoundaries(norm: string, s: number, e: number): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = s + 2; i < e - 2; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x28) depth++;
    else if (c === 0x29) depth--;
    if (depth !== 0) continue;
    if (c === 0x3001 || c === 0x2c) break;
    if (GLUED_NAME_END.has(norm.charCodeAt(i - 1)) && GLUED_NAME_START.has(c)) out.push(i);
  }
  return out;
}
const GLUED_NAME_END = new CodeSet(codesOf('委局厅办府室会部院署处司组'));
const GLUED_NAME_START = new CodeSet(codesOf('市省县区州各'));

/**
 * The rows of a glued table whose header names a column of targets or of persons besides the task
 * and the units (序号工作内容目标任务责任单位备注, 序号项目名称主要内容区政府分管领导牵头单位配合单位), as a
 * document-sharing site shows a .docx. Each row is its number, its task (a sentence up to its full
 * stop, or under 项目名称 a project's name up to its head noun: 扩大教育资源供给|推进…), then sentences of
 * its content, each run of names after a full stop being the row's persons and units
 * (…4580个。何海平教育局经开区…): a row goes on under its number with more content and another run of
 * names (…整治。芮春祥住建局五星街道…), and ends where the next number follows a run of names (…各街道2推动…)
 * or the header repeated where a page began. The persons are left out; the cells are spans of the text.
 */
function gluedSheetRows(src: SourceText, header: Span, layout: GluedLayout): TableRow[] {
  const { norm } = src;
  const { named, content: contentKind } = layout;
  const rows: TableRow[] = [];
  let start = rowNumberAt(norm, header[1], '1', 80);
  for (let k = 1; k <= 500 && start >= 0; k++) {
    const n = String(k);
    const next = String(k + 1);
    const body = start + n.length;
    const titleEnd = named ? projectNameEnd(norm, body) : sentenceEnd(norm, body);
    if (titleEnd < 0) break;
    const cells: TableCell[] = [
      { kind: 'number', span: [start, body] },
      { kind: 'task', span: [body, titleEnd] },
    ];
    let p = titleEnd;
    let content = p;
    let end = -1;
    let following = -1;
    // Whether the last step read a run of names or the repeated header, after which a number starts the next row.
    let closed = false;
    for (let guard = 0; guard < 40; guard++) {
      while (p < norm.length && (norm.charCodeAt(p) === JOINER || isJsSpace(norm.charCodeAt(p))) && norm.charCodeAt(p) !== 0x0a) p++;
      if (closed && glueNumberAt(norm, p, next)) {
        end = p;
        following = p;
        break;
      }
      if (norm.startsWith(norm.slice(header[0], header[1]), p)) {
        if (content < p) cells.push({ kind: contentKind, span: [content, p] });
        p += header[1] - header[0];
        content = p;
        closed = true;
        continue;
      }
      const run = p > titleEnd || !named ? namesRun(norm, p, layout.person, next) : null;
      if (run && run.names.length > 0) {
        if (content < p) cells.push({ kind: contentKind, span: [content, p] });
        pushNames(cells, norm, run.names, layout);
        p = run.end;
        content = p;
        closed = true;
        continue;
      }
      closed = false;
      const stop = runMayStart(norm, p);
      if (stop < 0) {
        // The text's end (a page cut mid-row): the row's content runs to the line's end.
        let e = p;
        while (e < norm.length && norm.charCodeAt(e) !== 0x0a && e - p < 400) e++;
        if (content < e) cells.push({ kind: contentKind, span: [content, e] });
        end = e;
        break;
      }
      p = stop;
    }
    if (end < 0) break;
    rows.push({ line: 0, span: [start, end], cells });
    start = following;
  }
  return rows;
}

const JOINER = 0x2060;

/**
 * How a glued table's rows run: its unit columns, where its column of leaders stands (before the
 * units, 区政府分管领导牵头单位…, or after them, …牵头协调部门牵头区领导), whether its task is a project's
 * name, the kind its content cells are read as, and whether a column of owners (项目业主) names units
 * before the unit columns.
 */
interface GluedLayout {
  units: ColumnKind[];
  person: 'before' | 'after' | null;
  named: boolean;
  content: ColumnKind;
  owner: boolean;
}

/** 项目业主, 建设单位, 实施主体: the column naming who builds a project, no unit of the plan's. */
const OWNER_HEADER_RE = /业主$|^(?:建设|业主)单位$|^实施主体$/;

/**
 * Where in a row's content a run of names may start after p: after its sentence's full stop, or after
 * a figure glued to the names (…43000020000市兴城公司…), not one with its measure word (改造提升8家城乡…,
 * a quantity in the sentence). -1 when neither is on the line.
 */
function runMayStart(norm: string, p: number): number {
  const stop = sentenceEnd(norm, p);
  const limit = stop < 0 ? p + 400 : stop;
  for (let d = p; d < limit && d < norm.length && norm.charCodeAt(d) !== 0x0a; d++) {
    if (!isDigitAt(norm, d)) continue;
    while (isDigitAt(norm, d) || norm.charCodeAt(d) === 0x2e) d++;
    if (isCjk(norm.charCodeAt(d)) && !MEASURE_WORDS.has(norm.charCodeAt(d))) return d;
  }
  return stop;
}
const MEASURE_WORDS = new CodeSet(codesOf('个家人名户所座项条场次万亿千百元米里亩吨辆台件套张床年月日天期批类栋处间层位支'));

/** End of the sentence from s: after its full stop (within a row's reach, on its line), else -1. */
function sentenceEnd(norm: string, s: number): number {
  const stop = norm.indexOf('。', s);
  if (stop < 0 || stop - s > 400 || holdsCode(norm, s, stop, 0x0a)) return -1;
  return stop + 1;
}

/** Whether the row number n stands at p, glued to the Chinese character after it. */
function glueNumberAt(norm: string, p: number, n: string): boolean {
  return norm.startsWith(n, p) && !isDigitAt(norm, p + n.length) && isCjk(norm.charCodeAt(p + n.length));
}

/**
 * 扩大教育资源供给推进学校新建…: under 项目名称 the project's name runs into its content; it ends at the
 * first head noun a project's name closes with (供给, 增长, 发展, 服务, 行动, 项目, 工程…), four
 * characters in at least. Failing one, the name is the cell's first sentence.
 */
function projectNameEnd(norm: string, s: number): number {
  PROJECT_HEAD_RE.lastIndex = s + 2;
  const m = PROJECT_HEAD_RE.exec(norm);
  if (m && m.index + m[0].length - s <= 20 && !/[。,;\n]/.test(norm.slice(s, m.index))) return m.index + m[0].length;
  return sentenceEnd(norm, s);
}
const PROJECT_HEAD_RE = /项目|工程|行动|计划|服务|发展|供给|增长|保障|整治|治理|提升|改造/g;

/**
 * A run of names at p: under a column of leaders, a leader's name first (何海平, 张菁: two or three Han
 * characters, no unit's ending), left out; then unit names, with or without 、 and , between them,
 * each read as the shortest stretch that ends like a unit (教育局|经开区|高新园(邹区镇)|各街道). With no
 * column of persons the run must close the row (the next number, the text's or the line's end), as
 * a cell of units does. Null when no name is read.
 */
function namesRun(norm: string, p: number, person: GluedLayout['person'], next: string): { names: Span[]; end: number } | null {
  let q = p;
  if (person === 'before') {
    // (何海平|教育局, 张菁|民政局: of a name of three and one of two, the one after which the unit's name is shorter.)
    let found = -1;
    let best = Infinity;
    if (TASK_VERB_RE.test(norm.slice(p, p + 2))) return null;
    for (const len of [3, 2]) {
      const who = norm.slice(p, p + len);
      if (!/^\p{Script=Han}+$/u.test(who) || who.length !== len || looksLikeUnit(who)) continue;
      const e = gluedNameEnd(norm, p + len, true, false);
      if (e > 0 && e - p - len < best) {
        found = p + len;
        best = e - p - len;
      }
    }
    if (found < 0) return null;
    q = found;
  }
  const names: Span[] = [];
  for (;;) {
    let a = q;
    while (a < norm.length && (norm.charCodeAt(a) === 0x3001 || norm.charCodeAt(a) === 0x2c || norm.charCodeAt(a) === JOINER)) a++;
    if (names.length === 0) a = q;
    const e = gluedNameEnd(norm, a, true, person === 'after');
    if (e < 0) break;
    names.push([a, e]);
    q = e;
  }
  if (names.length === 0) return null;
  // (…区建设局王天刚郭代辉2…: leaders after the units, left out, up to the row's end.)
  if (person === 'after') q = leadersEnd(norm, q);
  if (person !== 'before') {
    let e = q;
    while (e < norm.length && (norm.charCodeAt(e) === JOINER || norm.charCodeAt(e) === 0x20)) e++;
    if (!(e >= norm.length || norm.charCodeAt(e) === 0x0a || glueNumberAt(norm, e, next) || norm.startsWith('序号', e))) return null;
  }
  return { names, end: q };
}

/** End of the leaders' names at e: a stretch of Han characters, one to three names, with no unit's ending. */
function leadersEnd(norm: string, e: number): number {
  let q = e;
  while (q < norm.length && q - e < 10 && isCjk(norm.charCodeAt(q))) q++;
  const who = norm.slice(e, q);
  return q - e >= 2 && q - e <= 9 && !looksLikeUnit(who) && !/^\p{Script=Han}{0,9}(?:局|委|办|公司|街道)/u.test(who) ? q : e;
}

/** 推动大庙弄核心区改造: a stretch opening with a task's verb is no unit's name. */
const TASK_VERB_RE = /^(?:推动|推进|加快|建成|完成|实施|开展|改造|提升|新建|建设|打造|举办|提高|完善|组织|按照|给|把|对|在|将)/;

/**
 * End of the unit name at s (its bracket with it: 市委宣传部(市文明办), 高新园(邹区镇)), else -1: the
 * shortest stretch that ends like a unit where the run can go on after it (a 、, the row's end, a
 * task's verb, or another name: 市委社|治委 is no cut, 市委社治委、 is).
 */
function gluedNameEnd(norm: string, s: number, ahead = true, leadersAfter = false): number {
  if (TASK_VERB_RE.test(norm.slice(s, s + 2))) return -1;
  let name = '';
  for (let i = s; i < norm.length && i - s < 16; i++) {
    const c = norm.charCodeAt(i);
    if (c === JOINER) continue;
    if (c === 0x28) {
      const close = norm.indexOf(')', i);
      if (close < 0 || close - i > 14) return -1;
      const inner = norm.slice(i + 1, close).replace(/\u2060/g, '');
      if (!/^\p{Script=Han}+$/u.test(inner)) return -1;
      name += `(${inner})`;
      i = close;
    } else if (isCjk(c)) name += norm[i];
    else return -1;
    if (name.length >= 3 && norm.charCodeAt(i + 1) !== 0x28 && gluedUnitLike(name) && (!ahead || runGoesOn(norm, i + 1, leadersAfter))) return i + 1;
  }
  return -1;
}

/** A name ending as a unit's does, or a place's name with a unit's in its bracket (高新园(邹区镇)). */
function gluedUnitLike(name: string): boolean {
  if (looksLikeUnit(name) || endsLikeUnit(name)) return true;
  const inner = /\(([^()]+)\)$/.exec(name);
  return !!inner && endsLikeUnit(inner[1] ?? '');
}

/** Whether a run of names can go on at e: no Han character there, or a task's verb, or another name. */
function runGoesOn(norm: string, e: number, leadersAfter: boolean): boolean {
  while (norm.charCodeAt(e) === JOINER) e++;
  if (!isCjk(norm.charCodeAt(e))) return true;
  if (leadersAfter && leadersEnd(norm, e) > e && !isCjk(norm.charCodeAt(leadersEnd(norm, e)))) return true;
  return TASK_VERB_RE.test(norm.slice(e, e + 2)) || gluedNameEnd(norm, e, false) > 0;
}

/**
 * A run's names in the row's unit columns: the first column's names are the first one and those
 * joined to it by 、 or ,; the names after it, run into it without one, the next column's, each a
 * cell of its own. A column of its own (责任单位) takes the whole run as its cell.
 */
function pushNames(cells: TableCell[], norm: string, run: Span[], layout: GluedLayout): void {
  const { units } = layout;
  const first = units[0] as ColumnKind;
  // 四川聚和…有限公司、…聚和村农村股份合作社区农发局: after a column of owners, the unit column's name is the last.
  if (layout.owner && units.length === 1) {
    cells.push({ kind: first, span: run[run.length - 1] as Span });
    return;
  }
  const second = units[1];
  let k = 1;
  while (k < run.length && /[、,]/.test(norm.slice((run[k - 1] as Span)[1], (run[k] as Span)[0]))) k++;
  if (!second || k === run.length) {
    if (k === run.length || first !== 'lead') {
      cells.push({ kind: first, span: [(run[0] as Span)[0], (run[run.length - 1] as Span)[1]] });
      return;
    }
  }
  cells.push({ kind: first, span: [(run[0] as Span)[0], (run[k - 1] as Span)[1]] });
  for (const span of run.slice(k)) cells.push({ kind: second ?? 'cooperate', span });
}
