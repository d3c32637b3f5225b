/**
 * The parser's warnings: a code, its parameters and a zh-CN rendering for the CLI and the
 * JSON. The web app renders code and parameters from its own catalogue (zh-CN and English);
 * the templates here use the same `{{name}}` placeholders.
 */
import type { ParseWarning, WarningCode, WarningParams } from '../model/plan.js';
import type { Span } from '../model/span.js';

const ZH: Record<WarningCode, string> & Record<string, string> = {
  unit_corrected: '单位名称已纠正:{{raw}} → {{unit}}',
  unit_corrected_level_assumed: '按本省单位理解:{{raw}} → {{unit}}(原文未写层级,请核对)',
  unit_unknown: '单位库中没有:{{raw}}',
  unit_unknown_other_province: '单位库中没有:{{raw}}(文件属{{province}},单位库中的{{unit}}属其他省份,未匹配)',
  unit_unknown_level_unstated: '单位库中没有:{{raw}}(原文未写层级,本文件为{{level}}文件,未按{{unit}}匹配)',
  responsibility_missing: '第{{item}}项未写明责任单位',
  responsibility_unclear: '疑似责任分工但未能识别:{{excerpt}}',
  responsibility_carried: '第{{item}}项沿用前文责任单位',
  responsibility_carried_limit: '沿用的责任单位过多,此后各项不再沿用',
  responsibility_not_unit: '{{raw}}不是单位,未列入责任单位',
  responsibility_reference_unresolved: '第{{item}}项的责任单位引用“{{reference}}”,文中未找到',
  target_uncertain: '不确定是否为量化目标:{{raw}},请核对',
  target_uncertain_subject: '不确定是否为量化目标:{{raw}}({{subject}}),请核对',
  numbering_irregular: '编号不连续:此处为{{number}}',
  title_missing: '未识别到文件标题',
  no_structure: '未识别到章节或条目',
};

/** Level names used in `unit_level_unstated`'s zh message; the web app has its own per language. */
export const LEVEL_ZH = { national: '国家层面', province: '省级', prefecture: '市级', county: '县级' } as const;

/**
 * The message variant: `code_reason` when the parameters give a reason, `target_uncertain_subject`
 * when a target's subject is known (the web app's catalogue uses the same keys as i18next contexts).
 */
export function warningVariant(code: WarningCode, params: WarningParams): string {
  if (typeof params.reason === 'string') return params.reason;
  if (code === 'target_uncertain' && params.subject !== undefined) return 'subject';
  return '';
}

/**
 * Each template cut once at its placeholders: [text, name, text, name, …, text] (a split on a
 * pattern with a group keeps the groups). A replace with a callback per warning cost more than the
 * rest of making the warning.
 */
const PIECES = new Map(Object.values(ZH).map((template) => [template, template.split(/\{\{(\w+)\}\}/)]));

function render(code: WarningCode, params: WarningParams): string {
  const variant = warningVariant(code, params);
  const template = (variant && ZH[`${code}_${variant}`]) || ZH[code];
  const pieces = PIECES.get(template) ?? [template];
  let out = pieces[0] ?? '';
  for (let k = 1; k < pieces.length; k += 2) {
    const name = pieces[k] ?? '';
    out += name === 'level' ? (LEVEL_ZH[params.level as keyof typeof LEVEL_ZH] ?? String(params.level ?? '')) : String(params[name] ?? '');
    out += pieces[k + 1] ?? '';
  }
  return out;
}

export function warning(code: WarningCode, params: WarningParams, span: Span): ParseWarning {
  return { code, params, message: render(code, params), span };
}

/** Every message variant the parser renders (`code` or `code_variant`): the web app's catalogue has each. */
export const WARNING_TEXT_KEYS: readonly string[] = Object.keys(ZH);
