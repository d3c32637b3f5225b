import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markerAt, markerIn, mayStartMarker, type Marker, type MarkerKind } from './markers.js';
import { chineseToNumber } from './numerals.js';

/**
 * markerAt as it was written before it read character by character: regular expressions over
 * the line's first 16 code units. Kept here as the specification the scanner must equal.
 */
const CN = '零〇一二三四五六七八九十百千两';
const PART_RE = new RegExp(`^第([${CN}]{1,6}|[0-9]{1,3})(部分|章|篇)[\\s:.、]*`);
const CN_RE = new RegExp(`^([${CN}]{1,6})\\s{0,2}(?:、|\\.(?![0-9]))\\s*`);
const PCN_RE = new RegExp(`^[(〔]\\s{0,2}([${CN}]{1,6})\\s{0,2}[)〕][\\s、.]*`);
const AR_RE = /^([0-9]{1,3})\s{0,2}(?:、|。|\.(?![0-9])|\)(?![0-9]))\s*/;
const PAR_RE = /^\(\s{0,2}([0-9]{1,3})\s{0,2}\)[\s、.]*/;
const CIRC_RE = /^([\u2460-\u249b])\s*/;
const ARTICLE_RE = new RegExp(`^第([${CN}]{1,6}|[0-9]{1,3})(?:条[\\s:.、]*|项[\\s:.、]+)`);
const ZERO_RE = /^(0[0-9])\s{1,2}(?=[\u3400-\u4dbf\u4e00-\u9fff\u3007])/;

function markerByRegex(text: string, offset: number): Marker | null {
  if (!mayStartMarker(text, 0, Math.min(text.length, 16))) return null;
  const head = text.length <= 16 ? text : text.slice(0, 16);
  let m = PART_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    return { kind: 'part', value: /^[0-9]+$/.test(n) ? Number(n) : chineseToNumber(n), numberSpan: [offset + 1, offset + 1 + n.length], start: offset, bodyStart: offset + m[0].length };
  }
  m = ARTICLE_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    // 第一条 an article (cn), 第一项 a task (ar).
    const kind: MarkerKind = m[0].charAt(n.length + 1) === '项' ? 'ar' : 'cn';
    return { kind, value: /^[0-9]+$/.test(n) ? Number(n) : chineseToNumber(n), numberSpan: [offset, offset + n.length + 2], start: offset, bodyStart: offset + m[0].length };
  }
  m = PCN_RE.exec(head) ?? PAR_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    const close = head.search(/[)〕]/);
    const kind: MarkerKind = /^[0-9]+$/.test(n) ? 'par' : 'pcn';
    return { kind, value: kind === 'par' ? Number(n) : chineseToNumber(n), numberSpan: [offset, offset + close + 1], start: offset, bodyStart: offset + m[0].length };
  }
  m = CN_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    return { kind: 'cn', value: chineseToNumber(n), numberSpan: [offset, offset + n.length], start: offset, bodyStart: offset + m[0].length };
  }
  m = AR_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    return { kind: 'ar', value: Number(n), numberSpan: [offset, offset + n.length], start: offset, bodyStart: offset + m[0].length };
  }
  m = ZERO_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    return { kind: 'ar', value: Number(n), numberSpan: [offset, offset + n.length], start: offset, bodyStart: offset + m[0].length };
  }
  m = CIRC_RE.exec(head);
  if (m) {
    const n = m[1] ?? '';
    const c = n.charCodeAt(0);
    const [kind, value]: [MarkerKind, number] = c >= 0x2488 ? ['ar', c - 0x2488 + 1] : c >= 0x2474 ? ['par', c - 0x2474 + 1] : ['circ', c - 0x2460 + 1];
    return { kind, value, numberSpan: [offset, offset + 1], start: offset, bodyStart: offset + m[0].length };
  }
  return null;
}

/**
 * Characters the patterns care about, their near misses (⑴ U+2474 after ⑳, fullwidth brackets
 * and digits, 壹 and 万, which are numerals elsewhere but not in markers) and JavaScript spaces.
 */
const CHARS = [
  ...'第部分章篇零〇一二三四五六七八九十百千两壹万', ...'0123456789', ...'(〔)〕()【】', ...'、.:。,;',
  '①', '⑨', '⑳', '\u2474', '\u245f', ' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u200b', '\n', ...'年是分a项',
];
/** Pieces of real markers, so that whole markers come up often and not only by chance. */
const PIECES = ['第一部分', '第十二章', '第三条', '⑴', '⒉', '第3篇', '(一)', '〔二十〕', '( 3 )', '(12)', '一、', '二十二.', '1.', '2、', '3)', '10. ', '4。', '2020年', '1.5', '一是', '( ', '  ', ' )', '\u3000\u3000', '第二项:', '01 ', '09  '];
const lineStart = fc
  .array(fc.oneof(fc.constantFrom(...CHARS), fc.constantFrom(...PIECES)), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('markerAt reads character by character what the regular expressions read', () => {
  it('equals the regular-expression version on generated line starts', () => {
    fc.assert(
      fc.property(lineStart, fc.nat(100_000), (text, offset) => {
        expect(markerAt(text, offset)).toEqual(markerByRegex(text, offset));
      }),
      { numRuns: 20_000 },
    );
  });

  it('equals it on any string too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (text) => {
        expect(markerAt(text, 7)).toEqual(markerByRegex(text, 7));
      }),
      { numRuns: 5_000 },
    );
  });

  it('markerIn on a window of a longer text equals markerAt on that window cut out', () => {
    fc.assert(
      fc.property(lineStart, lineStart, fc.nat(20), (before, rest, width) => {
        const text = before + rest;
        const e = Math.min(text.length, before.length + width);
        expect(markerIn(text, before.length, e)).toEqual(markerByRegex(text.slice(before.length, e), before.length));
      }),
      { numRuns: 10_000 },
    );
  });

  it('reads the markers of each kind, with the number where it is written and the body after the separator', () => {
    const cases: [string, MarkerKind, number | null, string, string][] = [
      ['第三部分 主要任务', 'part', 3, '三', '主要任务'],
      ['(二十一)推进城镇化', 'pcn', 21, '(二十一)', '推进城镇化'],
      ['〔一〕总体要求', 'pcn', 1, '〔一〕', '总体要求'],
      ['( 3 )、加快建设', 'par', 3, '( 3 )', '加快建设'],
      ['二、 重点任务', 'cn', 2, '二', '重点任务'],
      ['12) 完善', 'ar', 12, '12', '完善'],
      ['⑤ 落实', 'circ', 5, '⑤', '落实'],
    ];
    for (const [text, kind, value, number, body] of cases) {
      const m = markerAt(text, 100);
      expect(m && { kind: m.kind, value: m.value, number: text.slice(m.numberSpan[0] - 100, m.numberSpan[1] - 100), body: text.slice(m.bodyStart - 100) }).toEqual({ kind, value, number, body });
    }
  });

  it('finds no marker in a year, a decimal, 一是 or a number of seven numerals', () => {
    for (const text of ['2020年', '1.5亿元', '一是加强', '一二三四五六七、', '1234. 四位数', '(1〕', '〔1)']) expect(markerAt(text, 0)).toBeNull();
  });
});
