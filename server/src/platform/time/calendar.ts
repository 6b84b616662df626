/**
 * Calendar arithmetic on plain dates and wall clocks: no zone, no instant, so DST can
 * never shift a day. zone.ts turns these into instants in an IANA zone and back.
 *
 * Everything here rests on "floating" milliseconds (RFC 5545's name for a local time
 * without a zone): a wall clock written as if it were UTC, 09:00 becoming 09:00Z. On that
 * scale every day is exactly 24 hours long, so adding days, comparing dates or finding a
 * weekday is plain arithmetic.
 */
export interface PlainDate {
  year: number;
  month: number; // 1..12
  day: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** What a clock on the wall shows: a date and a time of day, with no zone attached. */
export interface WallClock extends PlainDate, TimeOfDay {}

export const MIDNIGHT: Readonly<TimeOfDay> = { hour: 0, minute: 0, second: 0, millisecond: 0 };

export const DAY_MS = 86_400_000;

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

const floatingDay = (d: PlainDate) => floatingFromWallClock({ year: d.year, month: d.month, day: d.day, ...MIDNIGHT });

function dateFromFloating(ms: number): PlainDate {
  const { year, month, day } = wallClockFromFloating(ms);
  return { year, month, day };
}

/** 28 to 31; month is 1..12. Day 0 of the next month is the last day of this one. */
export function daysInMonth(year: number, month: number): number {
  return dateFromFloating(floatingDay({ year, month: month + 1, day: 0 })).day;
}

/** The date `days` days after `date` (before, when negative); as a YYYY-MM-DD string for a string. */
export function addDays(date: string, days: number): string;
export function addDays(date: PlainDate, days: number): PlainDate;
export function addDays(date: string | PlainDate, days: number): string | PlainDate {
  if (typeof date === 'string') return formatDate(addDays(requireDate(date), days));
  return dateFromFloating(floatingDay(date) + days * DAY_MS);
}

/** Whole days from `from` to `to`, both YYYY-MM-DD (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Month arithmetic that keeps year and month only (the day is the caller's business). */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** 0 = Sunday ... 6 = Saturday, like Date#getDay and RFC 5545 order SU..SA. */
export const weekdayOf = (date: PlainDate): number => new Date(floatingDay(date)).getUTCDay();

/** The first date on or after `from` that falls on `weekday` (0 = Sunday). */
export function nextWeekday(from: PlainDate, weekday: number): PlainDate {
  return addDays(from, (weekday - weekdayOf(from) + 7) % 7);
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export const compareDates = (a: PlainDate, b: PlainDate): number => floatingDay(a) - floatingDay(b);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** YYYY-MM-DD. */
export const formatDate = (date: PlainDate): string => `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD date, or null unless the text is one and the day exists (no 30 February). */
export function parseDate(text: string): PlainDate | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** parseDate for text the caller already validated: a bad date here is a bug, not input. */
export function requireDate(text: string): PlainDate {
  const date = parseDate(text);
  if (!date) throw new RangeError(`"${text}" is not a YYYY-MM-DD date`);
  return date;
}
