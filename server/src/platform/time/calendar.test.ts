import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  floatingFromWallClock,
  formatDate,
  nextWeekday,
  parseDate,
  requireDate,
  wallClockFromFloating,
  weekdayOf,
} from './calendar.js';

describe('plain dates', () => {
  it('adds days over month and leap-year ends', () => {
    expect(formatDate(addDays({ year: 2028, month: 2, day: 28 }, 1))).toBe('2028-02-29');
    expect(formatDate(addDays({ year: 2026, month: 12, day: 31 }, 1))).toBe('2027-01-01');
    expect(addDays({ year: 2026, month: 3, day: 1 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows month lengths, weekdays and the order of dates', () => {
    expect([2026, 2028, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(weekdayOf({ year: 2026, month: 3, day: 4 })).toBe(3); // a Wednesday
    expect(formatDate(nextWeekday({ year: 2026, month: 3, day: 4 }, 3))).toBe('2026-03-04');
    expect(formatDate(nextWeekday({ year: 2026, month: 3, day: 4 }, 1))).toBe('2026-03-09');
    expect(compareDates({ year: 2026, month: 3, day: 4 }, { year: 2026, month: 2, day: 28 })).toBeGreaterThan(0);
    expect(compareDates({ year: 2026, month: 3, day: 4 }, { year: 2026, month: 3, day: 4 })).toBe(0);
    expect(addMonths(2026, 11, 3)).toEqual({ year: 2027, month: 2 });
    expect(addMonths(2026, 1, -1)).toEqual({ year: 2025, month: 12 });
  });

  it('reads and writes YYYY-MM-DD, refusing days that do not exist', () => {
    expect(parseDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2026-3-1')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(() => requireDate('tomorrow')).toThrow(RangeError);
    expect(formatDate({ year: 987, month: 1, day: 2 })).toBe('0987-01-02');
  });

  it('keeps years below 100 apart from the 1900s in floating times', () => {
    const w = { year: 50, month: 3, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
    expect(wallClockFromFloating(floatingFromWallClock(w))).toEqual(w);
    expect(daysInMonth(0, 2)).toBe(29); // 1900 was no leap year; 0 was
    expect(addDays('0001-01-01', -1)).toBe('0000-12-31');
  });
});
