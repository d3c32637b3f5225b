/**
 * When an item is due, from a division table's 完成时限 (or 时间节点, 频次) cell:
 * `2021年底前` → due 2021-12-31; `2017年9月底前` → 2017-09-30; `6月底前` in a 2021 plan →
 * 2021-06-30; `2022年上半年`, `三季度`, `2021年6月15日`; a range `2021—2025年` is due at its end.
 * Repeated or open-ended work has a frequency instead (or as well): `每季度` quarterly, `长期坚持`
 * and `持续推进` ongoing. Text that says neither gives null for both (the raw text is kept).
 */
import type { Frequency } from '../model/plan.js';
import { toInteger } from './numerals.js';

export interface ScheduleReading {
  due: string | null;
  frequency: Frequency | null;
}

const NUM = '[0-9]{1,4}|[〇零一二三四五六七八九十]{1,4}';
const YEAR_RE = /((?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})\s*年/g;
const DATE_RE = new RegExp(`(?:((?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})\\s*年)?\\s*(${NUM})\\s*月(?:\\s*(${NUM})\\s*[日号])?(底|末|中旬|上旬|下旬)?`, 'g');
const HALF_RE = /(上|下)半年/;
const QUARTER_RE = /(?:第)?([一二三四1234])季度(?:末|底)?/;

const FREQUENCIES: [RegExp, Frequency][] = [
  [/每(?:个)?工作日|每日|每天|日报/, 'daily'],
  [/每周|周报/, 'weekly'],
  [/每(?:个)?月|按月|月报|逐月/, 'monthly'],
  [/每(?:个)?季度?|按季度?|季报|逐季/, 'quarterly'],
  [/每半年|半年报/, 'half-yearly'],
  [/每年|按年|年报|逐年/, 'yearly'],
  [/长期坚持|长期|持续推进|持续|常态化|常年|久久为功|全年/, 'ongoing'],
];

const pad = (n: number): string => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number | null): string | null {
  if (month < 1 || month > 12) return null;
  const last = lastDay(year, month);
  const d = day ?? last;
  if (d < 1 || d > last) return null;
  return `${year}-${pad(month)}-${pad(d)}`;
}

function yearOf(text: string): number | null {
  const y = toInteger(text);
  return y !== null && y >= 1949 && y <= 2200 ? y : null;
}

/** The latest date [text] names, as the item's due date; null when it names none. */
function dueOf(text: string, planYear: number | null): string | null {
  const dates: string[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const year = m[1] ? yearOf(m[1]) : planYear;
    const month = m[2] ? toInteger(m[2]) : null;
    if (year === null || month === null) continue;
    const day = m[3] ? toInteger(m[3]) : m[4] === '上旬' ? 10 : m[4] === '中旬' ? 20 : null;
    const date = iso(year, month, day);
    if (date) dates.push(date);
  }
  if (dates.length > 0) return dates.sort().at(-1) ?? null;
  const years = [...text.matchAll(YEAR_RE)].map((m) => yearOf(m[1] ?? '')).filter((y): y is number => y !== null);
  const year = years.length > 0 ? Math.max(...years) : planYear;
  if (year === null) return null;
  const half = HALF_RE.exec(text);
  if (half) return half[1] === '上' ? `${year}-06-30` : `${year}-12-31`;
  const quarter = QUARTER_RE.exec(text);
  if (quarter && !/每|按/.test(text.slice(Math.max(0, quarter.index - 1), quarter.index + 1))) {
    const q = toInteger(quarter[1] ?? '') ?? 0;
    if (q >= 1 && q <= 4) return iso(year, q * 3, null);
  }
  if (years.length > 0 || /年底|年末|年内|年前|底前/.test(text)) return `${year}-12-31`;
  return null;
}

export function readSchedule(text: string, planYear: number | null): ScheduleReading {
  let frequency: Frequency | null = null;
  for (const [re, f] of FREQUENCIES) {
    if (re.test(text)) {
      frequency = f;
      break;
    }
  }
  // 2021年起每季度: a frequency from a start, no due date; 每年年底前: yearly, no single date.
  const recurring = frequency !== null && frequency !== 'ongoing';
  return { due: recurring ? null : dueOf(text, planYear), frequency };
}

const DEADLINE_PHRASE_RE = new RegExp(
  `(?:(?:(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4})\\s*年)?\\s*(?:(?:${NUM})\\s*月(?:\\s*(?:${NUM})\\s*[日号])?\\s*(?:底|末|中旬|上旬|下旬)?|年?底|年末|[上下]半年|第?[一二三四1-4]季度(?:末|底)?)\\s*(?:以前|之前|前)`,
  'g',
);

export interface DeadlineInText {
  raw: string;
  due: string;
  /** Offset of the phrase in the text. */
  index: number;
}

/**
 * Deadlines written in an item's running text: `2021年6月底前`, `9月30日前`, `年底前`,
 * `上半年前`, `三季度末前` — a date or period followed by 前/以前/之前 — each with the date it
 * means (a phrase without a year is in the plan's year). Dates before the plan's year are
 * left out (they tell history, not a deadline). In the order written.
 */
export function deadlinesInText(text: string, planYear: number): DeadlineInText[] {
  const out: DeadlineInText[] = [];
  for (const m of text.matchAll(DEADLINE_PHRASE_RE)) {
    const raw = m[0].trim();
    const due = dueOf(raw, planYear);
    if (due === null || Number(due.slice(0, 4)) < planYear) continue;
    out.push({ raw, due, index: (m.index ?? 0) + (m[0].length - m[0].trimStart().length) });
  }
  return out;
}
