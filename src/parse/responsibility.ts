/**
 * Responsible units of an item, in the forms policy documents use:
 * (X、Y等部门及各市州政府负责) · (牵头单位:X;配合单位:Y) · (X牵头,Y、Z配合) · (X、Y按职责分工负责)
 * · 〔责任单位:…〕 · 责任单位:X lines · 由X牵头,会同Y… · an item opening with its actor (X要…),
 * plus the carry-forward rules 下同 and 以下…不再列出.
 */
import type { SourceText } from './text.js';
import type { ParseWarning, Responsible, ResponsibleRole, Span, UnitResolver } from './types.js';
import { isCollective, looksLikeUnit, splitNames, type NamePiece } from './units.js';

export interface ResponsibilityContext {
  src: SourceText;
  resolver: UnitResolver;
  warnings: ParseWarning[];
}

export interface ClauseResult {
  entries: Responsible[];
  /** The clause ends with 下同: its units carry to the following items. */
  ditto: boolean;
  /** Units named by a 以下…不再列出 rule: responsible for every following item. */
  standing: Responsible[];
}

type GroupRole = 'lead' | 'cooperate' | 'first' | null;
interface Group {
  role: GroupRole;
  labelled: boolean;
  open: boolean;
  names: NamePiece[];
}

const CUE_RE = /负责|牵头|配合|参与|责任单位|责任部门|主责单位|牵头单位|配合单位|按职责分工|不再列出|不再一一列出|下同|协办|落实/g;
const LABEL_RE =
  /^(牵头单位|牵头部门|主责单位|主责部门|主办单位|责任单位|责任部门|实施单位|负责单位|配合单位|配合部门|参与单位|参与部门|协办单位|协同单位|协助单位|支持单位)\s*:\s*/;
const SUFFIX_RE =
  /(为牵头单位|为牵头部门|为责任单位|为责任部门|为配合单位|为配合部门|牵头负责|牵头落实|按职责分工负责|按职责分工落实|按职责分工推进|按职能分工负责|按职责负责|分工负责|共同负责|负总责|牵头|负责|配合|参与|协助|协同|协办|落实)(?:落实|实施|推进|组织实施)?$/;
const FIRST_LEADS_RE = /^(?:其中)?[,]?(?:列|排|排在|列在|排名)第一(?:位|个)?的?(?:者|单位|部门)?为牵头(?:单位|部门)?$/;
const STANDING_RE = /^以下[^,。]{0,12}?(?:需|由|要|须|请)([^。]{2,40}?)(?:按职责分工)?(?:负责|落实|参与|配合)/;
const MAX_GROUP = 400;

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

/** Bracket pairs [open, close] inside [s, e), outermost first. Linear time. */
export function bracketPairs(norm: string, s: number, e: number): Span[] {
  const stack: number[] = [];
  const kinds: number[] = [];
  const pairs: Span[] = [];
  for (let i = s; i < e; i++) {
    const k = bracketKind(norm.charCodeAt(i));
    if (k > 0) {
      stack.push(i);
      kinds.push(k);
    } else if (k < 0) {
      // Close the nearest bracket of the same kind; tolerate a few stray brackets in between.
      for (let j = stack.length - 1; j >= 0 && j >= stack.length - 3; j--) {
        if (kinds[j] === -k) {
          pairs.push([stack[j] ?? i, i]);
          stack.length = j;
          kinds.length = j;
          break;
        }
      }
    }
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

function cuePositions(norm: string, s: number, e: number): number[] {
  const out: number[] = [];
  const re = new RegExp(CUE_RE.source, 'g');
  const text = norm.slice(s, e);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(s + m.index);
  return out;
}

function hasCueBetween(cues: number[], s: number, e: number): boolean {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cues[mid] ?? 0) < s) lo = mid + 1;
    else hi = mid;
  }
  return lo < cues.length && (cues[lo] ?? Infinity) < e;
}

/**
 * Responsibility stated explicitly in [s, e): bracketed clauses and 责任单位:… labels.
 * Returns null when the text states none.
 */
export function findStated(ctx: ResponsibilityContext, s: number, e: number): ClauseResult | null {
  const { norm } = ctx.src;
  const cues = cuePositions(norm, s, e);
  if (cues.length === 0) return null;
  const pairs = bracketPairs(norm, s, e);
  const result: ClauseResult = { entries: [], ditto: false, standing: [] };
  let found = false;
  let acceptedEnd = -1;
  const inside: Span[] = [];
  for (const [o, c] of pairs) {
    if (o < acceptedEnd) continue;
    inside.push([o, c]);
    if (c - o > MAX_GROUP || !hasCueBetween(cues, o + 1, c)) continue;
    const clause = parseClause(ctx, o + 1, c);
    if (!clause) continue;
    acceptedEnd = c;
    found = true;
    mergeInto(result, clause);
  }
  // 责任单位:X、Y written as a plain label, outside brackets.
  const labelRe = /(?:牵头|责任|主责|配合|参与|协办)(?:单位|部门)\s*:/g;
  const text = norm.slice(s, e);
  let m: RegExpExecArray | null;
  while ((m = labelRe.exec(text)) !== null) {
    const at = s + m.index;
    if (inside.some(([o, c]) => o < at && at < c)) continue;
    let end = at;
    const stop = Math.min(e, at + MAX_GROUP);
    while (end < stop && norm[end] !== '\n' && norm[end] !== '\r' && norm[end] !== '。') end++;
    const clause = parseClause(ctx, at, end);
    if (!clause) continue;
    found = true;
    mergeInto(result, clause);
    labelRe.lastIndex = Math.max(labelRe.lastIndex, end - s);
  }
  return found ? result : null;
}

function mergeInto(into: ClauseResult, clause: ClauseResult): void {
  into.entries.push(...clause.entries);
  into.ditto ||= clause.ditto;
  into.standing.push(...clause.standing);
}

/** Split [s, e) at depth 0 on any of `seps`. */
function splitTop(norm: string, s: number, e: number, seps: string): Span[] {
  const out: Span[] = [];
  let start = s;
  let depth = 0;
  for (let i = s; i < e; i++) {
    const k = bracketKind(norm.charCodeAt(i));
    if (k > 0) depth++;
    else if (k < 0) depth = Math.max(0, depth - 1);
    else if (depth === 0 && seps.includes(norm.charAt(i))) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, e]);
  return out;
}

function trimmed(norm: string, [s, e]: Span): Span {
  while (s < e && /[\s,、]/.test(norm[s] ?? '')) s++;
  while (e > s && /[\s,、]/.test(norm[e - 1] ?? '')) e--;
  return [s, e];
}

/** Parse the inside of one responsibility clause; null when it is not one. */
export function parseClause(ctx: ResponsibilityContext, s: number, e: number): ClauseResult | null {
  const { norm } = ctx.src;
  const groups: Group[] = [];
  const result: ClauseResult = { entries: [], ditto: false, standing: [] };
  let structured = false;
  for (const part of splitTop(norm, s, e, '。;\n\r')) {
    const [ps, trimmedEnd] = trimmed(norm, part);
    let pe = trimmedEnd;
    if (ps >= pe) continue;
    const partText = norm.slice(ps, pe);
    if (partText.startsWith('以下') && partText.includes('不再')) {
      const m = STANDING_RE.exec(partText);
      if (m && m[1]) {
        const at = ps + partText.indexOf(m[1], 2);
        const names = splitNames(norm, at, at + m[1].length);
        for (const p of names) result.standing.push(entry(ctx, p, isCollective(p.name) ? 'localities' : 'cooperate'));
        structured = true;
      }
      continue;
    }
    const ditto = /[,]?\s*下同$/.exec(partText);
    if (ditto) {
      result.ditto = true;
      structured = true;
      pe -= ditto[0].length;
    }
    let open: Group | null = null;
    for (const seg of splitTop(norm, ps, pe, ',')) {
      let [ss, se] = trimmed(norm, seg);
      if (ss >= se) continue;
      const segText = norm.slice(ss, se);
      if (FIRST_LEADS_RE.test(segText)) {
        structured = true;
        continue;
      }
      const label = LABEL_RE.exec(segText);
      if (label) {
        ss += label[0].length;
        open = { role: labelRole(label[1] ?? ''), labelled: true, open: true, names: [] };
        groups.push(open);
        structured = true;
      }
      const suffix = SUFFIX_RE.exec(norm.slice(Math.max(ss, se - 12), se));
      if (suffix) se -= suffix[0].length;
      const at = norm.slice(ss, se).indexOf('会同');
      const together = at < 0 ? -1 : ss + at;
      if (together >= 0 && !label) {
        groups.push({ role: 'lead', labelled: false, open: false, names: splitNames(norm, ss, together) });
        groups.push({ role: 'cooperate', labelled: false, open: false, names: splitNames(norm, together + 2, se) });
        open = null;
        structured = true;
        continue;
      }
      const names = splitNames(norm, ss, se);
      const suffixRole = suffix ? suffixRoleOf(suffix[1] ?? '') : null;
      if (open && open.open) {
        open.names.push(...names);
        if (suffix) {
          if (!open.labelled) open.role = suffixRole;
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
  if (!structured || groups.every((g) => g.role === null && !g.labelled)) {
    if (result.standing.length > 0 || result.ditto) return result;
    warnUnclear(ctx, s, e);
    return null;
  }
  const all = groups.flatMap((g) => g.names);
  if (all.some((p) => p.name.length > 30 || /[。:]/.test(p.name))) {
    warnUnclear(ctx, s, e);
    return null;
  }
  let leadTaken = groups.some((g) => g.role === 'lead' && g.names.some((p) => !isCollective(p.name)));
  for (const g of groups) {
    const role: GroupRole = g.role ?? (leadTaken ? 'cooperate' : 'first');
    for (const p of g.names) {
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
  return result;
}

function labelRole(label: string): GroupRole {
  if (label.startsWith('牵头') || label.startsWith('主责') || label.startsWith('主办')) return 'lead';
  if (/^(配合|参与|协办|协同|协助|支持)/.test(label)) return 'cooperate';
  return 'first';
}

function suffixRoleOf(suffix: string): GroupRole {
  if (suffix.includes('牵头')) return 'lead';
  if (/配合|参与|协助|协同|协办/.test(suffix)) return 'cooperate';
  return 'first';
}

function warnUnclear(ctx: ResponsibilityContext, s: number, e: number): void {
  ctx.warnings.push({
    code: 'responsibility_unclear',
    message: `疑似责任分工但未能识别:${ctx.src.original.slice(s, Math.min(e, s + 40))}`,
    span: [s, e],
  });
}

/** Build one responsibility entry, resolving the name against the registry. */
export function entry(ctx: ResponsibilityContext, p: NamePiece, role: ResponsibleRole): Responsible {
  const raw = ctx.src.original.slice(p.span[0], p.span[1]);
  if (role === 'localities' || isCollective(p.name)) {
    return { raw, unit: null, role: 'localities', expands: ctx.resolver.expandLocality(p.name) ?? [], span: p.span };
  }
  const match = ctx.resolver.resolve(p.name);
  if (!match) {
    ctx.warnings.push({ code: 'unit_unknown', message: `单位库中没有:${raw}`, span: p.span });
    return { raw, unit: null, role, expands: [], span: p.span };
  }
  if (match.correctedFrom !== undefined) {
    ctx.warnings.push({
      code: 'unit_corrected',
      message: `单位名称已纠正:${raw} → ${match.canonical}`,
      span: p.span,
    });
  }
  return { raw, unit: match.canonical, role, expands: [], span: p.span };
}

const BY_LEAD_RE = /由([^。;,:()“”]{2,40}?)牵头/g;
const TOGETHER_RE = /^\s*,?\s*(?:并)?会同([^。;:()“”]{2,80}?)(?:等(?:部门|单位)?)?(?=共同|负责|推进|实施|开展|做好|研究|制定|组织|,|。|$)/;

/** 由X牵头,会同Y推进 in running text. */
export function findLedBy(ctx: ResponsibilityContext, s: number, e: number): Responsible[] {
  const { norm } = ctx.src;
  const text = norm.slice(s, e);
  const out: Responsible[] = [];
  const re = new RegExp(BY_LEAD_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const at = s + m.index + 1;
    const names = splitNames(norm, at, at + (m[1] ?? '').length);
    if (names.length === 0 || !names.every((p) => knownOrUnitLike(ctx, p.name))) continue;
    for (const p of names) out.push(entry(ctx, p, isCollective(p.name) ? 'localities' : 'lead'));
    const after = s + m.index + m[0].length;
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

function knownOrUnitLike(ctx: ResponsibilityContext, name: string): boolean {
  return name.length <= 30 && (looksLikeUnit(name) || ctx.resolver.resolve(name) !== null);
}

const ACTOR_KEYS = ['要', '应当', '应', '需要', '需', '须', '负责'];

/**
 * Sentences and clauses that open with their actor: 省住房城乡建设厅要依托…, 市州政府要切实….
 * Only names the registry knows (or collective phrases) count, so ordinary clauses that
 * happen to contain 要/应/需 are not mistaken for actors.
 */
export function findActors(ctx: ResponsibilityContext, s: number, e: number): Responsible[] {
  const { norm } = ctx.src;
  const out: Responsible[] = [];
  let leadTaken = false;
  let at = s;
  while (at < e) {
    const window = norm.slice(at, Math.min(e, at + 26));
    const found = actorAt(ctx, window, at);
    if (found) {
      for (const p of found) {
        let role: ResponsibleRole = 'cooperate';
        if (isCollective(p.name)) role = 'localities';
        else if (!leadTaken) {
          role = 'lead';
          leadTaken = true;
        }
        out.push(entry(ctx, p, role));
      }
    }
    let next = at;
    while (next < e && !'。;,\n'.includes(norm[next] ?? '')) next++;
    at = next + 1;
    while (at < e && /\s/.test(norm[at] ?? '')) at++;
  }
  return out;
}

function actorAt(ctx: ResponsibilityContext, window: string, offset: number): NamePiece[] | null {
  for (let i = 2; i < window.length; i++) {
    const ch = window[i] ?? '';
    if ('。;,:()“”'.includes(ch)) return null;
    if (!ACTOR_KEYS.some((k) => window.startsWith(k, i))) continue;
    const names = splitNames(ctx.src.norm, offset, offset + i);
    if (names.length === 0) continue;
    const ok = names.every((p) => isCollective(p.name) || ctx.resolver.resolve(p.name) !== null);
    if (ok) return names;
  }
  return null;
}
