/**
 * A semantic clean-up of an inline diff, so that it reads as a person would describe the
 * edit. A minimal diff of Chinese text is exact but often unreadable: rewriting 推城镇 as
 * 加快推进城镇 comes out as 【+加快】推【+进】城镇, the kept 推 an "island" that splits one
 * new phrase in two. Here an equality between two edits is folded into them (deleted and
 * inserted both), so the reader sees 【-推】【+加快推进】城镇.
 *
 * The rule is diff-match-patch's semantic clean-up (an equality no longer than the edits on
 * either side of it goes), plus: an equality of at most ISLAND characters between two edits
 * always goes — such islands are what shreds a rewritten phrase, even between two pure
 * insertions or two pure deletions. jsdiff, which computes the diff, has no such pass.
 * After a fold the edit grows, so the equality before it is looked at again.
 *
 * Pure: the deleted and equal parts still concatenate to the old text, the inserted and
 * equal parts to the new one; within an edit the deletion comes before the insertion.
 */
export interface InlinePart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** Equalities of at most this many characters between two edits are always folded. */
export const ISLAND = 2;

type Segment = { eq: string } | { del: string; ins: string };

function isEdit(s: Segment | undefined): s is { del: string; ins: string } {
  return s !== undefined && !('eq' in s);
}

/** Characters of an edit: the longer of what it deletes and what it inserts. */
function weight(s: { del: string; ins: string }): number {
  return Math.max([...s.del].length, [...s.ins].length);
}

/** Whether the equality between two edits should be folded into them. */
function foldable(prev: { del: string; ins: string }, eq: string, next: { del: string; ins: string }): boolean {
  const length = [...eq].length;
  return length <= ISLAND || (length <= weight(prev) && length <= weight(next));
}

/** The inline parts with short equalities between edits folded into them, and adjacent edits merged. */
export function cleanupSemantic(parts: readonly InlinePart[]): InlinePart[] {
  const out: Segment[] = [];
  const push = (s: Segment): void => {
    const last = out[out.length - 1];
    if (isEdit(last) && isEdit(s)) {
      last.del += s.del;
      last.ins += s.ins;
    } else if (last && 'eq' in last && 'eq' in s) last.eq += s.eq;
    else out.push('eq' in s ? { eq: s.eq } : { del: s.del, ins: s.ins });
    for (;;) {
      const next = out[out.length - 1];
      const eq = out[out.length - 2];
      const prev = out[out.length - 3];
      if (!isEdit(next) || !isEdit(prev) || !eq || !('eq' in eq) || !foldable(prev, eq.eq, next)) return;
      out.splice(-3, 3, { del: prev.del + eq.eq + next.del, ins: prev.ins + eq.eq + next.ins });
    }
  };
  for (const part of parts) {
    if (part.text === '') continue;
    if (part.op === 'insert') push({ del: '', ins: part.text });
    else if (part.op === 'delete') push({ del: part.text, ins: '' });
    else push({ eq: part.text });
  }
  const result: InlinePart[] = [];
  for (const s of out) {
    if ('eq' in s) result.push({ op: 'equal', text: s.eq });
    else {
      if (s.del) result.push({ op: 'delete', text: s.del });
      if (s.ins) result.push({ op: 'insert', text: s.ins });
    }
  }
  return result;
}
