/**
 * parsePlan: policy text → sections, items, responsible units, targets and the cover
 * letter, each fact with its span in the text. Pure and synchronous; linear in the size
 * of the text apart from bounded look-arounds.
 */
import { findLetter } from './letter.js';
import { chineseToNumber } from './numerals.js';
import { findActors, findLedBy, findStated, type ResponsibilityContext } from './responsibility.js';
import { parseStructure, type RawHeading } from './structure.js';
import { findTargets } from './targets.js';
import { makeSource, type SourceText } from './text.js';
import type {
  ParsedItem,
  ParsedPlan,
  ParseOptions,
  ParseWarning,
  Responsible,
  UnitMatch,
  UnitResolver,
} from './types.js';

export function parsePlan(text: string, options: ParseOptions): ParsedPlan {
  const src = makeSource(text);
  const resolver = cachedResolver(options.resolver);
  const warnings: ParseWarning[] = [];
  const { letter, planFromLine } = findLetter(src);
  const structure = parseStructure(src, planFromLine, src.lines.length);
  warnings.push(...structure.warnings);

  let title = structure.title;
  if (!title && letter?.title) {
    const quoted = /《([^》]{2,100})》/.exec(letter.title);
    if (quoted?.[1]) title = quoted[1];
  }
  if (!title) warnings.push({ code: 'title_missing', message: '未识别到文件标题', span: [0, 0] });
  const planYear = yearOf(title) ?? (letter?.date ? Number(letter.date.slice(0, 4)) : null);

  const ctx: ResponsibilityContext = { src, resolver, warnings };
  const items: ParsedItem[] = [];
  const headingCarry: { rank: number; entries: Responsible[] }[] = [];
  let ditto: { section: number | null; entries: Responsible[] } | null = null;
  const standing: Responsible[] = [];
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
      if (stated) standing.push(...stated.standing);
    }
    const [start, end] = raw.span;
    let bodyStart = raw.bodyStart;
    while (bodyStart < end && /\s/.test(src.norm[bodyStart] ?? '')) bodyStart++;

    let responsible: Responsible[] = [];
    const stated = findStated(ctx, bodyStart, end);
    if (stated && stated.entries.length > 0) {
      responsible = stated.entries;
      if (stated.ditto) ditto = { section: raw.section, entries: stated.entries };
    } else {
      const ledBy = findLedBy(ctx, bodyStart, end);
      const carried = ditto?.entries ?? headingCarry[headingCarry.length - 1]?.entries;
      if (ledBy.length > 0) responsible = ledBy;
      else if (carried) responsible = carried.map(copyEntry);
      else responsible = findActors(ctx, bodyStart, end);
    }
    for (const s of standing) {
      if (!responsible.some((r) => r.raw === s.raw)) responsible.push(copyEntry(s));
    }
    if (stated) standing.push(...stated.standing);
    if (responsible.length === 0) {
      warnings.push({ code: 'responsibility_missing', message: `第${raw.ordinal}项未写明责任单位`, span: [start, end] });
    }

    const targets = findTargets({ src, resolver, warnings, planYear }, bodyStart, end);
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

  warnings.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  return {
    title,
    letter,
    sections: structure.sections.map((s) => ({ number: s.number, ordinal: s.ordinal, title: s.title, span: s.span })),
    items,
    warnings,
  };
}

function copyEntry(r: Responsible): Responsible {
  return { raw: r.raw, unit: r.unit, role: r.role, expands: [...r.expands], span: [r.span[0], r.span[1]] };
}

function itemTitle(src: SourceText, s: number, e: number): string {
  const { norm, original } = src;
  let end = s;
  while (end < e && norm[end] !== '。' && norm[end] !== '\n' && norm[end] !== '\r') end++;
  // A title without 。 may end with its responsibility clause: (X负责).
  const text = norm.slice(s, end);
  const paren = text.lastIndexOf('(');
  if (paren > 0 && text.endsWith(')') && /负责|牵头|配合|责任单位/.test(text.slice(paren))) end = s + paren;
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
      if (!resolved.has(name)) resolved.set(name, inner.resolve(name));
      return resolved.get(name) ?? null;
    },
    expandLocality(phrase) {
      if (!expanded.has(phrase)) expanded.set(phrase, inner.expandLocality(phrase));
      return expanded.get(phrase) ?? null;
    },
    place(name) {
      if (!places.has(name)) places.set(name, inner.place(name));
      return places.get(name) ?? null;
    },
  };
}
