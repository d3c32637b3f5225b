import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/en';
import zhCN from '../../i18n/zh-CN';
import type { PlanWarning as FullWarning } from '../../../contract/plans';

type PlanWarning = Pick<FullWarning, 'code' | 'params' | 'message' | 'span'>;
import { warningText } from './warning-text';

const KEYS = Object.keys(zhCN.plan.warningText);

async function renderer(lng: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return (w: PlanWarning): string => {
    const text = warningText(w, KEYS);
    if (!text) return w.message;
    const level = text.level ? { level: i18n.t(`plan.warningLevels.${text.level}`) } : {};
    return i18n.t(`plan.warningText.${text.key}`, { ...text.params, ...level });
  };
}

const warn = (code: string, params: PlanWarning['params'], message = '（原文提示）'): PlanWarning => ({ code, params, message, span: [0, 1] });

describe('parser warnings in the reader’s language', () => {
  it('renders a correction with the names as written, in either language', async () => {
    const w = warn('unit_corrected', { raw: '省卫建委', unit: '省卫健委' });
    expect((await renderer('zh-CN'))(w)).toBe('单位名称已纠正：省卫建委 → 省卫健委');
    expect((await renderer('en'))(w)).toBe('Unit name corrected: 省卫建委 → 省卫健委');
  });

  it('picks the variant a reason names, and names the level in the reader’s language', async () => {
    const w = warn('unit_unknown', { raw: '发展改革委', reason: 'level_unstated', level: 'prefecture', unit: '省发改委' });
    expect((await renderer('en'))(w)).toBe(
      'Not in the registry: 发展改革委 (the text does not say which level and this is a city document, so it was not matched to 省发改委)',
    );
    expect((await renderer('zh-CN'))(w)).toContain('本文件为市级文件');
  });

  it('mentions a target’s subject only when the parser knew it', async () => {
    const en = await renderer('en');
    expect(en(warn('target_uncertain', { raw: '三条', subject: '高铁经济带' }))).toBe('Not sure this is a quantitative target: 三条 (高铁经济带); please check');
    expect(en(warn('target_uncertain', { raw: '三条' }))).toBe('Not sure this is a quantitative target: 三条; please check');
  });

  it('shows older warnings (no parameters) and unknown codes as the parser wrote them', async () => {
    const en = await renderer('en');
    expect(en(warn('unit_unknown', undefined, '单位库中没有:某局'))).toBe('单位库中没有:某局');
    expect(en(warn('some_future_code', { raw: 'x' }, '新提示'))).toBe('新提示');
  });
});
