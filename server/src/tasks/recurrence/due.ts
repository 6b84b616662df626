/**
 * Dues to and from the floating times rrule iterates on.
 * A date due is midnight of that date: the zone never touches it, so an all-day task
 * never shifts. An instant due is its wall-clock time in the user's zone, so a 09:00 task
 * stays at 09:00 local when the zone's offset changes.
 */
import { floatingFromWallClock, formatDate, MIDNIGHT, parseDate, wallClockFromFloating, type WallClock } from '../../platform/time/calendar.js';
import { instantFromWallClock, isTimeZone, wallClockAt } from '../../platform/time/zone.js';
import { RecurrenceError, type Due } from './types.js';

// Searches reach 100 years past a due and rrule stops at year 9999; a narrower range of
// inputs keeps every result a four-digit year. Nobody's task is due before 1000.
const MIN_YEAR = 1000;
const MAX_YEAR = 8999;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function checkYear(year: number, what: string): void {
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RecurrenceError(`${what} must be between the years ${MIN_YEAR} and ${MAX_YEAR}`);
}

/** Throws RecurrenceError unless Intl knows the zone. */
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new RecurrenceError(`"${timeZone}" is not a known time zone`);
}

/** Midnight of a YYYY-MM-DD date, as a wall clock. */
export function parseDueDate(text: string, what = 'the due date'): WallClock {
  const date = parseDate(text);
  if (!date) throw new RecurrenceError(`${what} "${text}" is not a valid YYYY-MM-DD date`);
  checkYear(date.year, what);
  return { ...date, ...MIDNIGHT };
}

/** Epoch milliseconds of an ISO 8601 instant with an explicit offset. */
export function parseInstant(text: string, what = 'the due time'): number {
  const ms = INSTANT.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw new RecurrenceError(`${what} "${text}" is not an ISO 8601 instant like 2026-03-08T14:00:00Z`);
  checkYear(new Date(ms).getUTCFullYear(), what);
  return ms;
}

/** The floating time of a due: what rrule sees. */
export function dueToFloating(due: Due, timeZone: string): number {
  if (due.kind === 'date') return floatingFromWallClock(parseDueDate(due.date));
  return floatingFromWallClock(wallClockAt(parseInstant(due.at), timeZone));
}

/** A floating time rrule produced, back as a due of the same kind. */
export function floatingToDue(floating: number, kind: Due['kind'], timeZone: string): Due {
  const wall = wallClockFromFloating(floating);
  if (kind === 'date') return { kind: 'date', date: formatDate(wall) };
  return { kind: 'instant', at: new Date(instantFromWallClock(wall, timeZone)).toISOString() };
}
