import type { RedlineChange } from '../../../contract/plans';

/** A run of unchanged paragraphs folded away, or a paragraph shown. */
export type RedlineRow = { type: 'change'; change: RedlineChange } | { type: 'folded'; count: number; first: number };

/**
 * The redline as shown: every change, with `context` unchanged paragraphs on either side of
 * it; longer runs of unchanged paragraphs fold into one row that says how many there are.
 */
export function foldUnchanged(changes: readonly RedlineChange[], context = 1): RedlineRow[] {
  const keep = changes.map((c) => c.kind !== 'equal');
  const near = changes.map((_, i) => {
    for (let d = -context; d <= context; d++) if (keep[i + d]) return true;
    return false;
  });
  const rows: RedlineRow[] = [];
  let run = 0;
  let first = 0;
  changes.forEach((change, i) => {
    if (near[i]) {
      if (run > 0) rows.push({ type: 'folded', count: run, first });
      run = 0;
      rows.push({ type: 'change', change });
    } else {
      if (run === 0) first = i;
      run++;
    }
  });
  if (run > 0) rows.push({ type: 'folded', count: run, first });
  return rows;
}

/** First characters of a text, for option labels; whole when short. */
export function shorten(text: string, length = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length)}…`;
}

/**
 * A change named in a few words, to pick it from a list: the start of its paragraph and, for
 * an edited paragraph, what was deleted (−) and inserted (+) in it.
 */
export function changeSummary(change: Pick<RedlineChange, 'kind' | 'oldText' | 'newText' | 'inline'>, length = 24): string {
  const head = shorten(change.newText ?? change.oldText ?? '', length);
  if (change.kind !== 'modify' || !change.inline) return head;
  const edits = change.inline
    .filter((part) => part.op !== 'equal')
    .map((part) => `${part.op === 'delete' ? '−' : '+'}${shorten(part.text, 12)}`)
    .slice(0, 4);
  return `${shorten(change.newText ?? '', 12)} ${edits.join(' ')}`;
}
