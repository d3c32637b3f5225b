import { z } from 'zod';

/**
 * Dates as the API and the CLI accept them. A date is `YYYY-MM-DD` and must exist on the
 * calendar: `2100-02-30` is refused, where `Date.parse` would quietly roll it over to March.
 * One schema, imported by the services (for the CLI) and the routes (for OpenAPI) alike.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (UTC, so no time zone moves it).
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO-8601 instant with a real calendar date and an explicit zone (`Z` or `±hh:mm`). */
export function isIsoInstant(text: string): boolean {
  const m = INSTANT.exec(text);
  return m !== null && isCalendarDate(m[1]!) && !Number.isNaN(Date.parse(text));
}

export const isoDate = z.string().refine(isCalendarDate, 'date: a real calendar date, YYYY-MM-DD');

/** A date (whole day) or an instant, as the audit filters take them. */
export const isoDateOrInstant = z
  .string()
  .max(40)
  .refine((s) => isCalendarDate(s) || isIsoInstant(s), 'date: YYYY-MM-DD or an ISO-8601 instant with a zone');
