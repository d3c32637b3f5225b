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
