/**
 * Scoring of the genre corpus (fixtures/corpus/): a parsed plan against a hand-written
 * expectation. Used by corpus.test.ts, by its variants test and by `scripts/corpus-score.ts`,
 * which scores any text with an expectation beside it (a page kept outside the repository, a
 * new corpus document before it is committed).
 */
import type { ParsedPlan } from '../model/plan.js';

export interface ExpectedItem {
  number: string;
  title: string;
  responsible: { raw: string; role: string }[];
  targets: string[];
}
export interface Expected {
  source: string;
  items: ExpectedItem[];
}

export interface Counts {
  unitHit: number;
  unitFound: number;
  unitExpected: number;
  titleHit: number;
  titles: number;
  titlesFound: number;
  targetHit: number;
  targetFound: number;
  targetExpected: number;
}

export const zero = (): Counts => ({ unitHit: 0, unitFound: 0, unitExpected: 0, titleHit: 0, titles: 0, titlesFound: 0, targetHit: 0, targetFound: 0, targetExpected: 0 });

/** Size of the multiset intersection. */
function overlap(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const x of a) left.set(x, (left.get(x) ?? 0) + 1);
  let n = 0;
  for (const x of b) {
    const k = left.get(x) ?? 0;
    if (k > 0) {
      n++;
      left.set(x, k - 1);
    }
  }
  return n;
}

/** A target's raw as compared: a figure cut by a hard wrap (1⏎000亿元) keeps the break in its raw. */
export const targetKey = (raw: string): string => raw.replace(/\s*\n\s*/g, '');

/** The item's units as compared: `raw/role`. A name broken across a hard-wrapped line keeps the
 * break in its raw (raw is what its span slices); the expectations write it as one name. */
export const unitKeys = (item: { responsible: { raw: string; role: string }[] } | undefined): string[] =>
  item?.responsible.map((r) => `${r.raw.replace(/\s*\n\s*/g, '')}/${r.role}`) ?? [];

/** Items are compared in order: a missed or extra item costs all of its units, title and targets. */
export function score(plan: ParsedPlan, expected: Expected): Counts {
  const c = zero();
  const n = Math.max(plan.items.length, expected.items.length);
  for (let i = 0; i < n; i++) {
    const got = plan.items[i];
    const want = expected.items[i];
    const gotUnits = unitKeys(got);
    const wantUnits = unitKeys(want);
    c.unitFound += gotUnits.length;
    c.unitExpected += wantUnits.length;
    c.unitHit += overlap(gotUnits, wantUnits);
    const gotTargets = got?.targets.map((t) => targetKey(t.raw)) ?? [];
    const wantTargets = want?.targets ?? [];
    c.targetFound += gotTargets.length;
    c.targetExpected += wantTargets.length;
    c.targetHit += overlap(gotTargets, wantTargets);
    if (got) c.titlesFound++;
    if (want) {
      c.titles++;
      if (got && got.title === want.title && got.number === want.number) c.titleHit++;
    }
  }
  return c;
}

/** Where a plan differs from its expectation, item by item, for a person to read. */
export function differences(plan: ParsedPlan, expected: Expected): string[] {
  const out: string[] = [];
  const n = Math.max(plan.items.length, expected.items.length);
  for (let i = 0; i < n; i++) {
    const got = plan.items[i];
    const want = expected.items[i];
    const lines: string[] = [];
    if (!got || !want || got.number !== want.number || got.title !== want.title) {
      lines.push(`  title  want ${want ? `${want.number} ${want.title}` : '(none)'}`, `         got  ${got ? `${got.number} ${got.title}` : '(none)'}`);
    }
    const gu = unitKeys(got).join(' ');
    const wu = unitKeys(want).join(' ');
    if (gu !== wu) lines.push(`  units  want ${wu}`, `         got  ${gu}`);
    const gt = (got?.targets.map((t) => targetKey(t.raw)) ?? []).join(' | ');
    const wt = (want?.targets ?? []).join(' | ');
    if (gt !== wt) lines.push(`  targets want ${wt}`, `          got  ${gt}`);
    if (lines.length > 0) out.push(`item ${i + 1}:`, ...lines);
  }
  return out;
}

export function add(a: Counts, b: Counts): void {
  for (const k of Object.keys(a) as (keyof Counts)[]) a[k] += b[k];
}

export interface Figures {
  unitP: number;
  unitR: number;
  unitF1: number;
  titleP: number;
  titles: number;
  targetP: number;
  targetR: number;
  targetF1: number;
}

export function figures(c: Counts): Figures {
  const ratio = (x: number, y: number): number => (y === 0 ? 1 : x / y);
  const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
  const unitP = ratio(c.unitHit, c.unitFound);
  const unitR = ratio(c.unitHit, c.unitExpected);
  const targetP = ratio(c.targetHit, c.targetFound);
  const targetR = ratio(c.targetHit, c.targetExpected);
  return {
    unitP,
    unitR,
    unitF1: f1(unitP, unitR),
    titleP: ratio(c.titleHit, c.titlesFound),
    titles: ratio(c.titleHit, c.titles),
    targetP,
    targetR,
    targetF1: f1(targetP, targetR),
  };
}

const fmt = (x: number): string => x.toFixed(3);
export const describeFigures = (f: Figures): string =>
  `units P ${fmt(f.unitP)} R ${fmt(f.unitR)} F1 ${fmt(f.unitF1)}  titles P ${fmt(f.titleP)} R ${fmt(f.titles)}  targets P ${fmt(f.targetP)} R ${fmt(f.targetR)} F1 ${fmt(f.targetF1)}`;

/**
 * The shapes a document's line breaks take on other pages, as the variants test reads them: every
 * line break lost with a space or nothing left between the paragraphs, and every line cut at a
 * PDF's width. The expectations stay the same (a name broken by a wrap is compared without it).
 */
export const SHAPES: Readonly<Record<string, (text: string) => string>> = {
  'run-on-space': (s) => s.split('\n').map((l) => l.trim()).join(' '),
  'run-on-nothing': (s) => s.split('\n').map((l) => l.trim()).join(''),
  'wrapped-33': (s) =>
    s
      .split('\n')
      .map((l) => {
        const out: string[] = [];
        for (let i = 0; i < l.length; i += 33) out.push(l.slice(i, i + 33));
        return out.join('\n');
      })
      .join('\n'),
};

/** A corpus text without its first line (how it was made; the parser never sees it). */
export const corpusText = (file: string): string => file.split('\n').slice(1).join('\n');
