import { describe, expect, it } from 'vitest';
import { isCalendarDate, isIsoInstant, isoDate } from './iso-date.js';

describe('calendar dates', () => {
  it('accepts real days, leap days included', () => {
    for (const d of ['2021-07-21', '2024-02-29', '2000-02-29', '2100-12-31', '2021-01-01']) expect(isCalendarDate(d)).toBe(true);
  });
  it('refuses days that do not exist, which Date.parse would roll over', () => {
    for (const d of ['2100-02-30', '2100-02-29', '2021-04-31', '2021-13-01', '2021-00-10', '2021-01-00', '2021-1-5', '21-01-05', '']) {
      expect(isCalendarDate(d)).toBe(false);
    }
    expect(isoDate.safeParse('2100-02-30').success).toBe(false);
  });
  it('checks the date inside an instant too', () => {
    expect(isIsoInstant('2021-07-16T02:00:00.000Z')).toBe(true);
    expect(isIsoInstant('2021-07-16T10:00+08:00')).toBe(true);
    expect(isIsoInstant('2021-02-30T02:00:00Z')).toBe(false);
    expect(isIsoInstant('2021-07-16T02:00:00')).toBe(false);
  });
});
