import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mapOffset, relocateQuote } from './quote-anchor.js';
import { redline } from './redline.js';
import type { Span } from '../model/span.js';

const SEED = readFileSync(new URL('../../fixtures/hunan-2021-urbanization-workplan-draft.txt', import.meta.url), 'utf8');
const ITEM_4 = SEED.split('\n').find((l) => l.startsWith('(四)')) ?? '';

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const V2 = (() => {
  let t = replaceOnce(SEED, '完成4.35万套保障性租赁住房', '完成5万套保障性租赁住房');
  t = replaceOnce(t, '扩大职业院校面向农业转移人口的招生规模。', '');
  t = replaceOnce(t, `${ITEM_4}\n`, `${ITEM_4}\n\n(四之一)加强城镇化统计监测。(省统计局负责)\n`);
  return replaceOnce(t, '(十五)实施城市更新行动。', '(十五)稳步推进城市更新。');
})();

/** The quote's span in a text: its n-th occurrence (0-based). */
function spanOf(text: string, quote: string, n = 0): Span {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`not found: ${quote}`);
  return [at, at + quote.length];
}

describe('relocateQuote on the seed and a version 2', () => {
  it('same: an unchanged passage after an inserted paragraph, at its shifted offset', () => {
    const quote = '实施“一核两副三带四区”区域经济格局发展战略';
    const old = spanOf(SEED, quote);
    const found = relocateQuote(SEED, V2, quote, old);
    expect(found).toEqual({ status: 'same', span: spanOf(V2, quote) });
    expect(found.span?.[0]).not.toBe(old[0]);
  });

  it('same: an untouched passage inside an edited paragraph', () => {
    const quote = '完善异地就医结算机制。';
    expect(relocateQuote(SEED, V2, quote, spanOf(SEED, quote))).toEqual({ status: 'same', span: spanOf(V2, quote) });
    const after = '套保障性租赁住房开工任务';
    expect(relocateQuote(SEED, V2, after, spanOf(SEED, after))).toEqual({ status: 'same', span: spanOf(V2, after) });
  });

  it('same: a repeated phrase stays with its own paragraph, not the first occurrence', () => {
    const quote = '等部门及各市州政府负责';
    // Item (六)'s: after the edits of (二) and (三), and before the inserted paragraph.
    const old = spanOf(SEED, quote, 5);
    const found = relocateQuote(SEED, V2, quote, old);
    expect(found).toEqual({ status: 'same', span: spanOf(V2, quote, 5) });
    expect(V2.slice(V2.lastIndexOf('\n', found.span?.[0]) + 1).startsWith('(六)')).toBe(true);
  });

  it('gone: a changed figure, a deleted sentence, a rewritten title', () => {
    for (const quote of ['4.35万套保障性租赁住房', '扩大职业院校面向农业转移人口的招生规模', '(十五)实施城市更新行动。']) {
      expect(relocateQuote(SEED, V2, quote, spanOf(SEED, quote))).toEqual({ status: 'gone', span: null });
    }
  });

  it('moved: a passage of a paragraph moved elsewhere', () => {
    const lines = SEED.split('\n');
    const one = lines.findIndex((l) => l.startsWith('(一)'));
    const rest = lines.filter((_, i) => i !== one);
    rest.splice(rest.findIndex((l) => l.startsWith('(四)')) + 1, 0, lines[one] ?? '');
    const v2 = rest.join('\n');
    const quote = '试行以经常居住地登记户口制度';
    expect(relocateQuote(SEED, v2, quote, spanOf(SEED, quote))).toEqual({ status: 'moved', span: spanOf(v2, quote) });
  });

  it('a quote across two paragraphs', () => {
    const quote = '附件\n\n2021年湖南省新型城镇化工作要点\n\n2021年是实施';
    const found = relocateQuote(SEED, V2, quote, spanOf(SEED, quote));
    expect(found).toEqual({ status: 'same', span: spanOf(V2, quote) });
  });

  it('a null or stale old span falls back to the quote’s occurrence in the old text', () => {
    const quote = '完善异地就医结算机制。';
    expect(relocateQuote(SEED, V2, quote, null)).toEqual({ status: 'same', span: spanOf(V2, quote) });
    const [s, e] = spanOf(SEED, quote);
    expect(relocateQuote(SEED, V2, quote, [s + 3, e + 3])).toEqual({ status: 'same', span: spanOf(V2, quote) });
    expect(relocateQuote(SEED, V2, quote, [-5, 10_000_000])).toEqual({ status: 'same', span: spanOf(V2, quote) });
  });

  it('a quote that is not in the old text can only be moved or gone', () => {
    expect(relocateQuote(SEED, V2, '(四之一)加强城镇化统计监测', null)).toEqual({
      status: 'moved',
      span: spanOf(V2, '(四之一)加强城镇化统计监测'),
    });
    expect(relocateQuote(SEED, V2, '从未出现的句子', [0, 7])).toEqual({ status: 'gone', span: null });
  });

  it('an empty quote is gone', () => {
    expect(relocateQuote(SEED, V2, '', [10, 10])).toEqual({ status: 'gone', span: null });
  });

  it('takes a precomputed redline', () => {
    const rl = redline(SEED, V2);
    const quote = '实施“一核两副三带四区”区域经济格局发展战略';
    expect(relocateQuote(SEED, V2, quote, spanOf(SEED, quote), rl)).toEqual(relocateQuote(SEED, V2, quote, spanOf(SEED, quote)));
  });
});

describe('relocateQuote, small cases', () => {
  it('moved: the nearest of several occurrences wins', () => {
    const paras = ['第一段内容。', '第二段内容。', '第三段内容。', '第四段内容。', '第五段内容。', '第六段内容。'];
    const withPhrase = (i: number): string[] => paras.map((p, j) => (j === i ? p.replace('。', ',关键短语。') : p));
    // The phrase leaves 第二段 and now stands in 第一段 and 第五段: 第一段 is nearer.
    const old = withPhrase(1).join('\n');
    const neu = [paras[0] + '关键短语', ...withPhrase(4).slice(1)].join('\n');
    expect(relocateQuote(old, neu, '关键短语', spanOf(old, '关键短语'))).toEqual({
      status: 'moved',
      span: spanOf(neu, '关键短语', 0),
    });
    // The phrase leaves 第五段 and now stands in 第一段 and 第六段: 第六段 is nearer.
    const old2 = withPhrase(4).join('\n');
    const neu2 = [paras[0] + '关键短语', ...withPhrase(5).slice(1)].join('\n');
    expect(relocateQuote(old2, neu2, '关键短语', spanOf(old2, '关键短语'))).toEqual({
      status: 'moved',
      span: spanOf(neu2, '关键短语', 1),
    });
  });

  it('maps offsets through equal, modified and deleted paragraphs', () => {
    const old = '甲段文字。\n乙段:完成4万套任务。\n丙段将被删除。\n丁段。';
    const neu = '新增段落。\n甲段文字。\n乙段:完成5万套任务。\n丁段。';
    const rl = redline(old, neu);
    const at = (text: string, s: string): number => text.indexOf(s);
    expect(mapOffset(rl, at(old, '甲段'), neu.length)).toBe(at(neu, '甲段'));
    expect(mapOffset(rl, at(old, '套任务'), neu.length)).toBe(at(neu, '套任务'));
    // A deleted figure maps to where its replacement begins.
    expect(mapOffset(rl, at(old, '4万'), neu.length)).toBe(at(neu, '5万'));
    // A deleted paragraph maps to the start of the next paragraph.
    expect(mapOffset(rl, at(old, '丙段') + 2, neu.length)).toBe(at(neu, '丁段'));
    // The line break after a paragraph maps to the line break after its new version.
    expect(mapOffset(rl, at(old, '\n乙段'), neu.length)).toBe(at(neu, '\n乙段'));
    expect(mapOffset(rl, old.length, neu.length)).toBe(neu.length);
  });

  it('identical texts: every quote is the same, at the same span', () => {
    const text = '第一段。\r\n\r\n第二段,有重复。第二段,有重复。\n';
    expect(relocateQuote(text, text, '有重复', spanOf(text, '有重复', 1))).toEqual({
      status: 'same',
      span: spanOf(text, '有重复', 1),
    });
  });
});

describe('relocateQuote properties', () => {
  const CHARS = ['甲', '乙', '丙', '丁', '。', '\n', '\r\n', '4', '万', '𠀀'];
  const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((cs) => cs.join(''));

  it('never reports a passage that is not there, and never misses one that is', () => {
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(8), (a, b, start, len) => {
        const s = a.length === 0 ? 0 : start % a.length;
        const quote = a.slice(s, s + len);
        const found = relocateQuote(a, b, quote, [s, s + quote.length]);
        if (found.status === 'gone') expect(quote === '' || !b.includes(quote)).toBe(true);
        else expect(b.slice(...(found.span ?? [0, 0]))).toBe(quote);
      }),
      { numRuns: 500 },
    );
  });

  it('a passage inside an unchanged paragraph is the same, at the shifted offset', () => {
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(8), (a, b, start, len) => {
        const rl = redline(a, b);
        const equal = rl.changes.filter((c) => c.kind === 'equal');
        if (equal.length === 0) return;
        const c = equal[start % equal.length];
        if (!c?.oldSpan || !c.newSpan || !c.oldText) return;
        const off = (start >> 3) % c.oldText.length;
        const quote = c.oldText.slice(off, off + 1 + len);
        const found = relocateQuote(a, b, quote, [c.oldSpan[0] + off, c.oldSpan[0] + off + quote.length], rl);
        expect(found).toEqual({ status: 'same', span: [c.newSpan[0] + off, c.newSpan[0] + off + quote.length] });
      }),
      { numRuns: 500 },
    );
  });
});
