/**
 * A VEVENT to EventData. UID and DTSTART are required; the end comes from DTEND, else
 * DURATION, else the RFC's defaults (an all-day event lasts a day, a timed one no time).
 * RRULE is checked and its UNTIL put in canonical form; RDATE and EXDATE values of another
 * kind than DTSTART are turned into its kind.
 */
import { addDays, DAY_MS } from '../../platform/time/calendar.js';
import { zonedDate } from '../../platform/time/zone.js';
import { readReminders } from './alarms.js';
import { prop, props, type Component } from './components.js';
import { fail } from './errors.js';
import { dateTime, floatingDate, instantOf, instantTime, plainDateOf } from './event-time.js';
import { readAttendee, readOrganizer } from './people.js';
import { formatRule, parseRule, RuleProblem } from './rule.js';
import { normalizeUntil, shapeOf } from './series.js';
import { readTime, readTimes, type TimeContext } from './times.js';
import type { EventData, EventTime } from './types.js';
import { parseDuration, unescapeText } from './values.js';
import { floatingOfInstant, instantOfFloating, timeOfDay } from './wall.js';

export const text = (c: Component, name: string): string => {
  const p = prop(c, name);
  return p === null ? '' : unescapeText(p.value);
};

function required(c: Component, name: string): string {
  const value = prop(c, name)?.value.trim() ?? '';
  if (value === '') fail(`${name} is missing: every ${c.name} needs one (RFC 5545)`, c.line, c.name);
  return value;
}

/** The end after `start` by a DURATION: days on the wall clock, then exact seconds. */
function addDuration(start: EventTime, days: number, seconds: number): EventTime {
  if (start.kind === 'date') return dateTime(addDays(plainDateOf(start), Math.max(1, days + Math.floor(seconds / 86_400))));
  const startMs = instantOf(start);
  const base = days === 0 ? startMs : instantOfFloating(floatingOfInstant(startMs, start.timeZone) + days * DAY_MS, start.timeZone);
  return instantTime(base + seconds * 1000, start.timeZone);
}

function readEnd(c: Component, start: EventTime, ctx: TimeContext): EventTime {
  const dtend = prop(c, 'DTEND');
  const duration = prop(c, 'DURATION');
  let end: EventTime;
  if (dtend !== null) {
    end = readTime(dtend, c.name, ctx);
  } else if (duration !== null) {
    const d = parseDuration(duration.value);
    if (d === null) return fail(`DURATION "${duration.value}" is not a duration like PT1H or P1D`, duration.line, c.name);
    end = addDuration(start, d.days, d.seconds);
  } else {
    end = start.kind === 'date' ? dateTime(addDays(plainDateOf(start), 1)) : start;
  }
  return fixEnd(start, end, c, ctx);
}

/** An end of the start's kind, not before it (an all-day event lasting at least a day). */
function fixEnd(start: EventTime, end: EventTime, c: Component, ctx: TimeContext): EventTime {
  let fixed = coerce(end, start);
  if (fixed !== end) ctx.warn(`The end of "${text(c, 'SUMMARY')}" (line ${c.line}) was of another kind than its start and was converted.`);
  if (start.kind === 'date' && fixed.kind === 'date' && floatingDate(fixed) <= floatingDate(start)) {
    fixed = dateTime(addDays(plainDateOf(start), 1));
  } else if (start.kind === 'instant' && fixed.kind === 'instant' && instantOf(fixed) < instantOf(start)) {
    ctx.warn(`"${text(c, 'SUMMARY')}" (line ${c.line}) ends before it starts; it was given no length.`);
    fixed = start;
  }
  return fixed;
}

/** `time` as the kind of `like`: a date at `like`'s time of day in its zone, or an instant's date in its own zone. */
export function coerce(time: EventTime, like: EventTime): EventTime {
  if (time.kind === 'instant') return like.kind === 'instant' ? time : dateTime(plainDateOf({ date: zonedDate(new Date(instantOf(time)), time.timeZone) }));
  if (like.kind === 'date') return time;
  const tod = timeOfDay(floatingOfInstant(instantOf(like), like.timeZone));
  return instantTime(instantOfFloating(floatingDate(time) + tod, like.timeZone), like.timeZone);
}

function readRule(c: Component, start: EventTime, ctx: TimeContext): string | null {
  const rules = props(c, 'RRULE');
  const first = rules[0];
  if (first === undefined) return null;
  if (rules.length > 1) ctx.warn(`Only the first of several RRULEs of "${text(c, 'SUMMARY')}" (line ${c.line}) was kept.`);
  try {
    const shape = shapeOf(start, start);
    return formatRule(normalizeUntil(parseRule(first.value), shape, ctx.defaultTimeZone));
  } catch (error) {
    if (error instanceof RuleProblem) return fail(`invalid RRULE: ${error.message}`, first.line, c.name);
    throw error;
  }
}

const STATUS = { CONFIRMED: 'confirmed', TENTATIVE: 'tentative', CANCELLED: 'cancelled' } as const;

export function readEvent(c: Component, ctx: TimeContext): EventData {
  const uid = required(c, 'UID');
  const dtstart = prop(c, 'DTSTART');
  if (dtstart === null) return fail('DTSTART is missing: every VEVENT needs a start', c.line, c.name);
  const start = readTime(dtstart, c.name, ctx);
  const end = readEnd(c, start, ctx);
  const listOf = (name: string) => props(c, name).flatMap((p) => readTimes(p, c.name, ctx).map((t) => coerce(t, start)));
  const recurrence = prop(c, 'RECURRENCE-ID');
  if (recurrence?.params.get('RANGE')?.[0]?.toUpperCase() === 'THISANDFUTURE') {
    ctx.warn(`An override for "this and following" occurrences (line ${recurrence.line}) was applied to its one occurrence only.`);
  }
  const statusText = prop(c, 'STATUS')?.value.trim().toUpperCase() ?? '';
  const transp = prop(c, 'TRANSP')?.value.trim().toUpperCase() ?? prop(c, 'X-MICROSOFT-CDO-BUSYSTATUS')?.value.trim().toUpperCase();
  const sequence = Number(prop(c, 'SEQUENCE')?.value.trim() ?? '0');
  return {
    uid,
    title: text(c, 'SUMMARY'),
    description: text(c, 'DESCRIPTION'),
    location: text(c, 'LOCATION'),
    start,
    end,
    rrule: readRule(c, start, ctx),
    rdates: listOf('RDATE'),
    exdates: listOf('EXDATE'),
    recurrenceId: recurrence === null ? null : readTime(recurrence, c.name, ctx),
    status: Object.hasOwn(STATUS, statusText) ? STATUS[statusText as keyof typeof STATUS] : 'confirmed',
    transparency: transp === 'TRANSPARENT' || transp === 'FREE' ? 'transparent' : 'opaque',
    attendees: props(c, 'ATTENDEE').flatMap((p) => readAttendee(p, ctx.warn) ?? []),
    organizer: readOrganizer(prop(c, 'ORGANIZER')),
    reminders: readReminders(c, start, end, ctx),
    sequence: Number.isInteger(sequence) && sequence >= 0 ? sequence : 0,
  };
}
