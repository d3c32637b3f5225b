import { describe, expect, it } from 'vitest';
import { NextBreak } from './text.js';

describe('NextBreak', () => {
  it('gives the first line break at or after an offset, asked in increasing order', () => {
    const norm = '一、甲\n二、乙\n三、丙';
    const breaks = new NextBreak(norm);
    expect(breaks.after(0)).toBe(3);
    expect(breaks.after(2)).toBe(3);
    expect(breaks.after(3)).toBe(3);
    expect(breaks.after(4)).toBe(7);
    expect(breaks.after(8)).toBe(norm.length);
  });

  it('treats a cut (a line the run-on reader started) as a line end, and asked at the cut itself gives the next one', () => {
    // (三)省编办牵头的工作 1.推动… 2.稳步…: cuts before 1. and 2., no line break at all.
    const norm = '(三)省编办牵头的工作 1.推动改革。 2.稳步推进。';
    const one = norm.indexOf('1.');
    const two = norm.indexOf('2.');
    const breaks = new NextBreak(norm, [one, two]);
    expect(breaks.after(3)).toBe(one);
    expect(breaks.after(one)).toBe(two);
    expect(breaks.after(two)).toBe(norm.length);
  });
});
