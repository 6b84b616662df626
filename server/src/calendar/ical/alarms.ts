/**
 * VALARMs to reminders, as minutes before the event's start. A relative TRIGGER counts
 * from the start (or the end, with RELATED=END); an absolute one (VALUE=DATE-TIME) is
 * measured against the start. ACTION:NONE (Apple's placeholder) and triggers more than a
 * year away are left out.
 */
import { prop, type Component } from './components.js';
import { instantOf, floatingDate } from './event-time.js';
import { param } from './lines.js';
import type { TimeContext } from './times.js';
import type { EventTime, Reminder } from './types.js';
import { parseDateValue, parseDuration } from './values.js';
import { instantOfFloating } from './wall.js';
import { floatingFromWallClock } from '../../platform/time/calendar.js';

const MAX_MINUTES = 366 * 24 * 60;

/** The instant of an event time; all-day dates start at midnight in the default zone. */
const instantAt = (time: EventTime, ctx: TimeContext) => (time.kind === 'instant' ? instantOf(time) : instantOfFloating(floatingDate(time), ctx.defaultTimeZone));

function minutesBefore(alarm: Component, start: EventTime, end: EventTime, ctx: TimeContext): number | null {
  const trigger = prop(alarm, 'TRIGGER');
  if (trigger === null) return null;
  const startMs = instantAt(start, ctx);
  const absolute = param(trigger, 'VALUE')?.toUpperCase() === 'DATE-TIME' || /^\d{8}T/.test(trigger.value.trim()) ? parseDateValue(trigger.value) : null;
  if (absolute !== null) {
    if (absolute.kind !== 'date-time') return null;
    const floating = floatingFromWallClock(absolute.wall);
    const at = absolute.utc ? floating : instantOfFloating(floating, start.kind === 'instant' ? start.timeZone : ctx.defaultTimeZone);
    return Math.round((startMs - at) / 60_000);
  }
  const duration = parseDuration(trigger.value);
  if (duration === null) return null;
  const offsetMinutes = duration.days * 1440 + duration.seconds / 60;
  const base = param(trigger, 'RELATED')?.toUpperCase() === 'END' ? (instantAt(end, ctx) - startMs) / 60_000 : 0;
  return Math.round(-(base + offsetMinutes));
}

export function readReminders(event: Component, start: EventTime, end: EventTime, ctx: TimeContext): Reminder[] {
  const found = new Set<number>();
  for (const alarm of event.children.filter((c) => c.name === 'VALARM')) {
    if (prop(alarm, 'ACTION')?.value.trim().toUpperCase() === 'NONE') continue;
    const minutes = minutesBefore(alarm, start, end, ctx);
    if (minutes === null || Math.abs(minutes) > MAX_MINUTES) {
      ctx.warn(`An alarm with an unreadable or far-off TRIGGER (line ${alarm.line}) was left out.`);
      continue;
    }
    found.add(minutes);
  }
  return [...found].map((m) => ({ minutesBefore: m }));
}
