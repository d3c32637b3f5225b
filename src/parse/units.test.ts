import { describe, expect, it } from 'vitest';
import { isCollective, looksLikeUnit, splitNames } from './units.js';

const names = (text: string): string[] => splitNames(text, 0, text.length).map((p) => p.name);

describe('splitNames', () => {
  it('splits a county section glued to the next name, not a company whose name holds 股', () => {
    expect(names('文化宣传股文化馆')).toEqual(['文化宣传股', '文化馆']);
    expect(names('县交通控股集团有限公司')).toEqual(['县交通控股集团有限公司']);
    expect(names('县农商银行股份有限公司')).toEqual(['县农商银行股份有限公司']);
  });

  it('splits at 、 and at names of the same level glued together', () => {
    expect(names('区发改局区统计局、区财政局')).toEqual(['区发改局', '区统计局', '区财政局']);
  });

  it('keeps the pair 部门、单位 as one collective, and reads a zone committee without 会 as every zone\'s', () => {
    expect(names('市直有关部门、单位,各区市政府')).toEqual(['市直有关部门、单位', '各区市政府']);
    expect(names('市发改委、单位')).toEqual(['市发改委', '单位']);
    expect(isCollective('开发区管委')).toBe(true);
  });
});

describe('a figure and its measure word', () => {
  it('is no unit (2所, 34所), while a collective counted by a figure is one (10县市人民政府)', () => {
    expect(looksLikeUnit('2所')).toBe(false);
    expect(looksLikeUnit('34所')).toBe(false);
    expect(looksLikeUnit('10县市人民政府')).toBe(true);
    expect(looksLikeUnit('区教育局')).toBe(true);
  });
});
