import type { Locale } from '../../../contract/common';
import type { Comparator, PlanTarget } from '../../../contract/plans';

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
