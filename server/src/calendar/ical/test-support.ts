/** Helpers shared by this folder's tests: fixtures, event factories, occurrence summaries. */
import { readFileSync } from 'node:fs';
import { instantFromWallClock } from '../../platform/time/zone.js';
import { expandOccurrences } from './expand.js';
import { groupSeries } from './group.js';
import type { EventData, EventTime, Occurrence } from './types.js';

export const FIXTURES = ['google', 'outlook', 'apple', 'thunderbird', 'nextcloud', 'lotus-notes'] as const;

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}.ics`, import.meta.url), 'utf8');
}

/** An instant EventTime from a local wall time "2026-03-09T09:00" in `timeZone`. */
export function local(text: string, timeZone: string): EventTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`bad local time ${text}`);
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const at = instantFromWallClock({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0, millisecond: 0 }, timeZone);
  return { kind: 'instant', at: new Date(at).toISOString(), timeZone };
}

export const date = (text: string): EventTime => ({ kind: 'date', date: text });

export function event(fields: Partial<EventData> & Pick<EventData, 'start' | 'end'>): EventData {
  return {
    uid: 'uid-1',
    title: 'Event',
    description: '',
    location: '',
    rrule: null,
    rdates: [],
    exdates: [],
    recurrenceId: null,
    status: 'confirmed',
    transparency: 'opaque',
    attendees: [],
    organizer: null,
    reminders: [],
    sequence: 0,
    ...fields,
  };
}

/** "2026-03-09T14:00:00.000Z" or "2026-07-04": the start of an occurrence, for comparisons. */
export const startOf = (o: Occurrence): string => (o.start.kind === 'date' ? o.start.date : o.start.at);

/** Every occurrence of every series in `events` within the range, as comparable text, sorted. */
export function summary(events: EventData[], start: string, end: string, viewerTimeZone = 'UTC'): string[] {
  const lines: string[] = [];
  for (const { series, overrides } of groupSeries(events)) {
    for (const o of expandOccurrences(series, overrides, { start, end, viewerTimeZone })) {
      const t = (x: EventTime) => (x.kind === 'date' ? x.date : new Date(x.at).toISOString());
      lines.push(`${o.uid} ${t(o.start)} ${t(o.end)}`);
    }
  }
  return lines.sort();
}

/** Wall-clock time "HH:MM" of an instant occurrence in a zone. */
export function wallTime(o: Occurrence, timeZone: string): string {
  if (o.start.kind !== 'instant') throw new Error('not an instant');
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(o.start.at));
}
