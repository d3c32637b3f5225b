/**
 * The app's one way to show dates and times: China time (UTC+8, no daylight saving), whatever
 * the browser's zone, as 2026-12-02 13:13; a date alone as 2026-12-02. Deadlines are China
 * dates, so every instant must read on the same clock to be compared with them.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

function chinaIso(value: string | Date): string | null {
  const at = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(at)) return null;
  return new Date(at + CHINA_OFFSET_MS).toISOString();
}

/** An instant as 2026-12-02 13:13 in China time; '' when there is none or it cannot be read. */
export function formatChinaTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && PLAIN_DATE.test(value)) return value;
  const china = chinaIso(value);
  return china ? `${china.slice(0, 10)} ${china.slice(11, 16)}` : '';
}

/** A date as 2026-12-02: a plain date as it is, an instant as its China date; '' when none. */
export function formatChinaDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && PLAIN_DATE.test(value)) return value;
  return chinaIso(value)?.slice(0, 10) ?? '';
}

/** Whether a value is an ISO instant (2026-12-02T05:13:00.000Z), as the API sends times. */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value);
}
