/**
 * parsePlan: policy text → sections, items, responsible units, targets and the cover
 * letter, each fact with its span in the text. Pure and synchronous; linear in the size
 * of the text apart from bounded look-arounds.
 */
import { findLetter } from './letter.js';
import { joinBrokenDuties, joinWrapped, joinWrappedCells, openBracketAt, unwrapped } from './wrapped.js';
import { joinPageMarkers } from './page-markers.js';
import { chineseToNumber } from './numerals.js';
import { detectJurisdiction, applyJurisdiction } from './jurisdiction.js';
import { ASK_VERBS, entry, findActors, findAskedUnits, findDutySentence, findLedBy, findRoleSentence, findStated, findTrailingUnits, findUnitListBracket, leadMarked, parseClause, STANDING_RE, type ResponsibilityContext } from './responsibility.js';
import { parseStructure, type RawHeading, type Structure } from './structure.js';
import { findFlatTable } from './flat-table.js';
import { fromLayout, layoutTable } from './layout-table.js';
import { cellRole, deadlineLike, findGluedTable, findTable, isUnitKind, moreTables, unitsCell, type Table, type TableCell, type TableRow } from './table.js';
import { splitRunOn } from './run-on.js';
import { boxTables, withBoxTables } from './box-table.js';
import { withoutReadings, withReadings } from './readings.js';
import { readSchedule } from './schedule.js';
import { cellReference, resolveReferences, trailingReference, type PendingReference } from './references.js';
import { findTargets, type TargetContext } from './targets.js';
import { endsLikeUnit, isCollective, looksLikeUnit, splitNames, unitList, type NamePiece } from './units.js';
import { warning } from './warnings.js';
import { markerIn, mayStartMarker } from './markers.js';
import { CodeSet, codesOf, cutStarts, firstAtOrAfter, fitted, holdsCode, isCjk, isDigitCode, isJsSpace, makeSource, NextBreak, NO_NAMES, normalise, ownCopy, strongEnd, withoutStrongMarks, type SourceText } from './text.js';
import type { Clause, Frequency, ParsedItem, ParsedPlan, ParseWarning, Responsible, Schedule, Target } from '../model/plan.js';
import type { Span } from '../model/span.js';
import type { UnitMatch, UnitResolver } from '../model/unit-resolver.js';

export interface ParseOptions {
  /** The organisation registry to resolve names against: the caller chooses it (Hunan's, a city's, a test's). */
  resolver: UnitResolver;
}

/**
 * Of a table read line by line and the same text read as a flattened table, the one naming more
 * units in cells of their own: a flattened table whose group rows (一、生态环境) run-on cutting put on lines of
 * their own may also read, badly, as rows of spaced cells.
 */
function betterTable(src: SourceText, lined: Table | null, flat: Table | null): Table | null {
  if (!lined || !flat) return lined ?? flat;
  // (Units in cells of their own: a cell carried down from the row above counts once.)
  const named = (t: Table): number => new Set(t.rows.flatMap((r) => r.cells.filter((c) => isUnitKind(c.kind) && c.span[1] > c.span[0] && unitsCell(src, c.span)).map((c) => c.span[0]))).size;
  return named(flat) > named(lined) ? flat : lined;
}

export function parsePlan(text: string, options: ParseOptions): ParsedPlan {
  // ┌─┬─┐ │ ├─┼─┤: a table drawn with box characters is read as tab-separated rows (box-table.ts).
  const boxed = boxTables(text);
  return boxed ? withBoxTables(parseUnboxed(boxed.text, options), text, boxed) : parseUnboxed(text, options);
}

function parseUnboxed(text: string, options: ParseOptions): ParsedPlan {
  // 責(zé)任單(dān)位: a text printed with pinyin readings is read without them (readings.ts).
  const stripped = withoutReadings(text);
  return stripped ? withReadings(parseText(stripped.text, options), text, stripped) : parseText(text, options);
}

function parseText(text: string, options: ParseOptions): ParsedPlan {
  // A table laid out with spaces whose cells wrap over lines: parsed as tab-separated rows (layout-table.ts).
  // (All of them at once: the text rewritten is not looked at again.)
  const laid = layoutTable(text);
  if (laid) return fromLayout(parseLaidOut(laid.text, options), laid);
  return parseLaidOut(text, options);
}

function parseLaidOut(text: string, options: ParseOptions): ParsedPlan {
  const src = joinBrokenDuties(joinPageMarkers(joinWrappedCells(joinWrapped(makeSource(text)))));
  src.lines = splitRunOn(src);
  const resolver = cachedResolver(options.resolver);
  const warnings: ParseWarning[] = [];
  const { letter, planFromLine } = findLetter(src);
  const lined = findTable(src, planFromLine, src.lines.length);
  const table = betterTable(src, lined ?? findGluedTable(src, src.lines[planFromLine]?.start ?? 0), findFlatTable(src, planFromLine));
  // 重点任务 then 主要指标, one sheet after another: each table under its own header.
  const tables = table ? [table, ...(table === lined ? moreTables(src, table, src.lines.length) : [])] : [];
  const structure = parseStructure(src, planFromLine, table ? table.headerLine : src.lines.length);
  // A document that is one division table has its structure in the table, not above it.
  for (const w of structure.warnings) if (!(table && w.code === 'no_structure')) warnings.push(w);

  let title = structure.title;
  if (!title && letter?.title) {
    const quoted = /《([^》]{2,100})》/.exec(letter.title);
    if (quoted?.[1]) title = quoted[1];
  }
  if (!title) warnings.push(warning('title_missing', {}, [0, 0]));
  const planYear = yearOf(title) ?? (letter?.date ? Number(letter.date.slice(0, 4)) : null);

  const ctx: ResponsibilityContext = { src, resolver, warnings, raws: new Map() };
  const progressAt = offsetsOf(src.norm, '情况:');
  const items: ParsedItem[] = [];
  // Items whose units are given by reference (同上, 与“…”分工相同), resolved once every item is read.
  const references: PendingReference[] = [];
  const headingCarry: { rank: number; entries: Responsible[] }[] = [];
  // Units a heading names as leading every task under it: (一)省监察厅牵头的工作, 二、县发改局(8项).
  const headingLeads: LeadGroup[] = [];
  let ditto: { section: number | null; entries: Responsible[] } | null = null;
  /** The marker kind of the last item that headed unnumbered task lines (see unnumberedTasks), else null. */
  let headsLines: string | null = null;
  // Units named by 以下…不再列出 rules, once each by name.
  const standing: Responsible[] = [];
  const standingNames = new Set<string>();
  const addStanding = (entries: Responsible[]): void => {
    for (const r of entries) {
      if (standingNames.has(r.raw) || standing.length >= MAX_CARRIED) continue;
      standingNames.add(r.raw);
      standing.push(r);
    }
  };
  addStanding(preambleStanding(ctx, structure, planFromLine));
  // Copies of carried units in the whole plan: a hostile text cannot make the output explode.
  let carriedBudget = MAX_CARRIED_TOTAL;
  // 领域 ⏎ 主要目标 ⏎ 主要责任单位 ⏎ 责任单位 above the goals: a table flattened one cell per line,
  // whose unit cells stand one name a line in each goal's body.
  const unitCells = !table && unitColumnAbove(src, planFromLine, structure.items[0]?.span[0] ?? 0);
  let h = 0;
  const headings: RawHeading[] = structure.headings;
  const cuts = cutStarts(src.norm, src.lines);
  const breaks = new NextBreak(src.norm, cuts);
  let textEnd = src.norm.length;
  while (textEnd > 0 && isJsSpace(src.norm.charCodeAt(textEnd - 1))) textEnd--;

  for (const raw of structure.items) {
    while (h < headings.length && (headings[h]?.itemsBefore ?? Infinity) < raw.ordinal) {
      const heading = headings[h++];
      if (!heading) continue;
      while (headingCarry.length > 0 && (headingCarry[headingCarry.length - 1]?.rank ?? -1) >= heading.rank) headingCarry.pop();
      if (heading.isSection) ditto = null;
      const stated = findStated(ctx, heading.bodyStart, heading.span[1]);
      if (stated && stated.entries.length > 0) headingCarry.push({ rank: heading.rank, entries: stated.entries });
      if (stated) addStanding(stated.standing);
      while (headingLeads.length > 0 && (headingLeads[headingLeads.length - 1]?.rank ?? -1) >= heading.rank) shareLastLabel(items, headingLeads.pop(), warnings);
      const leads = stated ? [] : headingLeadUnits(ctx, heading.bodyStart, heading.span[1], true);
      if (leads.length > 0) headingLeads.push({ rank: heading.rank, entries: leads, items: [], labelled: [] });
    }
    // 1. 约束性指标的责任部门, then one line per task, each with its own bracket: the numbered line
    // heads the tasks (a sub-section), each task is an item without a number.
    // 2.预期性指标的责任部门 ⏎ one task line: a heading like the one before it, whose task lines were
    // items of their own, heads its single line too.
    const parts: TaskPiece[] | null = unnumberedTasks(src, breaks, raw.bodyStart, raw.span[1], headsLines === raw.kind) ?? tasksUnderLead(ctx, breaks, raw.bodyStart, raw.span[1]);
    headsLines = parts && parts.length > 0 && parts.every((p) => p.number === '') ? raw.kind : null;
    const pieces: TaskPiece[] = parts ?? [{ number: raw.number, span: raw.span, bodyStart: raw.bodyStart }];
    for (const piece of pieces) {
      const [start, end] = piece.span;
      let bodyStart = piece.bodyStart;
      while (bodyStart < end && isJsSpace(src.norm.charCodeAt(bodyStart))) bodyStart++;

      const ordinal = items.length + 1;
      let responsible: Responsible[] = [];
      /** Where the duty after a unit's name and colon starts (市发改委:负责…), the title's start; -1 for none. */
      let dutyStart = -1;
      let stated = findStated(ctx, bodyStart, end);
      if ((!stated || stated.entries.length === 0) && piece.shared) stated = findStated(ctx, piece.shared[0], piece.shared[1]);
      const reference = stated && stated.entries.length > 0 ? null : trailingReference(src.norm, src.original, bodyStart, end);
      if (stated && stated.entries.length > 0) {
        responsible = sameAsAbove(src, stated.entries, items, warnings, ordinal);
        if (stated.ditto) ditto = { section: raw.section, entries: stated.entries };
      } else if (reference) {
        references.push({ index: items.length, reference });
      } else {
        let ledBy = findLedBy(ctx, bodyStart, end);
        if (ledBy.length > 0) {
          // 省级部门要…自查。…由X、Y等牵头…: the subjects of the item's other sentences act too.
          const named = new Set(ledBy.map((r) => r.raw));
          for (const r of actorsOf(ctx, bodyStart, parts === null ? raw.titleEnd : undefined, end)) if (!named.has(r.raw) && !ledBy.some((l) => l.span[0] <= r.span[0] && r.span[1] <= l.span[1])) ledBy.push(r);
        }
        if (ledBy.length === 0) ledBy = findDutySentence(ctx, bodyStart, end);
        if (ledBy.length === 0) ledBy = findUnitListBracket(ctx, bodyStart, end);
        if (ledBy.length === 0) ledBy = findTrailingUnits(ctx, bodyStart, end);
        if (ledBy.length === 0) ledBy = findRoleSentence(ctx, bodyStart, end);
        if (ledBy.length === 0 && unitCells) ledBy = unitLines(ctx, bodyStart, end);
        if (ledBy.length === 0) {
          ledBy = unitBeforeColon(ctx, bodyStart, end);
          if (ledBy.length > 0) dutyStart = src.norm.indexOf(':', bodyStart) + 1;
        }
        const carried = ditto?.entries ?? headingCarry[headingCarry.length - 1]?.entries;
        if (ledBy.length > 0) responsible = ledBy;
        else if (carried && carriedBudget > 0) {
          responsible = carried.slice(0, Math.min(MAX_CARRIED, carriedBudget)).map(copyEntry);
          carriedBudget -= responsible.length;
          warnings.push(warning('responsibility_carried', { item: ordinal }, [start, end]));
          if (carriedBudget <= 0) {
            warnings.push(warning('responsibility_carried', { item: ordinal, reason: 'limit' }, [start, end]));
          }
        }
        else {
          // 请X务必…: units asked to act (directives, minutes), else the subjects of the task's sentences.
          responsible = findAskedUnits(ctx, bodyStart, end);
          if (responsible.length === 0) responsible = actorsOf(ctx, bodyStart, parts === null ? raw.titleEnd : undefined, end);
        }
      }
      for (const s of standing) {
        if (carriedBudget <= 0) break;
        if (!hasRaw(responsible, s.raw)) {
          responsible.push(copyEntry(s));
          carriedBudget--;
        }
      }
      if (stated) addStanding(stated.standing);
      // (一)省监察厅牵头的工作 ⏎ 加强行政监察工作…。: the item's own first line names its lead, and
      // the task (its title) is the line after it.
      let titleStart = dutyStart > bodyStart ? dutyStart : bodyStart;
      const lineEnd = Math.min(end, breaks.after(bodyStart));
      const ownLead = lineEnd < end ? headingLeadUnits(ctx, bodyStart, lineEnd) : [];
      if (ownLead.length > 0) {
        titleStart = lineEnd;
        while (titleStart < end && isJsSpace(src.norm.charCodeAt(titleStart))) titleStart++;
      }
      const group = piece.lead || ownLead.length > 0 ? undefined : headingLeads[headingLeads.length - 1];
      // 一、推进重大项目建设(牵头单位:县发改局) ⏎ (二)争取…。(配合单位:县财政局): an item naming only who
      // cooperates is led by the lead its heading's label names.
      const labelledLead = headingCarry[headingCarry.length - 1]?.entries.filter((r) => r.role === 'lead');
      const headingLead = piece.lead ?? (ownLead.length > 0 ? ownLead : (group?.entries ?? (responsible.length > 0 && labelledLead?.length ? labelledLead : undefined)));
      if (headingLead && !responsible.some((r) => r.role === 'lead')) {
        const named = new Set(responsible.map((r) => r.raw));
        responsible = [...headingLead.filter((r) => !named.has(r.raw)).map(copyEntry), ...responsible];
      }
      // 牵头单位:X。 ⏎ 责任单位:X、Y、Z: a unit named again in the same item keeps its first role.
      responsible = withoutRepeats(responsible);
      if (end >= textEnd) responsible = withoutCutOff(responsible, textEnd);
      // A figure inside a responsible name (8个重点行业主管部门) is no target.
      // 实际完成情况:已完成55% run on after the task's labels: a report on it, no figure to reach.
      const targetsEnd = progressLabelIn(src.norm, progressAt, bodyStart, end);
      const targets = outsideNames(findTargets({ src, resolver, warnings, planYear, floor: bodyStart }, bodyStart, targetsEnd), responsible);
      // 一、分工原则 (一)…(二)…: under a heading of principles or requirements, a numbered paragraph
      // that names no unit and sets no target is a principle, not a task.
      if (responsible.length === 0 && !reference && targets.length === 0 && PRINCIPLES_RE.test(sectionTitle(structure, raw.section))) continue;
      // 三、工作要求。各单位要高度重视…: a point titled as a plan's frame (工作要求, 保障措施) whose only actors
      // are every unit of a kind asks all of them, and is no task.
      if (targets.length === 0 && !reference && responsible.every((r) => r.role === 'localities') && FRAME_TITLE_RE.test(src.norm.slice(bodyStart, Math.min(end, bodyStart + 8)))) continue;
      // 一、孟学农省长负责的工作 ⏎ 全面负责推动…: an unnumbered line that names no unit and sets no
      // target (a leader's remit) is no task.
      if (piece.number === '' && raw.kind === null && !raw.label && responsible.length === 0 && !reference && targets.length === 0) continue;
      if (responsible.length === 0 && !reference) {
        warnings.push(warning('responsibility_missing', { item: ordinal }, [start, end]));
      }

      if (group) {
        group.items.push(items.length);
        if (stated && stated.entries.length > 0 && endsWithLabelLine(src.norm, bodyStart, end)) group.labelled.push(items.length);
      }
      const schedule = statedSchedule(src, bodyStart, end, planYear);
      items.push({
        number: piece.number,
        ordinal,
        section: raw.section,
        title: itemTitle(src, titleStart, parts === null && raw.titleEnd !== undefined ? raw.titleEnd : Math.min(end, nextCut(src.norm, cuts, titleStart))),
        text: src.original.slice(bodyStart, end),
        span: [start, end],
        responsible: fitted(responsible),
        targets: fitted(targets),
        clauses: fitted(clausesOf(src, bodyStart, end)),
        ...(schedule && { schedule }),
      });
    }
  }
  while (headingLeads.length > 0) shareLastLabel(items, headingLeads.pop(), warnings);
  const section = structure.sections.length > 0 ? structure.sections.length : null;
  for (const t of tables) for (const item of tableItems(ctx, t, items.length, section, planYear, references)) items.push(item);
  applyGroupDuties(ctx, items);
  resolveReferences(items, references, (item) => normalise(item.title), warnings);

  applyJurisdiction(detectJurisdiction(title, letter, items, resolver, text.slice(0, HEAD_CHARS)), items, resolver, warnings);

  warnings.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  // ## 一、…, **推进…**: a markdown text's titles are read without its strong marks.
  const plain = src.markdown ? withoutStrongMarks : (t: string): string => t;
  if (src.markdown) for (const item of items) item.title = plain(item.title);
  return {
    title: title && plain(title),
    letter,
    sections: structure.sections.map((s) => ({ number: s.number, ordinal: s.ordinal, title: plain(s.title), span: s.span })),
    items,
    warnings,
  };
}

/**
 * 上列4项目标,责任单位都是市发展改革委。 / 此项目标责任单位是市经委。: a sentence after a group of
 * indicator lines names the units of the last N of them (of the one before it for 此项/该项).
 * It is no target itself (4项 counts the lines).
 */
const GROUP_DUTY_RE =
  /(?:(?:上列|上述|以上|上面)([0-9一二三四五六七八九十两]{1,3})项(?:目标|指标|任务)?|(?:此|该|本)项?(?:目标|指标|任务))(?:的)?,?(?:责任单位|责任部门|牵头单位)(?:都|均)?(?:是|为)([^。;\n]{2,120})/;

function applyGroupDuties(ctx: ResponsibilityContext, items: ParsedItem[]): void {
  const { norm } = ctx.src;
  const given = new Set<number>();
  items.forEach((item, k) => {
    const [s, e] = item.span;
    // The sentence closes a line that names no unit of its own: most items name theirs.
    if (item.responsible.length > 0 || e - s < 8 || !holdsDutyWord(norm, s, e)) return;
    const m = GROUP_DUTY_RE.exec(norm.slice(s, e));
    if (!m || m[2] === undefined) return;
    const count = m[1] === undefined ? 1 : (chineseToNumber(m[1]) ?? Number(m[1]));
    if (!Number.isFinite(count) || count < 1 || count > k + 1) return;
    const at = s + m.index;
    const namesAt = at + m[0].length - m[2].length;
    const names = splitNames(norm, namesAt, namesAt + m[2].length);
    if (names.length === 0 || !names.every((p) => looksLikeUnit(p.name) || isCollective(p.name))) return;
    const sentenceEnd = at + m[0].length;
    item.targets = fitted(item.targets.filter((t) => t.span[1] <= at || t.span[0] >= sentenceEnd));
    for (let j = k - count + 1; j <= k; j++) {
      const target = items[j];
      if (!target || target.responsible.length > 0) continue;
      let leadTaken = false;
      target.responsible = names.map((p) => {
        const role = isCollective(p.name) ? 'localities' : leadTaken ? 'cooperate' : 'lead';
        if (role === 'lead') leadTaken = true;
        return entry(ctx, p, role);
      });
      given.add(target.ordinal);
    }
  });
  if (given.size === 0) return;
  // The items given units warned that they had none: those warnings go.
  const kept = ctx.warnings.filter((w) => !(w.code === 'responsibility_missing' && given.has((w.params as { item?: number } | undefined)?.item ?? -1)));
  ctx.warnings.length = 0;
  for (const w of kept) ctx.warnings.push(w);
}

/** Whether [s, e) holds 责任 (责任单位, 责任部门) or 牵头: most items do not, and are not searched. */
function holdsDutyWord(norm: string, s: number, e: number): boolean {
  for (let i = s; i + 1 < e; i++) {
    const c = norm.charCodeAt(i);
    if ((c === 0x8d23 && norm.charCodeAt(i + 1) === 0x4efb) || (c === 0x7275 && norm.charCodeAt(i + 1) === 0x5934)) return true;
  }
  return false;
}

/** A heading that names the lead of the tasks under it, and those tasks (indices into the items). */
interface LeadGroup {
  rank: number;
  entries: Responsible[];
  items: number[];
  /** Items among them whose text ends with a label line of their own (协同单位:…). */
  labelled: number[];
}

/**
 * (一)省编办牵头的工作 ⏎ 1.… ⏎ 2.… ⏎ 协同单位:…: when only the last task under a lead heading ends
 * with a label line, the tasks before it share that label's units.
 */
function shareLastLabel(items: ParsedItem[], group: LeadGroup | undefined, warnings: ParseWarning[]): void {
  if (!group || group.items.length < 2 || group.labelled.length !== 1) return;
  const last = group.items[group.items.length - 1] ?? -1;
  if (group.labelled[0] !== last) return;
  const leads = new Set(group.entries.map((r) => r.raw));
  const shared = (items[last]?.responsible ?? []).filter((r) => !leads.has(r.raw));
  if (shared.length === 0) return;
  for (const k of group.items) {
    const item = items[k];
    if (!item || k === last || item.responsible.some((r) => !leads.has(r.raw))) continue;
    item.responsible = [...item.responsible, ...shared.map(copyEntry)];
    warnings.push(warning('responsibility_carried', { item: item.ordinal }, item.span));
  }
}

/** Whether [s, e)'s last line is a label line (协同单位:省财政厅…). */
function endsWithLabelLine(norm: string, s: number, e: number): boolean {
  let a = e;
  while (a > s && norm.charCodeAt(a - 1) !== 0x0a && norm.charCodeAt(a - 1) !== 0x0d) a--;
  if (a <= s) return false;
  while (a < e && isJsSpace(norm.charCodeAt(a))) a++;
  return TASK_LABEL_RE.test(norm.slice(a, Math.min(e, a + 10)));
}

/** 市发改委:负责统筹协调…: a unit's name, a colon, then its duty. */
const UNIT_COLON_RE = /^([^\s:,。;、()]{2,20}):\s*(?:负责|牵头|承担|主抓|抓好|做好)/;

/**
 * 1.市发改委:负责统筹协调,牵头制定年度计划。: a list of who does what, each point opening with a unit's
 * name before a colon and its duty after it. The unit leads (a collective, 各区政府, is localities).
 */
function unitBeforeColon(ctx: ResponsibilityContext, s: number, e: number): Responsible[] {
  const head = ctx.src.norm.slice(s, Math.min(e, s + 64));
  const m = UNIT_COLON_RE.exec(head);
  const name = m?.[1];
  if (name && (looksLikeUnit(name) || ctx.resolver.resolve(name) !== null)) {
    const piece = splitNames(ctx.src.norm, s, s + name.length);
    if (piece.length === 1) return piece.map((p) => entry(ctx, p, isCollective(p.name) ? 'localities' : 'lead'));
  }
  // 1.县发改局:推进重大项目建设…, 3.县人社局、县财政局:稳定就业…: names that are all units' before the
  // colon, whatever the duty opens with; the first leads, the others cooperate.
  const names = UNITS_COLON_RE.exec(head)?.[1];
  if (!names) return [];
  const pieces = splitNames(ctx.src.norm, s, s + names.length);
  if (pieces.length === 0 || !pieces.every((p) => looksLikeUnit(p.name))) return [];
  return pieces.map((p, k) => entry(ctx, p, isCollective(p.name) ? 'localities' : k === 0 ? 'lead' : 'cooperate'));
}

/** 县发改局:, 县人社局、县财政局: — names before a colon that opens the point's task. */
const UNITS_COLON_RE = /^([^\s:,。;()]{2,60}):\s*[\u4e00-\u9fff]/;

/** 主要责任单位, 牵头单位, 责任部门 alone on a line (bars a page left around it aside): a unit column's header cell. */
const UNIT_HEADER_LINE_RE = /^\|?\s*(?:主要)?(?:责任|牵头|配合|承办|负责|协办|参与)(?:单位|部门)\s*\|?$/;
/** Lines looked at above the first item for a unit column's header cell. */
const MAX_HEADER_LINES = 60;

/** Whether a unit column's header cell stands alone on a line between the plan's start and `before`. */
function unitColumnAbove(src: SourceText, fromLine: number, before: number): boolean {
  const { lines, norm } = src;
  for (let i = fromLine, seen = 0; i < lines.length && seen < MAX_HEADER_LINES; i++) {
    const line = lines[i];
    if (!line || line.start >= before) break;
    if (line.trimEnd <= line.trimStart) continue;
    seen++;
    if (line.trimEnd - line.trimStart <= 10 && UNIT_HEADER_LINE_RE.test(norm.slice(line.trimStart, line.trimEnd))) return true;
  }
  return false;
}

/** A line holding only names: Han characters, maybe a bracket or a 、 between names. */
const NAME_LINE_RE = /^[\u4e00-\u9fff()、]{2,40}$/;
/** 2021年3月1日 after a name: a signature and its date, not a unit cell. */
const DATE_LINE_RE = /^[0-9〇零一二三四五六七八九十]{2,4}年[0-9一二三四五六七八九十]{1,2}月/;

/**
 * 1.孕产妇的医疗保健得到加强。 ⏎ ——…15/10万。 ⏎ 省卫生厅 ⏎ 省人口计生 ⏎ 省公安厅: in a table flattened one
 * cell per line, the unit cells after a goal (and after each group of its target lines) stand one name
 * a line. A run of lines holding only names, one of them at least a unit's, names the item's units:
 * the first leads, the others cooperate (a unit named again keeps its first role). Names without a
 * unit's ending (人口计生) count inside such a run. The item's own first line is not looked at.
 */
function unitLines(ctx: ResponsibilityContext, s: number, e: number): Responsible[] {
  const { src } = ctx;
  const { norm } = src;
  const out: Responsible[] = [];
  let run: Span[] = [];
  let named = false;
  const flush = (next: string): void => {
    if (named && !DATE_LINE_RE.test(next)) {
      for (const [a, b] of run) for (const piece of splitNames(norm, a, b)) out.push(entry(ctx, piece, out.length === 0 ? 'lead' : 'cooperate'));
    }
    run = [];
    named = false;
  };
  for (let at = norm.indexOf('\n', s); at >= 0 && at < e; ) {
    let a = at + 1;
    let b = norm.indexOf('\n', a);
    if (b < 0 || b > e) b = e;
    at = b < e ? b : -1;
    while (a < b && isJsSpace(norm.charCodeAt(a))) a++;
    while (b > a && isJsSpace(norm.charCodeAt(b - 1))) b--;
    if (a === b) continue;
    const text = norm.slice(a, b);
    if (NAME_LINE_RE.test(text)) {
      run.push([a, b]);
      if (unitsCell(src, [a, b])) named = true;
    } else flush(text);
    if (out.length >= MAX_CARRIED) break;
  }
  flush('');
  return out;
}

/** 工作要求, 保障措施, 组织领导: a plan's frame as a point's whole title (a full stop, a colon or the line's end after it). */
const FRAME_TITLE_RE = /^(?:工作要求|有关要求|总体要求|保障措施|组织保障|工作保障|加强组织领导|组织领导|工作机制|其他事项|其他)(?:[。:\n]|$)/;
/** Headings of a plan's principles and requirements, whose paragraphs are no tasks. */
const PRINCIPLES_RE = /^(?:分工|基本|工作|主要|总体)?原则$|^(?:指导思想|总体要求|总体思路|工作要求|有关要求|基本要求)$/;

function sectionTitle(structure: Structure, section: number | null): string {
  if (section === null) return '';
  return (structure.sections[section - 1]?.title ?? '').replace(/[\s。.:]+$/, '');
}

/** Offsets of every `needle` in the text, in order (one pass over the text). */
function offsetsOf(norm: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = norm.indexOf(needle); i >= 0; i = norm.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

/** 完成情况:, 进展情况:, 实际完成情况: a progress label inside [s, e) after a space or a full stop: where the task's own text ends. */
const PROGRESS_LABEL_RE = /(?:实际完成|完成|进展|推进|落实|执行)$/;

function progressLabelIn(norm: string, at: number[], s: number, e: number): number {
  if (at.length === 0) return e;
  for (let k = firstAtOrAfter(at, s); k < at.length && (at[k] ?? e) < e; k++) {
    const p = at[k] as number;
    const m = PROGRESS_LABEL_RE.exec(norm.slice(Math.max(s, p - 4), p));
    if (!m) continue;
    const start = p - m[0].length;
    const before = norm.charCodeAt(start - 1);
    if (start > s && (isJsSpace(before) || before === 0x3002 || before === 0x3b)) return start;
  }
  return e;
}

/** A unit named again is the same raw name (国土房管局 and 规划局 both resolving to one successor stay two). */
function key(r: Responsible): string {
  return r.raw;
}

function withoutRepeats(list: Responsible[]): Responsible[] {
  if (list.length < 2) return list;
  // Most lists are short and repeat nothing: looked through before anything is allocated.
  let repeats = false;
  if (list.length <= 16) {
    for (let i = 1; i < list.length && !repeats; i++) for (let j = 0; j < i; j++) if (key(list[i] as Responsible) === key(list[j] as Responsible)) repeats = true;
    if (!repeats) return list;
  }
  const seen = new Set<string>();
  const out: Responsible[] = [];
  for (const r of list) {
    if (seen.has(key(r))) continue;
    seen.add(key(r));
    out.push(r);
  }
  return out.length === list.length ? list : out;
}

function outsideNames(targets: Target[], responsible: Responsible[]): Target[] {
  if (targets.length === 0 || responsible.length === 0) return targets;
  return targets.filter((t) => !responsible.some((r) => r.span[0] <= t.span[0] && t.span[1] <= r.span[1]));
}

/**
 * 以下各项任务均需各省级人民政府负责落实,不再列出 written in the plan's opening paragraphs, before
 * its first heading: the units it names are responsible for every item.
 */
function preambleStanding(ctx: ResponsibilityContext, structure: Structure, planFromLine: number): Responsible[] {
  const { src } = ctx;
  const { norm } = src;
  const from = structure.titleSpan?.[1] ?? src.lines[planFromLine]?.start ?? 0;
  const to = Math.min(structure.headings[0]?.span[0] ?? Infinity, structure.items[0]?.span[0] ?? Infinity, norm.length);
  const out: Responsible[] = [];
  for (let at = norm.indexOf('以下', from); at >= 0 && at < to; at = norm.indexOf('以下', at + 2)) {
    let end = at;
    while (end < to && end - at < 80) {
      const c = norm.charCodeAt(end);
      if (c === 0x3002 || c === 0x0a || c === 0x0d) break; // 。 \n \r
      end++;
    }
    const sentence = norm.slice(at, end);
    if (!sentence.includes('不再') || !STANDING_RE.test(sentence)) continue;
    const clause = parseClause(ctx, at, end);
    if (clause) for (const r of clause.standing) out.push(r);
  }
  return out;
}

/** How far into a document a document number (鄂政发〔2018〕26号) is looked for. */
const HEAD_CHARS = 2000;

/** At most this many units are carried from one clause to the items after it (下同, headings, 以下…不再列出). */
const MAX_CARRIED = 64;
const MAX_CARRIED_TOTAL = 200_000;

function hasRaw(list: Responsible[], raw: string): boolean {
  for (const r of list) if (r.raw === raw) return true;
  return false;
}

function copyEntry(r: Responsible): Responsible {
  return { raw: r.raw, unit: r.unit, role: r.role, expands: r.expands.length > 0 ? [...r.expands] : NO_NAMES, span: [r.span[0], r.span[1]] };
}

/**
 * 协办单位:同上, 【配合单位】同上 in an item's labels: the units of that role (the lead for a lead
 * label, the others for the others) of the nearest item above that has any stand where 同上 is
 * written: an item between them without a 配合 label does not break the reference.
 */
function sameAsAbove(src: SourceText, entries: Responsible[], items: ParsedItem[], warnings: ParseWarning[], item: number): Responsible[] {
  if (!entries.some((r) => isSameAsAbove(src, r))) return entries;
  const out: Responsible[] = [];
  for (const r of entries) {
    if (!isSameAsAbove(src, r)) {
      out.push(r);
      continue;
    }
    // The name was looked up as a unit: it is none.
    const at = warnings.findIndex((w) => w.code === 'unit_unknown' && w.span[0] === r.span[0] && w.span[1] === r.span[1]);
    if (at >= 0) warnings.splice(at, 1);
    const ofRole = (p: Responsible): boolean => (r.role === 'lead' ? p.role === 'lead' : p.role !== 'lead');
    let above: Responsible[] = [];
    for (let k = items.length - 1; k >= 0 && k >= items.length - MAX_SAME_AS_ABOVE && above.length === 0; k--) {
      above = (items[k]?.responsible ?? []).filter(ofRole);
    }
    if (above.length === 0) warnings.push(warning('responsibility_reference_unresolved', { item, reference: r.raw }, r.span));
    for (const p of above) if (!hasRaw(out, p.raw)) out.push(copyEntry(p));
  }
  return out;
}

/** How many items up 同上 looks for units of its role. */
const MAX_SAME_AS_ABOVE = 20;

function isSameAsAbove(src: SourceText, r: Responsible): boolean {
  return r.span[1] - r.span[0] === 2 && src.norm.startsWith('同上', r.span[0]);
}

/** ,由X牵头… · ,由X负责… · ,由X会同Y…: a clause after the task saying who carries it out. */
const BY_CLAUSE_RE = /^,由[^,。;]{2,40}?(?:牵头|负责|会同)/;
/** ,但后续仍请X及Y切实…: a clause asking units to act (findAskedUnits), after the matter it is about. */
const ASK_CLAUSE_RE = new RegExp(`,(?:但|而|后续|今后|仍|也|并|另|还|再|同时|因此|故){0,3}请[^,。;]{2,30}?(?:${ASK_VERBS})`);

const NAME_LABEL_RE = /^(?:项目名称|事项名称|实事名称|名称)\s*:\s*/;
/** 由X负责,Y、Z配合, opening a point: who does it, then the task (由 is checked before). */
const LEAD_CLAUSE_RE = /^由[^,。;:()]{2,60}?(?:负责|牵头|承办|主办)(?:,[^,。;:()]{2,80}?(?:配合|协助|参与|协办))?,\s*/;
const LEAD_CLAUSE_MAX = 160;
const NAME_LABEL_FIRST = new CodeSet(codesOf('项事实名'));
/** 创建目标:, 工作目标:, 目标: — the label of an item's goal. */
const GOAL_LABEL_RE = /^(?:创建|工作|任务|整治|年度)?目标\s*:\s*/;
/** A label of who does a task (责任科室(单位):) or of its goal (创建目标:) glued inside a title's text (not opening a bracket). */
const GLUED_LABEL_RE = /(?<![(〔【[])(?:(?:牵头|责任|主责|主办|配合)(?:单位|部门|科室)(?:\((?:单位|部门|科室|处室)\))?|(?:创建|工作|任务)目标)\s*:/;

/** 工业经济:规模以上工业增加值增长20%以上: a short category, then the indicator that is the task. */
const CATEGORY_OVER_INDICATOR = /^[^:]{1,6}:[^:]*(?:增长|下降|达到|提高|降低|减少|控制在|突破|超过|增加)[^:]*[0-9]/;

/** (1分,依照创建标准…): the points a task scores in an assessment, no part of its title. */
const SCORE_NOTE_RE = /^\([0-9.]{1,4}分/;

/** ★地区生产总值增长15%: marks a page sets before a task (a key task, a binding indicator) are no part of its title. */
const TITLE_MARK = new CodeSet(codesOf('★☆▲△◆◇■□●○※▶►√✔'));

function itemTitle(src: SourceText, start: number, e: number, cell = false): string {
  const { norm, original } = src;
  let s = start;
  while (s < e && (TITLE_MARK.has(norm.charCodeAt(s)) || isJsSpace(norm.charCodeAt(s)))) s++;
  // 01 项目名称:改善县域生态环境: the name a label gives is the title.
  const named = NAME_LABEL_FIRST.has(norm.charCodeAt(s)) ? NAME_LABEL_RE.exec(norm.slice(s, Math.min(e, s + 8))) : null;
  if (named) s += named[0].length;
  // (一)由省经贸委负责,省农业厅、环保局配合,加紧建设…: the clause opening the point with who does it is
  // no part of its title (its units are read from it as from a bracket).
  if (norm.charCodeAt(s) === 0x7531) {
    const lead = LEAD_CLAUSE_RE.exec(norm.slice(s, Math.min(e, s + LEAD_CLAUSE_MAX)));
    if (lead && e - s - lead[0].length >= 4) s += lead[0].length;
  }
  // (2)创建目标:把医院公厕整治提升到位责任科室(单位):…: so is the goal a goal's label gives, where the
  // item opens with it.
  const goal = norm.charCodeAt(s + 2) === 0x76ee || norm.charCodeAt(s) === 0x76ee ? GOAL_LABEL_RE.exec(norm.slice(s, Math.min(e, s + 8))) : null; // 目
  if (goal && e - s - goal[0].length >= 4) s += goal[0].length;
  let end = s;
  for (; end < e; end++) {
    const c = norm.charCodeAt(end);
    // (A line a page's width cut — long, ending mid-sentence — goes on on the next line.)
    if (c === 0x0a && wrappedOn(norm, end, e)) continue;
    // ?。ㄒ唬┚o扣指標任務,…: a full stop right after a ? opening the title is a garbled run (a point's
    // number and first character turned to mojibake in copying), no sentence's end.
    if (c === 0x3002 && end === s + 1 && norm.charCodeAt(s) === 0x3f) continue;
    if (c === 0x3002 || c === 0x0a || c === 0x0d) break; // 。 \n \r
    // Run-on text keeps a title apart from its body by a space only (加强和完善社会保障 发展社会救助…).
    // (电力、电 信、码头: a stray space inside a word, one or two characters before the next mark, is not.)
    // (…增长15%; 上列4项目标…: so does one after a semicolon. 部分搬 迁户…: a space in a sentence
    // already running past its commas is a stray one.)
    // (In a table's cell a space is the page's layout: 守牢用水 效率指标 红线 is one title.)
    // (Two or more spaces keep them apart as one does: 增长7%以上  责任单位:….)
    // (A markdown text's ** or __ around a strong span inside the title reads as spaces: no break.)
    if (c === 0x20 && !cell && end - s >= 4 && !(src.markdown && STRONG_MARKS.has(original.charCodeAt(end)))) {
      let n = end + 1;
      while (n < e && norm.charCodeAt(n) === 0x20) n++;
      if (isCjk(norm.charCodeAt(n)) && (norm.charCodeAt(end - 1) === 0x3b || (isCjk(norm.charCodeAt(end - 1)) && !strayAt(norm, n, e) && !inSentence(norm, s, end)))) break;
    }
  }
  // 把医院公厕整治提升到位责任科室(单位):X, 开展城乡结合部环境整治创建目标:…: a label of who does the
  // task or of its goal glued to the text before it (its line break lost) ends the title.
  const glued = end - s > 6 && holdsCode(norm, s, end, 0x3a) ? GLUED_LABEL_RE.exec(norm.slice(s + 4, end)) : null;
  if (glued) end = s + 4 + glued.index;
  // (一)总体要求:以…为指导,…。: a short heading before a colon over a long sentence is the title;
  // 2.中心片区污水管网维护:检测、清淤并修复…: so is a project's or a field's name before its description.
  // (1.工业经济:规模以上工业增加值增长20%以上 is one title: a short category over an indicator.)
  const colon = end - s > 60 ? norm.slice(s, Math.min(end, s + 13)).indexOf(':') : end - s > 16 ? norm.slice(s, Math.min(end, s + 31)).indexOf(':') : -1;
  if (colon >= 2 && !cell && end - s - colon > 8 && !/[,、;]/.test(norm.slice(s, s + colon)) && (end - s > 60 || !CATEGORY_OVER_INDICATOR.test(norm.slice(s, end)))) end = s + colon;
  // 关于“…”的问题,由发展改革委会同农业部等部门负责落实。: the title ends before the clause saying who.
  const by = end - s > 3 ? norm.slice(s, end).indexOf(',由') : -1;
  if (by > 0 && BY_CLAUSE_RE.test(norm.slice(s + by, end))) end = s + by;
  // 有关地层下陷的问题,请高铁公司切实…: nor before the clause asking a unit to act.
  const ask = end - s > 3 && holdsCode(norm, s, end, 0x8bf7) ? ASK_CLAUSE_RE.exec(norm.slice(s, end)) : null; // 请
  if (ask && ask.index > 0) end = s + ask.index;
  // 1.新建主干道20公里(市住建局负责);2.… run on: the ; closing the item is no part of its title, nor
  // is the colon of 2. 改善环境卫生及市容: over bullet lines.
  while (end > s && (norm.charCodeAt(end - 1) === 0x3b || norm.charCodeAt(end - 1) === 0x3a || isJsSpace(norm.charCodeAt(end - 1)))) end--;
  // 增长8%以上. as a page typed it: an ASCII full stop closing the sentence is no part of it either.
  if (end - s > 2 && norm.charCodeAt(end - 1) === 0x2e && norm.charCodeAt(end - 2) !== 0x2e && !isDigitCode(norm.charCodeAt(end - 2))) end--;
  // 全市GDP增长10%以上(由市发改委、经委负责。凡…牵头。下同): a bracket of roles holding full stops of
  // its own is cut at its first, and (由市商 at an excerpt's end is cut off: neither is the title's.
  const open = end > s ? openBracketAt(norm, s, end) : -1;
  if (open > s && OPEN_ROLES_RE.test(norm.slice(open + 1, end))) end = open;
  // 实现“河面无………… (a copying site's elision where it cut the text): the dots are no part of the title.
  while (end > s && norm.charCodeAt(end - 1) === 0x2026) end--;
  // A title without 。 may end with its responsibility clause: (X负责).
  const closer = end > s ? norm.charCodeAt(end - 1) : 0;
  if (closer === 0x29 || closer === 0x5d || closer === 0x3011 || closer === 0x3015) {
    const text = norm.slice(s, end);
    const paren = matchingOpen(text, closer);
    if (paren > 0 && (/负责|牵头|配合|责任单位/.test(text.slice(paren)) || SCORE_NOTE_RE.test(text.slice(paren)) || unitList(norm, s + paren + 1, end - 1))) end = s + paren;
  }
  if (src.markdown) end = strongEnd(original, s, end);
  const title = unwrapped(original.slice(s, end).trim()).replace(/\s*\n\s*/g, '');
  if (title.indexOf(' ') < 0) return title;
  return cell ? title.replace(HAN_SPACE_RE, '') : title.replace(STRAY_SPACE_RE, '');
}

/** The characters of markdown's strong marks (** and __). */
const STRONG_MARKS = new CodeSet([0x2a, 0x5f]);

/** What the text after an unclosed bracket of a title says when it is a bracket of roles: 由X…, X负责. */
const OPEN_ROLES_RE = /^由|负责|牵头|配合|责任单位/;

/**
 * The first cut after i (a line the run-on reader started with no break before it), or Infinity:
 * 1.健全应急预案体系 (1)强化… run on, the title ends where the next line was cut before a marker, as
 * at a line's end.
 */
function nextCut(norm: string, cuts: readonly number[], i: number): number {
  const at = cuts[firstAtOrAfter(cuts, i + 1)];
  if (at === undefined) return Infinity;
  // Only where a marker opens the next line (a cut before a number is sure; some others are guesses).
  let k = at;
  while (k < norm.length && isJsSpace(norm.charCodeAt(k))) k++;
  return mayStartMarker(norm, k) && markerIn(norm, k, Math.min(norm.length, k + 16)) !== null ? at : Infinity;
}

/** Shortest line whose end, mid-sentence, is read as a page's width rather than a title's end. */
const WRAPPED_LINE_MIN = 28;

/**
 * Whether the line break at `at` (inside [.., e)) is a page's width: the line before it is long and
 * ends mid-sentence (a Chinese character or a comma), and the next line goes on with text, not a
 * marker, a label or a bracket.
 */
function wrappedOn(norm: string, at: number, e: number): boolean {
  let a = at;
  while (a > 0 && norm.charCodeAt(a - 1) !== 0x0a) a--;
  if (at - a < WRAPPED_LINE_MIN) return false;
  let p = at;
  while (p > a && (norm.charCodeAt(p - 1) === 0x0d || isJsSpace(norm.charCodeAt(p - 1)))) p--;
  const last = norm.charCodeAt(p - 1);
  if (!isCjk(last) && last !== 0x2c && last !== 0x3001) return false;
  let j = at + 1;
  while (j < e && isJsSpace(norm.charCodeAt(j)) && norm.charCodeAt(j) !== 0x0a) j++;
  if (j >= e || !isCjk(norm.charCodeAt(j))) return false;
  if (mayStartMarker(norm, j, e) && markerIn(norm, j, Math.min(e, j + 16)) !== null) return false;
  return !/^[^\s:,。]{2,8}:/.test(norm.slice(j, Math.min(e, j + 10)));
}

/** Whether [s, end) is a sentence under way (two commas or more, or thirty characters and a comma). */
function inSentence(norm: string, s: number, end: number): boolean {
  let commas = 0;
  for (let k = s; k < end; k++) if (norm.charCodeAt(k) === 0x2c && ++commas >= 2) return true;
  return commas > 0 && end - s >= 30;
}

/** A space between two Chinese characters with at most one more before a mark: 电 信、 */
/** Spaces between Han characters (a table cell's text broken by the page's layout). */
const HAN_SPACE_RE = /(?<=\p{Script=Han}) +(?=\p{Script=Han})/gu;
const STRAY_SPACE_RE = /(?<=\p{Script=Han}) (?=\p{Script=Han}{1,2}[、,，。;；])|(?<=[、,，]) (?=\p{Script=Han})/gu;

/** Whether the word after a space at `at` is one or two characters before a mark (电 信、码头). */
function strayAt(norm: string, at: number, e: number): boolean {
  let k = at;
  while (k < e && k - at < 3 && isCjk(norm.charCodeAt(k))) k++;
  const c = norm.charCodeAt(k);
  return k - at <= 2 && (c === 0x3001 || c === 0x2c || c === 0x3002 || c === 0x3b);
}

/** Offset in `text` of the bracket that the one ending it closes ((市交通局(牵头)、市财政局) holds one inside), or -1. */
function matchingOpen(text: string, closer: number): number {
  const opener = closer === 0x29 ? 0x28 : closer === 0x5d ? 0x5b : closer === 0x3011 ? 0x3010 : 0x3014; // ( [ 【 〔
  let depth = 0;
  for (let i = text.length - 1; i >= 0 && text.length - i <= 120; i--) {
    const c = text.charCodeAt(i);
    if (c === closer) depth++;
    else if (c === opener && --depth === 0) return i;
  }
  return -1;
}

/**
 * 省监察厅牵头的工作, 县发改局负责的任务, 县发改局(8项), 县示范区管委会牵头工作(8项): a heading naming the
 * unit that leads its tasks.
 */
const LEAD_HEADING_RE =
  /^(.{2,30}?)(?:(?:牵头|负责|牵头负责)的?(?:工作|任务|事项)(?:\s*\(\s*[0-9一二三四五六七八九十]{1,3}\s*项\s*\))?|\s*\(\s*[0-9一二三四五六七八九十]{1,3}\s*项\s*\))$/;

function headingLeadUnits(ctx: ResponsibilityContext, s: number, e: number, nameAlone = false): Responsible[] {
  const { norm } = ctx.src;
  let end = e;
  while (end > s && (isJsSpace(norm.charCodeAt(end - 1)) || norm.charCodeAt(end - 1) === 0x3002)) end--;
  if (end - s > 40) return [];
  const m = LEAD_HEADING_RE.exec(norm.slice(s, end));
  if (!m?.[1]) return nameAlone ? unitHeading(ctx, s, end) : [];
  const list = unitList(norm, s, s + m[1].length, (n) => ctx.resolver.resolve(n) !== null);
  if (!list) return [];
  return list.map((p) => entry(ctx, p, isCollective(p.name) ? 'localities' : 'lead'));
}

/**
 * (一)综合办公室(党群工作部、财务室): a heading that is a unit's name and nothing else (a bracket
 * after it aside) leads the tasks under it. A title starting with a verb (建设市民服务中心) is a task.
 */
function unitHeading(ctx: ResponsibilityContext, s: number, end: number): Responsible[] {
  const { norm } = ctx.src;
  const text = norm.slice(s, end);
  if (text.length < 3 || /[,。;:、]/.test(text.replace(/\([^()]*\)$/, '')) || TASK_VERB_START_RE.test(text)) return [];
  const base = text.replace(/\([^()]{1,30}\)$/, '');
  if (base.length < 3 || base.length > 14 || !(looksLikeUnit(base) || ctx.resolver.resolve(base) !== null) || isCollective(base)) return [];
  return [entry(ctx, { name: base, span: [s, end] }, 'lead')];
}
const TASK_VERB_START_RE =
  /^(?:建设|建立|推进|推动|加快|实施|完善|加强|打造|提升|深化|开展|创建|培育|发展|做好|抓好|优化|健全|落实|强化|扩大|促进|保障|坚持|全面|着力|积极|大力|持续|组建|成立|设立|筹建|新建|改造|支持|引进|争创|组织|办好)/;

/** The task cell's targets, then those of a 指标要求 column (增长5.5%(市下达指标)). */
function rowTargets(src: SourceText, cells: TableCell[], s: number, e: number, ctx: TargetContext): Target[] {
  const out = findTargets(ctx, s, e);
  const own = out.length;
  for (const c of cells) {
    if (c.kind !== 'target' || c.span[1] <= c.span[0] || (c.span[0] === s && c.span[1] === e)) continue;
    // A figure the task's own cell names already (新建193个, again in its sub-task) counts once.
    for (const t of findTargets({ ...ctx, floor: c.span[0] }, c.span[0], c.span[1])) if (!out.slice(0, own).some((o) => o.raw === t.raw)) out.push(t);
  }
  return out;
}

/** A closing bracket that names who is responsible: (市人口计生委牵头), 〔责任单位:…〕. */
const RESPONSIBILITY_BRACKET_RE = /(?:负责|牵头|配合|参与|落实|主办|协办|责任单位|责任部门|牵头单位)[^()〔〕]{0,40}$/;

type TaskPiece = {
  number: string;
  span: Span;
  bodyStart: number;
  /** The unit the heading over the task names as its lead (省编办牵头的工作). */
  lead?: Responsible[];
  /** A label line the tasks of one heading share (协同单位:… after the last of them). */
  shared?: Span;
};

/** A responsibility label in a line: 责任单位:, 牵头单位:, 主办单位: … (folded, so 主辦單位 too). */
const TASK_LABEL_RE = /(?:牵头|责任|主责|主办|配合|参与|协办|协同|协助)(?:责任)?(?:单位|部门|机关)\s*:/;
/** Punctuation after a task's bracket that still belongs to the task: …(X负责)。 */
const TRAILING_STOPS = new CodeSet([0x3002, 0x3b, 0x20, 0x09]); // 。 ; space tab

/**
 * (牵头单位:县发改局;责任单位:县财 at the very end of an excerpt: a name the excerpt cuts off (it ends
 * where the text ends, no registry knows it and it does not end like a unit) names no one.
 */
function withoutCutOff(responsible: Responsible[], textEnd: number): Responsible[] {
  const cut = (r: Responsible): boolean => r.span[1] >= textEnd && r.unit === null && !endsLikeUnit(normalise(r.raw));
  return responsible.some(cut) ? responsible.filter((r) => !cut(r)) : responsible;
}

/**
 * The subjects of a task's sentences. 一、各地开展自查工作 ⏎ 各市(州)要…: where the title is a heading
 * line of its own (ending at titleEnd) and the paragraph under it names actors, the heading's words
 * (各地) are no actor.
 */
function actorsOf(ctx: ResponsibilityContext, bodyStart: number, titleEnd: number | undefined, end: number): Responsible[] {
  const actors = findActors(ctx, bodyStart, end);
  if (titleEnd === undefined) return actors;
  const below = actors.filter((r) => r.span[0] >= titleEnd);
  return below.length > 0 ? below : actors;
}

/** A task starting at a: its own marker, if it has one ((1), 1., ①), gives its number. */
function taskPiece(src: SourceText, a: number, b: number): TaskPiece {
  // Read in place: the same as markerAt() on the first 16 characters, without slicing them.
  const marker = mayStartMarker(src.norm, a, b) ? markerIn(src.norm, a, Math.min(b, a + 16)) : null;
  if (marker && marker.bodyStart < b) return { number: src.original.slice(marker.numberSpan[0], marker.numberSpan[1]), span: [a, b], bodyStart: marker.bodyStart };
  return { number: '', span: [a, b], bodyStart: a };
}

/**
 * The tasks under a numbered heading (1. 约束性指标的责任部门, then one task per line or
 * sentence): two or more, after a first line that names no one. A line is a task when it ends
 * with its own responsibility bracket (a 。 after it is allowed) or carries a label
 * (责任单位:…); otherwise sentences are split at their brackets. A task's own marker ((1),
 * 1.) is its number; else it has none. Null when the item is an ordinary one.
 */
function unnumberedTasks(src: SourceText, breaks: NextBreak, bodyStart: number, end: number, one = false): TaskPiece[] | null {
  const { norm } = src;
  const firstEnd = Math.min(end, breaks.after(bodyStart));
  if (firstEnd >= end || firstEnd - bodyStart > 60) return null;
  if (endsWithResponsibility(norm, bodyStart, firstEnd) || TASK_LABEL_RE.test(norm.slice(bodyStart, firstEnd))) return null;
  return tasksByLine(src, breaks, firstEnd, end, false, one) ?? tasksByBracket(src, firstEnd, end) ?? tasksByLine(src, breaks, firstEnd, end, true);
}

/**
 * (三)省编办牵头的工作 ⏎ 1.… ⏎ 2.… ⏎ 协同单位:…: a heading naming the lead unit over numbered tasks.
 * Each numbered line (with the lines that continue it, and a label line after it) is a task led by
 * that unit; a label line after the last task only is shared by all of them. Null otherwise.
 */
function tasksUnderLead(ctx: ResponsibilityContext, breaks: NextBreak, bodyStart: number, end: number): TaskPiece[] | null {
  const { src } = ctx;
  const { norm } = src;
  const firstEnd = Math.min(end, breaks.after(bodyStart));
  if (firstEnd >= end || firstEnd - bodyStart > 40) return null;
  const lead = headingLeadUnits(ctx, bodyStart, firstEnd);
  if (lead.length === 0) return null;
  const out: TaskPiece[] = [];
  let labels = 0;
  let shared: Span | undefined;
  let i = firstEnd;
  while (i < end) {
    while (i < end && isJsSpace(norm.charCodeAt(i))) i++;
    if (i >= end) break;
    const b = Math.min(end, breaks.after(i));
    const piece = taskPiece(src, i, b);
    const current = out[out.length - 1];
    if (piece.number !== '') out.push(piece);
    else if (!current) return null;
    else {
      if (TASK_LABEL_RE.test(norm.slice(i, Math.min(b, i + 10)))) {
        labels++;
        shared = [i, b];
      }
      current.span = [current.span[0], b];
    }
    if (out.length > MAX_TASKS) return null;
    i = b;
  }
  if (out.length === 0) return null;
  for (const p of out) p.lead = lead;
  // One label line, after the last task: the tasks share it.
  const last = out[out.length - 1];
  if (labels === 1 && shared && last && shared[1] === last.span[1]) for (const p of out) p.shared = shared;
  return out;
}

/** Every line after the first names its own units (bracket or label): one task each (one numbered task with `single`). */
function tasksByLine(src: SourceText, breaks: NextBreak, from: number, end: number, single: boolean, one = false): TaskPiece[] | null {
  const { norm } = src;
  const out: TaskPiece[] = [];
  let i = from;
  while (i < end) {
    while (i < end && isJsSpace(norm.charCodeAt(i))) i++;
    if (i >= end) break;
    const b = Math.min(end, breaks.after(i));
    let last = b;
    while (last > i && TRAILING_STOPS.has(norm.charCodeAt(last - 1))) last--;
    const c = norm.charCodeAt(last - 1);
    const bracketed = (c === 0x29 || c === 0x3015) && endsWithResponsibility(norm, Math.max(i, last - 61), last - 1);
    // A line that is only a label (牵头单位:X under sub-points) belongs to the item, not a task.
    const label = bracketed ? -1 : norm.slice(i, b).search(TASK_LABEL_RE);
    if (!bracketed && label < 4) return null;
    let e = b;
    while (e > i && isJsSpace(norm.charCodeAt(e - 1))) e--;
    out.push(taskPiece(src, i, e));
    if (out.length > MAX_TASKS) return null;
    i = b;
  }
  // One line only is the item's body, unless it is numbered itself: (二)开工建设… ⏎ 1.补齐…(X负责)
  // is a heading over its single task.
  // (`one`: the heading before it headed task lines; this one heads its single line the same way.)
  return out.length >= 2 || (single && out.length === 1 && out[0]?.number !== '') || (one && out.length === 1) ? out : null;
}

/** Sentences that each end with a responsibility bracket, on one line or several. */
function tasksByBracket(src: SourceText, from: number, end: number): TaskPiece[] | null {
  const { norm } = src;
  const out: TaskPiece[] = [];
  let start = from;
  for (let i = from; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c !== 0x29 && c !== 0x3015) continue; // ) 〕
    if (!endsWithResponsibility(norm, Math.max(start, i - 60), i)) continue;
    let a = start;
    while (a < i && isJsSpace(norm.charCodeAt(a))) a++;
    let next = i + 1;
    while (next < end && TRAILING_STOPS.has(norm.charCodeAt(next))) next++;
    if (a < i) out.push(taskPiece(src, a, i + 1));
    start = next;
    i = next - 1;
    if (out.length > MAX_TASKS) return null;
  }
  // Text after the last bracket belongs to no task: then this is an ordinary item after all.
  let rest = start;
  while (rest < end && isJsSpace(norm.charCodeAt(rest))) rest++;
  return out.length >= 2 && rest >= end ? out : null;
}

/** Whether [s, e) ends inside or at a bracket that names who is responsible. */
function endsWithResponsibility(norm: string, s: number, e: number): boolean {
  // The last ( or 〔 at or before e, looked for back to s only (lastIndexOf would search back to the
  // start of the document, before every line of a document without brackets).
  let open = -1;
  for (let i = Math.min(e, norm.length - 1); i >= s; i--) {
    const c = norm.charCodeAt(i);
    if (c === 0x28 || c === 0x3014) {
      open = i;
      break;
    }
  }
  if (open < s) return false;
  return RESPONSIBILITY_BRACKET_RE.test(norm.slice(open + 1, e));
}

/** Tasks read from one heading at most; past this the heading is read as one item. */
const MAX_TASKS = 10_000;

/** Items from the rows of a division table: columns say which cells are the task and which name units in which role. */
function tableItems(
  ctx: ResponsibilityContext,
  table: Table,
  before: number,
  section: number | null,
  planYear: number | null,
  references: PendingReference[],
): ParsedItem[] {
  const { src, warnings } = ctx;
  const hasLead = table.columns.includes('lead');
  // 责任单位 beside a 配合单位 column and no 牵头 column: every unit it names is responsible, and leads.
  const jointLeads = !hasLead && table.columns.includes('cooperate');
  const out: ParsedItem[] = [];
  table.columns.forEach((kind, k) => {
    const span = table.headerCells[k];
    if (kind === 'person' && span) warnings.push(warning('responsibility_not_unit', { raw: src.original.slice(span[0], span[1]) }, span));
  });
  // Each unit column's entries in the row before: a cell saying 同上 takes them.
  let previous = new Map<number, Responsible[]>();
  // Rows numbered in a 序号 column: a row after them with its number cell empty goes on with the row above.
  const numbered = table.rows.filter((r) => r.cells.some((c) => c.kind === 'number' && c.span[1] > c.span[0])).length >= 2;
  for (const row of table.rows) {
    const task = row.cells.find((c) => c.kind === 'task');
    if (!task) continue;
    const [s, e] = task.span;
    const numberCell = row.cells.find((c) => c.kind === 'number');
    // 1 | 新建学校1所 | … ⏎ 学位新增810个 | |||||: the second part of the task above, on a row of its own
    // whose empty first cell the page dropped, stands in the number's place: its figures are the task's.
    const shifted = numbered && numberCell && numberCell.span[1] > numberCell.span[0] && !ROW_NUMBER_RE.test(src.norm.slice(numberCell.span[0], numberCell.span[1]));
    const above = out[out.length - 1];
    if (shifted && above && e <= s && row.cells.every((c) => c === numberCell || c.span[1] <= c.span[0] || isUnitKind(c.kind))) {
      const [ns, ne] = numberCell.span;
      goOnWith(src, above, row, [], findTargets({ src, resolver: ctx.resolver, warnings, planYear, floor: ns }, ns, ne), clausesOf(src, ns, ne), undefined);
      continue;
    }
    const ordinal = before + out.length + 1;
    // 1.把规划纲要…主动公开 in a table with no 序号 column: the task cell's own number numbers the item.
    const own = numberCell || !mayStartMarker(src.norm, s, e) ? null : markerIn(src.norm, s, Math.min(e, s + 16));
    // (A number cell holding words, 街道办事处) of a name broken over the row's end, is no number either.)
    const numberless = !numberCell || numberCell.span[1] <= numberCell.span[0] || !ROW_NUMBER_RE.test(src.norm.slice(numberCell.span[0], numberCell.span[1]));
    const continued = numbered && !own && numberless ? goesOn(src, out[out.length - 1], row, s, e) : undefined;
    const responsible: Responsible[] = [];
    const byColumn = new Map<number, Responsible[]>();
    let referred = false;
    row.cells.forEach((cell, column) => {
      if (cell.kind !== 'lead' && cell.kind !== 'cooperate' && cell.kind !== 'responsible') return;
      // (区发改委、区市场监管局。: the full stop closing a cell's list is no part of its last name.)
      const [cs, end] = cell.span;
      let ce = end;
      while (ce > cs && (src.norm.charCodeAt(ce - 1) === 0x3002 || src.norm.charCodeAt(ce - 1) === 0x3b)) ce--;
      const ref = cellReference(src.norm, src.original, cs, ce);
      const entries: Responsible[] = [];
      if (ref?.kind === 'named') {
        referred = true;
        references.push({ index: ordinal - 1, reference: ref });
      } else if (ref) {
        referred = true;
        const above = previous.get(column) ?? [];
        if (above.length === 0) warnings.push(warning('responsibility_reference_unresolved', { item: ordinal, reference: ref.raw }, ref.span));
        for (const r of above) entries.push(copyEntry(r));
      } else if (CELL_LABEL_RE.test(src.norm.slice(cs, ce))) {
        // 牵头:市发改委;配合:市财政局 in a 责任单位 cell: the cell's labels say the roles.
        for (const r of findStated(ctx, cs, ce)?.entries ?? []) entries.push(r);
      } else if (CELL_ROLE_WORDS_RE.test(src.norm.slice(cs, ce))) {
        // 市发展改革委牵头,市统计局配合 in a 责任主体 cell: the cell says the roles itself.
        const clause = parseClause(ctx, cs, ce);
        for (const r of clause?.entries ?? []) entries.push(r);
      } else {
        // A cell that is not a list of names (a task's sentence fallen into a unit column when the
        // table's cells were misaligned) gives only the pieces that are unit names.
        const clean = !SENTENCE_CELL_RE.test(src.norm.slice(cs, end)) || unitsCell(src, [cs, end]);
        const pieces = cellNames(src.norm, cs, ce)
          .map(leadMarked)
          // (市委宣传部(市文明办): a name with its other name in brackets is judged by the name.)
          .filter(({ piece }) => clean || looksLikeUnit(piece.name.replace(NAME_NOTE_RE, '')) || isCollective(piece.name));
        // 市发改委(牵头)、市统计局 in a cell: the marked name leads, the others cooperate.
        const anyMarked = pieces.some((p) => p.lead);
        pieces.forEach(({ piece, lead }, index) => {
          const role = isCollective(piece.name) ? 'localities' : anyMarked ? (lead ? 'lead' : 'cooperate') : jointLeads && cell.kind === 'responsible' ? 'lead' : cellRole(cell.kind, index, hasLead);
          entries.push(entry(ctx, piece, role));
        });
      }
      byColumn.set(column, entries);
      for (const r of entries) responsible.push(r);
    });
    previous = byColumn;
    // 目标任务 cell closing with (责任单位:市建设局、市金融办) in a table with no unit column: the
    // cell's bracket names the units, as an item's would.
    if (responsible.length === 0 && !referred && !row.cells.some((c) => isUnitKind(c.kind))) {
      const stated = findStated(ctx, s, e);
      for (const r of stated?.entries.length ? stated.entries : findLedBy(ctx, s, e)) responsible.push(r);
    }
    const schedule = scheduleOf(src, row.cells, planYear);
    const targets = rowTargets(src, row.cells, s, e, { src, resolver: ctx.resolver, warnings, planYear, floor: s });
    // 序号 | 项目名称 | … | 1-8月实际完成情况 | ⏎ 任务完成率 | 备注 |: the header's cells the page broke onto a
    // line of their own before the numbered rows are no task.
    if (numbered && numberless && !own && out.length === 0 && responsible.length === 0 && targets.length === 0 && headerWordsOnly(src.norm, row)) continue;
    if (continued) {
      goOnWith(src, continued, row, responsible, targets, clausesOf(src, s, e), schedule);
      continue;
    }
    if (responsible.length === 0 && !referred) warnings.push(warning('responsibility_missing', { item: ordinal }, row.span));
    const titleStart = own && own.bodyStart < e ? own.bodyStart : s;
    out.push({
      number: numberCell ? src.original.slice(numberCell.span[0], numberCell.span[1]).replace(/[.、.]$/, '') : own && own.bodyStart < e ? src.original.slice(own.numberSpan[0], own.numberSpan[1]) : '',
      ordinal,
      section,
      title: itemTitle(src, titleStart, e, true),
      text: src.original.slice(s, e),
      span: row.span,
      responsible: fitted(responsible),
      targets: fitted(targets),
      clauses: fitted(clausesOf(src, s, e)),
      ...(schedule && { schedule }),
    });
  }
  return out;
}

/** What a 序号 cell holds: 1, 1., 01, 一, (一), (1), 第1项…. */
/** Whether every cell of a row is a short word with no figure and no sentence's mark, as a header's cells are. */
function headerWordsOnly(norm: string, row: TableRow): boolean {
  return row.cells.every((c) => c.span[1] - c.span[0] <= HEADER_WORD_MAX && !/[0-9,。;:]/.test(norm.slice(c.span[0], c.span[1])));
}
const HEADER_WORD_MAX = 10;

const ROW_NUMBER_RE = /^[((]?(?:第)?(?:[0-9]{1,4}|[一二三四五六七八九十百〇零]{1,4})(?:项|条)?[))]?[.、.]?$/;

/** How long a task cell is at least when the page's width wrapped it onto the next row. */
const WRAPPED_CELL_MIN = 10;
/** 。 ; ! ?: a task cell ending so ends its sentence, and a row below under it starts another. */
const SENTENCE_END = new CodeSet(codesOf('。;!?'));

/**
 * The item a row without a number goes on with: the item above, unless the row is a task of its own
 * under a 序号 cell merged over several rows (its task and its units written, the task above closed
 * or too short to have been wrapped).
 */
function goesOn(src: SourceText, above: ParsedItem | undefined, row: TableRow, s: number, e: number): ParsedItem | undefined {
  if (!above || e <= s) return above;
  // (A unit cell merged over the rows and carried into this one stands above it: not its own.)
  const ownUnits = row.cells.some((c) => isUnitKind(c.kind) && c.span[1] > c.span[0] && c.span[0] >= row.span[0]);
  const text = above.text.trimEnd();
  const cut = text.length >= WRAPPED_CELL_MIN && !SENTENCE_END.has(text.charCodeAt(text.length - 1));
  return cut || !ownUnits ? above : undefined;
}

/**
 * | 1 | 新建城市绿道50公里,完成 | 市林业局 | 市住建局、 | ⏎ | | 绿化提升 | | 市自然资源局 |: a row whose number
 * cell is empty, under rows numbered in a 序号 column, is the row above going on (its cells wrapped
 * onto a line of their own, or a project's parts written one a line): its units join the item's
 * (as more names of their column: a 责任单位 cell's names after the first cooperate; a name the
 * item has already counts once), its figures are the item's targets too, and its task's words
 * end the title where the row above, a cell as long as a wrapped one, left it inside a sentence.
 */
function goOnWith(src: SourceText, item: ParsedItem, row: TableRow, responsible: Responsible[], targets: Target[], clauses: Clause[], schedule: Schedule | undefined): void {
  const leads = item.responsible.some((r) => r.role === 'lead');
  const leadColumn = row.cells.some((c) => c.kind === 'lead');
  const units = [...item.responsible];
  for (const r of responsible) {
    if (units.some((u) => u.raw === r.raw)) continue;
    units.push(leads && r.role === 'lead' && !leadColumn ? { ...r, role: 'cooperate' } : r);
  }
  item.responsible = fitted(units);
  item.targets = fitted([...item.targets, ...targets]);
  item.clauses = fitted([...item.clauses, ...clauses]);
  if (!item.schedule && schedule) item.schedule = schedule;
  item.span = [item.span[0], Math.max(item.span[1], row.span[1])];
  const task = row.cells.find((c) => c.kind === 'task');
  const [ts, te] = task?.span ?? [0, 0];
  // (The title runs to the end of the task cell above, as long as a wrapped cell, which ends inside a sentence.)
  const above = item.text.trimEnd();
  if (te > ts && above.length >= WRAPPED_CELL_MIN && !SENTENCE_END.has(above.charCodeAt(above.length - 1)) && above.endsWith(item.title) && !deadlineLike(src.norm, [ts, te])) {
    item.title += itemTitle(src, ts, te, true);
  }
}

/** Names in a table's unit cell: one a line where a spreadsheet's quoted cell holds line breaks, each line's split as a list. */
function cellNames(norm: string, s: number, e: number): NamePiece[] {
  // Only a spreadsheet's quoted cell ("市住建局⏎各区政府"): elsewhere a line break in a cell is the page's wrap.
  if (norm.charCodeAt(s - 1) !== 0x22 || !holdsCode(norm, s, e, 0x0a)) return splitNames(norm, s, e);
  const out: NamePiece[] = [];
  for (let a = s; a < e; ) {
    let b = norm.indexOf('\n', a);
    if (b < 0 || b > e) b = e;
    for (const p of splitNames(norm, a, b)) out.push(p);
    a = b + 1;
  }
  // 市政 ⏎ 府办 ⏎ 公厅: a name broken over short lines is one name, read whole.
  return out.every((p) => looksLikeUnit(p.name)) ? out : splitNames(norm, s, e);
}

/** A sentence's punctuation in a unit column's cell: a task's text, not a list of names. */
const SENTENCE_CELL_RE = /[,。;:]/;
/** A bracket closing a name (市委宣传部(市文明办)). */
const NAME_NOTE_RE = /\([^()]{1,12}\)$/;

/** Role words after a name in a table cell (市发展改革委牵头,市统计局配合): the cell is read as a clause. */
/** 牵头:X;配合:Y, 牵头单位:X — a role label opening a unit cell or one of its parts. */
const CELL_LABEL_RE = /(?:^|[;,\s])(?:牵头|配合|参与|协助|协办|主办|主责|责任)(?:单位|部门)?\s*:/;
const CELL_ROLE_WORDS_RE = /[^\s,、]{2}(?:牵头|配合|协助|参与|负责)(?:落实|负责|实施)?(?:[,;。]|$)/;

/** 完成时限:2024年底前, (…;完成时间:每季度): a deadline an item's text states under a label of its own. */
const STATED_DEADLINE_RE = /(?:完成|办结|落实)?(?:时限|时间|期限|时间节点)\s*:\s*([^;。,)】\n]{2,24})/d;

/**
 * (县发改局牵头,县财政局配合,2024年12月底前完成): a deadline closing the bracket that says who does the
 * task, after its roles (a date, or 长期坚持 and the like; 完成 is left out of the raw).
 */
const BRACKET_DEADLINE_RE = /(?:牵头|配合|负责|参与|协助|落实|单位)[^()\n]{0,80}?[,;]\s*((?:20\d\d年)?(?:\d{1,2}月(?:\d{1,2}日|底|末|中旬|上旬|下旬)?|年?底|年内)前?|长期坚持|持续推进|每季度|每月|每半年|每年)(?:完成|办结)?\s*\)/d;

/** The deadline an item states under a label (完成时限:…), or at its role bracket's end, read as a due date and/or frequency; none when it states none. */
function statedSchedule(src: SourceText, s: number, e: number, planYear: number | null): Schedule | undefined {
  const text = src.norm.slice(s, e);
  const m = STATED_DEADLINE_RE.exec(text) ?? BRACKET_DEADLINE_RE.exec(text);
  const at = m?.indices?.[1];
  if (!at) return undefined;
  const a = s + at[0];
  let b = s + at[1];
  while (b > a && isJsSpace(src.norm.charCodeAt(b - 1))) b--;
  const schedule = scheduleAt(src, a, b, planYear);
  return schedule.due === null && schedule.frequency === null ? undefined : schedule;
}

/** [a, b) read as a due date and/or frequency, its raw in the text's own characters. */
function scheduleAt(src: SourceText, a: number, b: number, planYear: number | null, frequency?: Frequency | null): Schedule {
  const reading = readSchedule(src.norm.slice(a, b), planYear);
  return { raw: src.original.slice(a, b), due: reading.due, frequency: reading.frequency ?? frequency ?? null, span: [a, b] };
}

/** The row's 完成时限 cell read as a due date and/or frequency; a 频次 column gives the frequency when the deadline does not. */
function scheduleOf(src: SourceText, cells: { kind: string; span: Span }[], planYear: number | null): Schedule | undefined {
  const deadline = cells.find((c) => c.kind === 'deadline' && c.span[1] > c.span[0]);
  const often = cells.find((c) => c.kind === 'frequency' && c.span[1] > c.span[0]);
  const cell = deadline ?? often;
  if (!cell) return undefined;
  const [a, b] = cell.span;
  const frequency = often && often !== cell ? readSchedule(src.norm.slice(often.span[0], often.span[1]), planYear).frequency : null;
  return scheduleAt(src, a, b, planYear, frequency);
}

const ROLE_WORDS_RE = /负责|牵头|配合|责任单位|参与|协办|主办|同上|分工相同|分工一致/;
const OPENERS = new CodeSet(codesOf('(〔【'));
const CLOSERS = new CodeSet(codesOf(')〕】'));

/** 。 ; ! ? \n \r */
const CLAUSE_END = new CodeSet([0x3002, 0x3b, 0x21, 0x3f, 0x0a, 0x0d]);

/** Sentences of [s, e): split after 。;!? and at line ends; a closing bracket naming units is not a sentence. */
function clausesOf(src: SourceText, s: number, e: number): Clause[] {
  const { norm } = src;
  const out: Clause[] = [];
  let start = s;
  for (let i = s; i < e; i++) {
    const c = norm.charCodeAt(i);
    if (!CLAUSE_END.has(c)) continue;
    pushClause(src, out, start, c === 0x0a || c === 0x0d ? i : i + 1);
    start = i + 1;
  }
  pushClause(src, out, start, e);
  return out;
}

function pushClause(src: SourceText, out: Clause[], from: number, to: number): void {
  const { norm, original } = src;
  let a = from;
  let b = to;
  while (a < b && isJsSpace(norm.charCodeAt(a))) a++;
  while (b > a && isJsSpace(norm.charCodeAt(b - 1))) b--;
  if (a >= b || out.length >= MAX_CLAUSES) return;
  if (OPENERS.has(norm.charCodeAt(a)) && CLOSERS.has(norm.charCodeAt(b - 1)) && ROLE_WORDS_RE.test(norm.slice(a, b))) return;
  out.push({ text: original.slice(a, b), span: [a, b] });
}

/** Clauses kept per item: a hostile one-line item cannot make the output explode. */
const MAX_CLAUSES = 10_000;

function yearOf(title: string): number | null {
  const m = /([0-9]{4}|[〇零一二三四五六七八九]{4})年/.exec(title);
  if (!m?.[1]) return null;
  const y = /^[0-9]+$/.test(m[1]) ? Number(m[1]) : chineseToNumber(m[1]);
  return y !== null && y >= 1949 && y <= 2200 ? y : null;
}

/**
 * Memoise registry look-ups: a plan names the same units many times. The registry's resolver is
 * long-lived and memoises too: it is given names that do not keep this document's text alive.
 */
function cachedResolver(inner: UnitResolver): UnitResolver {
  const resolved = new Map<string, UnitMatch | null>();
  const expanded = new Map<string, string[] | null>();
  const places = new Map<string, string | null>();
  return {
    resolve(name) {
      let hit = resolved.get(name);
      if (hit === undefined) {
        hit = inner.resolve(ownCopy(name));
        resolved.set(name, hit);
      }
      return hit;
    },
    expandLocality(phrase) {
      let hit = expanded.get(phrase);
      if (hit === undefined) {
        hit = inner.expandLocality(ownCopy(phrase));
        expanded.set(phrase, hit);
      }
      return hit;
    },
    place(name) {
      let hit = places.get(name);
      if (hit === undefined) {
        hit = inner.place(ownCopy(name));
        places.set(name, hit);
      }
      return hit;
    },
  };
}
