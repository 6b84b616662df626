/**
 * Calendar dates and wall-clock times in an IANA zone, with nothing but Intl.
 * Quick add reasons in plain dates ("the 15th", "next Monday") and converts to an instant
 * only at the end, so DST never shifts a day. platform/time/zone.ts holds the same idea with
 * string dates; this module keeps numeric fields because the grammar does arithmetic on them.
 */
export interface PlainDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export interface WallTime {
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: the caller validated it, so that is a bug, not input.
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
    formatters.set(timeZone, f);
  }
  return f;
}

/** The date and time an instant shows on a clock in the zone. */
export function wallClock(instant: Date, timeZone: string): PlainDate & WallTime & { second: number } {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Minutes the zone is ahead of UTC at an instant (Berlin in winter: 60). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time happens in the zone. A time skipped by a DST jump moves
 * forward by the jump (02:30 on a spring-forward night is 03:30); a repeated time takes the
 * earlier instant, which is what a person setting an alarm expects.
 */
export function zonedToUtc(date: PlainDate, time: WallTime, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute);
  // Transitions are rare and never a day apart: the offsets a day either side are the only two candidates.
  const before = offsetMinutes(new Date(guess - 86_400_000), timeZone);
  const after = offsetMinutes(new Date(guess + 86_400_000), timeZone);
  const real = [before, after]
    .map((offset) => guess - offset * 60_000)
    .filter((t) => {
      const w = wallClock(new Date(t), timeZone);
      return w.day === date.day && w.hour === time.hour && w.minute === time.minute;
    });
  // None real: the time fell in a gap; the offset from before the jump moves it forward by the jump.
  return new Date(real.length > 0 ? Math.min(...real) : guess - before * 60_000);
}

export function todayIn(now: Date, timeZone: string): PlainDate {
  const { year, month, day } = wallClock(now, timeZone);
  return { year, month, day };
}

const toUtcMs = (d: PlainDate) => Date.UTC(d.year, d.month - 1, d.day);

function fromUtcMs(ms: number): PlainDate {
  const t = new Date(ms);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export const addDays = (d: PlainDate, days: number): PlainDate => fromUtcMs(toUtcMs(d) + days * 86_400_000);

/** 0 = Sunday ... 6 = Saturday, like Date#getDay and RFC 5545 order SU..SA. */
export const weekdayOf = (d: PlainDate): number => new Date(toUtcMs(d)).getUTCDay();

export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const compareDates = (a: PlainDate, b: PlainDate): number => toUtcMs(a) - toUtcMs(b);

/** Month arithmetic that keeps year and month only (the day is the caller's business). */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The first date on or after `from` that falls on `weekday` (0 = Sunday). */
export function nextWeekday(from: PlainDate, weekday: number): PlainDate {
  return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const formatDate = (d: PlainDate): string => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
