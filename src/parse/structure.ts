/**
 * Document structure: the plan's title, its sections and its items. Which numbering level
 * is a section and which an item is decided per document, because plans nest differently
 * (一、 sections with (一) items in a provincial plan; 一、 / (一) headings with 1. tasks in a
 * national task-division document; bare 一、 tasks in a short notice).
 */
import { chineseToNumber } from './numerals.js';
import { unwrapped } from './wrapped.js';
import { nameBesideNumber } from './units.js';
import { warning } from './warnings.js';
import { markerAt, RANK, type Marker, type MarkerKind } from './markers.js';
import { CodeSet, codesOf, DATE_RE, isBlank, isJsSpace, lineText, WRAP_JOINER, type Line, type SourceText } from './text.js';
import type { ParseWarning } from '../model/plan.js';
import type { Span } from '../model/span.js';

export interface RawSection {
  number: string;
  ordinal: number;
  title: string;
  span: Span;
}

export interface RawItem {
  number: string;
  ordinal: number;
  section: number | null;
  /** Whole item, marker included. */
  span: Span;
  /** Body after the marker. */
  bodyStart: number;
  value: number | null;
  kind: MarkerKind | null;
  /** A label over bullet lines (labelsOverBullets), or a task line cut off by the text's end (cutAfterTask): a task even when it names no unit and sets no target. */
  label?: true;
  /** Where the title ends when a label gives it (labelledLines): the label's end. */
  titleEnd?: number;
}

export interface RawHeading {
  /** Nesting rank of the heading's marker (see markers.ts). */
  rank: number;
  isSection: boolean;
  span: Span;
  bodyStart: number;
  /** Number of items that come before this heading. */
  itemsBefore: number;
}

export interface Structure {
  title: string;
  headings: RawHeading[];
  titleSpan: Span | null;
  sections: RawSection[];
  items: RawItem[];
  warnings: ParseWarning[];
}

const CUE_RE = /负责|牵头|配合|责任单位|责任部门|责任科室|责任主体|实施主体|主办机关|按职责分工|不再列出|下同/;
/** A line that is only a responsibility label: 责任单位:X、Y, or the same in brackets: (责任单位:X、Y). */
const LABEL_LINE_RE = /^[(〔【[]?(?:(?:牵头|责任|主责|主办|承办|配合|参与|协办|协同|协助)(?:责任)?(?:单位|部门|机关)|部门分工|责任分工)(?:[】〕\]]|\s*:)/;
/** First characters of PROGRESS_LINE_RE's and LABEL_LINE_RE's lines: most lines start with none. */
const PROGRESS_FIRST = new CodeSet(codesOf('(【〔[上全前完进推落执工目实0123456789'));
const LABEL_FIRST = new CodeSet(codesOf('(〔【[牵责主配参协部承'));
/** How many label lines a responsibility label may stand below its paragraph. */
const MAX_LABEL_LINES = 6;
/** 主管领导:刘东, 责任人:毛杰, 进度安排:…: a short label line beside the responsibility labels. */
const OTHER_LABEL_LINE_RE = /^[^\s:,。]{2,7}:/;
/** 主要目标指标, 重点工作举措, 工作要求: what a numbered line names when it labels a part of a task. */
const GENERIC_LABEL_RE = /^(?:主要|重点|工作|具体|年度)?(?:目标|指标|目标指标|预期目标|任务|目标任务|举措|措施|工作举措|工作措施|工作要求|责任分工|进度安排|完成时限|工作目标)[。:]?$/;
/** 完成情况:, 进展情况:, 1-6月推进情况: a line reporting on the task above it. */
const PROGRESS_LINE_RE = /^[(【〔[]?(?:(?:上半年|全年|前三季度|[0-9]{1,2}-[0-9]{1,2}月|[0-9]{1,2}月)?(?:完成|进展|推进|落实|执行|工作进展|目前进展)(?:情况|进度)|工作进展|目前进展|进展|进展与成效|进展成效|实际完成情况)[】〕\]]?\s*:/;
/** A bullet opening a task line: ——, -, ·, •, ●, ◆, ■, ▪ (dashes are folded to '-'). */
const BULLET_RE = /^(?:-{1,2}|[·•●◆■▪])\s*/;
const STOP_LINE_RE = /^(抄送|抄报|印发|\(此件|附件\s*[0-9一二三四五六七八九十]{0,3}\s*[::]?\s*$|(?:联系人|联系电话|联系方式|电子邮箱|邮箱)\s*:)/;

interface MarkedLine {
  line: Line;
  text: string;
  marker: Marker | null;
  /** Whether the line holds a cue word (CUE_RE): looked at once, when first asked (cueOf). */
  cue?: boolean;
}

function cueOf(ml: MarkedLine | undefined): boolean {
  if (!ml) return false;
  // 区水务局负⏎责) across a hard wrap's join: the role word reads whole without the joiner.
  if (ml.cue === undefined) ml.cue = CUE_RE.test(ml.text.includes(WRAP_JOINER) ? ml.text.replaceAll(WRAP_JOINER, '') : ml.text);
  return ml.cue;
}

/**
 * The line's text without the responsibility bracket that closes it ((牵头单位:县发改局;责任单位:…),
 * (区科技局牵头)); the text itself when it ends otherwise. One look back to the last opening bracket.
 */
function withoutResponsibilityBracket(body: string): string {
  const last = body.charCodeAt(body.length - 1);
  if (last !== 0x29 && last !== 0x3015 && last !== 0x3011 && last !== 0x5d) return body; // ) 〕 】 ]
  // The last of ( 〔 【 [ in one pass back (four lastIndexOf calls scanned a bracketless body four times).
  let open = body.length - 1;
  while (open >= 0) {
    const c = body.charCodeAt(open);
    if (c === 0x28 || c === 0x3014 || c === 0x3010 || c === 0x5b) break;
    open--;
  }
  if (open < 0) return body;
  return /单位|部门|牵头|负责|配合/.test(body.slice(open + 1, -1)) ? body.slice(0, open) : body;
}

/** A short line without a sentence end or a closing bracket: a heading, not a task. */
function isHeadingLine(body: string): boolean {
  const t = body.trim();
  return t.length > 0 && t.length <= 30 && !/[。;]/.test(t) && !/[)〕]$/.test(t);
}

/**
 * Whether the marked line i, at a level above the items, is a task of its own: it states a sentence
 * and a responsibility, and no deeper numbered line follows before the next line of its level or above.
 */
function isTaskWithoutSubItems(src: SourceText, lines: MarkedLine[], i: number, rank: number): boolean {
  const ml = lines[i];
  if (!ml?.marker) return false;
  const body = src.norm.slice(ml.marker.bodyStart, ml.line.trimEnd);
  if (!CUE_RE.test(body) || isHeadingLine(withoutResponsibilityBracket(body))) return false;
  for (let j = i + 1; j < lines.length; j++) {
    const next = lines[j]?.marker;
    if (!next) continue;
    return RANK[next.kind] <= rank;
  }
  return true;
}

/**
 * Whether the item-level line i is a short heading (住房安全问题。: a few words, no cue, no figure)
 * whose next line is numbered a level deeper and names who is responsible.
 */
function headsDeeperTasks(src: SourceText, lines: MarkedLine[], i: number): boolean {
  const ml = lines[i];
  const next = lines[i + 1];
  if (!ml?.marker || !next?.marker || RANK[next.marker.kind] <= RANK[ml.marker.kind]) return false;
  const body = src.norm.slice(ml.marker.bodyStart, ml.line.trimEnd).replace(/。$/, '');
  if (body.length < 2 || body.length > 12 || /[,;、0-9]/.test(body) || cueOf(ml)) return false;
  return cueOf(next) || CUE_RE.test(src.norm.slice(next.line.trimStart, lines[i + 2]?.line.trimEnd ?? next.line.trimEnd));
}

const READING_RE = /\([a-z\u00e0-\u00fc\u0100-\u01dc]{1,7}\)/g;
function withoutReading(number: string): string {
  // (2⏎): a number a hard wrap broke keeps no line break.
  const whole = number.length > 2 && /[\n\r]/.test(number) ? number.replace(/\s+/g, '') : number;
  return whole.indexOf('(') >= 0 && whole.length > 3 ? whole.replace(READING_RE, '') : whole;
}

/** A numbered item starting at the marked line, appended to `items`. */
function pushItem(src: SourceText, items: RawItem[], sectionCount: number, line: Line, marker: Marker): RawItem {
  const item: RawItem = {
    // (一(yī)): the number without the pinyin reading a page gave it.
    number: withoutReading(src.original.slice(marker.numberSpan[0], marker.numberSpan[1])),
    ordinal: items.length + 1,
    section: sectionCount > 0 ? sectionCount : null,
    span: [line.trimStart, line.trimEnd],
    bodyStart: marker.bodyStart,
    value: marker.value,
    kind: marker.kind,
  };
  items.push(item);
  return item;
}

/** Structure of lines [from, to) of the document. */
export function parseStructure(src: SourceText, from: number, to: number): Structure {
  const lines: MarkedLine[] = [];
  for (let i = from; i < to; i++) {
    const line = src.lines[i];
    if (!line || isBlank(line)) continue;
    const text = lineText(src, line);
    let marker = markerAt(text, line.trimStart);
    // 1.主要目标指标。 ⏎ … 2.重点工作举措。 ⏎ … under a task: numbered labels of its parts, not tasks.
    if (marker && (marker.kind === 'ar' || marker.kind === 'par') && line.trimEnd - marker.bodyStart <= 9 && GENERIC_LABEL_RE.test(src.norm.slice(marker.bodyStart, line.trimEnd))) marker = null;
    lines.push({ line, text, marker, cue: undefined });
  }
  const { sectionKind, itemKind } = chooseLevels(src, lines);
  const warnings: ParseWarning[] = [];
  const sections: RawSection[] = [];
  const items: RawItem[] = [];
  const headings: RawHeading[] = [];
  let open: RawItem | null = null;
  /** Items numbered a level below the document's items, opened where no item was (see below). */
  const lowered = new Set<RawItem>();
  let firstHeading = lines.length;
  let expectNext: number | null = null;
  /** Index in `lines` of the last heading line pushed (section or sub-heading), and whether it was a section. */
  let headingAt = -1;
  /** Inside a progress note (完成情况:…) under a task, up to the next numbered line. */
  let inProgress = false;
  /** Per heading (its index in `lines`): the unnumbered task lines under it, the first one's item, and whether it is alone. */
  const taskLinesUnder = new Map<number, { count: number; item: number; alone: boolean }>();
  /** Index in `lines` of each section's heading. */
  const sectionLines: number[] = [];

  const close = (): void => {
    open = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const ml = lines[i];
    if (!ml) continue;
    const { line, text, marker } = ml;
    if (marker) inProgress = false;
    const rank = marker ? RANK[marker.kind] : Infinity;
    if (STOP_LINE_RE.test(text) || isSignatureBeforeDate(lines, i)) {
      close();
      continue;
    }
    if (DATE_RE.test(text) || /^\([0-9〇零一二三四五六七八九十年月日\s]{6,20}\)$/.test(text)) {
      close();
      continue;
    }
    if (marker && sectionKind && marker.kind === sectionKind) {
      close();
      firstHeading = Math.min(firstHeading, i);
      const title = headingTitle(src, marker.bodyStart, line.trimEnd);
      sections.push({
        number: src.original.slice(marker.numberSpan[0], marker.numberSpan[1]),
        ordinal: sections.length + 1,
        title,
        span: [line.trimStart, line.trimEnd],
      });
      const labels = labelsUnderHeading(lines, i);
      headings.push({ rank: RANK[marker.kind], isSection: true, span: [line.trimStart, lines[labels]?.line.trimEnd ?? line.trimEnd], bodyStart: marker.bodyStart, itemsBefore: items.length });
      sectionLines.push(i);
      expectNext = null;
      headingAt = i;
      i = labels;
      continue;
    }
    if (marker && itemKind && marker.kind === itemKind && headsDeeperTasks(src, lines, i)) {
      // (2)住房安全问题。 ⏎ ①…(牵头单位:…) among (1)…(牵头单位:…) tasks: a heading over tasks a
      // level below, which are the items.
      close();
      firstHeading = Math.min(firstHeading, i);
      headings.push({ rank, isSection: false, span: [line.trimStart, line.trimEnd], bodyStart: marker.bodyStart, itemsBefore: items.length });
      expectNext = marker.value === null ? null : marker.value + 1;
      headingAt = i;
      continue;
    }
    if (marker && itemKind && marker.kind === itemKind) {
      firstHeading = Math.min(firstHeading, i);
      if (expectNext !== null && marker.value !== null && marker.value !== expectNext && marker.value !== 1) {
        warnings.push(
          warning('numbering_irregular', { number: src.original.slice(marker.numberSpan[0], marker.numberSpan[1]) }, [
            marker.numberSpan[0],
            marker.numberSpan[1],
          ]),
        );
      }
      expectNext = marker.value === null ? null : marker.value + 1;
      open = pushItem(src, items, sections.length, line, marker);
      continue;
    }
    const itemRank = itemKind ? RANK[itemKind] : Infinity;
    if (marker && rank < itemRank && isTaskWithoutSubItems(src, lines, i, rank)) {
      // 3、新增就业3万人。(市人社局负责) among 1、 headings over (1) tasks: a task of its own, with
      // no tasks under it, stated at the heading's level.
      firstHeading = Math.min(firstHeading, i);
      open = pushItem(src, items, sections.length, line, marker);
      expectNext = null;
      continue;
    }
    if (marker && rank < itemRank) {
      // A sub-heading between the section and item levels.
      close();
      firstHeading = Math.min(firstHeading, i);
      const labels = labelsUnderHeading(lines, i);
      headings.push({ rank, isSection: false, span: [line.trimStart, lines[labels]?.line.trimEnd ?? line.trimEnd], bodyStart: marker.bodyStart, itemsBefore: items.length });
      expectNext = null;
      headingAt = i;
      i = labels;
      continue;
    }
    if (!marker && (inProgress || (PROGRESS_FIRST.has(text.charCodeAt(0)) && PROGRESS_LINE_RE.test(text)))) {
      // 完成情况:今年上半年…增长9% under a task: a report on it, neither its body nor a task.
      inProgress = true;
      close();
      continue;
    }
    const current: RawItem | null = open;
    if (current) {
      // 二、深化改革 ⏎ 1.…(X牵头) ⏎ 2.…: numbered tasks standing right under a section, a level below
      // the document's items, follow each other as items of their own.
      if (marker && lowered.has(current) && current.kind === marker.kind) {
        open = pushItem(src, items, sections.length, line, marker);
        lowered.add(open);
        continue;
      }
      current.span[1] = line.trimEnd;
      continue;
    }
    if (marker && firstHeading < lines.length && isHeadingLine(text.slice(marker.bodyStart - line.trimStart))) {
      // 1.约束性指标的责任部门 below the item level, with no item open: it heads the task lines after it.
      headings.push({ rank, isSection: false, span: [line.trimStart, line.trimEnd], bodyStart: marker.bodyStart, itemsBefore: items.length });
      headingAt = i;
      continue;
    }
    if (
      !marker &&
      LABEL_FIRST.has(text.charCodeAt(0)) &&
      (firstHeading < lines.length || sections.length + items.length === 0 || items[items.length - 1]?.number === '') &&
      closesParagraph(src, lines, i, items, sections.length, headingAt, taskLinesUnder)
    )
      continue;
    if (!marker && headingAt >= 0 && headingAt === i - 1 && DUTY_LINE_RE.test(text)) {
      // 一、治理畜牧业产品污染 ⏎ 由乡三农服务中心承办,乡畜牧站…配合。: a line saying only who does the
      // heading's work makes the heading a task, numbered and titled by it; the lines after it, up to
      // the next heading, are its body. So with points under it ((一)由X负责,Y配合,…): the heading's own
      // units and goals are its item's, each point an item of its own.
      const heading = lines[headingAt] as MarkedLine;
      open = headingItem(src, items, sections.length, heading, line);
      continue;
    }
    // 1.推进…。 ⏎ 牵头单位:市住建局 a level below the document's items (whose (一) stand in another
    // section): its label lines after it say who does it, as a cue of its own line would.
    if (firstHeading < lines.length && marker && rank > itemRank && !cueOf(ml) && text.length >= 8 && labelLinesAfter(lines, i)) {
      open = pushItem(src, items, sections.length, line, marker);
      lowered.add(open);
      continue;
    }
    const cut = firstHeading < lines.length && !cueOf(ml) && cutAfterTask(lines, i, items, headingAt);
    if (firstHeading < lines.length && text.length >= 8 && (cueOf(ml) || cut)) {
      if (marker && rank > itemRank) {
        // A numbered task line with no item open (see above): an item with its own number.
        open = pushItem(src, items, sections.length, line, marker);
        lowered.add(open);
        continue;
      }
      if (headingAt >= 0) {
        const under = taskLinesUnder.get(headingAt) ?? { count: 0, item: items.length, alone: false };
        under.count++;
        const after = lines[i + 1];
        const heading = lines[headingAt];
        under.alone = under.count === 1 && headingAt === i - 1 && !!heading?.marker && (!after || (!!after.marker && RANK[after.marker.kind] <= RANK[heading.marker.kind]));
        taskLinesUnder.set(headingAt, under);
      }
      // An unnumbered task line under a heading.
      // ——全省地区生产总值增长8.5%左右。(…): the bullet is no part of the task.
      const bullet = BULLET_RE.exec(text);
      items.push({
        number: '',
        ordinal: items.length + 1,
        section: sections.length > 0 ? sections.length : null,
        span: [line.trimStart, line.trimEnd],
        bodyStart: line.trimStart + (bullet ? bullet[0].length : 0),
        value: null,
        kind: null,
        ...(cut ? { label: true as const } : {}),
      });
    }
  }
  numberLoneParagraphs(src, lines, items, taskLinesUnder);
  if (itemKind) sectionsOverParagraphs(src, lines, sectionLines, items);
  else if (!sectionsOverLabels(src, lines, sectionLines, items)) sectionsOfParagraphs(src, lines, sectionLines, items);
  if (sections.length === 0 && items.length === 0) labelsOverBullets(lines, items);
  if (sections.length === 0 && items.length === 0) labelledLines(lines, items);
  if (sections.length === 0 && items.length === 0) announcedList(src, lines, items);
  const { title, titleSpan } = findTitle(src, lines, firstHeading);
  if (sections.length === 0 && items.length === 0) {
    warnings.push(warning('no_structure', {}, [0, 0]));
  }
  return { title, headings, titleSpan, sections, items, warnings };
}

/** What a paragraph cut off by the text's end does not close with: a sentence's end or a bracket. */
const PARAGRAPH_CLOSE = new CodeSet(codesOf('。;!?)】〕]'));
/** Shortest paragraph read as a task cut off by the text's end. */
const CUT_TASK_MIN = 40;

/**
 * 一、… ⏎ (一)…逐项推进。(X牵头) ⏎ (二)…聚焦政务信息化基础设施建设、数字政府 (the end of the text): the
 * text's last paragraph, cut off mid-sentence right after an unnumbered task line under the same
 * heading, is a task too, its bracket of roles lost with the cut.
 */
function cutAfterTask(lines: MarkedLine[], i: number, items: RawItem[], headingAt: number): boolean {
  const ml = lines[i] as MarkedLine;
  if (i !== lines.length - 1 || ml.marker || headingAt < 0 || ml.text.length < CUT_TASK_MIN || PARAGRAPH_CLOSE.has(ml.text.charCodeAt(ml.text.length - 1))) return false;
  const last = items[items.length - 1];
  const prev = lines[i - 1];
  return !!last && !!prev && last.number === '' && last.kind === null && i - 1 > headingAt && last.span[1] === prev.line.trimEnd && cueOf(prev);
}

/**
 * 一、扩大有效投资 ⏎ 牵头单位:市发改委 ⏎ (一)新开工…: label lines right under a heading, before the
 * numbered lines of a deeper level under it, say who does the heading's tasks (as a bracket closing
 * the heading would). Returns the index of the last such line, or i itself when there is none.
 */
function labelsUnderHeading(lines: MarkedLine[], i: number): number {
  const heading = lines[i]?.marker;
  if (!heading) return i;
  let k = i + 1;
  let labelled = false;
  while (k < lines.length && k - i <= MAX_LABEL_LINES && !lines[k]?.marker) {
    const text = lines[k]?.text ?? '';
    if (LABEL_LINE_RE.test(text)) labelled = true;
    else if (!OTHER_LABEL_LINE_RE.test(text)) return i;
    k++;
  }
  const next = lines[k]?.marker;
  return labelled && next && RANK[next.kind] > RANK[heading.kind] ? k - 1 : i;
}

/** Whether the lines right after i, before the next numbered line, open with a responsibility label (牵头单位:…). */
function labelLinesAfter(lines: MarkedLine[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + MAX_LABEL_LINES; j++) {
    const ml = lines[j];
    if (!ml || ml.marker) return false;
    if (LABEL_FIRST.has(ml.text.charCodeAt(0)) && LABEL_LINE_RE.test(ml.text)) return true;
  }
  return false;
}

/**
 * 由X承办,Y、Z配合。 · 由X负责。: a sentence that says only who does the work, and nothing to do. It may
 * open a paragraph that goes on with the heading's goals (由X承办,Y协办。治理工作目标:…达到85%以上。).
 */
const DUTY_LINE_RE = /^由[^。;,]{2,60}?(?:承办|负责|牵头|主办)(?:,[^。;]{2,80}?(?:配合|协助|协办|参与))?(?:[。;]|$)/;

/** The heading line made a task: numbered and titled by its heading, its body from the line after. */
function headingItem(src: SourceText, items: RawItem[], sectionCount: number, heading: MarkedLine, line: Line): RawItem {
  const item = itemOfHeading(src, heading, sectionCount > 0 ? sectionCount : null, line.trimEnd);
  item.ordinal = items.length + 1;
  items.push(item);
  return item;
}

/** A task numbered and titled by a heading line (with a marker), running to `end`; its ordinal is set by the caller. */
function itemOfHeading(src: SourceText, heading: MarkedLine, section: number | null, end: number): RawItem {
  const m = heading.marker as Marker;
  return {
    number: withoutReading(src.original.slice(m.numberSpan[0], m.numberSpan[1])),
    ordinal: 0,
    section,
    span: [heading.line.trimStart, end],
    bodyStart: m.bodyStart,
    value: m.value,
    kind: m.kind,
    titleEnd: heading.line.trimEnd,
  };
}

/**
 * 审批时限压减至30个工作日。 ⏎ 牵头单位:X ⏎ 配合单位:Y under a heading (or in a text with no numbering
 * at all): the label line i closes the unnumbered task before it (a paragraph of its own, or the task
 * line it follows), over other label lines (主管领导:X) between them. Whether it did.
 */
function closesParagraph(
  src: SourceText,
  lines: MarkedLine[],
  i: number,
  items: RawItem[],
  sectionCount: number,
  headingAt: number,
  under: Map<number, { count: number; item: number; alone: boolean }>,
): boolean {
  const ml = lines[i] as MarkedLine;
  if (!LABEL_LINE_RE.test(ml.text)) return false;
  let p = i - 1;
  while (p > headingAt && p > 0 && i - p < MAX_LABEL_LINES && !lines[p]?.marker && OTHER_LABEL_LINE_RE.test(lines[p]?.text ?? '')) p--;
  const prev = lines[p];
  const last = items[items.length - 1];
  if (prev && last && last.number === '' && last.span[1] >= prev.line.trimEnd) {
    last.span[1] = ml.line.trimEnd;
    return true;
  }
  if (!prev || prev.marker || p <= headingAt || cueOf(prev) || prev.text.length < 4 || OTHER_LABEL_LINE_RE.test(prev.text)) return false;
  const bullet = BULLET_RE.exec(prev.text);
  if (headingAt >= 0) {
    // 一、推进老旧小区改造 ⏎ 全年完成改造120个。 ⏎ 牵头单位:X ⏎ 配合单位:Y ⏎ 二、…: the paragraph right
    // under its heading, alone there, is counted as numberLoneParagraphs reads task lines.
    const u = under.get(headingAt) ?? { count: 0, item: items.length, alone: false };
    u.count++;
    let next = i + 1;
    while (next < lines.length && !lines[next]?.marker && (LABEL_LINE_RE.test(lines[next]?.text ?? '') || OTHER_LABEL_LINE_RE.test(lines[next]?.text ?? ''))) next++;
    const heading = lines[headingAt]?.marker;
    const after = lines[next]?.marker;
    u.alone = u.count === 1 && p === headingAt + 1 && !!heading && (next >= lines.length || (!!after && RANK[after.kind] <= RANK[heading.kind]));
    under.set(headingAt, u);
  }
  // 承办部门:市人社局 咨询电话:… ⏎ 市卫计委 2835085: a unit's name and its telephone number alone on the
  // next line go on with the label's list.
  const more = lines[i + 1];
  const end = more && !more.marker && nameBesideNumber(src.norm, more.line.trimStart, more.line.trimEnd + 1) > 0 ? more.line.trimEnd : ml.line.trimEnd;
  items.push({
    number: '',
    ordinal: items.length + 1,
    section: sectionCount > 0 ? sectionCount : null,
    span: [prev.line.trimStart, end],
    bodyStart: prev.line.trimStart + (bullet ? bullet[0].length : 0),
    value: null,
    kind: null,
  });
  return true;
}

/**
 * 一、抓好重大项目建设 ⏎ one paragraph closing with who is responsible ⏎ 二、…: where every heading of
 * a level that has unnumbered task lines under it has exactly one, right under it, the heading
 * numbers and titles that task and the paragraph is its body. (Where some heading of the level has
 * two or more — 1.推进“一网通办” ⏎ X。(A牵头) ⏎ Y。(B负责) — the lines stay tasks of their own.)
 */
function numberLoneParagraphs(src: SourceText, lines: MarkedLine[], items: RawItem[], under: Map<number, { count: number; item: number; alone: boolean }>): void {
  const mixed = new Set<MarkerKind>();
  const alone = new Map<MarkerKind, number>();
  for (const [at, u] of under) {
    const kind = lines[at]?.marker?.kind;
    if (kind && !u.alone) mixed.add(kind);
    if (kind && u.alone) alone.set(kind, (alone.get(kind) ?? 0) + 1);
  }
  for (const [at, u] of under) {
    const heading = lines[at];
    const item = items[u.item];
    if (!u.alone || !heading?.marker || mixed.has(heading.marker.kind) || !item || item.number !== '') continue;
    // One such heading alone (an excerpt) is read so only when the paragraph's first sentence is
    // too long to title it: 一、着力扩大内需 ⏎ 全面执行积极财政政策。… keeps its sentence as the title.
    if ((alone.get(heading.marker.kind) ?? 0) < 2 && firstSentenceLength(src.norm, item.bodyStart, item.span[1]) <= LONG_TITLE) continue;
    const m = heading.marker;
    item.number = withoutReading(src.original.slice(m.numberSpan[0], m.numberSpan[1]));
    item.value = m.value;
    item.kind = m.kind;
    item.span[0] = heading.line.trimStart;
    item.bodyStart = m.bodyStart;
    // The heading is the title, even where no line break ends it (a line the run-on reader cut).
    item.titleEnd = heading.line.trimEnd;
  }
}

/** 一、总体要求, 三、实施步骤, 五、保障措施: sections every plan has around its tasks, never a task. */
const FRAME_SECTION_RE = /总体要求|工作要求|有关要求|指导思想|原则|目标|实施步骤|工作步骤|进度安排|时间安排|工作安排|保障措施|组织保障|工作保障|组织领导|范围|分工|说明|附则|总则|工作机制|考核|督查|督办|背景|依据|意义|基本情况|现状|成效|工作措施|主要措施|政策措施|其他/;

/**
 * 三、推进水浸黑点治理 ⏎ 整治…的水浸黑点。 between 二、 and 四、 headings over numbered points: a
 * section with no points of its own over a short paragraph is a task by itself (a 实事 list's small
 * project), numbered and titled by its heading, the paragraph its body. Only from the first section
 * that has points on (五、专题调研 after the last one too), and never a frame section (总体要求,
 * 保障措施…).
 */
function sectionsOverParagraphs(src: SourceText, lines: MarkedLine[], sectionLines: number[], items: RawItem[]): void {
  const withItems = new Set<number>();
  let firstWith = Infinity;
  let lastWith = -Infinity;
  for (const item of items) {
    if (item.section === null) continue;
    withItems.add(item.section);
    firstWith = Math.min(firstWith, item.section);
    lastWith = Math.max(lastWith, item.section);
  }
  if (withItems.size < 2) return;
  let added = false;
  for (let k = 1; k < sectionLines.length; k++) {
    const ordinal = k + 1;
    if (withItems.has(ordinal) || ordinal < firstWith) continue;
    const item = paragraphSection(src, lines, sectionLines, k);
    if (!item) continue;
    items.push(item);
    added = true;
  }
  if (added) renumber(items);
}

/**
 * 一、各地开展自查工作 ⏎ 各市(州)要…。 ⏎ 二、各部门开展自查工作 ⏎ …牵头…配合。 ⏎ 三、开展重点抽查 ⏎ …:
 * a text with no points whose sections each stand over one short paragraph (a notice's demands):
 * every such section is a task, numbered and titled by its heading, the paragraph its body, whether
 * or not the paragraph names who does it. Two such sections at least; every item found so far must
 * be the paragraph of one of them (it takes its heading's number); never a frame section (总体要求,
 * 保障措施…).
 */
function sectionsOfParagraphs(src: SourceText, lines: MarkedLine[], sectionLines: number[], items: RawItem[]): void {
  if (sectionLines.length < 2) return;
  const tasks = new Map<number, RawItem>();
  const holding = new Set(items.map((item) => item.section));
  for (let k = 0; k < sectionLines.length; k++) {
    // A paragraph that names who does it makes even 二、组织重点督查 a task.
    const task = paragraphSection(src, lines, sectionLines, k, holding.has(k + 1));
    if (task) tasks.set(k + 1, task);
  }
  if (tasks.size < 2) return;
  const taken = new Set<number>();
  for (const item of items) {
    const task = item.section === null ? undefined : tasks.get(item.section);
    if (!task || taken.has(item.section as number) || item.span[0] < task.span[0] || item.span[1] > task.span[1]) return;
    taken.add(item.section as number);
  }
  const kept = items.filter((item) => item.number !== '' && item.span[0] === tasks.get(item.section as number)?.span[0]);
  items.length = 0;
  for (const [section, task] of tasks) items.push(kept.find((item) => item.section === section) ?? task);
  renumber(items);
}

/**
 * The k-th section as a task over its short paragraph (one to three unnumbered lines, no label line),
 * or null; a frame section (FRAME_SECTION_RE) only with `frame`.
 */
function paragraphSection(src: SourceText, lines: MarkedLine[], sectionLines: number[], k: number, frame = false): RawItem | null {
  const at = sectionLines[k]!;
  const heading = lines[at];
  let next = sectionLines[k + 1] ?? lines.length;
  // The last section's paragraph ends before the notice's closing words (特此通知。) and signature.
  if (k + 1 === sectionLines.length) {
    const closing = lines.slice(at + 1, at + 5).findIndex((b) => CLOSING_RE.test(b.text));
    if (closing >= 0) next = at + 1 + closing;
  }
  const body = lines.slice(at + 1, next);
  if (!heading?.marker || body.length === 0 || body.length > 3 || body.some((b) => b.marker !== null || (LABEL_FIRST.has(b.text.charCodeAt(0)) && LABEL_LINE_RE.test(b.text)))) return null;
  const title = src.norm.slice(heading.marker.bodyStart, heading.line.trimEnd).trim();
  // (二、審查和批準決算,聽取和審議…報告: a heading of two phrases, no sentence's end, is one too.)
  if (title.length < 2 || title.length > PARAGRAPH_SECTION_TITLE_MAX || /[。;!?]/.test(title) || (title.length > 25 && !/,/.test(title)) || (!frame && FRAME_SECTION_RE.test(title))) return null;
  return itemOfHeading(src, heading, k + 1, body[body.length - 1]!.line.trimEnd);
}

/**
 * 一、新建300个公共充电桩项目 ⏎ 牵头领导:某某 ⏎ 牵头单位:县城管执法局 ⏎ 责任单位:县城投集团 ⏎ 任务目标:…:
 * sections with no points, each over label lines only, one of them at least naming who does it, are the
 * tasks (projects, matters), titled by their headings; the last may be cut off before its labels.
 * Every item found so far must stand inside one of them (the label lines read as a task of their own).
 */
function sectionsOverLabels(src: SourceText, lines: MarkedLine[], sectionLines: number[], items: RawItem[]): boolean {
  if (sectionLines.length < 2) return false;
  const tasks: RawItem[] = [];
  for (let k = 0; k < sectionLines.length; k++) {
    const at = sectionLines[k]!;
    const heading = lines[at];
    if (!heading?.marker) return false;
    const title = src.norm.slice(heading.marker.bodyStart, heading.line.trimEnd).trim();
    if (title.length < 2 || title.length > LABELLED_SECTION_TITLE_MAX || /[。;]/.test(title)) return false;
    const body = lines.slice(at + 1, sectionLines[k + 1] ?? lines.length);
    if (body.length === 0 && k === sectionLines.length - 1 && k > 0) {
      tasks.push(itemOfHeading(src, heading, k + 1, heading.line.trimEnd));
      continue;
    }
    if (body.length === 0 || body.some((b) => b.marker !== null || !OTHER_LABEL_LINE_RE.test(b.text))) return false;
    if (!body.some((b) => LABEL_FIRST.has(b.text.charCodeAt(0)) && LABEL_LINE_RE.test(b.text))) return false;
    tasks.push(itemOfHeading(src, heading, k + 1, body[body.length - 1]!.line.trimEnd));
  }
  if (!items.every((item) => tasks.some((t) => t.span[0] <= item.span[0] && item.span[1] <= t.span[1]))) return false;
  items.length = 0;
  items.push(...tasks);
  renumber(items);
  return true;
}
/** Longest heading of a project over label lines (一、莲塘等片区20个排水单元雨污管网分流改造…项目). */
const LABELLED_SECTION_TITLE_MAX = 60;

/** Longest heading of a section over one short paragraph read as a task. */
const PARAGRAPH_SECTION_TITLE_MAX = 50;

/** 特此通知。 · 此复。 · 以上意见…: the words that close a notice after its last demand. */
const CLOSING_RE = /^(?:特此通知|特此函告|特此报告|此复|以上意见|请遵照执行|请认真贯彻执行)/;

function renumber(items: RawItem[]): void {
  items.sort((a, b) => a.span[0] - b.span[0]);
  items.forEach((item, n) => (item.ordinal = n + 1));
}

/**
 * 重整部门职能及架构 ⏎ - 以…为基础,… ⏎ - 继续整合… ⏎ 推进电子政务发展 ⏎ - …: a text with no numbering
 * whose short label lines each head bullet lines (a policy address's measures) has a task per label,
 * the bullets its body.
 */
function labelsOverBullets(lines: MarkedLine[], items: RawItem[]): void {
  const found: RawItem[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const label = lines[i] as MarkedLine;
    if (BULLET_RE.test(label.text) || label.text.length < 4 || label.text.length > 30 || /[。;:,]/.test(label.text)) continue;
    let j = i + 1;
    while (j < lines.length && BULLET_RE.test(lines[j]?.text ?? '')) j++;
    if (j === i + 1) continue;
    const last = lines[j - 1] as MarkedLine;
    found.push({ number: '', ordinal: 0, section: null, span: [label.line.trimStart, last.line.trimEnd], bodyStart: label.line.trimStart, value: null, kind: null, label: true });
    i = j - 1;
  }
  if (found.length < 2) return;
  for (const item of found) {
    item.ordinal = items.length + 1;
    items.push(item);
  }
}

/** 社区服务中心建设项目:改善…: a label before a colon, opening a line that goes on after it. */
const COLON_LABEL_RE = /^([^\s:,。;、!?]{2,24}):\s*\S{4}/;
/** 发布日期:, 来源:, 责任单位: a page's metadata or a task's part, not a list's labels. */
const META_LABEL_RE = /^(?:发布|来源|作者|时间|日期|地点|浏览|点击|编辑|记者|责任|牵头|配合|联系|电话|邮箱|附件|主题|索引|文号|发文|成文|字号|当前位置|网站|主办|承办|协办|备注|说明|注)/;
/** A short label line (成立特别委员会) and the description line under it. */
const SHORT_LABEL_RE = /^[^\s。;:,、!?]{4,20}$/;
const DESCRIPTION_RE = /^.{12,}$/;
const DESCRIPTION_MARK_RE = /[,。;]/;

/**
 * A text with no numbering that lists its tasks by label: lines `label:description` (a street's
 * projects, 公交车站升级改造项目:升级…), or short label lines each over one line describing it (a policy
 * address's highlights). Three such lines in a row, or more, are a task each, titled by the label.
 */
function labelledLines(lines: MarkedLine[], items: RawItem[]): void {
  const found: RawItem[] = [];
  let run: RawItem[] = [];
  const flush = (): void => {
    if (run.length >= 3) for (const r of run) found.push(r);
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const ml = lines[i] as MarkedLine;
    const { line, text } = ml;
    const colon = ml.marker ? null : COLON_LABEL_RE.exec(text);
    if (colon && !META_LABEL_RE.test(colon[1] ?? '')) {
      run.push({ number: '', ordinal: 0, section: null, span: [line.trimStart, line.trimEnd], bodyStart: line.trimStart, value: null, kind: null, label: true, titleEnd: line.trimStart + (colon[1]?.length ?? 0) });
      continue;
    }
    const next = lines[i + 1];
    if (!ml.marker && next && !next.marker && SHORT_LABEL_RE.test(text) && DESCRIPTION_RE.test(next.text) && DESCRIPTION_MARK_RE.test(next.text) && !COLON_LABEL_RE.test(next.text)) {
      run.push({ number: '', ordinal: 0, section: null, span: [line.trimStart, next.line.trimEnd], bodyStart: line.trimStart, value: null, kind: null, label: true, titleEnd: line.trimEnd });
      i++;
      continue;
    }
    flush();
  }
  flush();
  if (found.length === 0) for (const ml of lines) if (!ml.marker && inlineLabels(ml, found)) break;
  for (const item of found) {
    item.ordinal = items.length + 1;
    items.push(item);
  }
}

/** Where an inline label may start: after a sentence's end or an announcing colon, past spaces. */
const INLINE_LABEL_AFTER = new CodeSet(codesOf('。;!?:'));
/** 市发改委责任单位:, 2023-02-09文号:, 综合政务/其他发布机构:: run-on labels of a task's parts or a page's metadata. */
const NOT_A_NAME_RE = /^[0-9]|责任|单位|部门|领导|负责|文号|发布|来源|日期|时间|进度|安排|[/|]/;
/** 各项目内容如下:, 具体包括:: a sentence announcing the list, not a label of it. */
const ANNOUNCING_LABEL_RE = /(?:如下|如下所示|分别是|分别为|包括|具体是|其中)$/;

/**
 * The labelled lines of labelledLines run on in one line (a news page that lost its line breaks):
 * …各项目内容如下: 社区服务中心建设项目:改善…。 农村黑臭水体整治项目:清理…。 …: each label after
 * a sentence's end starts a task, three or more in a row. Whether any were found.
 */
function inlineLabels(ml: MarkedLine, found: RawItem[]): boolean {
  const { text, line } = ml;
  if (text.length < 60) return false;
  const starts: { at: number; label: number }[] = [];
  for (let k = 0; k < text.length; k++) {
    if (k > 0 && !INLINE_LABEL_AFTER.has(text.charCodeAt(k - 1))) continue;
    let p = k;
    while (p < text.length && isJsSpace(text.charCodeAt(p))) p++;
    const colon = COLON_LABEL_RE.exec(text.slice(p, p + 32));
    const label = colon?.[1];
    if (!label || META_LABEL_RE.test(label) || ANNOUNCING_LABEL_RE.test(label) || NOT_A_NAME_RE.test(label)) continue;
    starts.push({ at: p, label: label.length });
    k = p + label.length;
  }
  if (starts.length < 3) return false;
  const ends = starts.map(({ at }, n) => {
    let end = starts[n + 1]?.at ?? text.length;
    while (end > at && isJsSpace(text.charCodeAt(end - 1))) end--;
    return end;
  });
  // Each label's description is a sentence: 主管领导: ⏎ 刘东 run on are a table's cells, not a list.
  const sentences = starts.every(({ at, label }, n) => {
    const last = text.charCodeAt((ends[n] as number) - 1);
    return (ends[n] as number) - at - label >= 8 && INLINE_LABEL_AFTER.has(last) && last !== 0x3a;
  });
  if (!sentences) return false;
  starts.forEach(({ at, label }, n) => {
    found.push({ number: '', ordinal: 0, section: null, span: [line.trimStart + at, line.trimStart + (ends[n] as number)], bodyStart: line.trimStart + at, value: null, kind: null, label: true, titleEnd: line.trimStart + at + label });
  });
  return true;
}

/** 具体如下:, 分别是: what announces a list run on after it. */
const ANNOUNCES_RE = /(?:如下|分别是|分别为|包括)[::]/;
/** The count a list is announced with: 十件民生实事, 以下5项. */
const COUNT_RE = /([0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:件|项|个|大)/;
/** Fewest clauses of a list whose count is not announced, and the shortest clause. */
const MIN_CLAUSES = 4;
const MIN_CLAUSE = 6;

/**
 * 十件民生实事具体如下:A;B;C;…。: a news page that runs the plan's list on after an announcing colon,
 * its tasks separated by semicolons. Each clause is a task with the empty number, when there are
 * as many as the text announces (十件), or four or more when it announces no count.
 */
function announcedList(src: SourceText, lines: MarkedLine[], items: RawItem[]): void {
  lines: for (const { line, text } of lines) {
    const m = ANNOUNCES_RE.exec(text);
    if (!m) continue;
    const from = m.index + m[0].length;
    const clauses: [number, number][] = [];
    let a = from;
    for (let k = from; k <= text.length; k++) {
      if (k < text.length && text.charCodeAt(k) !== 0x3b) continue;
      let b = k;
      if (k === text.length && text.charCodeAt(b - 1) === 0x3002) b--;
      if (b - a < MIN_CLAUSE || text.slice(a, b).includes('。')) continue lines;
      clauses.push([a, b]);
      a = k + 1;
    }
    const count = COUNT_RE.exec(text.slice(0, m.index));
    const announced = count ? (/[0-9]/.test(count[1] ?? '') ? Number(count[1]) : chineseToNumber(count[1] ?? '')) : null;
    if (announced !== null ? announced !== clauses.length : clauses.length < MIN_CLAUSES) continue;
    for (const [x, y] of clauses) {
      items.push({ number: '', ordinal: items.length + 1, section: null, span: [line.trimStart + x, line.trimStart + y], bodyStart: line.trimStart + x, value: null, kind: null, label: true });
    }
    return;
  }
}

/** A first sentence longer than this makes a poor title. */
const LONG_TITLE = 40;

function firstSentenceLength(norm: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x3002 || c === 0x3b || c === 0x0a) return i - from;
  }
  return to - from;
}

/**
 * Decide which numbering level holds sections and which holds items. A level is a heading
 * level when most of its lines are directly followed by a lower level and it states no more
 * responsibilities than that lower level: (一) headings over 1. tasks in a national
 * task-division document, as opposed to (一) items with 1. sub-points in a provincial plan.
 */
function chooseLevels(
  src: SourceText,
  lines: MarkedLine[],
): { sectionKind: MarkerKind | null; itemKind: MarkerKind | null } {
  /**
   * bulletBlocks: blocks of the level holding a ——bullet line that states a responsibility;
   * paragraphBlocks: blocks whose numbered line states none while two or more unnumbered lines
   * under it close with their own responsibility bracket.
   */
  /** trailing: blocks whose responsibility is stated by a label line after their sub-points. */
  interface Stat { count: number; content: number; parentLike: number; cue: number; headingLike: number; bulletBlocks: number; paragraphBlocks: number; colon: number; trailing: number }
  const stats = new Map<MarkerKind, Stat>();
  /** Per level, how often each field label opens its lines (协商形式:, 时间安排:). */
  const fieldLabels = new Map<MarkerKind, Map<string, number>>();
  let block: Stat | null = null;
  let blockCue = false;
  let blockBullet = false;
  let blockOwnCue = false;
  let blockBracketLines = 0;
  // 1.推进甲。(1)… (2)… 责任单位:X — a label line right after a run of sub-points is its parent's.
  let parent: Stat | null = null;
  let parentCue = false;
  let lastKind: MarkerKind | null = null;
  let run = 0;
  const flush = (): void => {
    if (block && blockCue) block.cue++;
    if (block && blockBullet) block.bulletBlocks++;
    if (block && !blockOwnCue && blockBracketLines >= 2) block.paragraphBlocks++;
    blockBullet = false;
    blockBracketLines = 0;
    if (parent && parentCue) {
      parent.cue++;
      parent.trailing++;
    }
    blockCue = false;
    parentCue = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const ml = lines[i];
    if (!ml) continue;
    const { marker, text, line } = ml;
    if (!marker) {
      if (cueOf(ml)) {
        if (run >= 2 && parent && LABEL_LINE_RE.test(text)) parentCue = true;
        else blockCue = true;
        if (BULLET_RE.test(text)) blockBullet = true;
        if (/[)〕】]\s*[。;]?$/.test(text)) blockBracketLines++;
      }
      run = 0;
      continue;
    }
    flush();
    const s = stats.get(marker.kind) ?? { count: 0, content: 0, parentLike: 0, cue: 0, headingLike: 0, bulletBlocks: 0, paragraphBlocks: 0, colon: 0, trailing: 0 };
    s.count++;
    const body = src.norm.slice(marker.bodyStart, line.trimEnd);
    if (body.endsWith(':')) s.colon++;
    const field = FIELD_LABEL_RE.exec(body);
    if (field?.[1]) {
      const labels = fieldLabels.get(marker.kind) ?? new Map<string, number>();
      labels.set(field[1], (labels.get(field[1]) ?? 0) + 1);
      fieldLabels.set(marker.kind, labels);
    }
    if (isHeadingLine(withoutResponsibilityBracket(body))) s.headingLike++;
    const stop = body.indexOf('。');
    const cue = cueOf(ml);
    if ((stop >= 0 && stop < body.length - 1) || cue || body.length > 60) s.content++;
    if (cue) blockCue = true;
    blockOwnCue = cue;
    // (一)持续做大做强增长引擎 ⏎ 补齐基础设施短板 ⏎ 12.…: an unnumbered title between a heading and
    // its first task does not hide the task below it.
    let n = i + 1;
    // (一)约束性指标 ⏎ 即《纲要》中要求务必完成的指标。… ⏎ 1、…: nor does a paragraph introducing them.
    while (n < lines.length && n <= i + 2 && !lines[n]?.marker && !cueOf(lines[n])) n++;
    const next = lines[n]?.marker;
    if (next && RANK[next.kind] > RANK[marker.kind]) s.parentLike++;
    stats.set(marker.kind, s);
    if (marker.kind === lastKind) run++;
    else {
      parent = lastKind !== null && RANK[lastKind] < RANK[marker.kind] ? (stats.get(lastKind) ?? null) : null;
      run = 1;
    }
    lastKind = marker.kind;
    block = s;
  }
  flush();
  const kinds = [...stats.keys()].sort((a, b) => RANK[a] - RANK[b]);
  if (kinds.length === 0) return { sectionKind: null, itemKind: null };
  const top = kinds[0];
  let sectionKind: MarkerKind | null = top === 'part' || top === 'cn' ? top : null;
  // ① marks sub-points inside a task, unless the level above it only introduces lists
  // ((1)年度主要任务与要求: ⏎ ①…;②…): then the ① points are the tasks.
  const aboveCirc = kinds[kinds.indexOf('circ') - 1];
  const circStat = stats.get('circ');
  const aboveStat = aboveCirc !== undefined ? stats.get(aboveCirc) : undefined;
  // (1)提高城镇居民收入 ⏎ ①靠就业带动增收…(牵头部门:X) ⏎ ②…: circled points that each state who is
  // responsible, under titles that state none, are the tasks too.
  const circTasks =
    aboveCirc !== undefined &&
    aboveCirc !== 'circ' &&
    ((aboveStat?.colon ?? 0) === aboveStat?.count || (!!circStat && !!aboveStat && circStat.cue * 2 >= circStat.count && aboveStat.cue === 0));
  // 一、围绕…开展协商 ⏎ (一)协商形式:… (二)时间安排:… (三)参加人员:… (四)组织实施:…责任部门:X: a level
  // whose every line opens with a field's label, the same labels under each heading, holds the fields
  // of the task above it, not tasks.
  const isFieldLevel = (k: MarkerKind): boolean => {
    const labels = fieldLabels.get(k);
    const count = stats.get(k)?.count ?? 0;
    if (!labels || count < FIELD_LEVEL_MIN) return false;
    // (1.项目名称:A ⏎ 2.项目名称:B: one label over every line names the tasks themselves.)
    let labelled = 0;
    for (const n of labels.values()) {
      if (n < 2) return false;
      labelled += n;
    }
    return labelled === count && labels.size >= 2 && labels.size * 2 <= count;
  };
  const candidates = kinds.filter((k) => (k !== 'circ' || circTasks) && (sectionKind === null || RANK[k] > RANK[sectionKind]) && !isFieldLevel(k));
  const isHeadingLevel = (k: MarkerKind, idx: number): boolean => {
    const s = stats.get(k);
    if (!s) return false;
    // 一、分工原则 (一)…(二)…(三)… then 二、… (一)约束性指标 ⏎ 1.… 责任单位:X ⏎ 2.…: a level that heads a
    // deeper one somewhere, whose own lines state few units where the deeper ones state many, heads
    // the tasks even where most of its lines head nothing (principles, requirements).
    const deeperCue = Math.max(0, ...candidates.slice(idx + 1).map((m) => stats.get(m)?.cue ?? 0));
    if (s.parentLike > 0 && deeperCue >= 3 && s.cue * 3 <= deeperCue && s.trailing === 0) return true;
    if (s.parentLike * 2 <= s.count) return false;
    // (一)抓好重大项目建设(牵头单位:X) over 1.全年实施项目150个。: every line of the level is a short
    // title (its responsibility bracket aside) and the level below states sentences: the titles
    // head the tasks, whose units they give.
    const below = stats.get(candidates[idx + 1] as MarkerKind);
    // (1.健全应急预案体系 ⏎ (1)…。(2)…。 ⏎ (责任单位:X) is not: the label line after the points is the title's.)
    if (s.headingLike === s.count && below && below.headingLike * 2 < below.count && s.trailing === 0) return true;
    // A level whose blocks close with a label line after their points wins a tie.
    return candidates.slice(idx + 1).some((m) => (stats.get(m)?.cue ?? 0) >= s.cue + (s.trailing > 0 ? 1 : 0));
  };
  let itemKind: MarkerKind | null = candidates.find((k, idx) => !isHeadingLevel(k, idx)) ?? null;
  if (!itemKind && candidates.length > 0) itemKind = candidates[candidates.length - 1] ?? null;
  // (一)推进农业转移人口市民化 over ——全面放开落户限制。市公安局负责。: short titles, no numbered
  // line under any of them, and ——task lines stating who is responsible: the titles head the
  // tasks, which are the unnumbered bullet lines.
  const last = itemKind ? stats.get(itemKind) : undefined;
  // The same for (一)要让经济稳定健康发展,必须…。 over paragraphs each closing with its own bracket
  // ((省发展改革委、省财政厅等负责)): the paragraphs are the tasks.
  if (
    itemKind &&
    itemKind === candidates[candidates.length - 1] &&
    last &&
    last.parentLike === 0 &&
    ((last.headingLike === last.count && last.bulletBlocks * 2 >= last.count) || last.paragraphBlocks * 2 >= last.count)
  ) {
    itemKind = null;
  }
  const sectionStat = sectionKind ? stats.get(sectionKind) : undefined;
  if (!itemKind && sectionKind && sectionStat && (sectionStat.content * 2 >= sectionStat.count || kinds.some(isFieldLevel))) {
    // Bare 一、 tasks with no deeper numbering: they are the items.
    itemKind = sectionKind;
    sectionKind = null;
  }
  // ①新建基站300个。(…) under 一、 headings, with no other level: the circled numbers are the items
  // (elsewhere they number sub-points inside an item).
  if (!itemKind && stats.has('circ')) itemKind = 'circ';
  return { sectionKind, itemKind };
}

/** A field's label opening a numbered line: 协商形式:, 时间安排:, 参加人员: (a short word and a colon). */
const FIELD_LABEL_RE = /^([\u4e00-\u9fff]{2,6}):/;
/** Fewest lines of a level read as fields: two tasks' worth at least. */
const FIELD_LEVEL_MIN = 4;

function headingTitle(src: SourceText, from: number, to: number): string {
  const body = src.norm.slice(from, to);
  let end = body.length;
  const stop = body.search(/[。::]/);
  if (stop >= 0) end = stop;
  return unwrapped(src.original.slice(from, from + end).trim());
}

/** A short line just before a standalone date closes the plan: it is the issuer's signature. */
function isSignatureBeforeDate(lines: MarkedLine[], i: number): boolean {
  const next = lines[i + 1];
  const cur = lines[i];
  if (!next || !cur || cur.marker) return false;
  return DATE_RE.test(next.text) && cur.text.length <= 40 && !/[。;,:]/.test(cur.text);
}

function findTitle(
  src: SourceText,
  lines: MarkedLine[],
  firstHeading: number,
): { title: string; titleSpan: Span | null } {
  for (let i = Math.min(firstHeading, lines.length) - 1; i >= 0; i--) {
    const ml = lines[i];
    if (!ml || ml.marker) continue;
    const t = ml.text;
    if (t.length < 4 || t.length > 80) continue;
    if (/[。;:,]$/.test(t) || DATE_RE.test(t) || /^附件/.test(t) || /^\(.*\)$/.test(t)) continue;
    if (/^.{0,30}关于.*的(函|通知)$/.test(t)) continue;
    return { title: unwrapped(src.original.slice(ml.line.trimStart, ml.line.trimEnd)), titleSpan: [ml.line.trimStart, ml.line.trimEnd] };
  }
  return { title: '', titleSpan: null };
}
