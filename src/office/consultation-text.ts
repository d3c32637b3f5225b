/**
 * Text shared by the consultation's office documents: labels, dates written the way official
 * documents write them, and cleaning of user text before it goes into XML.
 */
import { chinaDate } from '../domain/consultation.js';
import type { Disposition } from './consultation-report-types.js';

export const DISPOSITION_LABELS: Readonly<Record<Disposition, string>> = {
  adopted: '采纳',
  partly_adopted: '部分采纳',
  rejected: '不采纳',
};
export const UNDECIDED_LABEL = '未处理';

export function dispositionLabel(disposition: Disposition | null): string {
  return disposition === null ? UNDECIDED_LABEL : DISPOSITION_LABELS[disposition];
}

/** 处理情况 of a summary row: a decision for an opinion, nothing for a 无意见 or 逾期未反馈 unit. */
export function rowDisposition(row: { kind?: 'opinion' | 'no_opinion' | 'missing'; disposition: Disposition | null }): string {
  return row.kind === undefined || row.kind === 'opinion' ? dispositionLabel(row.disposition) : '';
}

/** The columns of the 意见汇总表, in order, with their relative widths (in characters). */
export const SUMMARY_COLUMNS = [
  { key: 'seq', label: '序号', chars: 4 },
  { key: 'unit', label: '单位', chars: 14 },
  { key: 'clause', label: '条款', chars: 18 },
  { key: 'quote', label: '原文', chars: 24 },
  { key: 'opinion', label: '意见', chars: 36 },
  { key: 'suggestion', label: '建议修改', chars: 24 },
  // The unit's own reason for its opinion, then the office's for its decision (issue 12).
  { key: 'unitReason', label: '理由', chars: 20 },
  { key: 'disposition', label: '处理情况', chars: 8 },
  { key: 'reason', label: '处理理由', chars: 22 },
] as const;

/** 《title》, unless the title already carries the book-title marks. */
export function bookTitle(planTitle: string): string {
  const t = cleanText(planTitle).trim();
  return t.startsWith('《') && t.endsWith('》') ? t : `《${t}》`;
}

export function summaryTitle(meta: { planTitle: string }): string {
  return `${bookTitle(meta.planTitle)}征求意见汇总表`;
}

/** 2021-07-21 → 2021年7月21日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${ymd}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The China-time day of an ISO instant, written 2021年7月22日. */
export function chineseDateOf(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an ISO instant: ${iso}`);
  return chineseDate(chinaDate(instant));
}

function isXmlIllegal(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff;
}

/**
 * Text as it can go into XML: line breaks as \n (a bare CR would be turned into LF by any
 * XML reader anyway), control characters XML 1.0 forbids dropped, and unpaired surrogates
 * replaced by U+FFFD. Everything else, including = + - @ at the start, is kept as it is.
 */
export function cleanText(text: string): string {
  const s = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let out: string[] | null = null;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let replacement: string | null = null;
    if (isXmlIllegal(code)) replacement = '';
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else replacement = '\ufffd';
    } else if (code >= 0xdc00 && code <= 0xdfff) replacement = '\ufffd';
    if (replacement !== null) {
      out ??= [];
      out.push(s.slice(from, i), replacement);
      from = i + 1;
    }
  }
  if (out === null) return s;
  out.push(s.slice(from));
  return out.join('');
}

/** Names joined the Chinese way: 甲、乙、丙. */
export function joinNames(names: readonly string[]): string {
  return names.map((n) => cleanText(n).trim()).join('、');
}
