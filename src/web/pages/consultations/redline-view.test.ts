import { describe, expect, it } from 'vitest';
import { foldUnchanged, shorten } from './redline-view';
import type { ChangeKind, RedlineChange } from '../../../contract/plans';

function changes(kinds: ChangeKind[]): RedlineChange[] {
  return kinds.map((kind, index) => ({
    index,
    kind,
    oldText: kind === 'insert' ? null : `p${index}`,
    newText: kind === 'delete' ? null : `p${index}`,
    oldSpan: null,
    newSpan: null,
    inline: null,
    key: `k${index}`,
    opinionIds: [],
  }));
}

describe('foldUnchanged', () => {
  it('keeps one unchanged paragraph either side of a change and folds the rest', () => {
    const rows = foldUnchanged(changes(['equal', 'equal', 'equal', 'modify', 'equal', 'equal', 'equal', 'equal', 'insert', 'equal']));
    expect(rows.map((r) => (r.type === 'folded' ? `…${r.count}@${r.first}` : r.change.index))).toEqual(['…2@0', 2, 3, 4, '…2@5', 7, 8, 9]);
  });

  it('shows everything when every paragraph changed, and one fold when none did', () => {
    expect(foldUnchanged(changes(['delete', 'insert'])).map((r) => r.type)).toEqual(['change', 'change']);
    expect(foldUnchanged(changes(['equal', 'equal', 'equal']))).toEqual([{ type: 'folded', count: 3, first: 0 }]);
  });
});

describe('shorten', () => {
  it('keeps short texts, flattens white space and cuts long ones with an ellipsis', () => {
    expect(shorten('短句')).toBe('短句');
    expect(shorten('a\n b', 10)).toBe('a b');
    expect(shorten('一二三四五六', 3)).toBe('一二三…');
  });
});
