import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecurrenceError } from './types.js';
import { assertTimeZone, floatingFromWallClock, instantFromWallClock, wallClockAt, wallClockFromFloating, type WallClock } from './zone.js';

const wall = (text: string): WallClock => wallClockFromFloating(Date.parse(`${text}Z`));
const at = (text: string, zone: string) => new Date(instantFromWallClock(wall(text), zone)).toISOString();

describe('wall clocks', () => {
  it('reads the wall clock of an instant, seconds and milliseconds included', () => {
    expect(wallClockAt(Date.parse('2026-03-08T06:59:59.250Z'), 'America/New_York')).toEqual(wall('2026-03-08T01:59:59.250'));
    expect(wallClockAt(Date.parse('2026-03-08T07:00:00Z'), 'America/New_York')).toEqual(wall('2026-03-08T03:00:00'));
    expect(wallClockAt(Date.parse('2026-03-04T19:00:00Z'), 'Asia/Kolkata')).toEqual(wall('2026-03-05T00:30:00'));
    expect(wallClockAt(Date.parse('2026-03-04T23:59:59.999Z'), 'UTC')).toEqual(wall('2026-03-04T23:59:59.999'));
  });

  it('finds the instant of a wall-clock time across offsets and DST', () => {
    expect(at('2026-01-15T09:00:00', 'America/New_York')).toBe('2026-01-15T14:00:00.000Z');
    expect(at('2026-07-15T09:00:00.123', 'America/New_York')).toBe('2026-07-15T13:00:00.123Z');
    expect(at('2026-03-04T09:00:00', 'Asia/Kolkata')).toBe('2026-03-04T03:30:00.000Z');
    expect(at('2026-03-05T00:30:00', 'Asia/Kolkata')).toBe('2026-03-04T19:00:00.000Z');
    expect(at('2026-03-29T00:00:00', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
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
  });

  it('refuses an unknown zone with a RecurrenceError', () => {
    expect(() => assertTimeZone('Mars/Olympus_Mons')).toThrow(RecurrenceError);
    expect(() => wallClockAt(0, 'Not/A_Zone')).toThrow(/not a known time zone/);
    expect(() => assertTimeZone('Asia/Kolkata')).not.toThrow();
  });

  it('keeps years below 100 apart from the 1900s in floating times', () => {
    const w = { year: 50, month: 3, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
    expect(wallClockFromFloating(floatingFromWallClock(w))).toEqual(w);
  });

  it('round-trips every instant to the same wall clock, the earlier one when a time repeats', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo'];
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
});
