import { describe, expect, it } from 'vitest';
import { NOTICE_CATALOGUE, isNoticeCode, renderNotice } from './notice-catalogue.js';

describe('notice catalogue', () => {
  it('renders one stored notice in either language from the same parameters', () => {
    const params = { title: '征求意见稿', from: '2021-07-21', to: '2021-07-28' };
    expect(renderNotice('consultation.extended', params, 'zh-CN').message).toBe('征求意见稿：反馈截止日期由 2021-07-21 延至 2021-07-28。');
    expect(renderNotice('consultation.extended', params, 'en').message).toBe('征求意见稿: the deadline for replies moves from 2021-07-21 to 2021-07-28.');
  });
  it('uses the same placeholders in both languages, so no parameter goes missing in one', () => {
    for (const entry of Object.values(NOTICE_CATALOGUE)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(entry.en.message)).toEqual(names(entry['zh-CN'].message));
      expect(names(entry.en.subject)).toEqual(names(entry['zh-CN'].subject));
    }
  });
  it('knows its codes and nothing else (old rows have none)', () => {
    expect(isNoticeCode('consultation.opened')).toBe(true);
    expect(isNoticeCode(null)).toBe(false);
    expect(isNoticeCode('toString')).toBe(false);
  });
});
