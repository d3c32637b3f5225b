import { describe, expect, it } from 'vitest';
import { blankOpinion, draftFromReply, draftProblems, itemLabel, sameReply, toReplyInput, type DraftState } from './reply-draft';

describe('reply drafts', () => {
  it('sends trimmed opinions, keeps a quote only with its span, and leaves empty optional fields out', () => {
    const state: DraftState = {
      noOpinion: false,
      opinions: [
        { ...blankOpinion(2, { text: '4.35万套', span: [100, 106] }), content: '  建议与国家计划一致。 ', suggestion: ' ', reason: '计划未下达' },
        { ...blankOpinion(15), content: '明确评估时间' },
      ],
    };
    expect(toReplyInput(state)).toEqual({
      opinions: [
        { itemOrdinal: 2, quote: '4.35万套', span: [100, 106], content: '建议与国家计划一致。', reason: '计划未下达' },
        { itemOrdinal: 15, content: '明确评估时间' },
      ],
    });
  });

  it('sends 无意见 alone, whatever opinions are still on the page', () => {
    const state: DraftState = { noOpinion: true, opinions: [{ ...blankOpinion(1), content: 'x' }] };
    expect(toReplyInput(state)).toEqual({ noOpinion: true });
    expect(draftProblems(state)).toEqual([]);
  });

  it('names what keeps a draft from being saved', () => {
    expect(draftProblems({ noOpinion: false, opinions: [] })).toEqual([{ kind: 'empty' }]);
    const state: DraftState = { noOpinion: false, opinions: [blankOpinion(null), { ...blankOpinion(3), content: '  ' }] };
    expect(draftProblems(state)).toEqual([
      { kind: 'noItem', index: 0 },
      { kind: 'noContent', index: 0 },
      { kind: 'noContent', index: 1 },
    ]);
  });

  it('compares drafts by what would be saved, not by the page keys', () => {
    const reply = {
      noOpinion: false,
      opinions: [
        { id: 9, itemOrdinal: 2, quote: null, span: null, content: '意见', suggestion: null, reason: null, disposition: null, decisionReason: null, decidedAt: null },
      ],
    };
    const saved = draftFromReply(reply);
    const again = draftFromReply(reply);
    expect(saved.opinions[0]!.key).not.toBe(again.opinions[0]!.key);
    expect(sameReply(saved, again)).toBe(true);
    expect(sameReply(saved, { ...saved, opinions: [{ ...saved.opinions[0]!, content: '意见 ' }] })).toBe(true);
    expect(sameReply(saved, { ...saved, opinions: [{ ...saved.opinions[0]!, reason: '理由' }] })).toBe(false);
  });

  it('labels an item by its number and title, or its ordinal when it has no number', () => {
    expect(itemLabel({ number: '(二)', title: '推动公共服务', ordinal: 2 })).toBe('(二)推动公共服务');
    expect(itemLabel({ number: '', title: '其他', ordinal: 7 })).toBe('7其他');
  });
});
