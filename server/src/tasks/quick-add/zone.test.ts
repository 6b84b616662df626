import { describe, expect, it } from 'vitest';
import { addDays, formatDate, offsetMinutes, todayIn, zonedToUtc } from './zone.js';

const utc = (date: [number, number, number], time: [number, number], zone: string) =>
  zonedToUtc({ year: date[0], month: date[1], day: date[2] }, { hour: time[0], minute: time[1] }, zone).toISOString();

describe('zone arithmetic', () => {
  it('knows the local day of an instant', () => {
    const now = new Date('2026-03-04T15:30:00Z');
    expect(formatDate(todayIn(now, 'Asia/Tokyo'))).toBe('2026-03-05');
    expect(formatDate(todayIn(now, 'America/Los_Angeles'))).toBe('2026-03-04');
    expect(offsetMinutes(now, 'Asia/Kolkata')).toBe(330);
  });

  it('converts wall-clock times across DST, east and west of UTC', () => {
    expect(utc([2026, 3, 28], [10, 0], 'Europe/Berlin')).toBe('2026-03-28T09:00:00.000Z');
    expect(utc([2026, 3, 29], [10, 0], 'Europe/Berlin')).toBe('2026-03-29T08:00:00.000Z');
    expect(utc([2026, 3, 29], [2, 30], 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z'); // skipped: 03:30 CEST
    expect(utc([2026, 10, 25], [2, 30], 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z'); // repeated: the first
    expect(utc([2026, 3, 8], [2, 30], 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(utc([2026, 11, 1], [1, 30], 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(utc([2026, 4, 5], [1, 45], 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z'); // half-hour shift, repeated: the first
  });

  it('adds days over month and leap-year ends', () => {
    expect(formatDate(addDays({ year: 2028, month: 2, day: 28 }, 1))).toBe('2028-02-29');
    expect(formatDate(addDays({ year: 2026, month: 12, day: 31 }, 1))).toBe('2027-01-01');
  });
});
