import { describe, expect, it } from 'vitest';
import { formatTime, shortHex } from './ui';

describe('formatTime', () => {
  it('shows an instant in China time, whatever the zone it was written in', () => {
    expect(formatTime('2021-07-21T15:59:00.000Z')).toBe('2021-07-21 23:59');
    expect(formatTime('2021-07-21T16:00:00.000Z')).toBe('2021-07-22 00:00');
    expect(formatTime('2021-07-19T16:10:00+08:00')).toBe('2021-07-19 16:10');
  });

  it('shows nothing for a missing or broken value', () => {
    expect(formatTime(null)).toBe('');
    expect(formatTime('not a time')).toBe('');
  });
});

describe('shortHex', () => {
  it('keeps short values and shortens long ones to their ends', () => {
    expect(shortHex('abcdef')).toBe('abcdef');
    expect(shortHex('0123456789abcdefXYZ', 4)).toBe('0123…fXYZ');
  });
});
