import type { Comparator, Locale, PlanTarget } from '../../types';

/** Below this confidence the parser is unsure that a figure is a target (it also warns). */
export const UNCERTAIN_BELOW = 0.7;

export function isUncertain(target: Pick<PlanTarget, 'confidence'>): boolean {
  return target.confidence < UNCERTAIN_BELOW;
}

const COMPARATOR_SIGNS: Record<Comparator, string> = { '=': '', '>=': '≥', '<=': '≤', '≈': '≈', range: '' };

/** Whether `n` has at most two decimals (so 4.35万 is exact and 1234.5678万 is not worth it). */
function hasFewDecimals(n: number): boolean {
  return Math.abs(n * 100 - Math.round(n * 100)) < 1e-9;
}

/**
 * A number the way the plan's readers write it: in Chinese 43500 → 4.35万 and 150000000 →
 * 1.5亿 when that is exact and short, else the digits without grouping; in English with
 * thousands separators.
 */
export function formatNumber(value: number, locale: Locale): string {
  if (locale === 'en') return new Intl.NumberFormat('en', { maximumFractionDigits: 6 }).format(value);
  const size = Math.abs(value);
  for (const [step, suffix] of [
    [1e8, '亿'],
    [1e4, '万'],
  ] as const) {
    if (size >= step && hasFewDecimals(value / step)) return `${Number((value / step).toFixed(2))}${suffix}`;
  }
  return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6, useGrouping: false }).format(value);
}

/** The figure of a target with its comparator and unit of measure: ≥100%, 4.35万套, 1–2个. */
export function formatTargetValue(target: Pick<PlanTarget, 'value' | 'max' | 'unit' | 'comparator'>, locale: Locale): string {
  const value =
    target.comparator === 'range' && target.max !== null
      ? `${formatNumber(target.value, locale)}–${formatNumber(target.max, locale)}`
      : formatNumber(target.value, locale);
  const gap = locale === 'en' && target.unit !== '%' && !target.unit.startsWith('%') ? ' ' : '';
  return `${COMPARATOR_SIGNS[target.comparator]}${value}${gap}${target.unit}`;
}

export interface TargetGuess {
  value?: number;
  max?: number | null;
  unit?: string;
  comparator: Comparator;
}

const AT_LEAST = /至少|不少于|不低于|以上|超过|达到|力争/;
const AT_MOST = /以内|以下|不超过|不高于|控制在|低于/;
const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
// Longest first, so that 个百分点 wins over 个 and 万元 over the 万 multiplier.
const MEASURES = [
  '个百分点', '平方公里', '平方米', '万千瓦', '万人次', '万元', '亿元', '公里', '千米', '公顷', '人次', '千瓦', '小时', '分钟',
  '%', '个', '套', '家', '所', '项', '条', '座', '户', '人', '名', '米', '亩', '吨', '元', '辆', '次', '场',
  '批', '处', '栋', '间', '张', '台', '件', '天', '倍', '床', '镇', '村', '县', '市',
];
const NUMBER = /(\d+(?:\.\d+)?)(?:\s*[-~～—–至到]\s*(\d+(?:\.\d+)?))?\s*/;

/**
 * A first guess at a target from text a person selected (1500个, 不少于5%, 4.35万套, 1-2个),
 * to prefill the form: the person checks it before saving. Chinese numerals are left to them.
 */
export function guessTarget(raw: string): TargetGuess {
  const comparator: Comparator = AT_LEAST.test(raw) ? '>=' : AT_MOST.test(raw) ? '<=' : '=';
  const match = NUMBER.exec(raw);
  if (!match) return { comparator };
  let rest = raw.slice(match.index + match[0].length);
  let unit = MEASURES.find((m) => rest.startsWith(m));
  let factor = 1;
  if (!unit && rest[0] !== undefined && rest[0] in MULTIPLIERS) {
    factor = MULTIPLIERS[rest[0]]!;
    rest = rest.slice(1);
    unit = MEASURES.find((m) => rest.startsWith(m));
  }
  const scale = (n: string) => Number((Number(n) * factor).toPrecision(12));
  const max = match[2] !== undefined ? scale(match[2]) : null;
  return { value: scale(match[1]!), max, ...(unit !== undefined && { unit }), comparator: max !== null ? 'range' : comparator };
}
