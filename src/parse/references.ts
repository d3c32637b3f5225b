/**
 * Responsibility by reference: an item whose bracket says `(同上)`, `(同上述)`, `(分工同上)`, or
 * `(与“重大工程”分工相同)` instead of naming units, and division-table cells that say `同上` or
 * `与“…”分工相同`. 同上 takes the previous item's units (in a table: the previous row's cell of
 * the same column); a named reference takes the units of the item whose title holds the quoted
 * words (the nearest one before it, else after it). The copies keep the referenced names' raw
 * text and spans, so every span still slices to its raw. A reference that cannot be resolved
 * leaves the item without units and says so (`responsibility_reference_unresolved`).
 */
import type { ParsedItem, ParseWarning, Responsible } from '../model/plan.js';
import type { Span } from '../model/span.js';
import { warning } from './warnings.js';
import { isJsSpace, NO_NAMES } from './text.js';

export interface Reference {
  /** `previous` for 同上; `named` for 与“…”分工相同. */
  kind: 'previous' | 'named';
  /** The quoted words of a named reference, else ''. */
  name: string;
  /** The reference as written (同上, 与“重大工程”分工相同). */
  raw: string;
  span: Span;
}

/** How far from an item's end a trailing reference bracket is looked for: the test stays O(1) per item. */
const TAIL = 120;

const QUOTED = `(?:[“"「『]([^”"」』]{1,40})[”"」』]|[‘']([^’']{1,40})[’'])`;
const BODY = `(同上(?:述|一项)?|分工同上|与${QUOTED}(?:的)?分工(?:相同|一致))`;
const BRACKET_RE = new RegExp(`[(〔【]\\s*(?:(?:责任|牵头|承办)?(?:单位|部门)\\s*[::]\\s*)?${BODY}\\s*[)〕】]\\s*[。;.]?\\s*$`);
const CELL_RE = new RegExp(`^[(〔【]?\\s*${BODY}\\s*[)〕】]?$`);

function reference(m: RegExpExecArray, at: number, original: string): Reference {
  const body = m[1] ?? '';
  const start = at + (m[0].indexOf(body) >= 0 ? m[0].indexOf(body) : 0);
  const span: Span = [start, start + body.length];
  const name = m[2] ?? m[3];
  return { kind: name ? 'named' : 'previous', name: name ?? '', raw: original.slice(span[0], span[1]), span };
}

/**
 * Whether [s, e) ends the way BRACKET_RE needs: a closing bracket, then white space, at most one
 * 。;. and white space. Most items end otherwise (with 。 after a sentence), and need no pattern.
 */
function endsWithCloser(norm: string, s: number, e: number): boolean {
  let j = e;
  while (j > s && isJsSpace(norm.charCodeAt(j - 1))) j--;
  const stop = norm.charCodeAt(j - 1);
  if (j > s && (stop === 0x3002 || stop === 0x3b || stop === 0x2e)) {
    j--;
    while (j > s && isJsSpace(norm.charCodeAt(j - 1))) j--;
  }
  const c = norm.charCodeAt(j - 1);
  return j > s && (c === 0x29 || c === 0x3015 || c === 0x3011); // ) 〕 】
}

/** A reference bracket that ends the item's text [s, e), or null. */
export function trailingReference(norm: string, original: string, s: number, e: number): Reference | null {
  if (!endsWithCloser(norm, s, e)) return null;
  const from = Math.max(s, e - TAIL);
  const m = BRACKET_RE.exec(norm.slice(from, e));
  return m ? reference(m, from + m.index, original) : null;
}

/** A table cell [s, e) that is nothing but a reference, or null. */
export function cellReference(norm: string, original: string, s: number, e: number): Reference | null {
  if (e - s > TAIL) return null;
  const m = CELL_RE.exec(norm.slice(s, e));
  return m ? reference(m, s + m.index, original) : null;
}

const QUOTES_RE = /[“”"「」『』‘’'\s]/g;
const bare = (text: string): string => text.replace(QUOTES_RE, '');

function copy(r: Responsible): Responsible {
  return { raw: r.raw, unit: r.unit, role: r.role, expands: r.expands.length > 0 ? [...r.expands] : NO_NAMES, span: [r.span[0], r.span[1]] };
}

export interface PendingReference {
  /** Index of the referring item in the plan's items. */
  index: number;
  reference: Reference;
}

/**
 * Fill in the units of items that refer to others, in document order (so 同上 after 同上 takes
 * the first one's units); warn for each reference that finds no item with units.
 */
export function resolveReferences(items: ParsedItem[], pending: PendingReference[], normTitles: (item: ParsedItem) => string, warnings: ParseWarning[]): void {
  let keys: string[] | null = null;
  for (const { index, reference: ref } of pending) {
    const item = items[index];
    if (!item) continue;
    let target: ParsedItem | undefined;
    if (ref.kind === 'previous') {
      target = items[index - 1];
    } else {
      keys ??= items.map((i) => bare(normTitles(i)));
      const want = bare(ref.name);
      if (want !== '') {
        for (let k = index - 1; k >= 0 && !target; k--) if (keys[k]?.includes(want)) target = items[k];
        for (let k = index + 1; k < items.length && !target; k++) if (keys[k]?.includes(want)) target = items[k];
      }
    }
    const entries = target?.responsible ?? [];
    if (entries.length === 0) {
      warnings.push(warning('responsibility_reference_unresolved', { item: item.ordinal, reference: ref.raw }, ref.span));
      continue;
    }
    // A new list: the item's own may be the shared empty one.
    const added: Responsible[] = [];
    for (const r of entries) {
      if (!item.responsible.some((x) => x.raw === r.raw && x.role === r.role) && !added.some((x) => x.raw === r.raw && x.role === r.role)) added.push(copy(r));
    }
    if (added.length > 0) item.responsible = item.responsible.concat(added);
  }
}
