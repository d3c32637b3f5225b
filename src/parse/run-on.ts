/**
 * Run-on text: documents copied from web pages often lose their line breaks, so sections,
 * items and sub-items follow each other inside one paragraph (`…负责) (3)加强和完善社会保障…。
 * (省民政厅牵头负责) (4)提升全民健康水平…`). A line is cut before an inline numbering marker when
 * the marker follows the end of a sentence, a bracket or a space and continues a consistent sequence:
 * the line's own marker (2) is followed by (3), then (4); or, in a line that starts with none,
 * an inline (1) is confirmed by a later (2). Cutting only changes line bounds, never the text,
 * so every offset stays valid.
 */
import { MARKER_START, markerIn, mayStartMarker, type Marker, type MarkerKind } from './markers.js';
import { CodeSet, codesOf, isBlank, isCjk, isDigitCode, isSpace, type Line, type SourceText } from './text.js';
import { UNIT_LAST } from './units.js';

/** How far from a run-on line's start a 一、 glued to the word before it (the title's last) is looked for. */
const TITLE_REACH = 80;

/** What a title or a page's header line (资料来源:…) has none of: a sentence's marks. */
const SENTENCE_MARK_RE = /[,。;!?]/;

/** Lines shorter than this are never cut: a run-on paragraph holds at least two items. */
const MIN_RUN_ON = 24;

/** 。 ; : ! ? ) 〕 】 ] — what may precede an inline marker (一、道路建设:1.…) — and the spaces of isSpace(). */
const BEFORE_MARKER = new CodeSet([0x3002, 0x3b, 0x3a, 0x21, 0x3f, 0x29, 0x3015, 0x3011, 0x5d, 0x20, 0x09, 0x0b, 0x0c, 0xfeff, 0x200b]);

const KIND_INDEX: Readonly<Record<MarkerKind, number>> = { part: 0, cn: 1, pcn: 2, ar: 3, par: 4, circ: 5 };

/** Per marker kind (by KIND_INDEX): the value that continues its sequence, and an inline 1 awaiting its 2; -1 for none. */
const next = new Float64Array(6);
const pending = new Float64Array(6);
/** Per marker kind: an inline marker of a value above 1 awaiting the next value (an excerpt cut in mid-list), and that value. */
const pendingAt = new Float64Array(6);
const pendingValue = new Float64Array(6);

/**
 * Per marker kind: the value that continued its sequence at the end of the last line cut, -1 for none.
 * 一、道路建设:1.…;2.…;3.… then 二、园林绿化:4.…: the items' numbering runs on across the headings.
 */
const carried = new Float64Array(6);

/** **(七)**, **3.**: a marker written alone in a markdown strong span (its ** read as spaces in the normalised text). */
function strongNumber(original: string, i: number, m: Marker): boolean {
  // (The number's span holds its brackets, (七); not the point or 、 after a bare one, 3.)
  let end = m.numberSpan[1];
  if (STRONG_NUMBER_SEPARATORS.has(original.charCodeAt(end))) end++;
  return i >= 2 && original.startsWith('**', i - 2) && original.startsWith('**', end);
}
const STRONG_NUMBER_SEPARATORS = new CodeSet([0x2e, 0x3001, 0xff0e]);

/** Cuts before unnumbered paragraphs in the line being read (paragraphCutAt), kept apart from the marker cuts. */
const para: number[] = [];

/** Marker candidates met in the line being read, cut or not (see keepClauseBrackets). */
const seen: number[] = [];

/** Per marker kind: 1 when a marker of a higher level was cut since this kind's last cut. */
const restart = new Uint8Array(6);

/** Per marker kind: where its last marker cut in the line being read stands, -1 for none. */
const lastCut = new Float64Array(6);

/**
 * A marker of `value` past 1 at i, its sequence not open yet: it confirms the one waiting before it
 * when it is that one's next value, more than `gap` characters after it (both are cut and the
 * sequence goes on), else it waits for its own next value.
 */
function confirmPast(cuts: number[], kind: number, i: number, value: number, gap: number): void {
  const at = pendingAt[kind] ?? -1;
  if (at >= 0 && value === (pendingValue[kind] ?? 0) + 1 && i - at > gap) {
    cuts.push(at, i);
    lastCut[kind] = i;
    next[kind] = value + 1;
    pendingAt[kind] = -1;
    cutKind(kind);
  } else {
    pendingAt[kind] = i;
    pendingValue[kind] = value;
  }
}

function cutKind(kind: number): void {
  restart[kind] = 0;
  for (let j = kind + 1; j < restart.length; j++) restart[j] = 1;
}

function cutsOf(src: SourceText, line: Line): number[] {
  const { norm } = src;
  const cuts: number[] = [];
  // [接上页] (十九)…: a page's note that it continues the last one; the line starts after it.
  let from = line.trimStart;
  // | [接上页] …: a page's stray bar before the text.
  if (norm.charCodeAt(from) === 0x7c && isSpace(norm.charCodeAt(from + 1)) && !tableRow(norm, line)) {
    from++;
    while (from < line.trimEnd && isSpace(norm.charCodeAt(from))) from++;
  }
  const cont = CONTINUED_FIRST.has(norm.charCodeAt(from)) ? CONTINUED_RE.exec(norm.slice(from, Math.min(line.trimEnd, from + 10))) : null;
  if (cont && from + cont[0].length < line.trimEnd) {
    from += cont[0].length;
    cuts.push(from);
  }
  const first = mayStartMarker(norm, from, line.trimEnd) ? markerIn(norm, from, Math.min(norm.length, from + 16)) : null;
  para.length = 0;
  seen.length = 0;
  next.set(carried);
  pending.fill(-1);
  pendingAt.fill(-1);
  lastCut.fill(-1);
  restart.fill(0);
  let afterTitle = -1;
  if (first?.value != null) {
    next[KIND_INDEX[first.kind]] = first.value + 1;
    // 一、适应新常态… (一)要让…: the line's own marker heads a (一) right after its heading, as a cut one does.
    lastCut[KIND_INDEX[first.kind]] = from;
  }
  for (let k = from; k < line.trimEnd; k++) {
    const c = norm.charCodeAt(k);
    // One look-up for most characters: they start nothing this loop reads.
    if (!LOOKED_AT.has(c)) continue;
    if (k > from && PARAGRAPH_FIRST.has(c)) paragraphCutAt(norm, k, from, line.trimEnd, para);
    else if (c === 0x3002 && isSpace(norm.charCodeAt(k + 1))) roleSentenceCutAt(norm, k, from, line.trimEnd, para);
    let i: number;
    if (BEFORE_MARKER.has(c)) {
      // Candidates follow the end of a sentence or a bracket, or a space (一、民生 (1)扩大就业).
      i = k + 1;
      while (i < line.trimEnd && isSpace(norm.charCodeAt(i))) i++;
      if (i >= line.trimEnd || !MARKER_START.has(norm.charCodeAt(i))) continue;
      k = i - 1;
    } else if ((c === 0x28 || c === 0x3014) && k > line.trimStart && MARKER_START.has(norm.charCodeAt(k + 1))) {
      // A bracketed marker right after a heading's last word (三、提升承载能力(五)培育…) is a
      // candidate too, but only to continue the sequence exactly (below).
      i = k;
    } else if (c >= 0x30 && c <= 0x39 && k > from && gluedArabic(norm, k, line.trimEnd) && (isCjk(norm.charCodeAt(k - 1)) || afterDate(norm, k))) {
      // 指标1.地区…。责任单位:市发改委2.规模…: an Arabic item glued to the last word before it
      // (its line break lost with nothing left) is a candidate too, kept to an exact sequence (below).
      // 发布日期:2008-12-181、…2、…: so is one glued to the date a page's header line ends with.
      i = k;
    } else if (CN_AFTER_ONE.has(c) && norm.charCodeAt(k + 1) === 0x3001 && k > from && UNIT_LAST.has(norm.charCodeAt(k - 1)) && afterLabel(norm, k, from)) {
      // …配合单位:市财政局、各区政府二、保障措施: the next section glued to the last name of a label, a
      // candidate kept to an exact sequence (below).
      i = k;
    } else if (c === 0x4e00 && k > from && k - from <= TITLE_REACH && cuts.length === 0 && norm.charCodeAt(k + 1) === 0x3001 && isCjk(norm.charCodeAt(k - 1)) && !SENTENCE_MARK_RE.test(norm.slice(from, k))) {
      // …部门分工的意见一、着力扩大内需…。二、…: the first section glued to the title before it, a
      // candidate near the line's start only, with no sentence before it (统一、规范 is a word), kept
      // to an exact sequence (below), or opened by the 1 of its first item right after its heading.
      i = k;
      afterTitle = k;
    } else continue;
    if (!mayStartMarker(norm, i, line.trimEnd)) continue;
    const m = markerIn(norm, i, Math.min(norm.length, i + 16));
    if (!m || m.value === null || m.kind === 'part') continue;
    seen.push(i);
    const kind = KIND_INDEX[m.kind];
    const expected = next[kind] ?? -1;
    const waiting = pending[kind] ?? -1;
    const glued = i === k;
    // A sequence may start again at 1 under a new heading of a higher level (三、…(一)…(二)…).
    const fresh = expected < 0 || restart[kind] === 1;
    if ((expected >= 0 && m.value === expected) || (src.markdown === true && strongNumber(src.original, i, m))) {
      // (…机制**；**(七)** 「把…: in markdown a number set alone in a strong span starts a point, its count as written.)
      cuts.push(i);
      lastCut[kind] = i;
      next[kind] = m.value + 1;
      pending[kind] = -1;
      cutKind(kind);
    } else if (glued && ((c <= 0x39 && m.kind === 'ar') || c === 0x28 || c === 0x3014 || m.kind === 'cn') && waiting >= 0 && m.value === 2 && fresh) {
      // 市发改委2.规模… confirms a glued 1.; 市发展改革委(二)规范… a glued (一); …配合单位:市住建局二、保障措施
      // (a section glued to a label's last name) an 一、 not confirmed yet.
      cuts.push(waiting, i);
      lastCut[kind] = i;
      next[kind] = 3;
      pending[kind] = -1;
      cutKind(kind);
    } else if (glued) {
      // 一、教育卫生(一)改造…(…)(二)新建…: a glued (一) opens a sequence once a (二) confirms it.
      if (fresh && m.value === 1) pending[kind] = i;
      // 1.开展市容环境整治(2)创建目标:…保健院(3)创建目标:…: glued bracketed points past 1 (a site lost the
      // first) open their sequence once the next value, glued too, confirms them, a point's text between.
      else if (fresh && m.value > 1 && c === 0x28) confirmPast(cuts, kind, i, m.value, GLUED_POINT_MIN);
      else if (m.kind === 'ar' && c <= 0x39 && UNIT_LAST.has(norm.charCodeAt(k - 1)) && afterLabel(norm, k, from)) afterLabelMarks.push(i, kind, m.value);
      continue;
    } else if (fresh && waiting >= 0 && m.value === 2) {
      cuts.push(waiting, i);
      lastCut[kind] = i;
      next[kind] = 3;
      pending[kind] = -1;
      cutKind(kind);
    } else if (fresh && m.value === 1) {
      // 一、把就业优先战略落到实处 (一)建立…: a heading's (一) right after it confirms both, as a 2 would.
      // 二、主要任务 (一)扩大…: or right after a heading cut already.
      const parent = nestedParent(norm, i, kind);
      if (parent >= 0) {
        const waitingParent = (pending[parent] ?? -1) >= 0;
        if (waitingParent) {
          cuts.push(pending[parent] ?? i);
          next[parent] = 2;
          pending[parent] = -1;
          cutKind(parent);
        }
        cuts.push(i);
        lastCut[kind] = i;
        next[kind] = 2;
        pending[kind] = -1;
        cutKind(kind);
      } else pending[kind] = i;
    } else if (fresh && m.value > 1) {
      // 大力实施乡村振兴战略 (二十四)完善…。(…负责) (二十五)深化…: a text cut out of a longer list
      // starts past 1; a marker is confirmed by the next value right after it, as a 1 by a 2.
      confirmPast(cuts, kind, i, m.value, 0);
    }
  }
  // …落到实处: 一、抓好重大项目建设 省、州市…: a 1 no 2 confirmed still opens a section when it stands
  // after a sentence and a space and heads a short title followed by a space. …以下各项。一、增强科技
  // 创新能力1.促进…: so do a lone 一、 after a sentence and the lone 1. right after its short heading,
  // and a lone 1. right after the short heading of a 二、 cut already.
  for (let kind = 0; kind < pending.length; kind++) {
    const at = pending[kind] ?? -1;
    if (at < 0) continue;
    if (loneHeadingAt(norm, at, line.trimEnd)) {
      cutLone(cuts, kind, at);
      continue;
    }
    let parent = nestedParent(norm, at, kind);
    // …目标实现。一、推动经济发展。1、做好…(牵头单位:…): in a line no clause's bracket cuts, a lone 1
    // after a sentence whose short heading closes with a full stop, and the lone 1 of a lower level
    // right after it.
    if (parent < 0 && para.length === 0) {
      if (kind <= CLOSED_HEADING_KIND && afterSentence(norm, at) && headsNested(norm, cuts, at, kind)) {
        cutLone(cuts, kind, at);
        continue;
      }
      parent = nestedParent(norm, at, kind, true);
    }
    if (parent < 0 && at === afterTitle && headsNested(norm, cuts, at, kind)) {
      // 目标任务分解一、市创新办1.牵头…。2.…, 责任分解一、袁家军省长主抓重点工作1. 防风险…: the 一、 glued
      // to the title heads the 1 of a lower level right after its short heading (cut, or awaiting
      // below as nested under it).
      cutLone(cuts, kind, at);
      continue;
    }
    if (parent < 0) {
      // 一、提升科技创新能力 以…新质生产力。 (一)提升…: a lone 1 after a sentence and a space opens its
      // sequence when a higher level was cut in the line before it (an introducing paragraph between).
      // (Not where a lone marker of a lower level awaits too: (一)主要目标。 1.主要指标的责任部门。 …, a
      // heading over a heading, whose clause brackets are cut as they stand.)
      const parentCut = kind > 0 && (lastCut[kind - 1] ?? -1) >= 0 && (lastCut[kind - 1] ?? -1) < at;
      if (parentCut && isSpace(norm.charCodeAt(at - 1)) && afterSentence(norm, at) && !pending.some((p, k) => k > kind && p >= 0)) cutLone(cuts, kind, at);
      // 重点工作责任分解  1.针对…格局。 牵头市领导:某某 责任单位:市发改委…: a lone 1 set apart by spaces
      // opens its item where the item goes on to name who does it (a label or a bracket of roles), as
      // no 1 quoted in a sentence does.
      else if (isSpace(norm.charCodeAt(at - 1)) && cuts.length === 0 && !pending.some((p, k) => k !== kind && p >= 0) && rolesFollow(norm, at, line.trimEnd)) cutLone(cuts, kind, at);
      continue;
    }
    const parentAt = pending[parent] ?? -1;
    if (parentAt < 0) {
      // 二、降低企业成本1.落实…: the lone 1. glued after a heading cut already (nestedParent found its cut).
      cutLone(cuts, kind, at);
    } else if (afterSentence(norm, parentAt)) {
      cutLone(cuts, parent, parentAt);
      cutLone(cuts, kind, at);
    }
  }
  // …责任科室(单位):县总医院、县妇幼保健院4.开展城乡结合部环境整治…: an Arabic point glued to the last name
  // of a label continues the sequence of a 1 cut already, even past its next value (points the site
  // left out between): digits and a point after a label's names start no name.
  for (let q = 0; q < afterLabelMarks.length; q += 3) {
    const at = afterLabelMarks[q] as number;
    const kind = afterLabelMarks[q + 1] as number;
    const value = afterLabelMarks[q + 2] as number;
    const last = lastCut[kind] ?? -1;
    if (last < 0 || last >= at || value < (next[kind] ?? 0)) continue;
    cuts.push(at);
    lastCut[kind] = at;
    next[kind] = value + 1;
  }
  afterLabelMarks.length = 0;
  if (cuts.length > (cont ? 1 : 0)) {
    carried.set(next);
    if (first) carried[KIND_INDEX[first.kind]] = -1;
  }
  for (const p of para) cuts.push(p);
  // Looked at only once a cut is found: most lines have none.
  if (cuts.length > 0 && tableRow(norm, line)) {
    // 索引号: | … | 发布机构: | … | then the whole document run on: a page's metadata rows run into
    // the text keep their bars to themselves; the text after the last bar is cut as any other.
    const tail = lastCellStart(norm, line);
    if (line.trimEnd - tail <= TABLE_TAIL_MAX) return NO_CUTS as number[];
    let n = 0;
    for (const c of cuts) if (c > tail) cuts[n++] = c;
    cuts.length = n;
    if (n === 0) return cuts;
    from = tail;
  }
  if (cuts.length > 0) {
    labelCuts(norm, from, line.trimEnd, cuts);
    headingCuts(norm, from, line.trimEnd, cuts);
  } else if (line.trimEnd - from >= LABELLED_RUN_ON_MIN) {
    // …融合发展。 分管领导:某某 部门分工:省工业和信息化厅牵头,… 建成…。 分管领导:…: unnumbered tasks run
    // on, each closed by its labels: two labels or more cut the line as they do a numbered one.
    labelCuts(norm, from, line.trimEnd, cuts);
    if (cuts.length < 2) cuts.length = 0;
    // Their paragraphs went on after a sentence's end or a colon and a space (…写明: 抓好…).
    else for (let k = from + 1; k < line.trimEnd - 1; k++) {
      const c = norm.charCodeAt(k);
      if ((c === 0x3002 || c === 0x3a) && isSpace(norm.charCodeAt(k + 1))) {
        let j = k + 1;
        while (j < line.trimEnd && isSpace(norm.charCodeAt(j))) j++;
        if (isCjk(norm.charCodeAt(j)) || norm.charCodeAt(j) === 0x300a) cuts.push(j);
      }
    }
  }
  // Cut once at each offset (a label may also follow a bracket's cut).
  cuts.sort((a, b) => a - b);
  let n = 0;
  for (let k = 0; k < cuts.length; k++) if (k === 0 || cuts[k] !== cuts[k - 1]) cuts[n++] = cuts[k] as number;
  cuts.length = n;
  if (para.length > 0) keepClauseBrackets(norm, from, line.trimEnd, cuts);
  return cuts;
}

/**
 * 1.开展风险评估专项行动。 健全…。(X负责)执行…。(Y负责)…: the brackets closing the clauses of a
 * numbered point belong to the point, so a bracket's cut with nothing between the bracket and the
 * next clause is dropped where the piece it would cut opens with a marker (the line's own, or one
 * cut already). A space after the bracket is a lost line break: (一)要…。 全面执行…。(X牵头) 强化…
 * keeps its paragraphs apart, and so do a short heading cut off the piece by headingCuts
 * (1.约束性指标的责任部门 人口…(X牵头)城镇…(Y牵头)) and a marker not cut in it before the bracket
 * (二、… (一)主要目标。 1.主要指标的责任部门。 人口…(X牵头)能耗…(Y牵头): the pending (一) and 1.).
 */
function keepClauseBrackets(norm: string, from: number, end: number, cuts: number[]): void {
  const brackets = new Set<number>();
  // A bullet's cut stands at the bullet. A role sentence's cut (roleSentenceCutAt) is kept with the
  // bracket cuts, but it always follows a space, so it is never dropped below.
  for (const p of para) if (!PARAGRAPH_FIRST.has(norm.charCodeAt(p))) brackets.add(p);
  if (brackets.size === 0) return;
  let numbered = mayStartMarker(norm, from, end) && markerIn(norm, from, Math.min(norm.length, from + 16)) !== null;
  let n = 0;
  let start = from;
  // seen and cuts both ascend: q walks seen once, to the first candidate after the piece's start.
  let q = 0;
  for (const c of cuts) {
    while (q < seen.length && (seen[q] as number) <= start) q++;
    if (brackets.has(c) && numbered && !isSpace(norm.charCodeAt(c - 1)) && !(q < seen.length && (seen[q] as number) < c)) continue;
    start = c;
    if (!brackets.has(c)) numbered = mayStartMarker(norm, c, end) && markerIn(norm, c, Math.min(norm.length, c + 16)) !== null;
    else numbered = false;
    cuts[n++] = c;
  }
  cuts.length = n;
}

/**
 * Whether the digits at k are an Arabic item's number glued to the word before it: 1. or 1、 then a
 * word (市发改委2.规模…, 目标1. 地区…), never a figure (下降4.2%, 小1.7个百分点).
 */
function gluedArabic(norm: string, k: number, end: number): boolean {
  let j = k + 1;
  while (j < end && j - k < 3 && norm.charCodeAt(j) >= 0x30 && norm.charCodeAt(j) <= 0x39) j++;
  const sep = norm.charCodeAt(j);
  // (目标1. 地区…: one space may follow the point.)
  const word = norm.charCodeAt(j + 1) === 0x20 ? j + 2 : j + 1;
  // (召陵区人民政府3.“互联网…”在全市推开: or a quotation mark opening the point's first word.)
  return (sep === 0x2e || sep === 0x3001 || sep === 0x29) && word < end && (isCjk(norm.charCodeAt(word)) || norm.charCodeAt(word) === 0x201c);
}

/** Cuts at a lone 1 of a kind, which its sequence continues from. */
function cutLone(cuts: number[], kind: number, at: number): void {
  cuts.push(at);
  lastCut[kind] = at;
  next[kind] = 2;
  pending[kind] = -1;
}

/** Whether the sentence before k ended (。 : ;, spaces aside). */
function afterSentence(norm: string, k: number): boolean {
  let p = k - 1;
  while (p > 0 && isSpace(norm.charCodeAt(p))) p--;
  return BEFORE_LONE.has(norm.charCodeAt(p));
}

/** 。 : ; — what ends the sentence before a lone section's number. */
const BEFORE_LONE = new CodeSet([0x3002, 0x3a, 0x3b]);

/** Longest bracket of roles closing a lone heading: (区科技局牵头). */
const HEADING_BRACKET_MAX = 30;

/** Whether the marker at `at` follows a sentence's end and a space, and heads a short title followed by a space and text. */
function loneHeadingAt(norm: string, at: number, end: number): boolean {
  if (!isSpace(norm.charCodeAt(at - 1)) || !afterSentence(norm, at)) return false;
  const m = markerIn(norm, at, Math.min(norm.length, at + 16));
  if (!m) return false;
  let k = m.bodyStart;
  while (k < end && k - m.bodyStart <= HEADING_MAX && (isCjk(norm.charCodeAt(k)) || norm.charCodeAt(k) === 0x3001)) k++;
  if (k - m.bodyStart < 2 || k - m.bodyStart > HEADING_MAX) return false;
  // 一、提升科技创新能力(区科技局牵头) 以…: the heading may close with who leads its section.
  if (norm.charCodeAt(k) === 0x28) {
    const close = norm.indexOf(')', k);
    if (close < 0 || close - k > HEADING_BRACKET_MAX || close >= end || !ROLE_WORD.test(norm.slice(k, close))) return false;
    k = close + 1;
  }
  if (!isSpace(norm.charCodeAt(k))) return false;
  while (k < end && isSpace(norm.charCodeAt(k))) k++;
  return k < end && isCjk(norm.charCodeAt(k));
}

/** A responsibility label or a bracket of roles: 责任单位:, (市发改委牵头). */
const ROLES_AFTER_RE = /(?:责任|牵头|主责|主办)(?:单位|部门):|\([^()]{2,60}(?:牵头|负责)[^()]{0,20}\)/;
/** How far after a lone 1 its item's label or bracket of roles is looked for. */
const ROLES_REACH = 300;

/** Whether the item opening at `at` names who does it, before any other marker's place. */
function rolesFollow(norm: string, at: number, end: number): boolean {
  return ROLES_AFTER_RE.test(norm.slice(at, Math.min(end, at + ROLES_REACH)));
}

/** Whether a date (2008-12-18, 2008/12/18, 2008.12.18) ends right before k. */
function afterDate(norm: string, k: number): boolean {
  return isDigitCode(norm.charCodeAt(k - 1)) && k >= 8 && DATE_BEFORE_RE.test(norm.slice(Math.max(0, k - 10), k));
}
const DATE_BEFORE_RE = /(?:19|20)[0-9]{2}([-./])[01]?[0-9]\1[0-3]?[0-9]$/;

/** Farthest a heading's first sub-item may stand from the heading's own marker. */
const NESTED_REACH = 40;

/**
 * The kind (a higher level than `kind`) of an inline 1 awaiting its 2, or of a marker cut already,
 * that stands right before the 1 of `kind` at i, with a short heading between them and no sentence's
 * end: 一、把就业优先战略落到实处 (一)…. -1 when there is none.
 */
function nestedParent(norm: string, i: number, kind: number, closed = false): number {
  for (let p = 0; p < kind; p++) {
    const at = (pending[p] ?? -1) >= 0 ? (pending[p] ?? -1) : (lastCut[p] ?? -1);
    if (at < 0 || i - at > NESTED_REACH) continue;
    if (shortHeadingBefore(norm, at, i, closed && p <= CLOSED_HEADING_KIND)) return p;
  }
  return -1;
}

/**
 * The lowest marker kind (by KIND_INDEX: 一、 and (一)) whose short heading may close with a full stop
 * before the lone 1 of a lower level (一、推动经济发展。1、…); a 2.重点工作举措。(1)… is a point's
 * sub-heading over its parts, not a section's.
 */
const CLOSED_HEADING_KIND = 2;

/**
 * Whether what stands between the marker at `at` and the marker at `child` is a short heading: two
 * letters or more and no sentence's end; when `closed`, a full stop or colon may close it
 * (一、推动经济发展。1、…).
 */
function shortHeadingBefore(norm: string, at: number, child: number, closed: boolean): boolean {
  let last = child - 1;
  while (last > at && isSpace(norm.charCodeAt(last))) last--;
  const closing = norm.charCodeAt(last);
  if (closed && (closing === 0x3002 || closing === 0x3a)) last--;
  let letters = 0;
  for (let k = at + 2; k <= last; k++) {
    const c = norm.charCodeAt(k);
    if (c === 0x3002 || c === 0x3b || c === 0x21 || c === 0x3f) return false;
    if (isCjk(c)) letters++;
  }
  return letters >= 2;
}

/**
 * Whether the first marker of a lower level than `kind` after `at` (cut already, or an inline 1 awaiting
 * its 2) is a 1 standing right after the short heading of the marker at `at`: no sentence's end between.
 */
function headsNested(norm: string, cuts: readonly number[], at: number, kind: number): boolean {
  let child = -1;
  for (const c of cuts) if (c > at && (child < 0 || c < child)) child = c;
  for (let j = kind + 1; j < pending.length; j++) {
    const p = pending[j] ?? -1;
    if (p > at && (child < 0 || p < child)) child = p;
  }
  if (child < 0 || child - at > NESTED_REACH) return false;
  const m = markerIn(norm, child, Math.min(norm.length, child + 16));
  return m !== null && m.value === 1 && KIND_INDEX[m.kind] > kind && shortHeadingBefore(norm, at, child, true);
}

/** ) and the bullets opening unnumbered task lines: —— (folded to --), ●, ◆, ■, ▪, •, ·. */
const PARAGRAPH_FIRST = new CodeSet(codesOf(')-●◆■▪•·'));
/** What the loop over a line stops at: BEFORE_MARKER's characters, PARAGRAPH_FIRST's, ( and 〔, digits and 一 to 十. */
const LOOKED_AT = new CodeSet([0x3002, 0x3b, 0x3a, 0x21, 0x3f, 0x29, 0x3015, 0x3011, 0x5d, 0x20, 0x09, 0x0b, 0x0c, 0xfeff, 0x200b, 0x28, 0x3014, ...codesOf('-●◆■▪•·0123456789一二三四五六七八九十')]);
/** 。 ; ! ? ) 】 〕 ] — what ends a paragraph before a bullet or a new sentence. */
const PARAGRAPH_END = new CodeSet([0x3002, 0x3b, 0x21, 0x3f, 0x29, 0x3011, 0x3015, 0x5d]);
/** A bracket that states who is responsible (folded text). */
const ROLE_WORD = /牵头|负责|配合|责任|主办|协办|协助|参与|会同|落实|实施/;
/** A label that opens a line of its own under a task: 责任单位: 牵头单位: 分管省领导: 部门分工: …, bracketed or not. */
const LABEL_RE = /^[(〔【[]?(?:(?:责任|牵头|配合|主办|协办|参与|协同|主责|协作)(?:单位|部门|处室)|责任领导|分管(?:省|市|区|县)?领导|部门分工)[:]/;
const LABEL_FIRST = new CodeSet(codesOf('(〔【[责牵配主协参分部'));
/** How far back a responsibility bracket's ( is looked for from its ). */
const BRACKET_MAX = 160;

/**
 * Unnumbered paragraphs run together (their breaks lost, a space or nothing left between them), at k:
 * a bullet after the end of a sentence or a space (…配合) ——完成… ●新建…), and a new sentence after
 * a bracket that states who is responsible (…95%以上。(市政务服务和大数据局牵头) 企业开办时间…)
 * start lines of their own.
 */
function paragraphCutAt(norm: string, k: number, from: number, end: number, cuts: number[]): void {
  const c = norm.charCodeAt(k);
  if (c !== 0x29) {
    // A bullet: —— (two dashes) or one of the others.
    const dash = c === 0x2d;
    if (dash && norm.charCodeAt(k + 1) !== 0x2d) return;
    const after = k + (dash ? 2 : 1);
    let p = k - 1;
    while (p > from && isSpace(norm.charCodeAt(p))) p--;
    const prev = norm.charCodeAt(p);
    if (after < end && isCjk(norm.charCodeAt(after)) && (PARAGRAPH_END.has(prev) || (p < k - 1 && isCjk(prev)))) cuts.push(k);
    return;
  }
  // Looked at in order of cost: most brackets close their line, or are followed by no new sentence.
  let j = k + 1;
  const stopAfter = norm.charCodeAt(j) === 0x3002;
  if (stopAfter) j++;
  while (j < end && isSpace(norm.charCodeAt(j))) j++;
  if (j >= end - 4 || !isCjk(norm.charCodeAt(j)) || MARKER_START.has(norm.charCodeAt(j))) return;
  let open = k - 1;
  const stop = Math.max(from, k - BRACKET_MAX);
  while (open >= stop && norm.charCodeAt(open) !== 0x28) open--;
  if (open < stop || (!stopAfter && norm.charCodeAt(open - 1) !== 0x3002) || !ROLE_WORD.test(norm.slice(open + 1, k))) return;
  cuts.push(j);
}

/**
 * In a line cut already, a label after the end of a sentence or a space (…增长6%以上。 分管省领导:…
 * 部门分工:…) starts a line of its own, as it did before the breaks were lost.
 */
function labelCuts(norm: string, from: number, end: number, cuts: number[]): void {
  // (牵头单位:X;责任单位:Y): a label inside a bracket is the bracket's, never a line of its own.
  // ((责任单位:X) itself, a bracketed label, opens at depth 0.)
  let depth = 0;
  for (let k = from + 1; k < end; k++) {
    const c = norm.charCodeAt(k);
    const outside = depth === 0;
    if (c === 0x28 || c === 0x3010 || c === 0x3014) depth++;
    else if ((c === 0x29 || c === 0x3011 || c === 0x3015) && depth > 0) depth--;
    if (!outside || !LABEL_FIRST.has(c)) continue;
    let p = k - 1;
    while (p > from && isSpace(norm.charCodeAt(p))) p--;
    if ((PARAGRAPH_END.has(norm.charCodeAt(p)) || p < k - 1) && LABEL_RE.test(norm.slice(k, k + 10))) {
      cuts.push(k);
      labelValueEnd(norm, k, end, cuts);
    }
  }
}

/**
 * 配合单位:县扶贫办、各乡镇 新建扶贫车间10个。: a label's names end at a space followed by a sentence
 * (a word holding a figure or closing with 。, which no unit's name does), where the next task line
 * lost its break; that task starts a line of its own.
 */
function labelValueEnd(norm: string, k: number, end: number, cuts: number[]): void {
  const colon = norm.indexOf(':', k);
  if (colon < 0 || colon - k > 10) return;
  for (let j = colon + 1; j < end && j - colon < LABEL_VALUE_MAX; j++) {
    const c = norm.charCodeAt(j);
    if (c === 0x3002 || c === 0x3b || c === 0x28 || c === 0x0a) return;
    if (!isSpace(c)) continue;
    let t = j;
    while (t < end && isSpace(norm.charCodeAt(t))) t++;
    let w = t;
    let sentence = false;
    while (w < end && !isSpace(norm.charCodeAt(w)) && norm.charCodeAt(w) !== 0x3001 && norm.charCodeAt(w) !== 0x2c) {
      const d = norm.charCodeAt(w);
      if (d === 0x3002 || isDigitCode(d)) sentence = true;
      w++;
    }
    if (sentence && w - t >= 4 && isCjk(norm.charCodeAt(t))) {
      cuts.push(t);
      return;
    }
    j = t - 1;
  }
}
/** Shortest line without markers whose labels are looked for (two tasks run on with their labels). */
const LABELLED_RUN_ON_MIN = 80;

/** How far a label's names are looked through for the task run on after them. */
const LABEL_VALUE_MAX = 80;

/** …120公里。县交通运输局配合县扶贫办落实。 实施…: a sentence saying who does the task closes it. */
const ROLE_SENTENCE_END_RE = /(?:局|委|办|厅|政府|中心|部门|单位|乡镇|街道)[^。;,]{0,24}(?:负责|落实|牵头)$/;

/**
 * A task line closed by a sentence that says who does it (…公里。县交通运输局配合县扶贫办落实。) and run
 * on after a space: the next task starts a line of its own, as after a responsibility bracket.
 */
function roleSentenceCutAt(norm: string, k: number, from: number, end: number, cuts: number[]): void {
  let j = k + 1;
  while (j < end && isSpace(norm.charCodeAt(j))) j++;
  if (j >= end - 4 || !isCjk(norm.charCodeAt(j)) || MARKER_START.has(norm.charCodeAt(j))) return;
  let s = k - 1;
  while (s > from && k - s < ROLE_SENTENCE_MAX && !SENTENCE_STOP.has(norm.charCodeAt(s - 1))) s--;
  if (ROLE_SENTENCE_END_RE.test(norm.slice(s, k))) cuts.push(j);
}
/** Longest sentence read back for its role words. */
const ROLE_SENTENCE_MAX = 40;
/** 。 ; and , — what ends the clause before a role sentence. */
const SENTENCE_STOP = new CodeSet([0x3002, 0x3b, 0x2c]);

const isAlnum = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** The first of the ascending offsets `sorted` after `at`, else `end` (binary search). */
function firstAfter(sorted: number[], at: number, end: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? Math.min(end, sorted[lo] as number) : end;
}

/** A bracket saying who does a clause: (区卫生健康委负责), [区发展改革委(粮食和储备局)负责]. */
const CLAUSE_BRACKET_RE = /[([][^()[\]]{2,40}(?:\([^()]{1,12}\))?[^()[\]]{0,8}(?:牵头|负责|配合|落实)[)\]]/;

/** How long a heading run on before its first paragraph may be. */
const HEADING_MAX = 30;

/**
 * In a line cut already, a short heading that opens a piece and is followed by a space and its
 * first paragraph (1.推进“一网通办” 市级政务服务事项…, 一、分工原则 《纲要》的实施…) is cut from it.
 */
function headingCuts(norm: string, from: number, end: number, cuts: number[]): void {
  const starts = [from, ...cuts];
  const isStart = new Set(starts);
  const sorted = [...starts].sort((a, b) => a - b);
  for (const s of starts) {
    if (!mayStartMarker(norm, s, end)) continue;
    const limit = Math.min(end, s + HEADING_MAX);
    for (let k = s + 2; k < limit; k++) {
      const c = norm.charCodeAt(k);
      // (1.主要目标指标。 健康浙江…: a heading closed by its full stop, then a space.)
      if ((c === 0x3002 && !isSpace(norm.charCodeAt(k + 1))) || c === 0x3b || isStart.has(k)) break;
      if (c === 0x3002) {
        let j = k + 1;
        while (j < end && isSpace(norm.charCodeAt(j))) j++;
        // (Not a point whose clauses close with their own brackets: 1.开展…行动。 健全…。(X负责) 认真…(Y负责).)
        const pieceEnd = firstAfter(sorted, j, end);
        // (Nor before a marker: whether it opens a piece is for the sequences to say.)
        const marker = mayStartMarker(norm, j, end) && markerIn(norm, j, Math.min(end, j + 16)) !== null;
        if (j < end && isCjk(norm.charCodeAt(j)) && !isStart.has(j) && !marker && !CLAUSE_BRACKET_RE.test(norm.slice(j, pieceEnd))) cuts.push(j);
        break;
      }
      if (!isSpace(c)) continue;
      let j = k;
      while (j < end && isSpace(norm.charCodeAt(j))) j++;
      const prev = norm.charCodeAt(k - 1);
      const next = norm.charCodeAt(j);
      // (…投资达 2 亿元: a figure set apart by spaces on both sides, as pdftotext writes one, is no paragraph.)
      if ((isCjk(prev) || prev === 0x201d) && (isCjk(next) || next === 0x201c || next === 0x300a || isAlnum(next)) && !isStart.has(j) && !spacedFigureAt(norm, j, end)) cuts.push(j);
      break;
    }
  }
}

/** Whether digits at j are followed by a space and a measure word (达 2 亿元, 在 2017 年): a figure a page set apart by spaces. */
function spacedFigureAt(norm: string, j: number, end: number): boolean {
  let d = j;
  while (d < end && isDigitCode(norm.charCodeAt(d))) d++;
  if (d === j || d >= end || !isSpace(norm.charCodeAt(d))) return false;
  while (d < end && isSpace(norm.charCodeAt(d))) d++;
  return MEASURE_FIRST.has(norm.charCodeAt(d));
}

/** 亿 万 年 月 个 元 … %: what a figure's measure word starts with (not a row's task). */
const MEASURE_FIRST = new CodeSet(codesOf('亿万千百年月日个元人户家所项座条公平立吨亩辆名%'));

/** Least distance between glued bracketed points past 1 that confirm each other (a point's text between). */
const GLUED_POINT_MIN = 8;

/** Arabic points glued to a label's last name, as flat [offset, kind, value, …] (cutsOf's scratch). */
const afterLabelMarks: number[] = [];

/** 二 to 十: a section's numeral after the first. */
const CN_AFTER_ONE = new CodeSet(codesOf('二三四五六七八九十'));
/** How far back a label (牵头单位:, 责任部门:) is looked for before a glued section's numeral. */
const LABEL_REACH = 80;

/** Whether a responsibility label's colon (单位:, 部门:) stands within LABEL_REACH before k, after `from`, with no sentence's end between. */
function afterLabel(norm: string, k: number, from: number): boolean {
  for (let j = k - 1; j > from + 2 && k - j <= LABEL_REACH; j--) {
    const c = norm.charCodeAt(j);
    if (c === 0x3002) return false;
    if (c !== 0x3a) continue;
    // (牵头单位 : X, with spaces around the colon, as some pages type it.)
    let p = j;
    while (p > from && isSpace(norm.charCodeAt(p - 1))) p--;
    // (责任科室(单位):, 牵头单位(部门):: a label with its bracketed alternative.)
    if (norm.charCodeAt(p - 1) === 0x29 && norm.charCodeAt(p - 4) === 0x28) p -= 4;
    if (norm.startsWith('单位', p - 2) || norm.startsWith('部门', p - 2) || norm.startsWith('科室', p - 2)) return true;
  }
  return false;
}

const CONTINUED_RE = /^[[(【]?(?:接上页|续上页|接上表|续表|续前页)[\])】]?\s*/;
const CONTINUED_FIRST = new CodeSet([0x5b, 0x28, 0x3010, 0x63a5, 0x7eed]); // [ ( 【 接 续

const NO_CUTS: readonly number[] = [];

/**
 * 2 | 建好驿站7家。 | 1.驿站:3月底前建好2家。 2.托位:… | 卫生健康局 |: a table row's cells may hold
 * numbered points of their own; the row is never cut (two bars or two tabs make a row).
 */
function tableRow(norm: string, line: Line): boolean {
  let bars = 0;
  let tabs = 0;
  // | [接上页] (十九)…。 |: a page's stray bars at both ends of a long text make no row.
  const s = norm.charCodeAt(line.trimStart) === 0x7c && line.trimEnd - line.trimStart > STRAY_BARS_MIN ? line.trimStart + 1 : line.trimStart;
  const e = s > line.trimStart && norm.charCodeAt(line.trimEnd - 1) === 0x7c ? line.trimEnd - 1 : line.trimEnd;
  for (let i = s; i < e; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x7c) bars++;
    else if (c === 0x09) tabs++;
    if (bars >= 2 || tabs >= 2) return true;
  }
  return false;
}

/** Shortest line whose bars at both ends may be a page's stray marks rather than a row's. */
const STRAY_BARS_MIN = 200;

/** Bars a line holds at least before it is looked at as a pipe table run into one line (a header of three columns and two rows). */
const MIN_RUN_ON_BARS = 8;

/**
 * 序号 | 目标任务 | 推进情况 | 1 | 守住…。(责任单位:市建设局) | 1-7月… | 2 | 试行…: a pipe table whose
 * line breaks were lost is cut before its header's 序号 cell and before each row's number cell, the
 * numbers following each other from 1 (two rows at least). Empty for any other line.
 */
function pipeRowCuts(norm: string, line: Line, head: number): readonly number[] {
  const s = line.trimStart;
  const e = line.trimEnd;
  if (head > s && norm.charCodeAt(head - 1) !== 0x7c && !isSpace(norm.charCodeAt(head - 1))) return NO_CUTS;
  let bars = 0;
  for (let i = head; i < e && bars < MIN_RUN_ON_BARS; i++) if (norm.charCodeAt(i) === 0x7c) bars++;
  if (bars < MIN_RUN_ON_BARS) return NO_CUTS;
  const cuts: number[] = head > s ? [head] : [];
  let want = 1;
  for (let bar = norm.indexOf('|', head); bar >= 0 && bar < e; ) {
    const next = norm.indexOf('|', bar + 1);
    const end = next < 0 || next > e ? e : next;
    let a = bar + 1;
    let b = end;
    while (a < b && isSpace(norm.charCodeAt(a))) a++;
    while (b > a && isSpace(norm.charCodeAt(b - 1))) b--;
    // The number cell of the next row: digits only, the sequence's next, a bar after it.
    if (next >= 0 && next < e && b - a <= 4 && b > a && isDigitCode(norm.charCodeAt(a)) && norm.slice(a, b) === String(want)) {
      cuts.push(a);
      want++;
    }
    bar = next < 0 || next >= e ? -1 : next;
  }
  return want > 2 ? cuts : NO_CUTS;
}

/** Longest last cell a table row's line may have: a longer run after the last bar is text of its own. */
const TABLE_TAIL_MAX = 200;

/** Offset just after the last | or tab of a line. */
function lastCellStart(norm: string, line: Line): number {
  let i = line.trimEnd - 1;
  while (i >= line.trimStart && norm.charCodeAt(i) !== 0x7c && norm.charCodeAt(i) !== 0x09) i--;
  return i + 1;
}

/**
 * The document's lines with run-on paragraphs cut before their inline items, renumbered. The lines
 * that are not cut are src.lines' own, renumbered in place.
 */
export function splitRunOn(src: SourceText): Line[] {
  const out: Line[] = [];
  const push = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpace(src.norm.charCodeAt(s))) s++;
    while (e > s && isSpace(src.norm.charCodeAt(e - 1))) e--;
    out.push({ index: out.length, start, end, trimStart: s, trimEnd: e });
  };
  carried.fill(-1);
  // The next 序号 at or after the line being read (Infinity when none is left), found by the native
  // search as the lines go down: the text is searched once in all.
  let nextHead = -1;
  const signatures = signaturesIn(src.norm);
  let sig = 0;
  for (const whole of src.lines) {
    while (sig < signatures.length && (signatures[sig]?.[0] ?? 0) < whole.trimStart) sig++;
    const signed = signatures[sig];
    if (signed && signed[3] < whole.trimEnd) {
      // …各单位要高效完成。 北京市某区人民政府办公室 2023年3月3日 2023年…分工方案 一、…: a notice run
      // into the plan it issues is cut at its signature (the issuer, then the date, lines of their own),
      // and the plan after it opens its sequences afresh.
      const [issuer, date, dateEnd, rest] = signed;
      sig++;
      for (const cut of piecesOf(src, lineOf(src.norm, whole.start, issuer))) push(cut.start, cut.end);
      push(issuer, date);
      push(date, dateEnd);
      carried.fill(-1);
      for (const cut of piecesOf(src, lineOf(src.norm, rest, whole.end))) push(cut.start, cut.end);
      continue;
    }
    const line = whole;
    const short = isBlank(line) || line.trimEnd - line.trimStart < MIN_RUN_ON;
    if (!short && nextHead < line.trimStart) {
      const at = src.norm.indexOf('序号', line.trimStart);
      nextHead = at < 0 ? Infinity : at;
    }
    const rows = short || nextHead >= line.trimEnd ? NO_CUTS : pipeRowCuts(src.norm, line, nextHead);
    const cuts = short ? NO_CUTS : rows.length > 0 ? rows : cutsOf(src, line);
    if (cuts.length === 0) {
      line.index = out.length;
      out.push(line);
      continue;
    }
    let start = line.start;
    for (const cut of cuts) {
      push(start, cut);
      start = cut;
    }
    push(start, line.end);
  }
  return out;
}

/** A line of [start, end), its bounds trimmed of spaces. */
function lineOf(norm: string, start: number, end: number): Line {
  let s = start;
  let e = end;
  while (s < e && isSpace(norm.charCodeAt(s))) s++;
  while (e > s && isSpace(norm.charCodeAt(e - 1))) e--;
  return { index: 0, start, end, trimStart: s, trimEnd: e };
}

/** A line cut before its inline markers, as splitRunOn cuts one (no 序号 table in it). */
function piecesOf(src: SourceText, line: Line): Line[] {
  if (isBlank(line) || line.trimEnd - line.trimStart < MIN_RUN_ON) return [line];
  const cuts = cutsOf(src, line);
  const out: Line[] = [];
  let start = line.start;
  for (const cut of cuts) {
    out.push(lineOf(src.norm, start, cut));
    start = cut;
  }
  out.push(lineOf(src.norm, start, line.end));
  return out;
}

/**
 * A notice's signature inside a run-on line: after a sentence's end, the issuer (an office's name) and
 * the date, then the text of what it issues. Each as [issuer, date, date's end, rest].
 */
const SIGNATURE_RE = /[。!;][ \t]*([\u4e00-\u9fff()]{2,28}?(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|局|厅))[ \t]*((?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日|[〇零一二][〇零一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)[ \t]*(?=[^ \t\n])/dg;

function signaturesIn(norm: string): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  // A quick look first: most texts have no date written in full at all.
  if (!/[0-9一二三四五六七八九十]月[0-9一二三四五六七八九十]{1,3}日/.test(norm)) return out;
  SIGNATURE_RE.lastIndex = 0;
  for (let m = SIGNATURE_RE.exec(norm); m; m = SIGNATURE_RE.exec(norm)) {
    const issuer = m.indices?.[1];
    const date = m.indices?.[2];
    if (issuer && date) out.push([issuer[0], date[0], date[1], m.index + m[0].length]);
  }
  return out;
}
