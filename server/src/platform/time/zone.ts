/**
 * Instants and wall clocks in IANA zones, with nothing but Intl: what a clock in a zone
 * shows at an instant, and at which instant it shows a given time.
 *
 * One DST policy for the whole server (Temporal's 'compatible' disambiguation, RFC 5545
 * 3.3.5): a wall time skipped when clocks spring forward moves forward by the length of the
 * jump (02:30 becomes 03:30); a wall time repeated when clocks fall back is the earlier of
 * its two instants. Times keep their seconds and milliseconds, so a round trip is exact.
 */
import { addDays, DAY_MS, floatingFromWallClock, formatDate, MIDNIGHT, requireDate, type PlainDate, type WallClock } from './calendar.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`"${timeZone}" is not a known time zone`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone ("Europe/Berlin", "UTC"). Every other function throws a RangeError for one it does not. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What a clock on the wall in `timeZone` shows at the instant `epochMs`. */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  const year = Number(parts.year ?? 0);
  return {
    // en-US numbers the years before 1 AD 1, 2, ... BC; floating times count 0, -1, ...
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month ?? 1),
    day: Number(parts.day ?? 1),
    // Some engines print midnight as 24 even with h23.
    hour: Number(parts.hour ?? 0) % 24,
    minute: Number(parts.minute ?? 0),
    second: Number(parts.second ?? 0),
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

/** The calendar date in `timeZone` at an instant. */
export function dateAt(instant: Date, timeZone: string): PlainDate {
  const { year, month, day } = wallClockAt(instant.getTime(), timeZone);
  return { year, month, day };
}

/** The date (YYYY-MM-DD) an instant falls on in a zone. */
export function zonedDate(instant: Date, timeZone: string): string {
  return formatDate(dateAt(instant, timeZone));
}

/** The zone's offset from UTC at an instant, in milliseconds (New York in winter: -5 h). */
function offsetAt(epochMs: number, timeZone: string): number {
  return floatingFromWallClock(wallClockAt(epochMs, timeZone)) - epochMs;
}

/** The zone's offset from UTC at an instant, in minutes (Berlin in summer: 120, Kolkata: 330). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return Math.round(offsetAt(instant.getTime(), timeZone) / 60_000);
}

/**
 * The instant (epoch milliseconds) at which a wall clock in `timeZone` shows `wall`.
 * A time that happens twice (the hour repeated when clocks fall back) resolves to the
 * earlier instant. A time that never happens (the hour skipped when clocks spring forward,
 * or Samoa's lost 30 December 2011) moves forward by the length of the jump.
 */
export function instantFromWallClock(wall: WallClock, timeZone: string): number {
  const local = floatingFromWallClock(wall);
  // Real offsets lie within ±14 h, so the offsets a day either side are those in force
  // before and after any transition near this wall time; whichever side of it `local`
  // read as UTC falls on, east or west of UTC, both are among the candidates.
  const offsets = new Set([offsetAt(local - DAY_MS, timeZone), offsetAt(local, timeZone), offsetAt(local + DAY_MS, timeZone)]);
  const candidates = [...offsets].map((offset) => local - offset).sort((a, b) => a - b);
  const real = candidates.find((t) => floatingFromWallClock(wallClockAt(t, timeZone)) === local);
  // In a gap, the latest candidate is the one computed with the offset from before the jump.
  return real ?? candidates[candidates.length - 1]!;
}

const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** instantFromWallClock for a YYYY-MM-DD date and an HH:MM or HH:MM:SS time. */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`"${time}" is not an HH:MM time`);
  const wall = { ...requireDate(date), hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3] ?? 0), millisecond: 0 };
  return new Date(instantFromWallClock(wall, timeZone));
}

/** [start, end) instants, ISO 8601, of the run of calendar days from `fromDate` to `toDate` (YYYY-MM-DD) in a zone. */
export function zonedDayRange(fromDate: string, toDate: string, timeZone: string): { start: string; end: string } {
  const midnight = (date: PlainDate) => new Date(instantFromWallClock({ ...date, ...MIDNIGHT }, timeZone)).toISOString();
  return { start: midnight(requireDate(fromDate)), end: midnight(addDays(requireDate(toDate), 1)) };
}
