/**
 * Dates of the ledger: rounds' periods and tasks' due dates, as YYYY-MM-DD days (China
 * time). A round's period gets a label ('2021-Q3', '2021-09', '2021', or its end date) under
 * which the indicator values reported in it are kept.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function periodLabel(start: string, end: string): string {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = end.split('-').map(Number) as [number, number, number];
  const wholeMonths = sd === 1 && ed === lastDayOfMonth(ey, em) && sy === ey;
  if (wholeMonths && sm === 1 && em === 12) return String(sy);
  if (wholeMonths && sm === em) return `${sy}-${String(sm).padStart(2, '0')}`;
  if (wholeMonths && em - sm === 2 && sm % 3 === 1) return `${sy}-Q${(sm + 2) / 3}`;
  return end;
}

/** The end of a plan's year: the default due date of its tasks. */
export function yearEnd(year: number): string {
  return `${year}-12-31`;
}

/** The next period of a recurring round (monthly or quarterly), as [start, end]. */
export function nextPeriod(start: string, recurrence: 'monthly' | 'quarterly'): [string, string] {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const months = recurrence === 'monthly' ? 1 : 3;
  const nm = m - 1 + months;
  const ny = y + Math.floor(nm / 12);
  const nmonth = (nm % 12) + 1;
  const endMonthIndex = nmonth - 1 + months - 1;
  const ey = ny + Math.floor(endMonthIndex / 12);
  const em = (endMonthIndex % 12) + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return [`${ny}-${pad(nmonth)}-01`, `${ey}-${pad(em)}-${pad(lastDayOfMonth(ey, em))}`];
}

const QUARTER_ZH = ['第一季度', '第二季度', '第三季度', '第四季度'];
const MONTH_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A period in words: 2022年1月 / 2022年第一季度 / 2022年 (zh-CN), January 2022 / Q1 2022 /
 * 2022 (English); any other span as its two dates.
 */
export function periodWords(start: string, end: string, locale: 'zh' | 'en' = 'zh'): string {
  const label = periodLabel(start, end);
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (/^\d{4}$/.test(label)) return locale === 'zh' ? `${label}年` : label;
  if (month) return locale === 'zh' ? `${month[1]}年${Number(month[2])}月` : `${MONTH_EN[Number(month[2]) - 1]} ${month[1]}`;
  if (quarter) return locale === 'zh' ? `${quarter[1]}年${QUARTER_ZH[Number(quarter[2]) - 1]}` : `Q${quarter[2]} ${quarter[1]}`;
  return locale === 'zh' ? `${start}至${end}` : `${start} to ${end}`;
}

/** Period words at the start of a title (2022年1月, 2021年第三季度, 2021年) and period labels in brackets anywhere. */
const LEADING_PERIOD = /^\s*\d{4}\s*年(?:\s*第[一二三四1-4]季度|\s*\d{1,2}\s*月份?|度)?\s*/;
const BRACKETED_LABEL = /\s*[（(]\s*(?:\d{4}-(?:\d{2}|Q[1-4])|\d{4}|\d{4}年[^（）()]{0,8})\s*[）)]/g;

/**
 * The base of a recurring round's title: the title without its period (调度 out of
 * 2022年1月调度, 城镇化工作调度 out of 2021年第三季度城镇化工作调度 or out of a title that
 * earlier versions grew with bracketed labels, 2022年1月调度（2022-02）（2022-03）).
 */
export function baseRoundTitle(title: string): string {
  const base = title.replace(BRACKETED_LABEL, '').replace(LEADING_PERIOD, '').trim();
  return base === '' ? '调度' : base;
}

/** A recurring round's title for a period: its period in words, then the base (2022年2月调度). */
export function roundTitleFor(base: string, start: string, end: string): string {
  return `${periodWords(start, end)}${base}`;
}
