/**
 * Date and date-time properties (DTSTART, DTEND, DUE, RDATE, EXDATE, RECURRENCE-ID...) to
 * EventTimes: a DATE stays a date; a UTC time is an instant in 'UTC'; a time with a TZID
 * is an instant in the zone the TZID resolves to; a floating time is read in the import's
 * default zone.
 */
import { fail } from './errors.js';
import { dateTime, instantTime } from './event-time.js';
import { param, type ContentLine } from './lines.js';
import type { EventTime } from './types.js';
import { parseDateValue, type DateValue } from './values.js';
import { instantOfFloating } from './wall.js';
import type { ZoneResolver } from './zone-resolve.js';
import { floatingFromWallClock } from '../../platform/time/calendar.js';

export interface TimeContext {
  resolver: ZoneResolver;
  defaultTimeZone: string;
  warn: (message: string) => void;
}

function toEventTime(value: DateValue, prop: ContentLine, component: string, ctx: TimeContext): EventTime {
  if (value.kind === 'date') return dateTime(value.date);
  const floating = floatingFromWallClock(value.wall);
  if (value.utc) return instantTime(floating, 'UTC');
  const tzid = param(prop, 'TZID');
  if (tzid === null) return instantTime(instantOfFloating(floating, ctx.defaultTimeZone), ctx.defaultTimeZone);
  const zone = ctx.resolver.resolve(tzid, prop.line, component);
  return instantTime(zone.toInstant(value.wall), zone.timeZone);
}

function readValue(text: string, prop: ContentLine, component: string): DateValue {
  const value = parseDateValue(text);
  if (value === null) return fail(`${prop.name} "${text}" is not a date (20260131) or date-time (20260131T090000, 20260131T090000Z)`, prop.line, component);
  return value;
}

/** A property holding one date or date-time. */
export function readTime(prop: ContentLine, component: string, ctx: TimeContext): EventTime {
  return toEventTime(readValue(prop.value, prop, component), prop, component, ctx);
}

/** A property holding a list (RDATE, EXDATE). A PERIOD (RDATE;VALUE=PERIOD) keeps its start only. */
export function readTimes(prop: ContentLine, component: string, ctx: TimeContext): EventTime[] {
  const period = param(prop, 'VALUE')?.toUpperCase() === 'PERIOD';
  return prop.value
    .split(',')
    .filter((item) => item.trim() !== '')
    .map((item) => {
      let text = item;
      if (period || item.includes('/')) {
        text = item.split('/')[0] ?? '';
        ctx.warn(`${prop.name} periods (start/end) keep only their start, at the event's usual length (line ${prop.line}).`);
      }
      return toEventTime(readValue(text, prop, component), prop, component, ctx);
    });
}
