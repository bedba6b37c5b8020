import { describe, expect, it } from 'vitest';
import { daysUntil, formatDate, formatDateTime, formatNumber } from './format';

describe('Vietnamese dates and numbers', () => {
  it('writes a date day first', () => {
    expect(formatDate('2026-12-05')).toBe('05/12/2026');
    expect(formatDate(null)).toBe('');
  });

  it('writes an instant on its day in Vietnam', () => {
    // 20:30 UTC on the 4th is 03:30 on the 5th in Hồ Chí Minh City
    expect(formatDate('2026-12-04T20:30:00Z')).toBe('05/12/2026');
  });

  it('groups thousands with dots and marks decimals with a comma', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(0.25, 1)).toBe('0,3');
    expect(formatNumber(-1500)).toBe('-1.500');
    expect(formatNumber(12)).toBe('12');
  });

  it('counts days to a due date from today in Vietnam', () => {
    const now = new Date('2026-12-04T20:30:00Z'); // the 5th in Vietnam
    expect(daysUntil('2026-12-05', now)).toBe(0);
    expect(daysUntil('2026-12-19', now)).toBe(14);
    expect(daysUntil('2026-12-01', now)).toBe(-4);
  });
});

describe('an instant with its hour', () => {
  it('is the hour and day in the school’s time zone', () => {
    expect(formatDateTime('2026-12-05T07:05:00Z')).toBe('14:05 05/12/2026');
    expect(formatDateTime('2026-12-05T17:30:00Z')).toBe('00:30 06/12/2026');
    expect(formatDateTime(null)).toBe('');
  });
});
