/**
 * What expansion and import need to know about a series: the kind of its start, its zone,
 * its start on the floating scale, its length, how to key an original start (for EXDATE
 * and RECURRENCE-ID matching) and where UNTIL ends it.
 */
import { addDays, DAY_MS, wallClockFromFloating } from '../../platform/time/calendar.js';
import { zonedDate } from '../../platform/time/zone.js';
import { floatingDate, instantOf, plainDateOf } from './event-time.js';
import type { Rule, Until } from './rule.js';
import type { EventTime } from './types.js';
import { dateOfFloating, floatingDay, floatingOfInstant, instantOfFloating, timeOfDay } from './wall.js';

export interface Shape {
  kind: 'date' | 'instant';
  /** The start's zone ('UTC' for all-day series, where it is unused). */
  zone: string;
  /** The end's zone, for the ends of occurrences. */
  endZone: string;
  /** DTSTART on the floating scale (a date's midnight, or the wall clock in `zone`). */
  startF: number;
  /** Instant series: exact length in ms. All-day series: whole days (at least one) in ms. */
  length: number;
}

export function shapeOf(start: EventTime, end: EventTime): Shape {
  if (start.kind === 'date') {
    const startF = floatingDate(start);
    const endF = end.kind === 'date' ? floatingDate(end) : floatingDay(plainDateOf({ date: zonedDate(new Date(instantOf(end)), end.timeZone) }));
    return { kind: 'date', zone: 'UTC', endZone: 'UTC', startF, length: Math.max(DAY_MS, Math.round((endF - startF) / DAY_MS) * DAY_MS) };
  }
  const startMs = instantOf(start);
  const startF = floatingOfInstant(startMs, start.timeZone);
  const endMs = end.kind === 'instant' ? instantOf(end) : instantOfFloating(floatingDate(end), start.timeZone);
  return { kind: 'instant', zone: start.timeZone, endZone: end.kind === 'instant' ? end.timeZone : start.timeZone, startF, length: Math.max(0, endMs - startMs) };
}

/**
 * The key of an original start: epoch ms for instant series, floating midnight for all-day
 * ones. A date given for an instant series means that day at the series' time of day; an
 * instant given for an all-day series means its date in its own zone.
 */
export function keyOf(time: EventTime, shape: Shape): number {
  if (shape.kind === 'date') {
    return time.kind === 'date' ? floatingDate(time) : floatingDay(plainDateOf({ date: zonedDate(new Date(instantOf(time)), time.timeZone) }));
  }
  return time.kind === 'instant' ? instantOf(time) : instantOfFloating(floatingDate(time) + timeOfDay(shape.startF), shape.zone);
}

/** The key of the occurrence at floating time `floating`. */
export const keyOfFloating = (floating: number, shape: Shape): number => (shape.kind === 'date' ? floating : instantOfFloating(floating, shape.zone));

/**
 * The last key UNTIL allows (inclusive). A date ends an instant series at the end of that
 * day in its zone; a UTC time ends an all-day series on the date it falls on in `dateZone`
 * (the series' dates being those of the user's wall clock).
 */
export function untilKey(until: Until, shape: Shape, dateZone: string): number {
  const { wall } = until;
  if (shape.kind === 'date') {
    if (until.form === 'utc') return floatingDay(plainDateOf({ date: zonedDate(new Date(wallFloating(until)), dateZone) }));
    return floatingDay(wall);
  }
  if (until.form === 'utc') return wallFloating(until);
  if (until.form === 'local') return instantOfFloating(wallFloating(until), shape.zone);
  return instantOfFloating(floatingDay(addDays(wall, 1)), shape.zone) - 1;
}

const wallFloating = (until: Until) => floatingDay(until.wall) + ((until.wall.hour * 60 + until.wall.minute) * 60 + until.wall.second) * 1000;

/** UNTIL in canonical form: a date for all-day series, a UTC time (whole seconds) for timed ones. */
export function normalizeUntil(rule: Rule, shape: Shape, dateZone: string): Rule {
  if (rule.until === null) return rule;
  const key = untilKey(rule.until, shape, dateZone);
  if (shape.kind === 'date') return { ...rule, until: { form: 'date', wall: { ...dateOfFloating(key), hour: 0, minute: 0, second: 0, millisecond: 0 } } };
  return { ...rule, until: { form: 'utc', wall: wallClockFromFloating(Math.floor(key / 1000) * 1000) } };
}

/** UNTIL as the loose floating bound rrule stops at (a day late for instants: zone offsets are under a day). */
export function untilFloating(untilKeyValue: number | null, shape: Shape): number | null {
  if (untilKeyValue === null) return null;
  return shape.kind === 'date' ? untilKeyValue : floatingOfInstant(untilKeyValue, shape.zone) + DAY_MS;
}
