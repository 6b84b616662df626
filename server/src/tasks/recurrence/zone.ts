/**
 * Wall clocks in IANA zones, with nothing but Intl.
 *
 * rrule only understands UTC, so recurrences are expanded on "floating" times: the local
 * wall-clock time written as if it were UTC (09:00 in New York becomes 09:00Z). This file
 * converts between real instants, wall clocks and those floating milliseconds.
 *
 * (server/src/platform/time/zone.ts does similar work at minute precision; this one keeps
 * seconds and milliseconds so that a due's time of day survives a round trip exactly.)
 */
import { RecurrenceError } from './types.js';

export interface WallClock {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RecurrenceError(`"${timeZone}" is not a known time zone`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RecurrenceError unless Intl knows the zone. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** Floating milliseconds of a wall clock. setUTCFullYear, because Date.UTC maps years 0..99 to 19xx. */
export function floatingFromWallClock(w: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

export function wallClockFromFloating(ms: number): WallClock {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** 28 to 31; month is 1..12. Day 0 of the next month is the last day of this one. */
export function daysInMonth(year: number, month: number): number {
  return wallClockFromFloating(floatingFromWallClock({ year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 })).day;
}

/** What a clock on the wall in `timeZone` shows at the instant `epochMs`. */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines print midnight as 24 even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (New York in winter: -5 h). */
function offsetAt(epochMs: number, timeZone: string): number {
  return floatingFromWallClock(wallClockAt(epochMs, timeZone)) - epochMs;
}

/**
 * The instant at which a wall clock in `timeZone` shows `wall`.
 * A time that happens twice (the hour repeated when clocks fall back) resolves to the
 * earlier instant. A time that never happens (the hour skipped when clocks spring forward)
 * moves forward by the length of the jump, 02:30 becoming 03:30, as Temporal's
 * 'compatible' disambiguation and RFC 5545 (3.3.5) do.
 */
export function instantFromWallClock(wall: WallClock, timeZone: string): number {
  const local = floatingFromWallClock(wall);
  // Real offsets lie within ±14 h, so the offsets a day either side are those in force
  // before and after any transition near this wall time.
  const offsets = new Set([offsetAt(local - DAY_MS, timeZone), offsetAt(local, timeZone), offsetAt(local + DAY_MS, timeZone)]);
  const candidates = [...offsets].map((offset) => local - offset).sort((a, b) => a - b);
  const real = candidates.find((t) => floatingFromWallClock(wallClockAt(t, timeZone)) === local);
  // In a gap, the latest candidate is the one computed with the offset from before the jump.
  return real ?? candidates[candidates.length - 1]!;
}
