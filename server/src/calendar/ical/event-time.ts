/**
 * EventTime values: construction, reading, and the floating/instant views of them that
 * expansion and serialisation share.
 */
import { formatDate, parseDate, type PlainDate } from '../../platform/time/calendar.js';
import { isTimeZone } from '../../platform/time/zone.js';
import type { EventTime } from './types.js';
import { floatingDay } from './wall.js';

export const dateTime = (date: PlainDate): EventTime => ({ kind: 'date', date: formatDate(date) });

export const instantTime = (epochMs: number, timeZone: string): EventTime => ({ kind: 'instant', at: new Date(epochMs).toISOString(), timeZone });

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an ISO 8601 instant with a zone designator; RangeError otherwise. */
export function parseInstant(text: string, what: string): number {
  const ms = ISO.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} "${text}" is not an ISO 8601 instant`);
  return ms;
}

/** Checks an EventTime handed in by a caller; RangeError for a malformed one. */
export function checkTime(time: EventTime, what: string): void {
  if (time.kind === 'date') {
    if (parseDate(time.date) === null) throw new RangeError(`${what}: "${time.date}" is not a YYYY-MM-DD date`);
  } else {
    parseInstant(time.at, what);
    if (!isTimeZone(time.timeZone)) throw new RangeError(`${what}: "${time.timeZone}" is not a known time zone`);
  }
}

export function plainDateOf(time: { date: string }): PlainDate {
  const date = parseDate(time.date);
  if (date === null) throw new RangeError(`"${time.date}" is not a YYYY-MM-DD date`);
  return date;
}

export const instantOf = (time: { at: string }): number => parseInstant(time.at, 'time');

/** Floating midnight of an all-day value. */
export const floatingDate = (time: { date: string }): number => floatingDay(plainDateOf(time));
