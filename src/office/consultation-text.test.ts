import { describe, expect, it } from 'vitest';
import { bookTitle, chineseDate, chineseDateOf, cleanText, dispositionLabel, joinNames, summaryTitle } from './consultation-text.js';

describe('consultation text', () => {
  it('labels decisions in Chinese', () => {
    expect([dispositionLabel('adopted'), dispositionLabel('partly_adopted'), dispositionLabel('rejected'), dispositionLabel(null)]).toEqual([
      '采纳',
      '部分采纳',
      '不采纳',
      '未处理',
    ]);
  });

  it('writes dates as official documents do, on the China-time day', () => {
    expect(chineseDate('2021-07-21')).toBe('2021年7月21日');
    expect(chineseDate('2021-10-01')).toBe('2021年10月1日');
    // 23:30 UTC on 21 July is already 22 July in China.
    expect(chineseDateOf('2021-07-21T23:30:00Z')).toBe('2021年7月22日');
    expect(() => chineseDate('21/07/2021')).toThrow();
    expect(() => chineseDateOf('yesterday')).toThrow();
  });

  it('puts the title in book-title marks once', () => {
    expect(bookTitle('实施方案')).toBe('《实施方案》');
    expect(bookTitle(' 《实施方案》 ')).toBe('《实施方案》');
    expect(summaryTitle({ planTitle: '实施方案' })).toBe('《实施方案》征求意见汇总表');
  });

  it('cleans text for XML and leaves everything else alone', () => {
    expect(cleanText('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    expect(cleanText('省\u0000财\u0007政\u001f厅\ufffe')).toBe('省财政厅');
    expect(cleanText('\t=1+1 @x -y +z <b>&amp;')).toBe('\t=1+1 @x -y +z <b>&amp;');
    expect(cleanText('lone \ud800 high, lone \udc00 low, pair 😀')).toBe('lone \ufffd high, lone \ufffd low, pair 😀');
    const plain = '没有要清理的';
    expect(cleanText(plain)).toBe(plain);
  });

  it('joins unit names with 、', () => {
    expect(joinNames(['省教育厅', ' 省公安厅 '])).toBe('省教育厅、省公安厅');
  });
});
