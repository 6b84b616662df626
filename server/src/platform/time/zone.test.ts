import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, DAY_MS, floatingFromWallClock, formatDate, wallClockFromFloating, type WallClock } from './calendar.js';
import { dateAt, instantFromWallClock, isTimeZone, offsetMinutes, wallClockAt, zonedDate, zonedDayRange, zonedInstant } from './zone.js';

const wall = (text: string): WallClock => wallClockFromFloating(Date.parse(`${text}Z`));
const at = (text: string, zone: string) => new Date(instantFromWallClock(wall(text), zone)).toISOString();

describe('zone arithmetic', () => {
  it('tells the local date of an instant', () => {
    const i = new Date('2026-03-04T23:30:00Z');
    expect(zonedDate(i, 'UTC')).toBe('2026-03-04');
    expect(zonedDate(i, 'Asia/Tokyo')).toBe('2026-03-05');
    expect(zonedDate(i, 'America/Los_Angeles')).toBe('2026-03-04');
    expect(zonedDate(new Date('2026-03-04T19:00:00Z'), 'Asia/Kolkata')).toBe('2026-03-05');
  });

  it('knows the local day of an instant as a plain date, and the offset in minutes', () => {
    const now = new Date('2026-03-04T15:30:00Z');
    expect(formatDate(dateAt(now, 'Asia/Tokyo'))).toBe('2026-03-05');
    expect(formatDate(dateAt(now, 'America/Los_Angeles'))).toBe('2026-03-04');
    expect(dateAt(now, 'UTC')).toEqual({ year: 2026, month: 3, day: 4 });
    expect(offsetMinutes(now, 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(now, 'America/New_York')).toBe(-300);
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

  it('takes the earlier repeated time in zones east of UTC too (Berlin fall-back, once 01:30Z)', () => {
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z'); // CEST, not CET
    expect(zonedInstant('2026-10-25', '02:00', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(zonedInstant('2026-10-25', '02:59:59', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:59:59.000Z');
    expect(zonedInstant('2026-10-25', '03:00', 'Europe/Berlin').toISOString()).toBe('2026-10-25T02:00:00.000Z'); // after the repeat
    expect(zonedInstant('2026-04-05', '02:30', 'Australia/Sydney').toISOString()).toBe('2026-04-04T15:30:00.000Z'); // AEDT, not AEST
    expect(zonedInstant('2026-10-04', '02:30', 'Australia/Sydney').toISOString()).toBe('2026-10-03T16:30:00.000Z'); // skipped: 03:30 AEDT
  });

  it('gives day ranges and adds days across month ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(zonedDayRange('2026-03-04', '2026-03-04', 'America/Los_Angeles')).toEqual({
      start: '2026-03-04T08:00:00.000Z',
      end: '2026-03-05T08:00:00.000Z',
    });
  });

  it('gives day ranges over DST changes and to the end of the calendar', () => {
    // 29 March 2026 is 23 hours long in Berlin, 25 October 25 hours.
    expect(zonedDayRange('2026-03-29', '2026-03-29', 'Europe/Berlin')).toEqual({ start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
    expect(zonedDayRange('2026-10-25', '2026-10-25', 'Europe/Berlin')).toEqual({ start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z' });
    expect(zonedDayRange('2026-03-04', '9999-12-31', 'UTC').end).toBe('+010000-01-01T00:00:00.000Z');
  });
});

describe('wall clocks', () => {
  it('reads the wall clock of an instant, seconds and milliseconds included', () => {
    expect(wallClockAt(Date.parse('2026-03-08T06:59:59.250Z'), 'America/New_York')).toEqual(wall('2026-03-08T01:59:59.250'));
    expect(wallClockAt(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toEqual(wall('2026-03-08T03:00:00'));
    expect(wallClockAt(Date.parse('2026-03-04T19:00:00Z'), 'Asia/Kolkata')).toEqual(wall('2026-03-05T00:30:00'));
    expect(wallClockAt(Date.parse('2026-03-04T23:59:59.999Z'), 'UTC')).toEqual(wall('2026-03-04T23:59:59.999'));
  });

  it('reads years before 100 and before 1 AD as floating times count them', () => {
    const year = (y: number) => floatingFromWallClock({ year: y, month: 6, day: 1, hour: 12, minute: 0, second: 0, millisecond: 0 });
    expect(wallClockAt(year(50), 'UTC').year).toBe(50);
    expect(wallClockAt(year(0), 'UTC').year).toBe(0);
    expect(wallClockAt(year(-5), 'UTC').year).toBe(-5);
  });

  it('finds the instant of a wall-clock time across offsets and DST', () => {
    expect(at('2026-01-15T09:00:00', 'America/New_York')).toBe('2026-01-15T14:00:00.000Z');
    expect(at('2026-07-15T09:00:00.123', 'America/New_York')).toBe('2026-07-15T13:00:00.123Z');
    expect(at('2026-03-04T09:00:00', 'Asia/Kolkata')).toBe('2026-03-04T03:30:00.000Z');
    expect(at('2026-03-05T00:30:00', 'Asia/Kolkata')).toBe('2026-03-04T19:00:00.000Z');
    expect(at('2026-03-29T00:00:00', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(at('2026-03-28T10:00:00', 'Europe/Berlin')).toBe('2026-03-28T09:00:00.000Z');
    expect(at('2026-03-29T10:00:00', 'Europe/Berlin')).toBe('2026-03-29T08:00:00.000Z');
  });

  it('moves a time skipped by spring-forward ahead by the length of the jump', () => {
    expect(at('2026-03-08T02:30:00', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(at('2026-03-29T02:30:00', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    // Lord Howe springs forward by half an hour: 02:15 becomes 02:45 (+11:00).
    expect(at('2026-10-04T02:15:00', 'Australia/Lord_Howe')).toBe('2026-10-03T15:45:00.000Z');
    // Samoa skipped 30 December 2011 altogether, moving from -10:00 to +14:00.
    expect(at('2011-12-30T12:00:00', 'Pacific/Apia')).toBe('2011-12-30T22:00:00.000Z');
  });

  it('takes the earlier of two instants when fall-back repeats a time', () => {
    expect(at('2026-11-01T01:30:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z'); // EDT, not EST
    expect(at('2026-10-25T02:30:00', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z'); // CEST, not CET
    // Lord Howe falls back by half an hour: 01:45 happens at +11:00, then at +10:30.
    expect(at('2026-04-05T01:45:00', 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z');
  });

  it('refuses an unknown zone with a RangeError', () => {
    expect(() => wallClockAt(0, 'Not/A_Zone')).toThrow(/not a known time zone/);
    expect(() => instantFromWallClock(wall('2026-03-04T09:00:00'), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
  });

  const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo'];

  it('round-trips every instant to the same wall clock, the earlier one when a time repeats', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), fc.constantFrom(...zones), (t, zone) => {
        const shown = wallClockAt(t, zone);
        const back = instantFromWallClock(shown, zone);
        expect(wallClockAt(back, zone)).toEqual(shown);
        // Equal, or the same wall time an hour (at most) earlier, before clocks fell back.
        expect(t - back).toBeGreaterThanOrEqual(0);
        expect(t - back).toBeLessThanOrEqual(3_600_000);
      }),
      { numRuns: 500 },
    );
  });

  it('resolves every wall time to itself, or in a gap to itself moved forward by the jump', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), fc.constantFrom(...zones), (local, zone) => {
        const t = instantFromWallClock(wallClockFromFloating(local), zone);
        const shown = floatingFromWallClock(wallClockAt(t, zone));
        const jump = (offsetMinutes(new Date(t), zone) - offsetMinutes(new Date(t - DAY_MS), zone)) * 60_000;
        expect([local, local + jump]).toContain(shown);
      }),
      { numRuns: 500 },
    );
  });
});
