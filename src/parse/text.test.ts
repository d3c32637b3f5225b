import { describe, expect, it } from 'vitest';
import { makeSource, NextBreak } from './text.js';

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

describe('makeSource: numbers spaced from their text', () => {
  const norm = (text: string): string => makeSource(text).norm;

  it('reads 1 推进… as 1.推进… where the next line carries on the count, the original unchanged', () => {
    const text = '一、任务\n1 推进园区建设。\n2 新增就业 3000 人。\n二、保障\n1 加强领导。\n';
    const src = makeSource(text);
    expect(src.norm).toBe('一、任务\n1.推进园区建设。\n2.新增就业 3000 人。\n二、保障\n1.加强领导。\n');
    expect(src.original).toBe(text);
    expect(src.norm.length).toBe(text.length);
  });

  it('leaves a lone spaced number, a row of cells and a year alone', () => {
    expect(norm('说明\n3 个月内完成。\n')).toBe('说明\n3 个月内完成。\n');
    const rows = '序号 项目 责任单位\n1 建设幼儿园(所) 教育局\n2 新增就业 人社局\n';
    expect(norm(rows)).toBe(rows);
    const cells = '任务分解\n1 建设幼儿园(所) 教育局\n2 新增就业 人社局\n';
    expect(norm(cells)).toBe(cells);
    const years = '2023 年完成。\n2024 年完成。\n';
    expect(norm(years)).toBe(years);
  });
});
