/**
 * Responsible units of an item, in the forms policy documents use:
 * (X、Y等部门及各市州政府负责) · (牵头单位:X;配合单位:Y) · (X牵头,Y、Z配合) · (X、Y按职责分工负责)
 * · 〔责任单位:…〕 · 责任单位:X lines · 由X牵头,会同Y… · an item opening with its actor (X要…),
 * plus the carry-forward rules 下同 and 以下…不再列出.
 */
import { warning } from './warnings.js';
import { CodeSet, codesOf, firstAtOrAfter, holdsCode, isJsSpace, joinFree, NO_NAMES, sourceSpan, viewOffset, warningBack, type JoinFree, type SourceText } from './text.js';
import type { ParseWarning, Responsible, ResponsibleRole } from '../model/plan.js';
import type { Span } from '../model/span.js';
import type { UnitResolver } from '../model/unit-resolver.js';
import { isCollective, looksLikeUnit, nameBesideNumber, splitNames, UNIT_LAST, unitList, type NamePiece } from './units.js';

export interface ResponsibilityContext {
  src: SourceText;
  resolver: UnitResolver;
  warnings: ParseWarning[];
  /** Each name as written, once: a plan names the same units thousands of times, and the output keeps every mention. */
  raws?: Map<string, string>;
}

export interface ClauseResult {
  entries: Responsible[];
  /** The clause ends with 下同: its units carry to the following items. */
  ditto: boolean;
  /** Units named by a 以下…不再列出 rule: responsible for every following item. */
  standing: Responsible[];
  /** The lead was named as such (牵头单位:X, X牵头), not just listed first. */
  explicitLead?: boolean;
}

type GroupRole = 'lead' | 'cooperate' | 'first' | null;
interface Group {
  role: GroupRole;
  labelled: boolean;
  open: boolean;
  names: NamePiece[];
}

const CUE_RE = /负责|牵头|配合|参与|参加|责任单位|责任部门|责任科室|责任领导|责任处室|责任主体|实施主体|主责单位|牵头单位|配合单位|主办|按职责分工|不再列出|不再一一列出|下同|协办|协同单位|协助单位|主责部门|协作部门|负责政策局|落实|承办单位|承办部门/g;
/** 责任单位: — or 【责任单位】 with the label in lenticular brackets and no colon (the opening one may stand before). */
const LABEL_RE =
  /^[【〔[]?((?:主要|具体|直接)?(?:牵头|主责|主办|承办|责任|实施|负责|配合|参与|协办|协同|协助|协作|支持)(?:责任)?(?:单位|部门|机关|科室|主体)(?:\((?:单位|部门|科室|处室|机关)\))?|部门分工|责任分工|任务分工|职责分工|(?:牵头|主责|主办|负责|配合|参与|协办|协同|协助|协作)(?=\s*:)|负责政策局(?:\/部门)?)(?:[】〕\]]\s*:?|\s*:|[ \t]*(?=\r?\n|$))\s*/;
const SUFFIX_RE =
  /(分别牵头负责|分别牵头|分别负责|分别落实|为(?:牵头|主办|责任|主责|配合|协办|协助|协同|参与)(?:单位|部门)|牵头负责|牵头落实|主要负责|具体负责|直接负责|全面负责|按职责分工负责|按职责分工落实|按职责分工推进|按职能分工负责|按职责负责|分工负责|共同负责|负总责|总牵头|牵头|主抓|负责|协同配合|配合|参与|参加|协助|协同|协办|主办|落实|指导|督导|支持)(?:落实|实施|推进|组织实施|具体实施|具体落实|组织落实|抓好落实|组织|抓总|协调|督导)?$/;
// (第一责任单位为牵头单位,下同): the first named unit, said without 列/排.
const FIRST_LEADS_RE = /^(?:其中)?[,]?(?:列|排|排在|列在|排名)?第一(?:位|个)?的?(?:责任|主办)?(?:者|单位|部门)?为牵头(?:单位|部门)?$/;
export const STANDING_RE = /^以下[^,。]{0,12}?(?:需|由|要|须|请)([^。]{2,40}?)(?:按职责分工)?(?:负责|落实|参与|配合)/;
const MAX_GROUP = 400;
/** Farthest from the item's end an unclosed bracket may open and still be read as closing there. */
const MAX_UNCLOSED = 80;
/** Necessary first characters of FIRST_LEADS_RE and LABEL_RE, last characters of SUFFIX_RE. */
const FIRST_LEADS_START = new CodeSet(codesOf('其,列排第'));
const LABEL_START_CHARS = new CodeSet(codesOf('牵主责实负配参协支部任职具直承【〔['));
const SUFFIX_LAST = new CodeSet(codesOf('位门责实进头合与加助同办施导持织总调抓'));
/** The labels of OTHER_LABEL_RE that name a person or an office, no unit: 责任领导:张三, 联系人:李四, 责任处室:农村处. */
const PERSON_LABEL_RE = /^(责任领导|责任处室|牵头(?:负责)?领导|分管(?:省|市|县|区)?领导|项目责任人|主要责任人|责任人|联系人)\s*:/;

/** Labels of a task's other parts long enough to be told glued to a name before them: 任务目标:, 完成时限:. */
const LONG_OTHER_LABELS = '完成时限|完成时间|完成期限|时间节点|时限要求|进度安排|办结时限|工作目标|目标任务|任务目标|预期目标|资金来源';
/** Labels that end the responsibility part of a line: 责任单位:X;完成时限:2022年底. */
const OTHER_LABEL_RE = new RegExp(`^(?:${LONG_OTHER_LABELS}|时限|责任领导|责任处室|牵头(?:负责)?领导|分管(?:省|市|县|区)?领导|进展与成效|进展成效|工作进展|进展情况|完成情况|实际完成情况|项目内容|建设内容|主要内容|项目名称|项目责任人|主要责任人|责任人|联系人|咨询电话|联系电话|电话)\\s*:`);
const GLUED_OTHER_LABEL_RE = new RegExp(`^(?:${LONG_OTHER_LABELS})\\s*:`);
const OTHER_LABEL_START = new CodeSet(codesOf('完时进办工目预资责牵分实项建主联任咨电'));

/** Where ,以下…不再… starts inside [s, e) (after its comma), or -1. */
function standingAfterComma(norm: string, s: number, e: number): number {
  for (let k = s + 2; k + 4 < e; k++) {
    if (norm.charCodeAt(k) === 0x4ee5 && norm.charCodeAt(k + 1) === 0x4e0b && norm.charCodeAt(k - 1) === 0x2c && holdsNoMore(norm, k, e)) return k;
  }
  return -1;
}

function holdsNoMore(norm: string, s: number, e: number): boolean {
  const at = norm.indexOf('不再', s);
  return at >= 0 && at < e;
}

/** 1..4 for an opening bracket, -1..-4 for its closing one, 0 otherwise (by char code). */
function bracketKind(c: number): number {
  switch (c) {
    case 0x28: return 1; // (
    case 0x29: return -1;
    case 0x3014: return 2; // 〔
    case 0x3015: return -2;
    case 0x3010: return 3; // 【
    case 0x3011: return -3;
    case 0x5b: return 4; // [
    case 0x5d: return -4;
    default: return 0;
  }
}

/** The cue words of CUE_RE, by first code unit, in the regex's order of preference. */
const CUE_WORDS = new Map<number, string[]>();
for (const w of CUE_RE.source.split('|')) {
  const list = CUE_WORDS.get(w.charCodeAt(0)) ?? [];
  list.push(w);
  CUE_WORDS.set(w.charCodeAt(0), list);
}
// (承办部门:市人社局 咨询电话:… ⏎ 市卫计委 …: the units that undertake a project, read as a 责任 label's.)
const LABEL_HEADS = ['牵头', '责任', '主责', '主办', '承办', '实施', '负责', '配合', '参与', '协办', '协同', '协助', '协作', '支持'];
/** Heads of a 分工 label (部门分工:省农业农村厅牵头,各地配合). */
const DIVISION_HEADS = ['部门', '责任', '任务', '职责'];

/** What a code unit may start, so that most characters cost one table look-up. */
const CUE_START = 1;
const BRACKET = 2;
const LABEL_START = 4;
const FLAGS = new Uint8Array(0x10000);
for (const c of CUE_WORDS.keys()) FLAGS[c] = (FLAGS[c] ?? 0) | CUE_START;
for (const c of [0x28, 0x29, 0x3014, 0x3015, 0x3010, 0x3011, 0x5b, 0x5d]) FLAGS[c] = (FLAGS[c] ?? 0) | BRACKET;
for (const h of [...LABEL_HEADS, ...DIVISION_HEADS]) FLAGS[h.charCodeAt(0)] = (FLAGS[h.charCodeAt(0)] ?? 0) | LABEL_START;

interface ClauseMarks {
  /** Offsets where a cue word (CUE_RE) starts. No cue word occurs inside another, so these are all of them. */
  cues: number[];
  /** Bracket pairs as flat [open, close, open, close, …], in the order of their opening offsets. */
  pairs: number[];
  /** Labels 责任单位: … as flat [offset, length, …]; labels never overlap. */
  labels: number[];
}

/** Scratch space of scanMarks, grown as needed and never shrunk (scanMarks never runs re-entrantly). */
const openAt: number[] = [];
const closeAt: number[] = [];
const openKind: number[] = [];
const stack: number[] = [];

/** One pass over [s, e) for the cue words, bracket pairs and labels of findStated. */
function scanMarks(norm: string, s: number, e: number): ClauseMarks {
  const cues: number[] = [];
  const labels: number[] = [];
  // Each opening bracket gets the next sequence number; pairs come out in that order.
  let opens = 0;
  let top = 0;
  for (let i = s; i < e; i++) {
    const c = norm.charCodeAt(i);
    const f = FLAGS[c] ?? 0;
    if (f === 0) continue;
    if (f & BRACKET) {
      const k = bracketKind(c);
      if (k > 0) {
        stack[top++] = opens;
        openAt[opens] = i;
        closeAt[opens] = -1;
        openKind[opens] = k;
        opens++;
      } else {
        // Close the nearest bracket of the same kind; tolerate a few stray brackets in between.
        for (let j = top - 1; j >= 0 && j >= top - 3; j--) {
          const seq = stack[j] ?? 0;
          if (openKind[seq] === -k) {
            closeAt[seq] = i;
            top = j;
            break;
          }
        }
      }
      continue;
    }
    if (f & CUE_START) {
      for (const w of CUE_WORDS.get(c) ?? []) {
        if (i + w.length <= e && norm.startsWith(w, i)) {
          cues.push(i);
          break;
        }
      }
    }
    if (f & LABEL_START) {
      const len = labelAt(norm, i, e);
      if (len > 0) {
        labels.push(i, len);
        // 牵头责任单位: holds 责任单位: — one label, not two.
        i += len - 1;
      }
    }
  }
  const pairs: number[] = [];
  // 〔省政府办公厅、省委编办按职责牵头,省直有关部门及: a bracket the text ends inside (an excerpt cut
  // short, a closing bracket lost in copying) closes where the item ends, if it opened near it.
  const last = top > 0 ? (stack[top - 1] ?? -1) : -1;
  const lastOpen = last >= 0 ? (openAt[last] ?? 0) : -1;
  // (【 is left out, and 〔 before a label: 【牵头单位】 and 〔牵头单位〕 are read whole, their closing bracket unseen here.)
  const round = lastOpen >= 0 && (norm.charCodeAt(lastOpen) === 0x28 || norm.charCodeAt(lastOpen) === 0x3014) && labelAt(norm, lastOpen + 1, e) === 0;
  const unclosed = round && e - lastOpen <= MAX_UNCLOSED && !holdsCode(norm, lastOpen, e, 0x3002) ? last : -1;
  for (let q = 0; q < opens; q++) {
    const close = q === unclosed ? e : (closeAt[q] ?? -1);
    if (close >= 0) pairs.push(openAt[q] ?? 0, close);
  }
  return { cues, pairs, labels };
}

function hasCueBetween(cues: number[], s: number, e: number): boolean {
  return (cues[firstAtOrAfter(cues, s)] ?? Infinity) < e;
}

/**
 * Responsibility stated explicitly in [s, e): bracketed clauses and 责任单位:… labels.
 * Returns null when the text states none.
 */
function findStatedHere(ctx: ResponsibilityContext, s: number, e: number): ClauseResult | null {
  const { norm } = ctx.src;
  const { cues, pairs, labels } = scanMarks(norm, s, e);
  if (cues.length === 0) return null;
  const result: ClauseResult = { entries: [], ditto: false, standing: [] };
  let found = false;
  let acceptedEnd = -1;
  // Pairs not inside an accepted clause, flat [open, close, …] in opening order.
  const inside: number[] = [];
  for (let q = 0; q < pairs.length; q += 2) {
    const o = pairs[q] ?? 0;
    const c = pairs[q + 1] ?? 0;
    if (o < acceptedEnd) continue;
    // 【责任单位】X: a label in brackets, read with the labels below.
    if (labelBracket(norm.charCodeAt(o)) && labelAt(norm, o + 1, c + 1) === c - o) continue;
    inside.push(o, c);
    if (c - o > MAX_GROUP || !hasCueBetween(cues, o + 1, c)) continue;
    const clause = parseClause(ctx, o + 1, c);
    if (!clause) continue;
    acceptedEnd = c;
    found = true;
    mergeInto(result, clause);
  }
  // 责任单位:X、Y written as a plain label, outside brackets. `inside` is sorted by its
  // opening offsets and labels come in order, so one sweep tells which are inside.
  let k = 0;
  let coveredTo = -1;
  let from = s;
  let labelLeadImplicit = false;
  // 责任部门:城建局、农海局 配合部门:各街道: beside a label for those who cooperate, and none for a lead,
  // every unit a 责任 label names leads.
  const jointLeads = labelsCooperateWithoutLead(norm, labels);
  for (let q = 0; q < labels.length; q += 2) {
    const at = labels[q] ?? 0;
    const len = labels[q + 1] ?? 0;
    if (at < from) continue;
    from = at + len;
    for (; k < inside.length && (inside[k] ?? Infinity) < at; k += 2) coveredTo = Math.max(coveredTo, inside[k + 1] ?? -1);
    if (at < coveredTo) continue;
    let end = at + len;
    // A label runs to the end of its line, or to the next label on the line; a label ending its
    // line (责任单位:⏎市大数据局、市工信局) names the units on the next one.
    // 【牵头单位】X【配合单位】Y: the next label's opening bracket ends this one's units too.
    const next = labels[q + 2] ?? Infinity;
    const opensNext = next !== Infinity && labelBracket(norm.charCodeAt(next - 1));
    const stop = Math.min(e, at + MAX_GROUP, opensNext ? next - 1 : next);
    while (end < stop && isJsSpace(norm.charCodeAt(end)) && norm.charCodeAt(end) !== 0x0a && norm.charCodeAt(end) !== 0x0d) end++;
    if (end < stop && (norm.charCodeAt(end) === 0x0a || norm.charCodeAt(end) === 0x0d)) {
      while (end < stop && isJsSpace(norm.charCodeAt(end))) end++;
    }
    for (; end < stop; end++) {
      const c = norm.charCodeAt(end);
      if (c === 0x0a || c === 0x0d || c === 0x3002) break;
    }
    const clause = parseClause(ctx, at, end);
    if (!clause) continue;
    found = true;
    if (jointLeads && norm.charCodeAt(at) === 0x8d23) for (const r of clause.entries) if (r.role === 'cooperate') r.role = 'lead'; // 责
    // 牵头单位:X and 责任单位:Y, Z on separate labels of one item: only X leads.
    const leads = result.entries.some((r) => r.role === 'lead');
    if (leads && !clause.explicitLead) demoteLeads(clause.entries);
    else if (clause.explicitLead && labelLeadImplicit) demoteLeads(result.entries);
    if (!leads || clause.explicitLead) labelLeadImplicit = !clause.explicitLead && clause.entries.some((r) => r.role === 'lead');
    mergeInto(result, clause);
    from = Math.max(from, end);
    // 承办部门:市人社局 咨询电话:2126811 ⏎ 市卫计委 2835085: a line holding only a unit's name and a
    // telephone number goes on with the list of the label line over it, the name cooperating.
    const name = end + 1 < e && norm.charCodeAt(end) === 0x0a ? nameBesideNumber(norm, end + 1, e) : 0;
    if (name > 0) {
      for (const p of splitNames(norm, end + 1, end + 1 + name)) result.entries.push(entry(ctx, p, 'cooperate'));
      from = end + 1 + name;
    }
  }
  return found ? result : null;
}

/** 【 〔 [ — the brackets a label may be written in instead of a colon (【牵头单位】X). */
function labelBracket(c: number): boolean {
  return c === 0x3010 || c === 0x3014 || c === 0x5b;
}

/** Length of a `(牵头|责任|…)(单位|部门)\s*:` label starting at i and ending by e, else 0. */
/** (单位) after 责任科室, (部门) after 牵头单位: the other noun a label may be written with. */
const ALTERNATIVE_RE = /^\((?:单位|部门|科室|处室|机关)\)/;

function labelAt(norm: string, i: number, e: number): number {
  // 牵头:X;配合:Y — a role word alone before the colon; 负责政策局:, 负责政策局/部门: (Hong Kong).
  const bare = bareLabelAt(norm, i, e);
  if (bare > 0) return bare;
  if (i + 5 > e) return 0;
  let c2 = norm.charCodeAt(i + 2);
  let c3 = norm.charCodeAt(i + 3);
  // 牵头责任单位:, 配合责任部门: the head, 责任, then the noun.
  let extra = 0;
  if (c2 === 0x8d23 && c3 === 0x4efb && i + 7 <= e && norm.charCodeAt(i) !== 0x8d23) {
    extra = 2;
    c2 = norm.charCodeAt(i + 4);
    c3 = norm.charCodeAt(i + 5);
  }
  if (c2 === 0x5206 && c3 === 0x5de5) {
    // 部门分工: 责任分工: 任务分工: 职责分工: — the units follow as a sentence (X牵头,Y配合).
    if (!DIVISION_HEADS.some((h) => norm.startsWith(h, i))) return 0;
  } else {
    // 单位 部门, 机关 (主辦機關: in Taiwan's plans), and 科室 (责任科室: a bureau's or a town's offices);
    // 主体 (责任主体:, 实施主体:) too.
    if (!((c2 === 0x5355 && c3 === 0x4f4d) || (c2 === 0x90e8 && c3 === 0x95e8) || (c2 === 0x673a && c3 === 0x5173) || (c2 === 0x79d1 && c3 === 0x5ba4) || (c2 === 0x4e3b && c3 === 0x4f53))) return 0;
    if (!LABEL_HEADS.some((h) => norm.startsWith(h, i))) return 0;
  }
  let j = i + 4 + extra;
  // 【责任单位】: the closing bracket ends the label (a colon may follow it).
  // 〔牵头单位〕 the same with tortoise-shell brackets.
  const closer = norm.charCodeAt(j);
  const opener = norm.charCodeAt(i - 1);
  if (j < e && ((closer === 0x3011 && opener === 0x3010) || (closer === 0x3015 && opener === 0x3014) || (closer === 0x5d && opener === 0x5b))) {
    j++;
    let k = j;
    while (k < e && isJsSpace(norm.charCodeAt(k))) k++;
    return (k < e && norm.charCodeAt(k) === 0x3a ? k + 1 : j) - i;
  }
  // 责任科室(单位):, 牵头单位(部门):: a label with its bracketed alternative is a label as any other.
  const alternative = norm.charCodeAt(j) === 0x28 ? ALTERNATIVE_RE.exec(norm.slice(j, Math.min(e, j + 5))) : null;
  if (alternative) j += alternative[0].length;
  const nameEnd = j;
  while (j < e && isJsSpace(norm.charCodeAt(j))) j++;
  if (j < e && norm.charCodeAt(j) === 0x3a) return j + 1 - i;
  // 责任单位 ⏎ 文广旅局: a label alone on its line, its colon left out.
  const alone = (i === 0 || norm.charCodeAt(i - 1) === 0x0a) && j > nameEnd && holdsCode(norm, nameEnd, j, 0x0a);
  return alone ? nameEnd - i : 0;
}

const BARE_HEADS = ['牵头', '主责', '主办', '配合', '参与', '协办', '协同', '协助', '协作'];

function bareLabelAt(norm: string, i: number, e: number): number {
  // Told apart by the character after the head first: this runs at every 负, 牵, 配… of a plan.
  const c2 = norm.charCodeAt(i + 2);
  let j = -1;
  if (c2 === 0x653f && norm.startsWith('负责政策局', i)) {
    j = i + 5;
    if (norm.startsWith('/部门', j)) j += 3;
  } else if ((c2 === 0x3a || isJsSpace(c2)) && BARE_HEADS.some((h) => norm.startsWith(h, i))) j = i + 2;
  if (j < 0) return 0;
  while (j < e && isJsSpace(norm.charCodeAt(j)) && norm.charCodeAt(j) !== 0x0a) j++;
  return j < e && norm.charCodeAt(j) === 0x3a ? j + 1 - i : 0;
}

/** Whether the labels (flat [offset, length, …]) name those who cooperate (配合单位:) and none names a lead (牵头单位:). */
function labelsCooperateWithoutLead(norm: string, labels: readonly number[]): boolean {
  let cooperate = false;
  for (let q = 0; q < labels.length; q += 2) {
    const at = labels[q] ?? 0;
    const head = norm.slice(at, at + 2);
    if (head === '牵头' || head === '主责' || head === '主办') return false;
    if (/^(?:配合|参与|协办|协同|协助|协作)$/.test(head)) cooperate = true;
  }
  return cooperate;
}

function demoteLeads(entries: Responsible[]): void {
  for (const r of entries) if (r.role === 'lead') r.role = 'cooperate';
}

function mergeInto(into: ClauseResult, clause: ClauseResult): void {
  into.entries.push(...clause.entries);
  into.ditto ||= clause.ditto;
  into.standing.push(...clause.standing);
}

const CLAUSE_SEPS = new CodeSet([0x3002, 0x3b, 0x0a, 0x0d]); // 。 ; \n \r
const COMMA_SEPS = new CodeSet([0x2c]); // ,

/** Split [s, e) at depth 0 on any of `seps` (code units). */
function splitTop(norm: string, s: number, e: number, seps: CodeSet): Span[] {
  const out: Span[] = [];
  let start = s;
  let depth = 0;
  for (let i = s; i < e; i++) {
    const c = norm.charCodeAt(i);
    const k = bracketKind(c);
    if (k > 0) depth++;
    else if (k < 0) depth = Math.max(0, depth - 1);
    else if (depth === 0 && seps.has(c)) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, e]);
  return out;
}

function isTrimmable(c: number): boolean {
  return c === 0x2c || c === 0x3001 || isJsSpace(c); // , 、 \s
}

/** Start of [s, e) past leading separators and spaces (two numbers, not an array: this runs per segment of every clause). */
function trimmedStart(norm: string, s: number, e: number): number {
  while (s < e && isTrimmable(norm.charCodeAt(s))) s++;
  return s;
}

/** End of [s, e) before trailing separators and spaces. */
function trimmedEnd(norm: string, s: number, e: number): number {
  while (e > s && isTrimmable(norm.charCodeAt(e - 1))) e--;
  return e;
}

const READING_RULE_RE = /列第一|排第一|排在第一|列在第一|为牵头|汇总单位|为准/;
/** 明确牵头部门的,有关部门配合,不逐一列出: a condition, then what holds for every bracket of its kind. */
const CONDITIONAL_RULE_RE = /^(?:凡|对|已)?(?:明确|标明|注明|列明|写明)[^,;。]{1,12}的,[^。;]*(?:不(?:再)?(?:逐一|一一)?列出|下同)/;
const CONDITIONAL_RULE_START = new CodeSet(codesOf('凡对已明标注列写'));
/**
 * 凡一项任务由几个部门共同承担,一般由列在最前面的部门牵头; 原则上由排名首位的部门牵头负责: a rule
 * that the first named unit of each bracket leads, in a sentence of its own.
 */
const FIRST_LEADS_RULE_RE = /(?:由|以)(?:列在?|排在?|排名)(?:最前面?|首位|第一位?)的?(?:部门|单位)?(?:为)?牵头/;

/** Length of a trailing `,?\s*下同` of [s, e), or 0. */
function dittoTail(norm: string, s: number, e: number): number {
  if (e - s < 2 || norm.charCodeAt(e - 2) !== 0x4e0b || norm.charCodeAt(e - 1) !== 0x540c) return 0; // 下同
  let j = e - 2;
  while (j > s && isJsSpace(norm.charCodeAt(j - 1))) j--;
  if (j > s && norm.charCodeAt(j - 1) === 0x2c) j--;
  return e - j;
}

/** Offset of 会同 in [s, e), or -1. */
function togetherAt(norm: string, s: number, e: number): number {
  for (let i = s; i + 1 < e; i++) {
    if (norm.charCodeAt(i) === 0x4f1a && norm.charCodeAt(i + 1) === 0x540c) return i; // 会同
  }
  return -1;
}

/**
 * Offset of 配合 or 协助 inside [s, e) with names on both sides (X配合Y落实: Y leads, X
 * cooperates), or -1. At the start (配合单位:…) or the end (X配合) it is a label or a suffix.
 */
function assistAt(norm: string, s: number, e: number): number {
  for (let i = s + 2; i + 3 < e; i++) {
    const a = norm.charCodeAt(i);
    const b = norm.charCodeAt(i + 1);
    if ((a === 0x914d && b === 0x5408) || (a === 0x534f && b === 0x52a9)) return i; // 配合 协助
  }
  return -1;
}

/**
 * Parts split further where a label follows white space: 牵头单位:市交通运输局  责任单位:市财政局 has no
 * semicolon between its labels, only spaces (and 完成时限: may follow the same way); or where a unit's
 * label follows a comma (牵头领导:庞某,责任单位:区卫生健康局).
 */
function splitAtSpacedLabels(norm: string, parts: Span[]): Span[] {
  let out: Span[] | null = null;
  for (let q = 0; q < parts.length; q++) {
    const [ps, pe] = parts[q] ?? [0, 0];
    let start = ps;
    for (let i = ps + 1; i < pe; i++) {
      const c = norm.charCodeAt(i);
      const comma = norm.charCodeAt(i - 1) === 0x2c;
      // 责任单位:莲塘镇任务目标:…: a label of another kind glued to the last name (its line break lost).
      if (!isJsSpace(norm.charCodeAt(i - 1)) && !comma && UNIT_LAST.has(norm.charCodeAt(i - 1)) && OTHER_LABEL_START.has(c) && GLUED_OTHER_LABEL_RE.test(norm.slice(i, Math.min(pe, i + 8)))) {
        out ??= parts.slice(0, q);
        out.push([start, i]);
        start = i;
        continue;
      }
      if (!isJsSpace(norm.charCodeAt(i - 1)) && !comma) continue;
      const unitLabel = ((FLAGS[c] ?? 0) & LABEL_START) !== 0 && labelAt(norm, i, pe) > 0;
      // (牵头领导:庞某,责任单位:区卫生健康局): after a comma, only a unit's label starts a part.
      if (comma && !unitLabel) continue;
      // 责任单位:X 完成时限:2019年底: a label of another kind ends the units before it.
      if (!unitLabel && !(OTHER_LABEL_START.has(c) && OTHER_LABEL_RE.test(norm.slice(i, Math.min(pe, i + 8))))) continue;
      out ??= parts.slice(0, q);
      out.push([start, i]);
      start = i;
    }
    if (out) out.push([start, pe]);
  }
  return out ?? parts;
}

/** Parse the inside of one responsibility clause; null when it is not one. */
function parseClauseHere(ctx: ResponsibilityContext, s: number, e: number): ClauseResult | null {
  const { norm } = ctx.src;
  const groups: Group[] = [];
  const result: ClauseResult = { entries: [], ditto: false, standing: [] };
  /** Units every item involves, this one included (…均涉及X,不再做分工). */
  const involved: Responsible[] = [];
  let structured = false;
  /** The clause says its first name leads (列第一位的为牵头单位): names without a role are read so. */
  let firstLeads = false;
  /** A rule for reading the brackets stood in this one: a 下同 after it carries the rule, not the units. */
  let ruleSeen = false;
  let otherLabel = false;
  for (const part of splitAtSpacedLabels(norm, splitTop(norm, s, e, CLAUSE_SEPS))) {
    const ps = trimmedStart(norm, part[0], part[1]);
    let pe = trimmedEnd(norm, ps, part[1]);
    if (ps >= pe) continue;
    // 完成时限:2022年底, 牵头领导:王五: a part under another label names no unit, nor do the parts
    // after it until a unit label comes again ((牵头领导:王五;牵头单位:市工信局)).
    if (OTHER_LABEL_START.has(norm.charCodeAt(ps)) && OTHER_LABEL_RE.test(norm.slice(ps, Math.min(pe, ps + 8)))) {
      otherLabel = true;
      // 责任领导:张三: a person named where units are, left out with a warning (as a table's 责任领导 column).
      const person = PERSON_LABEL_RE.exec(norm.slice(ps, Math.min(pe, ps + 8)));
      if (person?.[1]) ctx.warnings.push(warning('responsibility_not_unit', { raw: rawOf(ctx, person[1], ps, ps + person[1].length) }, [ps, ps + person[1].length]));
      continue;
    }
    if (otherLabel && !(LABEL_START_CHARS.has(norm.charCodeAt(ps)) && LABEL_RE.test(norm.slice(ps, Math.min(pe, ps + 8))))) continue;
    otherLabel = false;
    // 各镇落实属地管理责任,以下均需各乡镇落实属地管理责任,不再重复列出: a standing rule after a comma
    // is read as one, and the words before it as a part of their own.
    const standingAt = norm.charCodeAt(ps) === 0x4ee5 && norm.charCodeAt(ps + 1) === 0x4e0b ? ps : standingAfterComma(norm, ps, pe); // 以下
    const partText = standingAt >= 0 ? norm.slice(standingAt, pe) : '';
    if (partText.startsWith('以下') && partText.includes('不再')) {
      const m = STANDING_RE.exec(partText);
      if (m && m[1]) {
        const at = standingAt + partText.indexOf(m[1], 2);
        const names = splitNames(norm, at, at + m[1].length);
        for (const p of names) result.standing.push(entry(ctx, p, isCollective(p.name) ? 'localities' : 'cooperate'));
        structured = true;
      }
      if (standingAt === ps) continue;
      pe = trimmedEnd(norm, ps, standingAt - 1);
      if (ps >= pe) continue;
    }
    // 具体任务均涉及相关市(州)人民政府,不再做分工: units standing for every item, like 以下…不再列出.
    if (norm.charCodeAt(ps) !== 0x4ee5 && hasNoMore(norm, ps, pe)) {
      const m = ALL_INVOLVED_RE.exec(norm.slice(ps, pe));
      if (m?.[1]) {
        const at = ps + (m.index ?? 0) + m[0].indexOf(m[1]);
        for (const p of splitNames(norm, at, at + m[1].length)) {
          const r = entry(ctx, p, isCollective(p.name) ? 'localities' : 'cooperate');
          result.standing.push(r);
          involved.push(r);
        }
        structured = true;
        if (dittoTail(norm, ps, pe) > 0) result.ditto = true;
        continue;
      }
    }
    // (省发改委牵头。明确牵头部门的,有关部门配合,不逐一列出,下同): a rule for reading the brackets below,
    // not units of this item, nor units carried to the next.
    if (CONDITIONAL_RULE_START.has(norm.charCodeAt(ps)) && CONDITIONAL_RULE_RE.test(norm.slice(ps, pe))) {
      structured = true;
      ruleSeen = true;
      continue;
    }
    // (由X、Y负责。凡一项任务由几个部门共同承担,一般由列在最前面的部门牵头。下同): a rule sentence
    // saying the first named leads, read as such, not as a unit named 列在最前面的部门.
    if (FIRST_LEADS_RULE_RE.test(norm.slice(ps, pe))) {
      structured = true;
      firstLeads = true;
      ruleSeen = true;
      continue;
    }
    const ditto = dittoTail(norm, ps, pe);
    if (ditto > 0) {
      // (列第一位者为牵头单位,下同): the 下同 carries the note's reading rule, not the units; so does a
      // 下同 standing alone after a rule sentence (…部门牵头。下同).
      if (!READING_RULE_RE.test(norm.slice(ps, pe - ditto)) && !(ruleSeen && pe - ditto <= ps)) result.ditto = true;
      structured = true;
      pe -= ditto;
    }
    let open: Group | null = null;
    for (const seg of splitTop(norm, ps, pe, COMMA_SEPS)) {
      let ss = trimmedStart(norm, seg[0], seg[1]);
      let se = trimmedEnd(norm, ss, seg[1]);
      if (ss >= se) continue;
      const first = norm.charCodeAt(ss);
      const segText = FIRST_LEADS_START.has(first) || LABEL_START_CHARS.has(first) ? norm.slice(ss, se) : '';
      if (FIRST_LEADS_START.has(first) && FIRST_LEADS_RE.test(segText)) {
        structured = true;
        firstLeads = true;
        continue;
      }
      const label = LABEL_START_CHARS.has(first) ? LABEL_RE.exec(segText) : null;
      if (label) {
        ss += label[0].length;
        open = { role: labelRole(label[1] ?? ''), labelled: true, open: true, names: [] };
        groups.push(open);
        structured = true;
      }
      const suffix = se > ss && SUFFIX_LAST.has(norm.charCodeAt(se - 1)) ? SUFFIX_RE.exec(norm.slice(Math.max(ss, se - 12), se)) : null;
      if (suffix) se -= suffix[0].length;
      const together = togetherAt(norm, ss, se);
      if (together >= 0 && !label) {
        groups.push({ role: 'lead', labelled: false, open: false, names: splitNames(norm, ss, together) });
        groups.push({ role: 'cooperate', labelled: false, open: false, names: splitNames(norm, together + 2, se) });
        open = null;
        structured = true;
        continue;
      }
      // X配合Y落实, X、Z协助Y负责: the one assisted leads.
      const assist = label ? -1 : assistAt(norm, ss, se);
      if (assist >= 0) {
        const helpers = splitNames(norm, ss, assist);
        const leads = splitNames(norm, assist + 2, se);
        const unitLike = (ps: { name: string }[]) => ps.length > 0 && ps.every((p) => looksLikeUnit(p.name) || ctx.resolver.resolve(p.name) !== null);
        if (unitLike(helpers) && unitLike(leads)) {
          groups.push({ role: 'lead', labelled: false, open: false, names: leads });
          groups.push({ role: 'cooperate', labelled: false, open: false, names: helpers });
          open = null;
          structured = true;
          continue;
        }
      }
      const names = splitNames(norm, ss, se);
      // 2022年底前完成 after the units: a segment naming nothing like a unit is no part of the clause.
      if (!label && !suffix && names.length > 0 && !names.some((p) => looksLikeUnit(p.name) || ctx.resolver.resolve(p.name) !== null)) continue;
      const suffixRole = suffix ? suffixRoleOf(suffix[1] ?? '') : null;
      if (open && open.open && open.labelled && suffix && open.names.length > 0 && open.role === 'first') {
        // 责任单位:A、B、C,D按职责分工分别负责: a suffix after a comma speaks for the names of its own
        // segment; the label's names before it keep the label's reading (the first leads).
        groups.push({ role: suffixRole, labelled: false, open: false, names });
        open.open = false;
        structured = true;
      } else if (open && open.open) {
        open.names.push(...names);
        if (suffix) {
          // 责任单位:X、Y分别牵头: the suffix says more than the generic label.
          if (!open.labelled || (open.role === 'first' && suffixRole === 'lead')) open.role = suffixRole;
          open.open = false;
          structured = true;
        }
        if (!suffix && !open.labelled) open.open = true;
      } else if (suffix) {
        groups.push({ role: suffixRole, labelled: false, open: false, names });
        structured = true;
      } else {
        open = { role: null, labelled: false, open: true, names };
        groups.push(open);
      }
      if (suffix) open = null;
    }
  }
  // (市交通局(牵头)、市财政局): a name marked as the lead says enough on its own.
  const unclear = !firstLeads && (!structured || groups.every((g) => g.role === null && !g.labelled));
  const anyMarked =
    unclear &&
    groups.some((g) =>
      g.names.some((p) => {
        const bare = withoutNote(p);
        return bare !== p && isLeadMark(p.name.slice(bare.name.length));
      }),
    );
  if (unclear && !anyMarked) {
    if (result.standing.length > 0 || result.ditto) return result;
    warnUnclear(ctx, s, e);
    return null;
  }
  // 市统计局(牵头): a name marked as the lead leads, and the unmarked names of its list cooperate.
  const marked = new Set<NamePiece>();
  for (const g of groups) {
    for (let k = 0; k < g.names.length; k++) {
      const p = g.names[k] as NamePiece;
      const bare = withoutNote(p);
      if (bare !== p && isLeadMark(p.name.slice(bare.name.length))) marked.add(bare);
      g.names[k] = bare;
    }
  }
  if (marked.size > 0) {
    for (const g of groups) {
      if (g.role !== 'first' && g.role !== null) continue;
      const names = g.names;
      g.names = names.filter((p) => marked.has(p));
      if (g.names.length > 0) groups.push({ role: 'cooperate', labelled: g.labelled, open: false, names: names.filter((p) => !marked.has(p)) });
      else g.names = names;
      if (g.names.length > 0 && g.names.every((p) => marked.has(p))) g.role = 'lead';
    }
  }
  if (groups.some((g) => g.names.some((p) => p.name.length > 30 || /[。:]/.test(p.name)))) {
    warnUnclear(ctx, s, e);
    return null;
  }
  let leadTaken = groups.some((g) => g.role === 'lead' && g.names.some((p) => !isCollective(p.name)));
  result.explicitLead = leadTaken;
  for (const g of groups) {
    const role: GroupRole = g.role ?? (leadTaken ? 'cooperate' : 'first');
    for (const p of g.names) {
      if (POST_LAST.has(p.name.charCodeAt(p.name.length - 1)) && POST_RE.test(p.name)) {
        // 分管副省长、协管副秘书长负责,省商务厅牵头: a leader's post is no unit.
        ctx.warnings.push(warning('responsibility_not_unit', { raw: rawOf(ctx, p.name, p.span[0], p.span[1]) }, p.span));
        continue;
      }
      if (isCollective(p.name)) {
        result.entries.push(entry(ctx, p, 'localities'));
      } else if (role === 'lead') {
        result.entries.push(entry(ctx, p, 'lead'));
      } else if (role === 'first' && !leadTaken) {
        result.entries.push(entry(ctx, p, 'lead'));
        leadTaken = true;
      } else {
        result.entries.push(entry(ctx, p, 'cooperate'));
      }
    }
  }
  for (const r of involved) result.entries.push({ ...r, expands: r.expands.length > 0 ? [...r.expands] : NO_NAMES, span: [r.span[0], r.span[1]] });
  return result;
}

/** A leader's post (分管副省长, 协管副秘书长, 市长): named beside units, never one of them. */
const POST_RE = /^(?:分管|协管|主管|联系|牵头)?(?:常务)?副?(?:省长|市长|州长|县长|区长|秘书长|主席)$/;
const POST_LAST = new CodeSet(codesOf('长席'));

const ALL_INVOLVED_RE = /(?:均|都|皆)(?:涉及|需要|需|由|要|须)([^,。;]{2,40}?)(?:按职责分工)?(?:负责|落实|参与|配合)?,?不再/;

/** Whether [s, e) holds 不再 (不再做分工, 不再列出). */
function hasNoMore(norm: string, s: number, e: number): boolean {
  // A bounded scan: indexOf would run on past e, and clauses are many.
  for (let i = s; i + 1 < e; i++) if (norm.charCodeAt(i) === 0x4e0d && norm.charCodeAt(i + 1) === 0x518d) return true;
  return false;
}

/** 市卫生健康委(除标注“分别牵头”外,列第一位为牵头单位,下同): a note in brackets after the last name is no part of it. */
const NOTE_RE = /[(【〔[](?=[^()【】〔〕[\]]*(?:下同|牵头|汇总|列第一|排第一|除|按职责|分工))[^()【】〔〕[\]]*[)】〕\]]$/;

/** (牵头), (牵头单位), (主责) after a name — or 【牵头】, 〔牵头〕, [牵头]: it leads. */
export function isLeadMark(note: string): boolean {
  return /^\s*[(【〔[](?:牵头|牵头单位|牵头部门|主责|主责单位|主办)[)】〕\]]$/.test(note);
}

/** A name with its (牵头) mark taken off, and whether it had one (a cell of a division table). */
export function leadMarked(p: NamePiece): { piece: NamePiece; lead: boolean } {
  const bare = withoutNote(p);
  return { piece: bare, lead: bare !== p && isLeadMark(p.name.slice(bare.name.length)) };
}

const NOTE_CLOSE = new CodeSet(codesOf(')】〕]'));

function withoutNote(p: NamePiece): NamePiece {
  if (!NOTE_CLOSE.has(p.name.charCodeAt(p.name.length - 1))) return p;
  const m = NOTE_RE.exec(p.name);
  if (!m) return p;
  const cut = p.name.length - m[0].length;
  return { name: p.name.slice(0, cut).trimEnd(), span: [p.span[0], p.span[0] + p.name.slice(0, cut).trimEnd().length] };
}

function labelRole(label: string): GroupRole {
  if (label.startsWith('牵头') || label.startsWith('主责') || label.startsWith('主办')) return 'lead';
  if (/^(配合|参与|协办|协同|协助|协作|支持)/.test(label)) return 'cooperate';
  return 'first';
}

function suffixRoleOf(suffix: string): GroupRole {
  // X、Y分别负责: each leads its own part; 省财政厅主办: the one in charge.
  if (suffix.includes('牵头') || suffix.startsWith('主抓') || suffix.startsWith('分别') || suffix === '主办') return 'lead';
  if (/配合|参与|参加|协助|协同|协办|指导|督导|支持/.test(suffix)) return 'cooperate';
  return 'first';
}

function warnUnclear(ctx: ResponsibilityContext, s: number, e: number): void {
  ctx.warnings.push(warning('responsibility_unclear', { excerpt: ctx.src.original.slice(s, Math.min(e, s + 40)) }, [s, e]));
}

/** Build one responsibility entry, resolving the name against the registry. */
export function entry(ctx: ResponsibilityContext, p: NamePiece, role: ResponsibleRole): Responsible {
  const raw = rawOf(ctx, p.name, p.span[0], p.span[1]);
  if (role === 'localities' || isCollective(p.name)) {
    return { raw, unit: null, role: 'localities', expands: ctx.resolver.expandLocality(p.name) ?? NO_NAMES, span: p.span };
  }
  const match = ctx.resolver.resolve(p.name);
  if (!match) {
    ctx.warnings.push(warning('unit_unknown', { raw }, p.span));
    return { raw, unit: null, role, expands: NO_NAMES, span: p.span };
  }
  if (match.correctedFrom !== undefined) {
    ctx.warnings.push(warning('unit_corrected', { raw, unit: match.canonical }, p.span));
  }
  return { raw, unit: match.canonical, role, expands: NO_NAMES, span: p.span };
}

/**
 * The original text of [s, e), one string per distinct name (see ResponsibilityContext.raws). Looked
 * up by the normalised name, which the registry look-up hashes anyway, and checked against the
 * text in place, so that a name met before costs no new string.
 */
function rawOf(ctx: ResponsibilityContext, name: string, s: number, e: number): string {
  const { original } = ctx.src;
  const raws = ctx.raws;
  if (!raws) return original.slice(s, e);
  const known = raws.get(name);
  if (known !== undefined && known.length === e - s && original.startsWith(known, s)) return known;
  const raw = original.slice(s, e);
  raws.set(name, raw);
  return raw;
}

/**
 * 由X牵头 · 由X负责 · 由X承办, where X may carry a short bracket of its own (由各区县(市)人民政府负责), and
 * 由X会同Y…负责/研究提出 (the match stops before 会同, which TOGETHER_RE reads).
 */
const BY_LEAD_RE = /由((?:[^。;,:()“”]|\([^()。;,:]{1,8}\)|,(?=(?:[^。;,:“”]){2,60}?(?:负责|牵头))){2,160}?)(牵头|负责|承办|(?=会同)|(?=会(?:省|市|县|区|有关|相关)))/g;
/**
 * 由X负责,Y协助 · 由X负责,Y指导: the units after the lead that help or guide it. 由X承办,Y、Z协办: those
 * who assist the unit undertaking it (协办, the pair of 承办 and 主办) cooperate.
 */
// (由X牵头把自查报告写好,其他相关部门配合: the rest of the lead's clause before them.)
const HELPERS_AFTER_RE = /^[^。;,:()“”\n]{0,30}?\s*,\s*((?:[^。;:()“”]|\([^()。;,:]{1,8}\)){2,80}?)(?:等(?:部门|单位)?)?(?:协助|协办|配合|参与|指导|督导)/;
/** X会同Y落实 as a sentence of its own (without 由): X leads. */
const TOGETHER_SENTENCE_RE = /(?:^|[。;,])\s*([^。;,:()“”]{2,40}?)会同([^。;,:()“”]{2,60}?)(?:抓好落实|组织实施|共同推进|落实|负责|推进|实施)\s*(?=[。;]|$)/g;
// 由省编办会省有关部门按规定办理: 会 alone, before a unit, is an old way of writing 会同.
const TOGETHER_RE = /^\s*,?\s*(?:并)?(?:会同|会(?=省|市|县|区|有关|相关))([^。;:()“”]{2,80}?)(?:等(?:部门|单位)?)?(?=共同|负责|推进|实施|开展|做好|研究|制定|组织|按|,|。|$)/;

/**
 * X配合Y落实 (X、Z协助Y负责) as a sentence of its own, or opening the item (X配合Y落实化学需氧量…
 * 减少2.6%): names on both sides, Y leads.
 */
const ASSIST_SENTENCE_RE =
  /(?:^|[。;,])\s*(?:由)?([^。;,:()“”]{2,60}?)(?:配合|协助)([^。;,:()“”]{2,40}?)(?:抓好落实|组织实施|落实|负责|推进|实施)\s*(?=[。;]|$)|^\s*([^。;,:()“”]{2,60}?)(?:配合|协助)([^。;,:()“”]{2,40}?)(?:落实|负责|推进|实施|做好|开展)/g;
/** X牵头,Y、Z参与 as a sentence of its own. */
// (X牵头,各区政府具体落实: those carrying it out after the lead.)
const LEAD_THEN_HELPERS_RE = /(?:^|[。;\n])[^\S\n]*([^。;,:()“”\n]{2,40}?)牵头\s*,\s*([^。;:()“”]{2,80}?)(?:等(?:部门|单位)?)?(?:参与|配合|协助|协同|具体落实|具体实施|抓好落实|负责落实)(?:落实|实施)?\s*(?=[。;]|$)/g;

/** Where a sentence's matched names stand, as offsets into the text searched. */
interface SentenceNames {
  leads: string;
  leadsAt: number;
  helpers: string;
  helpersAt: number;
}

/**
 * Every match of a sentence-level role pattern (X牵头,Y参与 · X会同Y落实 · X配合Y落实) whose
 * names on both sides are units: the leads, then the ones helping them.
 */
function sentenceRoles(
  ctx: ResponsibilityContext,
  s: number,
  text: string,
  re: RegExp,
  out: Responsible[],
  read: (m: RegExpExecArray) => SentenceNames,
): void {
  const { norm } = ctx.src;
  const unitList = (ps: NamePiece[]) => ps.length > 0 && ps.every((p) => knownOrUnitLike(ctx, p.name));
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const f = read(m);
    const leads = splitNames(norm, s + f.leadsAt, s + f.leadsAt + f.leads.length);
    const helpers = splitNames(norm, s + f.helpersAt, s + f.helpersAt + f.helpers.length);
    if (!unitList(leads) || !unitList(helpers)) continue;
    for (const p of leads) out.push(entry(ctx, p, isCollective(p.name) ? 'localities' : 'lead'));
    for (const p of helpers) out.push(entry(ctx, p, isCollective(p.name) ? 'localities' : 'cooperate'));
  }
}

/** X牵头,会同Y… · X负责…,会同Y、Z…: a unit leading, then the units it works with after a comma. */
const LEAD_COMMA_TOGETHER_RE = /(?:^|[。;])\s*([^。;,:()“”由]{2,40}?)(?:牵头|负责)[^。;]{0,40}?,\s*并?会同/g;
/** Longest run of names read after 会同 (县文化局、乡镇人民政府把选址工作做好: up to 政府). */
const MAX_TOGETHER_NAMES = 60;

/**
 * 县发改委牵头,会同县文化局拟定建设方案 · 县发改委负责立项审批…,会同县文化局、乡镇人民政府把选址工作做好:
 * the unit before 牵头/负责 leads, the units right after 会同 cooperate. Where the names after 会同 end
 * is found from the names themselves: the longest run that splits into units only.
 */
function leadThenTogether(ctx: ResponsibilityContext, s: number, text: string, out: Responsible[]): void {
  const { norm } = ctx.src;
  LEAD_COMMA_TOGETHER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LEAD_COMMA_TOGETHER_RE.exec(text)) !== null) {
    const leadsAt = s + m.index + m[0].indexOf(m[1] ?? '');
    const leads = splitNames(norm, leadsAt, leadsAt + (m[1] ?? '').length);
    if (leads.length === 0 || !leads.every((p) => knownOrUnitLike(ctx, p.name))) continue;
    const from = s + m.index + m[0].length;
    const end = namesEnd(ctx, from, Math.min(s + text.length, from + MAX_TOGETHER_NAMES));
    if (end < 0) continue;
    for (const p of leads) out.push(entry(ctx, p, isCollective(p.name) ? 'localities' : 'lead'));
    for (const p of splitNames(norm, from, end)) out.push(entry(ctx, p, isCollective(p.name) ? 'localities' : 'cooperate'));
  }
}

/** End of the longest run of names from `from` (before `limit`, a sentence's mark or a bracket) that splits into units only; -1 for none. */
function namesEnd(ctx: ResponsibilityContext, from: number, limit: number): number {
  const { norm } = ctx.src;
  let best = -1;
  for (let i = from + 2; i <= limit; i++) {
    const c = norm.charCodeAt(i - 1);
    if (c === 0x3002 || c === 0x3b || c === 0x2c || c === 0x3a || c === 0x28 || c === 0x29) break;
    if (!UNIT_LAST.has(c)) continue;
    const names = splitNames(norm, from, i);
    if (names.length > 0 && names.every((p) => knownOrUnitLike(ctx, p.name))) best = i;
  }
  return best;
}

/** 由X牵头,会同Y推进 and X配合Y落实 in running text. */
function findLedByHere(ctx: ResponsibilityContext, s: number, e: number): Responsible[] {
  const { norm } = ctx.src;
  const text = norm.slice(s, e);
  const out: Responsible[] = [];
  if (text.includes('牵头,')) {
    sentenceRoles(ctx, s, text, LEAD_THEN_HELPERS_RE, out, (m) => {
      const leadsAt = m.index + m[0].indexOf(m[1] ?? '');
      return { leads: m[1] ?? '', leadsAt, helpers: m[2] ?? '', helpersAt: m.index + m[0].lastIndexOf(m[2] ?? '') };
    });
  }
  if (!text.includes('由') && text.includes('会同')) {
    sentenceRoles(ctx, s, text, TOGETHER_SENTENCE_RE, out, (m) => {
      const leadsAt = m.index + m[0].indexOf(m[1] ?? '');
      return { leads: m[1] ?? '', leadsAt, helpers: m[2] ?? '', helpersAt: leadsAt + (m[1] ?? '').length + 2 };
    });
  }
  if (text.includes('会同')) leadThenTogether(ctx, s, text, out);
  if (text.includes('配合') || text.includes('协助')) {
    sentenceRoles(ctx, s, text, ASSIST_SENTENCE_RE, out, (m) => {
      const helpers = m[1] ?? m[3] ?? '';
      const helpersAt = m.index + m[0].indexOf(helpers);
      return { leads: m[2] ?? m[4] ?? '', leadsAt: helpersAt + helpers.length + 2, helpers, helpersAt };
    });
  }
  const re = BY_LEAD_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const at = s + m.index + 1;
    const names = splitNames(norm, at, at + (m[1] ?? '').length);
    if (names.length === 0 || !names.every((p) => knownOrUnitLike(ctx, p.name))) continue;
    // 由市财政局、农业局,各县(市)、区人民政府负责落实: the first named leads a list that is responsible
    // (负责), as in X、Y负责; every unit of a list that leads (牵头) leads.
    let leadTaken = false;
    for (const p of names) {
      const role: ResponsibleRole = isCollective(p.name) ? 'localities' : m[2] === '负责' && leadTaken ? 'cooperate' : 'lead';
      if (role === 'lead') leadTaken = true;
      out.push(entry(ctx, p, role));
    }
    const after = s + m.index + m[0].length;
    const helpers = HELPERS_AFTER_RE.exec(norm.slice(after, Math.min(e, after + 100)));
    if (helpers && helpers[1]) {
      const hs = after + helpers[0].indexOf(helpers[1]);
      const co = splitNames(norm, hs, hs + helpers[1].length);
      // A list that names units (or 各镇) may also name a place's zone (太湖新城) beside them.
      if (co.every((p) => p.name.length <= 12) && co.some((p) => isCollective(p.name) || knownOrUnitLike(ctx, p.name))) {
        for (const p of co) out.push(entry(ctx, p, isCollective(p.name) ? 'localities' : 'cooperate'));
      }
    }
    const t = TOGETHER_RE.exec(norm.slice(after, Math.min(e, after + 100)));
    if (t && t[1]) {
      const ts = after + t[0].indexOf(t[1]);
      const co = splitNames(norm, ts, ts + t[1].length);
      if (co.every((p) => knownOrUnitLike(ctx, p.name))) {
        for (const p of co) out.push(entry(ctx, p, isCollective(p.name) ? 'localities' : 'cooperate'));
      }
    }
  }
  return out;
}

/**
 * X、Y按职责分工负责。 · X负责。 as a sentence of its own (no bracket, no 由): the first unit leads, the
 * others cooperate, as in the bracket (X、Y按职责分工负责).
 */
const DUTY_SENTENCE_RE = /(?:^|[。;])\s*([^。;,:()“”由]{2,80}?)(?:按职责分工负责|按职责分工落实|按职责负责|分工负责|共同负责|负责落实|牵头负责|负责)\s*(?=[。;]|$)/g;

/** Units named by a sentence of their own that says they are responsible (DUTY_SENTENCE_RE), or none. */
function findDutySentenceHere(ctx: ResponsibilityContext, s: number, e: number): Responsible[] {
  const { norm } = ctx.src;
  const text = norm.slice(s, e);
  if (!text.includes('负责') && !text.includes('落实')) return [];
  const out: Responsible[] = [];
  DUTY_SENTENCE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DUTY_SENTENCE_RE.exec(text)) !== null) {
    const names = m[1] ?? '';
    const at = s + m.index + m[0].indexOf(names);
    const list = unitList(norm, at, at + names.length, (n) => ctx.resolver.resolve(n) !== null);
    if (!list) continue;
    let leadTaken = out.some((r) => r.role === 'lead');
    for (const p of list) {
      const role: ResponsibleRole = isCollective(p.name) ? 'localities' : leadTaken ? 'cooperate' : 'lead';
      if (role === 'lead') leadTaken = true;
      out.push(entry(ctx, p, role));
    }
  }
  return out;
}

/**
 * …新增人才10名。区人社局主办,各街道协办: a last sentence (no bracket) made only of unit lists each
 * closed by a role word states who is responsible.
 */
function findRoleSentenceHere(ctx: ResponsibilityContext, s: number, e: number): Responsible[] {
  const { norm } = ctx.src;
  let end = e;
  while (end > s && (isJsSpace(norm.charCodeAt(end - 1)) || norm.charCodeAt(end - 1) === 0x3002 || norm.charCodeAt(end - 1) === 0x3b)) end--;
  let start = end;
  while (start > s && end - start <= ROLE_SENTENCE_MAX && norm.charCodeAt(start - 1) !== 0x3002 && norm.charCodeAt(start - 1) !== 0x0a) start--;
  if (start === s || end - start < 4 || end - start > ROLE_SENTENCE_MAX) return [];
  const parts = norm.slice(start, end).split(/[,;]/);
  if (!parts.every((p) => ROLE_PART_END_RE.test(p.trim()))) return [];
  return parseClause(ctx, start, end)?.entries ?? [];
}
const ROLE_SENTENCE_MAX = 100;
const ROLE_PART_END_RE = /(?:主办|协办|牵头|配合|负责|参与|协助)$/;

/** The closing bracket of each bracketKind: ) 〕 】 ]. */
const CLOSERS_BY_KIND = [0, 0x29, 0x3015, 0x3011, 0x5d];

/**
 * A bracket holding nothing but unit names, with no role word: 加快产业园扩区调规(市自然资源和规划局、
 * 三江新区管委会)。 The first unit leads, the others cooperate. The first such bracket of [s, e)
 * counts; when it closes its line, so does every later one closing a line (bullets under an item,
 * each with its own bracket: - …(環境及生態局) - …(房屋局)), each led by its own first unit.
 */
function findUnitListBracketHere(ctx: ResponsibilityContext, s: number, e: number): Responsible[] {
  const { norm } = ctx.src;
  const out: Responsible[] = [];
  const seen = new Set<string>();
  for (let open = s; open < e; open++) {
    const kind = bracketKind(norm.charCodeAt(open));
    if (kind <= 0) continue;
    // Looked for within a unit list's length (unitList takes 160 characters at most) and before e:
    // indexOf would search to the end of the document for a bracket never closed.
    const closer = CLOSERS_BY_KIND[kind] ?? 0x29;
    const limit = Math.min(e, open + 162);
    // (市交通局,各市(县)、区政府): a bracket inside the list is part of a name.
    let close = open + 1;
    for (let depth = 0; close < limit; close++) {
      const c = norm.charCodeAt(close);
      if (c === closer && depth === 0) break;
      if (c === closer) depth--;
      else if (c === norm.charCodeAt(open)) depth++;
    }
    if (close >= limit) {
      // (市发展改革委、市财政局、市商务局、人民 — the text ends inside the list: the names before the
      // cut one are read.
      if (limit !== e || !blankAfter(norm, e) || CUT_LABEL_RE.test(norm.slice(open + 1, open + 4))) continue;
      close = cutListEnd(norm, open + 1, e);
    }
    const endsLine = closesLine(norm, close + 1, e);
    // [市发改委] only where it closes the line ([1] and [2021] stand in sentences).
    if ((out.length > 0 || kind === 4) && !endsLine) continue;
    const list = unitList(norm, open + 1, close, (n) => ctx.resolver.resolve(n) !== null);
    if (!list) continue;
    let leadTaken = false;
    for (const p of list) {
      const role: ResponsibleRole = isCollective(p.name) ? 'localities' : leadTaken ? 'cooperate' : 'lead';
      if (role === 'lead') leadTaken = true;
      if (seen.has(p.name)) continue;
      seen.add(p.name);
      out.push(entry(ctx, p, role));
    }
    if (!endsLine) return out;
    open = close;
  }
  return out;
}

/** (牵头部 cut off: a label's first word, not a name. */
const CUT_LABEL_RE = /^(?:牵头|责任|配合|主办|协办|参与)/;

/** Whether nothing but white space follows e in the document. */
function blankAfter(norm: string, e: number): boolean {
  for (let i = e; i < norm.length; i++) if (!isJsSpace(norm.charCodeAt(i))) return false;
  return true;
}

/** The end of a list cut off at e: before its last piece when that piece ends like no unit. */
function cutListEnd(norm: string, s: number, e: number): number {
  let end = e;
  while (end > s && isJsSpace(norm.charCodeAt(end - 1))) end--;
  const sep = norm.lastIndexOf('、', end - 1);
  if (sep > s && !looksLikeUnit(norm.slice(sep + 1, end))) return sep;
  return end;
}

/**
 * 稳定粮食生产。 市农业农村局: a line whose last sentence is followed, after white space, by nothing
 * but unit names (a table row flattened into a line): those units, the first leading.
 */
function findTrailingUnitsHere(ctx: ResponsibilityContext, s: number, e: number): Responsible[] {
  const { norm } = ctx.src;
  // The item's first line only: the units follow its last full stop and a space.
  let b = s;
  while (b < e && norm.charCodeAt(b) !== 0x0a && norm.charCodeAt(b) !== 0x0d) b++;
  while (b > s && isJsSpace(norm.charCodeAt(b - 1))) b--;
  let a = b;
  while (a > s && norm.charCodeAt(a - 1) !== 0x3002 && b - a <= 60) a--;
  if (a <= s || a === b || norm.charCodeAt(a - 1) !== 0x3002 || !isJsSpace(norm.charCodeAt(a))) return [];
  while (a < b && isJsSpace(norm.charCodeAt(a))) a++;
  const list = unitList(norm, a, b, (n) => ctx.resolver.resolve(n) !== null);
  if (!list) return [];
  let leadTaken = false;
  return list.map((p) => {
    const role: ResponsibleRole = isCollective(p.name) ? 'localities' : leadTaken ? 'cooperate' : 'lead';
    if (role === 'lead') leadTaken = true;
    return entry(ctx, p, role);
  });
}

/** Whether only 。 ; and white space stand between i and the end of its line (or e). */
function closesLine(norm: string, i: number, e: number): boolean {
  for (; i < e; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
    if (c !== 0x3002 && c !== 0x3b && !isJsSpace(c)) return false;
  }
  return true;
}

function knownOrUnitLike(ctx: ResponsibilityContext, name: string): boolean {
  return name.length <= 30 && (looksLikeUnit(name) || ctx.resolver.resolve(name) !== null);
}

/** First code units of the actor keys 要, 应当, 应, 需要, 需, 须 (each a key by itself) and 负责. */
/**
 * Whether names before an actor's word are units: 农委、畜牧局要…; 交通运输、公安交警、应急管理部门要…
 * (one head noun for the list). Names the registry does not know are taken when they end like a unit,
 * or share the last one's ending.
 */
function actorNames(ctx: ResponsibilityContext, names: NamePiece[]): boolean {
  const last = names[names.length - 1] as NamePiece;
  const sharedHead = GENERIC_HEAD_RE.test(last.name);
  for (const p of names) {
    const collective = isCollective(p.name);
    if (p.name.includes('(') && !collective) return false;
    if (collective || (p.name.length <= 16 && UNIT_NAME_END_RE.test(p.name))) continue;
    if (p !== last && sharedHead && SHARED_HEAD_RE.test(p.name)) continue;
    if (ctx.resolver.resolve(p.name) === null) return false;
  }
  return true;
}

/** What follows the actor of a task sentence: 要, 应, 负责, 抓好, 会同… */
const ACTOR_KEY_RE = /^(?:要|应|需|须|务必|已|将(?!来)|正(?:在|积极)|负责(?!人|同志|领导)|抓好|抓紧|加强|推进|开展|做好|组织|完成|会同|汇同|接着|继续|牵头(?!部门|单位|领导)|配合(?!部门|单位)|协助|参与)/;
const ACTOR_KEY_FIRST = new CodeSet(codesOf('要应需须务已将正负抓加推开做组完会汇接继牵配协参'));
const CONNECTIVE_RE = /^(?:同时|并且|并|还|另外|此外|然后|同样|以及|同|与|和|跟|向|对)/;
/** 相关部门配合: the actor of such a clause works with the lead. */
const HELPER_KEY_RE = /^(?:配合|协助|参与)$/;
/** A unit's name by its ending (局, 委, 办, 政府, 部门…), for names the registry does not know. */
const UNIT_NAME_END_RE = /(?:厅|局|委|办|院|处|署|(?<!全|内|局|干|外|本|各|总)部|部门|政府|中心|大队|支队|公司|管委会|街道|乡镇|镇|乡)$/;
/** 应急管理部门, 有关单位: a head noun the names before it may share. */
const GENERIC_HEAD_RE = /(?:部门|单位|机构)$/;
/** 交通运输、公安交警 before 应急管理部门: short names sharing the last one's head noun. */
const SHARED_HEAD_RE = /^(?!加强|推进|做好|开展|建立|完善|健全|提高|强化|落实|组织)[\u4e00-\u9fff]{2,8}$/;

/**
 * Sentences and clauses that open with their actor: 省住房城乡建设厅要依托…, 市州政府要切实….
 * Only names the registry knows (or collective phrases) count, so ordinary clauses that
 * happen to contain 要/应/需 are not mistaken for actors.
 */
function findActorsHere(ctx: ResponsibilityContext, s: number, e: number): Responsible[] {
  const { norm } = ctx.src;
  const out: Responsible[] = [];
  let leadTaken = false;
  let at = s;
  while (at < e) {
    const found = actorAt(ctx, at, Math.min(e, at + 26));
    if (found) {
      for (const p of found.names) {
        let role: ResponsibleRole = 'cooperate';
        if (isCollective(p.name)) role = 'localities';
        else if (!leadTaken && !found.helper) {
          role = 'lead';
          leadTaken = true;
        }
        out.push(entry(ctx, p, role));
      }
      // 省环保厅配合省发展改革委落实…: the one helped, named after 配合 or 协助, leads.
      const withAt = found.keyEnd;
      const helped = found.helper && !leadTaken ? assistedAt(ctx, withAt, Math.min(e, withAt + 26)) : null;
      if (helped) {
        out.splice(out.length - found.names.length, 0, ...helped.map((p) => entry(ctx, p, isCollective(p.name) ? 'localities' : 'lead')));
        leadTaken = true;
      }
      // 各乡镇会同环保局抓好…: those after 会同 work with the actor.
      if (found.together) {
        const more = actorAt(ctx, withAt, Math.min(e, withAt + 26), false);
        for (const p of more?.names ?? []) out.push(entry(ctx, p, isCollective(p.name) ? 'localities' : 'cooperate'));
      }
    }
    let next = at;
    for (; next < e; next++) {
      const c = norm.charCodeAt(next);
      if (c === 0x3002 || c === 0x3b || c === 0x2c || c === 0x0a) break; // 。 ; , \n
    }
    at = next + 1;
    while (at < e && isJsSpace(norm.charCodeAt(at))) at++;
  }
  return out;
}

/** What the unit helped does, after its name: 省环保厅配合省发展改革委落实…. */
const ASSISTED_VERB_RE = /落实|推进|实施|开展|做好|抓好|完成|组织|负责|推动|做|抓/;

/** The units named at [s, …) before what they do, all of them units (null otherwise). */
function assistedAt(ctx: ResponsibilityContext, s: number, limit: number): NamePiece[] | null {
  const { norm } = ctx.src;
  const m = ASSISTED_VERB_RE.exec(norm.slice(s, limit));
  if (!m || m.index < 2 || /[,。;:()]/.test(norm.slice(s, s + m.index))) return null;
  const names = splitNames(norm, s, s + m.index);
  return names.length > 0 && names.every((p) => looksLikeUnit(p.name) || ctx.resolver.resolve(p.name) !== null) ? names : null;
}

/** What a unit asked with 请 is asked to do: the word right after its names. */
export const ASK_VERBS = '务必|切实|确实|全面|积极|尽速|尽快|迅速|会同|汇同|研议|研处|研拟|督导|一并|妥为|妥善|提供|给予|协助|配合|加强|持续|掌握|进行|负责|牵头|抓紧|做好|落实|组织|检讨|评估|规划|办理|协调|注意|继续|到现场|赴现场|前往|就|对|将|于|在|依|针对';
const ASK_VERB_RE = new RegExp(`^(?:${ASK_VERBS})`);
const ASK_VERB_FIRST = new CodeSet(codesOf('务切确全积尽迅会汇研督一妥提给协配加持掌进负牵抓做落组检评规办注继到赴前就对将于在依针'));
/** What may stand between a clause's start and its 请: 但后续仍请, 也请, 并请, 另请, 可请. */
const ASK_LEAD_IN_RE = /^(?:但|而|后续|今后|仍|也|并|另|还|再|同时|因此|故|可){0,3}$/;
/** Longest run of names after 请. */
const ASK_NAMES_MAX = 30;

/**
 * Units asked to act with 请 (a premier's directives, meeting minutes): …,请X等相关部会务必…;
 * 但后续仍请X及Y切实…,并请Z与W给予协助; 请X会同Y及Z研议解决。 The first unit asked leads and the
 * others cooperate, as do those asked in later clauses (并请, 也请) and those X works with (会同).
 */
function findAskedUnitsHere(ctx: ResponsibilityContext, s: number, e: number): Responsible[] {
  const { norm } = ctx.src;
  const out: Responsible[] = [];
  let clauseStart = s;
  for (let i = s; i < e; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x3002 || c === 0x3b || c === 0x2c || c === 0x3a || c === 0x0a) {
      clauseStart = i + 1;
      continue;
    }
    if (c !== 0x8bf7 || !ASK_LEAD_IN_RE.test(norm.slice(clauseStart, i))) continue; // 请
    let at = i + 1;
    for (let round = 0; round < 2; round++) {
      const asked = askedAt(ctx, at, Math.min(e, at + ASK_NAMES_MAX));
      if (!asked) break;
      for (const p of asked.names) {
        const role: ResponsibleRole = isCollective(p.name) ? 'localities' : out.some((r) => r.role === 'lead') ? 'cooperate' : 'lead';
        out.push(entry(ctx, p, role));
      }
      // 请X会同Y及Z研议: Y and Z, after 会同, are asked too.
      if (!asked.together) break;
      at = asked.verbEnd;
    }
  }
  return out;
}

/** The names after 请 at `at`, up to the word saying what they are asked to do. */
function askedAt(ctx: ResponsibilityContext, at: number, limit: number): { names: NamePiece[]; verbEnd: number; together: boolean } | null {
  const { norm } = ctx.src;
  for (let j = at + 2; j < limit; j++) {
    const c = norm.charCodeAt(j);
    if (c === 0x3002 || c === 0x3b || c === 0x2c || c === 0x3a || c === 0x28 || c === 0x29) return null;
    if (!ASK_VERB_FIRST.has(c)) continue;
    const verb = ASK_VERB_RE.exec(norm.slice(j, j + 3));
    if (!verb) continue;
    const names = splitNames(norm, at, j);
    if (names.length === 0 || !actorNames(ctx, names)) continue;
    return { names, verbEnd: j + verb[0].length, together: verb[0] === '会同' || verb[0] === '汇同' };
  }
  return null;
}

/** The actor of the clause starting at `offset`, looked for in [offset, limit), and where the word after it ends. */
/** Longest bracket inside an actor's names, ( and ) included: (市、区). */
const ACTOR_BRACKET_MAX = 7;

/** The ) closing the ( at i before `limit`, with no 。 ; , : between, else -1. */
function shortBracketEnd(norm: string, i: number, limit: number): number {
  for (let j = i + 1; j < limit; j++) {
    const c = norm.charCodeAt(j);
    if (c === 0x29) return j;
    if (c === 0x3002 || c === 0x3b || c === 0x2c || c === 0x3a || c === 0x28) return -1;
  }
  return -1;
}

function actorAt(
  ctx: ResponsibilityContext,
  offset: number,
  limit: number,
  allowTogether = true,
): { names: NamePiece[]; keyEnd: number; together: boolean; helper: boolean } | null {
  const { norm } = ctx.src;
  // 同时会同环保部…, 并请…, 同环保部…对接: a clause that goes on from the one before, or opens with a
  // preposition, names no actor of its own.
  if (CONNECTIVE_RE.test(norm.slice(offset, offset + 2))) return null;
  for (let i = offset + 2; i < limit; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x28) {
      // 各市(州)、县(市、区)要…: a short bracket inside the names is theirs.
      const close = shortBracketEnd(norm, i, Math.min(limit, i + ACTOR_BRACKET_MAX));
      if (close > i) {
        i = close;
        continue;
      }
    }
    // 。 ; , : ( ) “ ” and a line break (a heading's title over its paragraph)
    if (c === 0x3002 || c === 0x3b || c === 0x2c || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x201c || c === 0x201d || c === 0x0a) return null;
    if (!ACTOR_KEY_FIRST.has(c)) continue;
    const key = ACTOR_KEY_RE.exec(norm.slice(i, i + 3));
    if (!key) continue;
    const names = splitNames(norm, offset, i);
    if (names.length === 0) continue;
    // 农委、畜牧局要…; 交通运输、公安交警、应急管理部门要… (one head noun for the list): names the
    // registry does not know are taken when they end like a unit, or share the last one's ending.
    if (!actorNames(ctx, names)) continue;
    const together = allowTogether && (key[0] === '会同' || key[0] === '汇同');
    return { names, keyEnd: i + key[0].length, together, helper: HELPER_KEY_RE.test(key[0]) };
  }
  return null;
}

/**
 * The readers as the parse calls them. In a text whose line breaks were joined (a hard-wrapped
 * PDF's, wrapped.ts), each reads the text's joiner-free view (joinFree in text.ts, built once per
 * parse), where a name, a role word or a label cut by a wrap reads whole (市发展改⏎革委, 各市州政府⏎
 * 负责, 牵⏎头); the spans it finds are mapped back to the text, and each raw sliced from it again (a
 * raw across a join keeps its line break). Any other text is read as it is.
 */
export const findStated = overJoins(findStatedHere, clauseBack);
export const parseClause = overJoins(parseClauseHere, clauseBack);
export const findLedBy = overJoins(findLedByHere, listBack);
export const findDutySentence = overJoins(findDutySentenceHere, listBack);
export const findRoleSentence = overJoins(findRoleSentenceHere, listBack);
export const findUnitListBracket = overJoins(findUnitListBracketHere, listBack);
export const findTrailingUnits = overJoins(findTrailingUnitsHere, listBack);
export const findActors = overJoins(findActorsHere, listBack);
export const findAskedUnits = overJoins(findAskedUnitsHere, listBack);

type Reader<T> = (ctx: ResponsibilityContext, s: number, e: number) => T;

function overJoins<T>(read: Reader<T>, back: (ctx: ResponsibilityContext, view: JoinFree, result: T) => void): Reader<T> {
  return (ctx, s, e) => {
    const view = ctx.src.joins ? joinFree(ctx.src) : null;
    if (!view) return read(ctx, s, e);
    const warnings: ParseWarning[] = [];
    const result = read({ src: view.src, resolver: ctx.resolver, warnings }, viewOffset(view, s), viewOffset(view, e));
    back(ctx, view, result);
    for (const w of warnings) ctx.warnings.push(warningBack(view, w));
    return result;
  };
}

function clauseBack(ctx: ResponsibilityContext, view: JoinFree, result: ClauseResult | null): void {
  if (!result) return;
  const seen = new Set<Responsible>();
  entriesBack(ctx, view, result.entries, seen);
  entriesBack(ctx, view, result.standing, seen);
}

function listBack(ctx: ResponsibilityContext, view: JoinFree, result: Responsible[]): void {
  if (result.length > 0) entriesBack(ctx, view, result, new Set());
}

/** Entries read in the view, with their spans and raws in the text (each once: one may stand in two lists). */
function entriesBack(ctx: ResponsibilityContext, view: JoinFree, entries: Responsible[], seen: Set<Responsible>): void {
  for (const r of entries) {
    if (seen.has(r)) continue;
    seen.add(r);
    const span = sourceSpan(view, r.span[0], r.span[1]);
    r.raw = rawOf(ctx, r.raw, span[0], span[1]);
    r.span = span;
  }
}
