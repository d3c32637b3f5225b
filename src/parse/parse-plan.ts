/**
 * parsePlan: policy text → sections, items, responsible units, targets and the cover
 * letter, each fact with its span in the text. Pure and synchronous; linear in the size
 * of the text apart from bounded look-arounds.
 */
import { findLetter } from './letter.js';
import { chineseToNumber } from './numerals.js';
import { detectJurisdiction, applyJurisdiction } from './jurisdiction.js';
import { findActors, findLedBy, findStated, parseClause, STANDING_RE, type ResponsibilityContext } from './responsibility.js';
import { parseStructure, type RawHeading, type Structure } from './structure.js';
import { findTargets } from './targets.js';
import { warning } from './warnings.js';
import { isJsSpace, makeSource, type SourceText } from './text.js';
import type { ParsedItem, ParsedPlan, ParseWarning, Responsible } from '../model/plan.js';
import type { UnitMatch, UnitResolver } from '../model/unit-resolver.js';

export interface ParseOptions {
  /** The organisation registry to resolve names against: the caller chooses it (Hunan's, a city's, a test's). */
  resolver: UnitResolver;
}

export function parsePlan(text: string, options: ParseOptions): ParsedPlan {
  const src = makeSource(text);
  const resolver = cachedResolver(options.resolver);
  const warnings: ParseWarning[] = [];
  const { letter, planFromLine } = findLetter(src);
  const structure = parseStructure(src, planFromLine, src.lines.length);
  for (const w of structure.warnings) warnings.push(w);

  let title = structure.title;
  if (!title && letter?.title) {
    const quoted = /《([^》]{2,100})》/.exec(letter.title);
    if (quoted?.[1]) title = quoted[1];
  }
  if (!title) warnings.push(warning('title_missing', {}, [0, 0]));
  const planYear = yearOf(title) ?? (letter?.date ? Number(letter.date.slice(0, 4)) : null);

  const ctx: ResponsibilityContext = { src, resolver, warnings };
  const items: ParsedItem[] = [];
  const headingCarry: { rank: number; entries: Responsible[] }[] = [];
  let ditto: { section: number | null; entries: Responsible[] } | null = null;
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
  let h = 0;
  const headings: RawHeading[] = structure.headings;

  for (const raw of structure.items) {
    while (h < headings.length && (headings[h]?.itemsBefore ?? Infinity) < raw.ordinal) {
      const heading = headings[h++];
      if (!heading) continue;
      while (headingCarry.length > 0 && (headingCarry[headingCarry.length - 1]?.rank ?? -1) >= heading.rank) headingCarry.pop();
      if (heading.isSection) ditto = null;
      const stated = findStated(ctx, heading.bodyStart, heading.span[1]);
      if (stated && stated.entries.length > 0) headingCarry.push({ rank: heading.rank, entries: stated.entries });
      if (stated) addStanding(stated.standing);
    }
    const [start, end] = raw.span;
    let bodyStart = raw.bodyStart;
    while (bodyStart < end && isJsSpace(src.norm.charCodeAt(bodyStart))) bodyStart++;

    let responsible: Responsible[] = [];
    const stated = findStated(ctx, bodyStart, end);
    if (stated && stated.entries.length > 0) {
      responsible = stated.entries;
      if (stated.ditto) ditto = { section: raw.section, entries: stated.entries };
    } else {
      const ledBy = findLedBy(ctx, bodyStart, end);
      const carried = ditto?.entries ?? headingCarry[headingCarry.length - 1]?.entries;
      if (ledBy.length > 0) responsible = ledBy;
      else if (carried && carriedBudget > 0) {
        responsible = carried.slice(0, Math.min(MAX_CARRIED, carriedBudget)).map(copyEntry);
        carriedBudget -= responsible.length;
        warnings.push(warning('responsibility_carried', { item: raw.ordinal }, [start, end]));
        if (carriedBudget <= 0) {
          warnings.push(warning('responsibility_carried', { item: raw.ordinal, reason: 'limit' }, [start, end]));
        }
      }
      else responsible = findActors(ctx, bodyStart, end);
    }
    for (const s of standing) {
      if (carriedBudget <= 0) break;
      if (!responsible.some((r) => r.raw === s.raw)) {
        responsible.push(copyEntry(s));
        carriedBudget--;
      }
    }
    if (stated) addStanding(stated.standing);
    if (responsible.length === 0) {
      warnings.push(warning('responsibility_missing', { item: raw.ordinal }, [start, end]));
    }

    const targets = findTargets({ src, resolver, warnings, planYear, floor: bodyStart }, bodyStart, end);
    items.push({
      number: raw.number,
      ordinal: raw.ordinal,
      section: raw.section,
      title: itemTitle(src, bodyStart, end),
      text: src.original.slice(bodyStart, end),
      span: [start, end],
      responsible,
      targets,
    });
  }

  applyJurisdiction(detectJurisdiction(title, letter, items, resolver), items, resolver, warnings);

  warnings.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  return {
    title,
    letter,
    sections: structure.sections.map((s) => ({ number: s.number, ordinal: s.ordinal, title: s.title, span: s.span })),
    items,
    warnings,
  };
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

/** At most this many units are carried from one clause to the items after it (下同, headings, 以下…不再列出). */
const MAX_CARRIED = 64;
const MAX_CARRIED_TOTAL = 200_000;

function copyEntry(r: Responsible): Responsible {
  return { raw: r.raw, unit: r.unit, role: r.role, expands: [...r.expands], span: [r.span[0], r.span[1]] };
}

function itemTitle(src: SourceText, s: number, e: number): string {
  const { norm, original } = src;
  let end = s;
  for (; end < e; end++) {
    const c = norm.charCodeAt(end);
    if (c === 0x3002 || c === 0x0a || c === 0x0d) break; // 。 \n \r
  }
  // A title without 。 may end with its responsibility clause: (X负责).
  if (end > s && norm.charCodeAt(end - 1) === 0x29) {
    const text = norm.slice(s, end);
    const paren = text.lastIndexOf('(');
    if (paren > 0 && /负责|牵头|配合|责任单位/.test(text.slice(paren))) end = s + paren;
  }
  return original.slice(s, end).trim();
}

function yearOf(title: string): number | null {
  const m = /([0-9]{4}|[〇零一二三四五六七八九]{4})年/.exec(title);
  if (!m?.[1]) return null;
  const y = /^[0-9]+$/.test(m[1]) ? Number(m[1]) : chineseToNumber(m[1]);
  return y !== null && y >= 1949 && y <= 2200 ? y : null;
}

/** Memoise registry look-ups: a plan names the same units many times. */
function cachedResolver(inner: UnitResolver): UnitResolver {
  const resolved = new Map<string, UnitMatch | null>();
  const expanded = new Map<string, string[] | null>();
  const places = new Map<string, string | null>();
  return {
    resolve(name) {
      let hit = resolved.get(name);
      if (hit === undefined) {
        hit = inner.resolve(name);
        resolved.set(name, hit);
      }
      return hit;
    },
    expandLocality(phrase) {
      let hit = expanded.get(phrase);
      if (hit === undefined) {
        hit = inner.expandLocality(phrase);
        expanded.set(phrase, hit);
      }
      return hit;
    },
    place(name) {
      let hit = places.get(name);
      if (hit === undefined) {
        hit = inner.place(name);
        places.set(name, hit);
      }
      return hit;
    },
  };
}
