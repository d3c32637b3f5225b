import { describe, expect, it } from 'vitest';
import zhCN from '../web/i18n/zh-CN.js';
import { warning, WARNING_TEXT_KEYS } from './warnings.js';

describe('parser warnings', () => {
  it('keep a code and parameters beside their zh-CN message', () => {
    expect(warning('unit_corrected', { raw: '省卫建委', unit: '省卫健委' }, [3, 7])).toEqual({
      code: 'unit_corrected',
      params: { raw: '省卫建委', unit: '省卫健委' },
      message: '单位名称已纠正:省卫建委 → 省卫健委',
      span: [3, 7],
    });
    expect(warning('unit_unknown', { raw: '发展改革委', reason: 'level_unstated', level: 'prefecture', unit: '省发改委' }, [0, 5]).message).toBe(
      '单位库中没有:发展改革委(原文未写层级,本文件为市级文件,未按省发改委匹配)',
    );
  });

  // The English catalogue has the zh-CN one's keys by its type, so zh-CN covering them is enough.
  it('can all be rendered by the web app, every variant included', () => {
    for (const key of WARNING_TEXT_KEYS) expect(zhCN.plan.warningText).toHaveProperty(key);
  });
});
