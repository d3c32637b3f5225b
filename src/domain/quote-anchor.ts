/**
 * Where a quoted passage of the consulted version is in a revised version. An opinion may
 * quote a passage (quote + span into the old text); after revision the office must see
 * whether that exact passage is still there. Only exact occurrences count: a passage whose
 * wording changed is 'gone', and the caller flags it. Nothing is ever moved by similarity.
 */
import type { Span } from '../model/span.js';
import { redline } from './redline.js';
import type { ParagraphChange, Redline } from './redline.js';

export type QuoteStatus = 'same' | 'moved' | 'gone';

export interface QuoteLocation {
  /**
   * same: the passage is at the position its old span maps to; moved: it exists elsewhere
   * (the occurrence nearest to the mapped position is given); gone: it no longer exists.
   */
  status: QuoteStatus;
  /** Where the passage is in the new text; null when gone. */
  span: Span | null;
}

/** Last index i with key(i) ≤ x over a list sorted by key, or -1. */
function lastAtOrBefore<T>(list: T[], x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid] as T) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Maps an offset of the old text to the corresponding offset of the new text through a
 * redline of the two: exact inside equal paragraphs and inside the equal parts of edited
 * ones; a deleted character maps to where the deleted text stood in the new text.
 */
export function mapOffset(rl: Redline, offset: number, newLength: number): number {
  const withOld = rl.changes.filter((c): c is ParagraphChange & { oldSpan: Span } => c.oldSpan !== null);
  const i = lastAtOrBefore(withOld, offset, (c) => c.oldSpan[0]);
  const clamp = (x: number): number => Math.max(0, Math.min(newLength, x));
  // The new-side position just after change number `index` (or 0 before the first).
  const newAfter = (index: number): number => {
    for (let j = index; j >= 0; j--) {
      const span = rl.changes[j]?.newSpan;
      if (span) return span[1];
    }
    return 0;
  };
  // The new-side position where change number `index` would stand.
  const newAt = (index: number): number => {
    for (let j = index; j < rl.changes.length; j++) {
      const span = rl.changes[j]?.newSpan;
      if (span) return span[0];
    }
    return newAfter(index - 1);
  };

  const c = withOld[i];
  if (!c) {
    // Before the first old paragraph: keep the distance to the first new-side position.
    return clamp(newAt(0) - ((withOld[0]?.oldSpan[0] ?? offset) - offset));
  }
  const [os, oe] = c.oldSpan;
  if (offset >= oe) {
    // In the blank space after the paragraph.
    return clamp(newAfter(c.index) + (offset - oe));
  }
  if (c.kind === 'delete' || !c.newSpan) return clamp(newAt(c.index));
  if (c.kind === 'equal' || !c.inline) return c.newSpan[0] + (offset - os);
  let oldPos = os;
  let newPos = c.newSpan[0];
  for (const part of c.inline) {
    if (part.op === 'insert') {
      newPos += part.text.length;
      continue;
    }
    const end = oldPos + part.text.length;
    if (offset < end) return part.op === 'equal' ? newPos + (offset - oldPos) : newPos;
    oldPos = end;
    if (part.op === 'equal') newPos += part.text.length;
  }
  return clamp(newPos);
}

/** The occurrence of `needle` in `text` whose start is nearest to `at` (earlier on ties), or -1. */
function nearestOccurrence(text: string, needle: string, at: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const distance = Math.abs(i - at);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    } else if (i > at) break;
  }
  return best;
}

/**
 * Finds an opinion's quoted passage of `oldText` in `newText`. `oldSpan` is where the quote
 * stood in the old text; when it is null, or stale (the old text there is not the quote),
 * the occurrence of the quote in the old text nearest to it is used instead. Pass the
 * redline of the same two texts when relocating many quotes, to compute it once.
 * An empty quote is 'gone': there is no passage to find.
 */
export function relocateQuote(
  oldText: string,
  newText: string,
  quote: string,
  oldSpan: Span | null,
  rl?: Redline,
): QuoteLocation {
  if (quote === '' || !newText.includes(quote)) return { status: 'gone', span: null };

  let anchor: number | null = null;
  if (oldSpan && oldText.slice(oldSpan[0], oldSpan[1]) === quote) anchor = oldSpan[0];
  else {
    const found = nearestOccurrence(oldText, quote, oldSpan ? oldSpan[0] : 0);
    if (found >= 0) anchor = found;
  }

  let mapped = 0;
  if (anchor !== null) {
    mapped = mapOffset(rl ?? redline(oldText, newText), anchor, newText.length);
    if (newText.startsWith(quote, mapped)) return { status: 'same', span: [mapped, mapped + quote.length] };
  } else if (oldSpan) {
    // The quote is not in the old text at all: it cannot be "the same"; look near its span.
    mapped = Math.max(0, Math.min(newText.length, oldSpan[0]));
  }
  const at = nearestOccurrence(newText, quote, mapped);
  return { status: 'moved', span: [at, at + quote.length] };
}
