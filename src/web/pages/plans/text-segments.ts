import type { Span } from '../../../contract/common';

/**
 * The document pane renders the plan's text as a flat run of `<span data-start>` segments, one
 * text node each. The text is cut at every span the page may highlight (items, facts,
 * warnings), so that a highlight only changes the class of whole segments: the DOM and its
 * text nodes stay the same while the user hovers, and a selection survives a re-render.
 */
export interface Segment {
  start: number;
  end: number;
}

/** [0, length) cut at every boundary of `spans` that falls inside it; no segment is empty. */
export function segmentText(length: number, spans: Iterable<Span>): Segment[] {
  if (length <= 0) return [];
  const cuts = new Set<number>([0, length]);
  for (const [start, end] of spans) {
    for (const cut of [start, end]) {
      if (Number.isInteger(cut) && cut > 0 && cut < length) cuts.add(cut);
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 1; i < sorted.length; i++) segments.push({ start: sorted[i - 1]!, end: sorted[i]! });
  return segments;
}

/** Index of the segment that holds `offset` (the last one for `offset` = the text's length); -1 when there is none. */
export function segmentIndexAt(segments: readonly Segment[], offset: number): number {
  if (segments.length === 0 || offset < segments[0]!.start) return -1;
  const last = segments.length - 1;
  if (offset >= segments[last]!.end) return offset === segments[last]!.end ? last : -1;
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether a segment lies inside a span. Segments never straddle a span they were cut at. */
export function segmentInside(segment: Segment, span: Span | null | undefined): boolean {
  return !!span && span[0] < span[1] && segment.start >= span[0] && segment.end <= span[1];
}

/** The highlights the document pane can show at once, weakest first. */
export interface Highlights {
  /** The item under the pointer: a faint background. */
  item?: Span | null;
  /** A warning picked from the list. */
  warning?: Span | null;
  /** The fact (tag or chip) under the pointer. */
  fact?: Span | null;
  /** Text chosen to become a new fact, while its form is open. */
  selection?: Span | null;
}

export const HIGHLIGHT_CLASSES: Record<keyof Highlights, string> = {
  item: 'plan-mark-item',
  warning: 'plan-mark-warning',
  fact: 'plan-mark-fact',
  selection: 'plan-mark-selection',
};

/** CSS classes of one segment under the given highlights. */
export function segmentClassName(segment: Segment, highlights: Highlights): string | undefined {
  const names: string[] = [];
  for (const key of Object.keys(HIGHLIGHT_CLASSES) as (keyof Highlights)[]) {
    if (segmentInside(segment, highlights[key])) names.push(HIGHLIGHT_CLASSES[key]);
  }
  return names.length > 0 ? names.join(' ') : undefined;
}

/** [start, end) between two offsets given in any order; null when they are equal (a caret, not a selection). */
export function orderedSpan(a: number, b: number): Span | null {
  if (a === b) return null;
  return a < b ? [a, b] : [b, a];
}

/** The span without leading and trailing white space; null when nothing else is left. */
export function trimSpan(text: string, span: Span): Span | null {
  let [start, end] = span;
  start = Math.max(0, start);
  end = Math.min(text.length, end);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? [start, end] : null;
}

/** The first of `containers` (items, say) whose span wholly contains `span`, or null. */
export function containing<T extends { span: Span }>(containers: readonly T[], span: Span): T | null {
  return containers.find((c) => c.span[0] <= span[0] && span[1] <= c.span[1]) ?? null;
}

/**
 * The slice of the DOM that {@link domPointToOffset} needs; real DOM nodes satisfy it, and so
 * do plain objects in a unit test.
 */
export interface PointNode {
  nodeType: number;
  parentNode: PointNode | null;
  childNodes: ArrayLike<PointNode>;
  textContent: string | null;
  getAttribute?: (name: string) => string | null;
}

const TEXT_NODE = 3;

function segmentStart(node: PointNode): number | null {
  const value = node.getAttribute?.('data-start');
  if (value === null || value === undefined || !/^\d+$/.test(value)) return null;
  return Number(value);
}

/** The nearest segment element at or above `node`, without leaving `root`. */
function segmentOf(root: PointNode, node: PointNode): PointNode | null {
  for (let n: PointNode | null = node; n && n !== root; n = n.parentNode) {
    if (segmentStart(n) !== null) return n;
  }
  return null;
}

function isWithin(root: PointNode, node: PointNode): boolean {
  for (let n: PointNode | null = node; n; n = n.parentNode) if (n === root) return true;
  return false;
}

/** Characters of the text nodes that come before `target` inside `container`, in document order. */
function textBefore(container: PointNode, target: PointNode): number {
  let count = 0;
  const walk = (node: PointNode): boolean => {
    if (node === target) return true;
    if (node.nodeType === TEXT_NODE) {
      count += (node.textContent ?? '').length;
      return false;
    }
    return Array.from(node.childNodes).some(walk);
  };
  walk(container);
  return count;
}

function segmentEnd(segment: PointNode): number {
  return segmentStart(segment)! + (segment.textContent ?? '').length;
}

/**
 * The text offset of a DOM selection point (a node and an offset, as `Selection.anchorNode`
 * and `anchorOffset` give them) inside the document pane `root`, or null when the point lies
 * outside it. A point in a text node counts characters of that node; a point in an element
 * sits before its `offset`-th child.
 */
export function domPointToOffset(root: PointNode, node: PointNode, offset: number): number | null {
  if (!isWithin(root, node)) return null;
  if (node.nodeType === TEXT_NODE) {
    const segment = segmentOf(root, node);
    if (!segment) return null;
    const length = (node.textContent ?? '').length;
    return segmentStart(segment)! + textBefore(segment, node) + Math.max(0, Math.min(offset, length));
  }
  const segment = segmentOf(root, node);
  if (segment) {
    // Inside a segment (or an element within one): before its `offset`-th child.
    const before = Array.from(node.childNodes)
      .slice(0, Math.max(0, offset))
      .reduce((sum, child) => sum + (child.textContent ?? '').length, 0);
    return segmentStart(segment)! + textBefore(segment, node) + before;
  }
  // A container of segments (the pane itself): before its `offset`-th child.
  const children = Array.from(node.childNodes).filter((child) => segmentStart(child) !== null);
  if (children.length === 0) return null;
  const all = Array.from(node.childNodes);
  for (let i = offset; i < all.length; i++) {
    const start = segmentStart(all[i]!);
    if (start !== null) return start;
  }
  return segmentEnd(children[children.length - 1]!);
}
