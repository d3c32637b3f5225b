/**
 * The redline (修订对照) between two versions of a plan's text: paragraph by paragraph, and
 * character by character inside a paragraph that was edited. Pure: no I/O, no clock, and
 * the same inputs always give the same output (every cost limit below is counted in work
 * units, never in milliseconds, so keys cannot depend on how busy the machine was).
 *
 * Paragraphs are the non-blank lines of the text. A line ends at \n, \r, U+2028 or U+2029
 * (so CRLF and LF texts split alike), and a paragraph's text and span leave out the
 * whitespace around the line (U+3000 indentation, a trailing \r): re-indenting is
 * not a change of wording. Every span is `[start, end)` into the original string, and
 * `text.slice(...span)` is the paragraph's text.
 *
 * How it works:
 * 1. Paragraphs are interned to numbers. Paragraphs found on one side only cannot be
 *    equal to anything, so they are set aside before the paragraph-level LCS (jsdiff's
 *    Myers `diffArrays`), whose cost then grows with the number of moved paragraphs only.
 *    When even that would exceed a fixed budget (a text reshuffled wholesale), it falls
 *    back to anchoring on paragraphs unique to both sides, in longest increasing order.
 * 2. A paragraph left unmatched on both sides with the same wording was moved: it stays a
 *    delete and an insert, and both carry `movedWith`, the index of the other.
 * 3. Between two equal paragraphs lies a hunk of deleted and inserted paragraphs. The ones
 *    that are similar (character LCS ratio ≥ 0.5) are paired into 'modify', keeping the
 *    order of both sides (an optimal alignment for small hunks, a windowed greedy one for
 *    large hunks). The rest stay delete and insert.
 */
import { diffArrays } from 'diff';
import type { ArrayChange } from 'diff';
import type { Span } from '../model/span.js';
import { sm3 } from '../model/sm3.js';
import { cleanupSemantic } from './inline-cleanup.js';
import type { InlinePart } from './inline-cleanup.js';

export type { InlinePart };

export type ChangeKind = 'equal' | 'insert' | 'delete' | 'modify';

export interface ParagraphChange {
  /** Stable within one redline: 0..n-1 in document order; used to link a change to opinions. */
  index: number;
  kind: ChangeKind;
  /** The paragraph in the old text (null for 'insert'). */
  oldText: string | null;
  /** The paragraph in the new text (null for 'delete'). */
  newText: string | null;
  /** `oldText.slice(...oldSpan) === change.oldText`. */
  oldSpan: Span | null;
  /** `newText.slice(...newSpan) === change.newText`. */
  newSpan: Span | null;
  /**
   * For 'modify': the edit inside the paragraph. Equal and delete parts concatenate to
   * `oldText`, equal and insert parts to `newText`. Null for the other kinds.
   */
  inline: InlinePart[] | null;
  /**
   * SM3 (hex) of the change's content: `JSON.stringify([kind, oldText, newText, n])`, where n
   * counts earlier changes with the same kind and texts (0 for the first). Content, not
   * position, so a link from an opinion to this change survives recomputing the redline
   * after the office edits some other paragraph of the new version; it changes exactly
   * when this change itself changes, which is when the link must be looked at again.
   */
  key: string;
  /**
   * Set on a 'delete' whose paragraph reappears verbatim as an 'insert' elsewhere (and on
   * that 'insert'): the index of the other change. The paragraph was moved, not rewritten.
   */
  movedWith?: number;
}

export interface RedlineStats {
  inserted: number;
  deleted: number;
  modified: number;
  unchanged: number;
}

export interface Redline {
  changes: ParagraphChange[];
  stats: RedlineStats;
}

export interface Paragraph {
  text: string;
  span: Span;
}

/** Deleted and inserted paragraphs at least this similar are shown as one edited paragraph. */
export const MODIFY_SIMILARITY = 0.5;

/** Work units ((n + m) × edit length) allowed for the paragraph-level LCS. */
const ALIGN_BUDGET = 10_000_000;
/** Work units allowed for similarity tests and inline diffs over the whole redline. */
const PAIR_BUDGET = 150_000_000;
/** Hunks up to this many delete × insert pairs are aligned optimally; larger ones greedily. */
const OPTIMAL_PAIRS = 400;
/** In the greedy alignment, how many inserted paragraphs a deleted one is compared with. */
const WINDOW = 8;

function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** JavaScript's \s (less the line breaks), plus the zero-width space. */
function isBlank(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f ||
    c === 0x3000 || c === 0xfeff
  );
}

/** The non-blank lines of a text, trimmed, with their offsets into it. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && (isBreak(text.charCodeAt(i)) || isBlank(text.charCodeAt(i)))) i++;
    if (i >= n) break;
    const start = i;
    let lastNonBlank = i;
    while (i < n && !isBreak(text.charCodeAt(i))) {
      if (!isBlank(text.charCodeAt(i))) lastNonBlank = i;
      i++;
    }
    const end = lastNonBlank + 1;
    out.push({ text: text.slice(start, end), span: [start, end] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Paragraph alignment

/** Pairs [old index, new index] of equal paragraphs, increasing on both sides. */
function alignParagraphs(a: Paragraph[], b: Paragraph[]): Array<[number, number]> {
  const ids = new Map<string, number>();
  const intern = (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) {
      id = ids.size;
      ids.set(s, id);
    }
    return id;
  };
  const idA = a.map((p) => intern(p.text));
  const idB = b.map((p) => intern(p.text));
  const countA = new Int32Array(ids.size);
  const countB = new Int32Array(ids.size);
  for (const id of idA) countA[id] = (countA[id] ?? 0) + 1;
  for (const id of idB) countB[id] = (countB[id] ?? 0) + 1;

  // Only paragraphs present on both sides can be matched.
  const keptA: number[] = [];
  const keptB: number[] = [];
  idA.forEach((id, i) => {
    if ((countB[id] ?? 0) > 0) keptA.push(i);
  });
  idB.forEach((id, i) => {
    if ((countA[id] ?? 0) > 0) keptB.push(i);
  });
  if (keptA.length === 0 || keptB.length === 0) return [];
  const seqA = keptA.map((i) => idA[i] ?? -1);
  const seqB = keptB.map((i) => idB[i] ?? -1);

  const size = seqA.length + seqB.length;
  const maxEditLength = Math.max(1, Math.floor(ALIGN_BUDGET / size));
  const changes = diffArrays(seqA, seqB, { maxEditLength });
  if (changes === undefined) return anchorUnique(seqA, seqB, countA, countB, keptA, keptB);

  const pairs: Array<[number, number]> = [];
  let ia = 0;
  let ib = 0;
  for (const c of changes) {
    if (c.added) ib += c.count;
    else if (c.removed) ia += c.count;
    else {
      for (let k = 0; k < c.count; k++) pairs.push([keptA[ia + k] ?? -1, keptB[ib + k] ?? -1]);
      ia += c.count;
      ib += c.count;
    }
  }
  return pairs;
}

/**
 * Fallback alignment in O(n log n): paragraphs that occur exactly once on each side,
 * kept in the longest order common to both (patience diff's anchors), each run of anchors
 * extended by equal neighbours.
 */
function anchorUnique(
  seqA: number[],
  seqB: number[],
  countA: Int32Array,
  countB: Int32Array,
  keptA: number[],
  keptB: number[],
): Array<[number, number]> {
  const posInA = new Map<number, number>();
  seqA.forEach((id, i) => {
    if (countA[id] === 1 && countB[id] === 1) posInA.set(id, i);
  });
  const cand: Array<[number, number]> = [];
  seqB.forEach((id, j) => {
    const i = posInA.get(id);
    if (i !== undefined) cand.push([i, j]);
  });
  // Longest increasing subsequence of old positions, in new order.
  const tails: number[] = [];
  const prev = new Int32Array(cand.length).fill(-1);
  for (let c = 0; c < cand.length; c++) {
    const x = cand[c]?.[0] ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cand[tails[mid] ?? 0]?.[0] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[c] = tails[lo - 1] ?? -1;
    tails[lo] = c;
  }
  const anchors: Array<[number, number]> = [];
  for (let c = tails.length > 0 ? (tails[tails.length - 1] ?? -1) : -1; c >= 0; c = prev[c] ?? -1) {
    const p = cand[c];
    if (p) anchors.push(p);
  }
  anchors.reverse();

  // Extend each gap between anchors from both ends with equal paragraphs.
  const out: Array<[number, number]> = [];
  let ia = 0;
  let ib = 0;
  for (const [ea, eb] of [...anchors, [seqA.length, seqB.length] as [number, number]]) {
    let sa = ia;
    let sb = ib;
    while (sa < ea && sb < eb && seqA[sa] === seqB[sb]) out.push([sa++, sb++]);
    const tail: Array<[number, number]> = [];
    let ta = ea;
    let tb = eb;
    while (ta > sa && tb > sb && seqA[ta - 1] === seqB[tb - 1]) tail.push([--ta, --tb]);
    out.push(...tail.reverse());
    if (ea < seqA.length) out.push([ea, eb]);
    ia = ea + 1;
    ib = eb + 1;
  }
  return out.map(([i, j]) => [keptA[i] ?? -1, keptB[j] ?? -1]);
}

// ---------------------------------------------------------------------------------------
// Inside a paragraph

/**
 * Tokens for the inline diff: a figure (4.35万, 100%, １５) is one token, so a changed
 * figure reads as one figure replaced by another rather than as scattered digits; a run
 * of Latin letters is one token; a surrogate pair is one token (never split in two);
 * every other character is a token of its own (Chinese has no spaces).
 */
const TOKEN = /[0-9０-９]+(?:[.．][0-9０-９]+)*[万亿]?[%％‰]?|[A-Za-z]+|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g;

function tokenize(s: string): string[] {
  return s.match(TOKEN) ?? [];
}

/** A character multiset; its overlap with another bounds their LCS from above. */
function bag(s: string): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    m.set(c, (m.get(c) ?? 0) + 1);
  }
  return m;
}

function overlap(x: Map<number, number>, y: Map<number, number>): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let n = 0;
  for (const [c, k] of small) n += Math.min(k, large.get(c) ?? 0);
  return n;
}

interface Budget {
  remaining: number;
}

interface Compared {
  score: number;
  inline: InlinePart[];
}

/**
 * Similarity 2·LCS / (|a| + |b|) counted in characters over the tokens above, with the
 * inline diff that realises it; null when below MODIFY_SIMILARITY (or too costly to tell,
 * which is decided by the work budget, deterministically).
 */
function compare(a: string, b: string, bagA: Map<number, number>, bagB: Map<number, number>, budget: Budget): Compared | null {
  if (a === b) return null;
  const total = a.length + b.length;
  // LCS ≤ min length, and LCS ≤ overlap of the character multisets.
  if (2 * Math.min(a.length, b.length) < MODIFY_SIMILARITY * total) return null;
  if (2 * overlap(bagA, bagB) < MODIFY_SIMILARITY * total) return null;
  const ta = tokenize(a);
  const tb = tokenize(b);
  const size = ta.length + tb.length;
  // Similar means at most total·(1 − threshold) characters edited, so at most that many tokens.
  const bound = Math.floor(total * (1 - MODIFY_SIMILARITY));
  const maxEditLength = Math.min(bound, Math.floor(budget.remaining / size));
  if (maxEditLength < 1) return null;
  const changes = diffArrays(ta, tb, { maxEditLength });
  if (changes === undefined) {
    budget.remaining -= size * maxEditLength;
    return null;
  }
  let edits = 0;
  let same = 0;
  for (const c of changes) {
    if (c.added || c.removed) edits += c.count;
    else for (const t of c.value) same += t.length;
  }
  budget.remaining -= size * Math.max(1, edits);
  const score = (2 * same) / total;
  if (score < MODIFY_SIMILARITY) return null;
  return { score, inline: readable(changes) };
}

/** Token changes as inline parts, cleaned up to read well (inline-cleanup.ts). */
function readable(changes: ArrayChange<string>[]): InlinePart[] {
  return cleanupSemantic(
    changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join('') }) satisfies InlinePart),
  );
}

/** The character-level diff of two strings, as readable inline parts (no similarity limit). */
export function inlineDiff(oldText: string, newText: string): InlinePart[] {
  return readable(diffArrays(tokenize(oldText), tokenize(newText)));
}

// ---------------------------------------------------------------------------------------
// Pairing deleted with inserted paragraphs

interface Pair {
  d: number;
  k: number;
  inline: InlinePart[];
}

function pairHunk(dels: Paragraph[], ins: Paragraph[], budget: Budget): Pair[] {
  if (dels.length === 0 || ins.length === 0) return [];
  const bagsD: Array<Map<number, number> | undefined> = [];
  const bagsI: Array<Map<number, number> | undefined> = [];
  const cmp = (d: number, k: number): Compared | null => {
    const pd = dels[d];
    const pi = ins[k];
    if (!pd || !pi) return null;
    const bd = (bagsD[d] ??= bag(pd.text));
    const bi = (bagsI[k] ??= bag(pi.text));
    return compare(pd.text, pi.text, bd, bi, budget);
  };

  if (dels.length * ins.length <= OPTIMAL_PAIRS) {
    // Order-preserving alignment maximising the total similarity of the pairs.
    const nd = dels.length;
    const ni = ins.length;
    const sims: Array<Array<Compared | null>> = [];
    for (let d = 0; d < nd; d++) {
      const row: Array<Compared | null> = [];
      for (let k = 0; k < ni; k++) row.push(cmp(d, k));
      sims.push(row);
    }
    const w = ni + 1;
    const best = new Float64Array((nd + 1) * w);
    for (let d = nd - 1; d >= 0; d--) {
      for (let k = ni - 1; k >= 0; k--) {
        const s = sims[d]?.[k];
        const take = s ? s.score + (best[(d + 1) * w + k + 1] ?? 0) : -1;
        const skipD = best[(d + 1) * w + k] ?? 0;
        const skipI = best[d * w + k + 1] ?? 0;
        best[d * w + k] = Math.max(take, skipD, skipI);
      }
    }
    const pairs: Pair[] = [];
    let d = 0;
    let k = 0;
    while (d < nd && k < ni) {
      const s = sims[d]?.[k];
      const here = best[d * w + k] ?? 0;
      if (s && here === s.score + (best[(d + 1) * w + k + 1] ?? 0)) {
        pairs.push({ d, k, inline: s.inline });
        d++;
        k++;
      } else if (here === (best[(d + 1) * w + k] ?? 0)) d++;
      else k++;
    }
    return pairs;
  }

  // Large hunk: each deleted paragraph takes the most similar of the next few inserted ones.
  const pairs: Pair[] = [];
  let from = 0;
  for (let d = 0; d < dels.length && from < ins.length; d++) {
    let chosen: { k: number; c: Compared } | null = null;
    for (let k = from; k < Math.min(ins.length, from + WINDOW); k++) {
      const c = cmp(d, k);
      if (c && (!chosen || c.score > chosen.c.score)) chosen = { k, c };
    }
    if (chosen) {
      pairs.push({ d, k: chosen.k, inline: chosen.c.inline });
      from = chosen.k + 1;
    }
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------

type Draft = Omit<ParagraphChange, 'index' | 'key'>;

function equalChange(p: Paragraph, q: Paragraph): Draft {
  return { kind: 'equal', oldText: p.text, newText: q.text, oldSpan: p.span, newSpan: q.span, inline: null };
}

function deleteChange(p: Paragraph): Draft {
  return { kind: 'delete', oldText: p.text, newText: null, oldSpan: p.span, newSpan: null, inline: null };
}

function insertChange(q: Paragraph): Draft {
  return { kind: 'insert', oldText: null, newText: q.text, oldSpan: null, newSpan: q.span, inline: null };
}

/** The redline from `oldText` to `newText`. */
export function redline(oldText: string, newText: string): Redline {
  const a = splitParagraphs(oldText);
  const b = splitParagraphs(newText);
  const budget: Budget = { remaining: PAIR_BUDGET };
  const drafts: Draft[] = [];

  const matches = alignParagraphs(a, b);

  // Moves: a paragraph left out of the alignment on both sides, with the same wording, was
  // moved. Found before pairing, so that a moved paragraph is never shown as an edit of some
  // merely similar neighbour. Each deleted paragraph takes the first such inserted one.
  const matchedA = new Uint8Array(a.length);
  const matchedB = new Uint8Array(b.length);
  for (const [i, j] of matches) {
    matchedA[i] = 1;
    matchedB[j] = 1;
  }
  const unmatchedB = new Map<string, number[]>();
  b.forEach((q, j) => {
    if (matchedB[j]) return;
    const list = unmatchedB.get(q.text);
    if (list) list.push(j);
    else unmatchedB.set(q.text, [j]);
  });
  const moveOfA = new Int32Array(a.length).fill(-1);
  const moveOfB = new Int32Array(b.length).fill(-1);
  a.forEach((p, i) => {
    if (matchedA[i]) return;
    const j = unmatchedB.get(p.text)?.shift();
    if (j === undefined) return;
    moveOfA[i] = j;
    moveOfB[j] = i;
  });

  const draftOfA = new Int32Array(a.length);
  const draftOfB = new Int32Array(b.length);
  const emitDelete = (i: number): void => {
    draftOfA[i] = drafts.length;
    drafts.push(deleteChange(a[i] as Paragraph));
  };
  const emitInsert = (j: number): void => {
    draftOfB[j] = drafts.length;
    drafts.push(insertChange(b[j] as Paragraph));
  };

  const hunk = (a0: number, a1: number, b0: number, b1: number): void => {
    const delIdx: number[] = [];
    const insIdx: number[] = [];
    for (let i = a0; i < a1; i++) if (moveOfA[i] === -1) delIdx.push(i);
    for (let j = b0; j < b1; j++) if (moveOfB[j] === -1) insIdx.push(j);
    const pairs = pairHunk(
      delIdx.map((i) => a[i] as Paragraph),
      insIdx.map((j) => b[j] as Paragraph),
      budget,
    );
    let i = a0;
    let j = b0;
    for (const p of pairs) {
      const pi = delIdx[p.d] ?? a1;
      const pj = insIdx[p.k] ?? b1;
      while (i < pi) emitDelete(i++);
      while (j < pj) emitInsert(j++);
      const pd = a[i++] as Paragraph;
      const pn = b[j++] as Paragraph;
      drafts.push({ kind: 'modify', oldText: pd.text, newText: pn.text, oldSpan: pd.span, newSpan: pn.span, inline: p.inline });
    }
    while (i < a1) emitDelete(i++);
    while (j < b1) emitInsert(j++);
  };

  let ia = 0;
  let ib = 0;
  for (const [ma, mb] of matches) {
    hunk(ia, ma, ib, mb);
    drafts.push(equalChange(a[ma] as Paragraph, b[mb] as Paragraph));
    ia = ma + 1;
    ib = mb + 1;
  }
  hunk(ia, a.length, ib, b.length);

  moveOfA.forEach((j, i) => {
    if (j < 0) return;
    const from = drafts[draftOfA[i] ?? -1];
    const to = drafts[draftOfB[j] ?? -1];
    if (from && to) {
      from.movedWith = draftOfB[j];
      to.movedWith = draftOfA[i];
    }
  });

  const seen = new Map<string, number>();
  const changes: ParagraphChange[] = drafts.map((c, index) => {
    // JSON of an array of strings, nulls and numbers is canonical already.
    const content = JSON.stringify([c.kind, c.oldText, c.newText]);
    const n = seen.get(content) ?? 0;
    seen.set(content, n + 1);
    return { index, ...c, key: sm3(`${content.slice(0, -1)},${n}]`) };
  });

  const stats: RedlineStats = { inserted: 0, deleted: 0, modified: 0, unchanged: 0 };
  for (const c of changes) {
    if (c.kind === 'insert') stats.inserted++;
    else if (c.kind === 'delete') stats.deleted++;
    else if (c.kind === 'modify') stats.modified++;
    else stats.unchanged++;
  }
  return { changes, stats };
}
