import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalKey, provinceFold, withinOneEdit } from './normalise.js';

/** Reference: optimal string alignment distance (Levenshtein plus adjacent swaps), the slow way. */
function distance(a: string[], b: string[]): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

describe('withinOneEdit', () => {
  it('agrees with the edit distance (property)', () => {
    const word = fc.array(fc.constantFrom('省', '公', '安', '厅', '局', 'a'), { maxLength: 6 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(distance(a, b) <= 1);
      }),
    );
  });

  it('counts a CJK extension character as one', () => {
    expect(withinOneEdit([...'𠀀公安厅'], [...'省公安厅'])).toBe(true);
  });
});

describe('canonicalKey', () => {
  const hunan = provinceFold('湖南省人民政府');

  it('folds the province prefix and the government suffix', () => {
    expect(canonicalKey('湖南省公安厅', hunan)).toBe('公安厅');
    expect(canonicalKey('省公安厅', hunan)).toBe('公安厅');
    expect(canonicalKey('长沙市人民政府', hunan)).toBe('长沙市');
    expect(canonicalKey('省政府', hunan)).toBe('');
    expect(canonicalKey('政府', hunan)).toBe('政府');
  });

  it('knows the level word of autonomous regions and municipalities', () => {
    expect(provinceFold('广西壮族自治区').levelWord).toBe('自治区');
    expect(canonicalKey('自治区公安厅', provinceFold('广西壮族自治区'))).toBe('公安厅');
    expect(canonicalKey('北京市公安局', provinceFold('北京市'))).toBe('公安局');
  });
});
