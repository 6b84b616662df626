import { describe, expect, it } from 'vitest';
import { addDays, offsetMinutes, zonedDate, zonedDayRange, zonedInstant } from './zone.js';

describe('zone arithmetic', () => {
  it('tells the local date of an instant', () => {
    const i = new Date('2026-03-04T23:30:00Z');
    expect(zonedDate(i, 'UTC')).toBe('2026-03-04');
    expect(zonedDate(i, 'Asia/Tokyo')).toBe('2026-03-05');
    expect(zonedDate(i, 'America/Los_Angeles')).toBe('2026-03-04');
    expect(zonedDate(new Date('2026-03-04T19:00:00Z'), 'Asia/Kolkata')).toBe('2026-03-05');
  });

  it('finds local midnight across DST', () => {
    expect(zonedInstant('2026-03-29', '00:00', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedInstant('2026-03-30', '00:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(offsetMinutes(new Date('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(zonedInstant('2026-03-04', '09:00', 'Asia/Kolkata').toISOString()).toBe('2026-03-04T03:30:00.000Z');
  });

  it('resolves skipped and repeated wall times', () => {
    // 02:30 does not exist in New York on 2026-03-08; 01:30 happens twice on 2026-11-01.
    expect(zonedInstant('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('gives day ranges and adds days across month ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(zonedDayRange('2026-03-04', '2026-03-04', 'America/Los_Angeles')).toEqual({
      start: '2026-03-04T08:00:00.000Z',
      end: '2026-03-05T08:00:00.000Z',
    });
  });
});
