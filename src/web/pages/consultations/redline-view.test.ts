import { describe, expect, it } from 'vitest';
import { changeSummary, foldUnchanged, shorten } from './redline-view';
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

describe('changeSummary', () => {
  it('names an edited paragraph by its start and what was deleted and inserted', () => {
    const change = {
      kind: 'modify' as const,
      oldText: '完善住房保障体系,指导长沙市完成4.35万套保障性租赁住房开工任务。',
      newText: '完善住房保障体系,指导长沙市完成国家下达的保障性租赁住房开工任务。',
      inline: [
        { op: 'equal' as const, text: '完善住房保障体系,指导长沙市完成' },
        { op: 'delete' as const, text: '4.35万套' },
        { op: 'insert' as const, text: '国家下达的' },
        { op: 'equal' as const, text: '保障性租赁住房开工任务。' },
      ],
    };
    expect(changeSummary(change)).toBe('完善住房保障体系,指导长… −4.35万套 +国家下达的');
  });

  it('names an inserted or deleted paragraph by its start', () => {
    expect(changeSummary({ kind: 'insert', oldText: null, newText: '新增一段。', inline: null })).toBe('新增一段。');
  });
});
