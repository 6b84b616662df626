/**
 * serializeCalendar: events and to-dos to a VCALENDAR (RFC 5545), with a generated
 * VTIMEZONE for every zone a time is written in, lines folded at 75 octets, CRLF.
 *
 * Zoned times are written as local time with TZID, so that a series recurs on its zone's
 * wall clock everywhere. The one exception: an instant in the second pass of an hour that
 * repeats when clocks fall back has no local form of its own (local time means the first
 * pass), so it is written in UTC, except as the DTSTART of a series, whose zone matters more.
 */
import { wallClockFromFloating } from '../../platform/time/calendar.js';
import { IcsError } from './errors.js';
import { lineName } from './extra.js';
import { instantOf, plainDateOf } from './event-time.js';
import { formatRule, parseRule, RuleProblem } from './rule.js';
import { normalizeUntil, shapeOf } from './series.js';
import type { EventData, EventTime, TodoData } from './types.js';
import { escapeText, formatMinutes, icalDate, icalDateTime } from './values.js';
import { vtimezoneLines } from './vtimezone.js';
import { floatingOfInstant, instantOfFloating } from './wall.js';
import { fold, line } from './write.js';

const ROLES = { chair: 'CHAIR', required: 'REQ-PARTICIPANT', optional: 'OPT-PARTICIPANT', 'non-participant': 'NON-PARTICIPANT' } as const;
const YEARS_AHEAD = 30;

/** Collects the zones (and their years) that times are written in with TZID. */
class Zones {
  readonly years = new Map<string, { min: number; max: number }>();

  note(zone: string, ms: number): void {
    const year = new Date(ms).getUTCFullYear();
    const span = this.years.get(zone);
    this.years.set(zone, { min: Math.min(span?.min ?? year, year), max: Math.max(span?.max ?? year, year) });
  }
}

/** [params, value] of a time; `keepZone` writes local time even where it reads back differently. */
function timeValue(t: EventTime, zones: Zones, keepZone = false): [[string, string | null][], string] {
  if (t.kind === 'date') return [[['VALUE', 'DATE']], icalDate(plainDateOf(t))];
  const seconds = Math.floor(instantOf(t) / 1000) * 1000;
  const utc = (): [[string, string | null][], string] => [[], `${icalDateTime(wallClockFromFloating(seconds))}Z`];
  if (t.timeZone === 'UTC') return utc();
  const local = floatingOfInstant(seconds, t.timeZone);
  // In the second pass of a repeated hour, local time would read back as the first pass.
  if (!keepZone && instantOfFloating(local, t.timeZone) !== seconds) return utc();
  zones.note(t.timeZone, seconds);
  return [[['TZID', t.timeZone]], icalDateTime(wallClockFromFloating(local))];
}

function timeLine(name: string, t: EventTime, zones: Zones, keepZone = false): string {
  const [params, value] = timeValue(t, zones, keepZone);
  return line(name, value, params);
}

/** RDATE/EXDATE: one property per kind of value (date, UTC, each zone), values comma-separated. */
function timeListLines(name: string, times: EventTime[], zones: Zones): string[] {
  const groups = new Map<string, { params: [string, string | null][]; values: string[] }>();
  for (const t of times) {
    const [params, value] = timeValue(t, zones);
    const key = JSON.stringify(params);
    const group = groups.get(key) ?? { params, values: [] };
    group.values.push(value);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => line(name, g.values.join(','), g.params));
}

function ruleLine(rrule: string | null, anchor: EventTime, component: string): string[] {
  if (rrule === null) return [];
  try {
    return [line('RRULE', formatRule(normalizeUntil(parseRule(rrule), shapeOf(anchor, anchor), 'UTC')))];
  } catch (error) {
    if (error instanceof RuleProblem) throw new IcsError(`invalid RRULE "${rrule}": ${error.message}`, null, component);
    throw error;
  }
}

const textLine = (name: string, value: string) => (value === '' ? [] : [line(name, escapeText(value))]);

/** Unmodelled lines kept from the server, except where Atom now writes that property itself. */
function withExtra(own: string[], extra: string[] | undefined): string[] {
  if (!extra?.length) return own;
  const written = new Set(own.map(lineName));
  return [...own, ...extra.filter((raw) => !written.has(lineName(raw)))];
}

function eventLines(e: EventData, zones: Zones, stamp: string): string[] {
  const recurring = e.rrule !== null || e.rdates.length > 0;
  const own = [
    'BEGIN:VEVENT',
    line('UID', e.uid),
    line('DTSTAMP', stamp),
    ...(e.recurrenceId === null ? [] : [timeLine('RECURRENCE-ID', e.recurrenceId, zones)]),
    timeLine('DTSTART', e.start, zones, recurring),
    timeLine('DTEND', e.end, zones),
    ...ruleLine(e.rrule, e.start, 'VEVENT'),
    ...timeListLines('RDATE', e.rdates, zones),
    ...timeListLines('EXDATE', e.exdates, zones),
    line('SEQUENCE', String(e.sequence)),
    line('SUMMARY', escapeText(e.title)),
    ...textLine('DESCRIPTION', e.description),
    ...textLine('LOCATION', e.location),
    line('STATUS', e.status.toUpperCase()),
    line('TRANSP', e.transparency.toUpperCase()),
    ...(e.organizer === null ? [] : [line('ORGANIZER', `mailto:${e.organizer.email}`, [['CN', e.organizer.name]])]),
    ...e.attendees.map((a) =>
      line('ATTENDEE', `mailto:${a.email}`, [
        ['CN', a.name],
        ['ROLE', ROLES[a.role]],
        ['PARTSTAT', a.status.toUpperCase()],
      ]),
    ),
  ];
  return [
    ...withExtra(own, e.extra),
    ...e.reminders.flatMap((r) => [
      'BEGIN:VALARM',
      line('ACTION', 'DISPLAY'),
      line('DESCRIPTION', escapeText(e.title === '' ? 'Reminder' : e.title)),
      line('TRIGGER', formatMinutes(-r.minutesBefore)),
      'END:VALARM',
    ]),
    'END:VEVENT',
  ];
}

function todoLines(t: TodoData, zones: Zones, stamp: string): string[] {
  const anchor = t.start ?? t.due;
  const own = [
    'BEGIN:VTODO',
    line('UID', t.uid),
    line('DTSTAMP', stamp),
    ...(t.start === null ? [] : [timeLine('DTSTART', t.start, zones, t.rrule !== null)]),
    ...(t.due === null ? [] : [timeLine('DUE', t.due, zones, t.rrule !== null && t.start === null)]),
    ...(t.completedAt === null ? [] : [line('COMPLETED', `${icalDateTime(wallClockFromFloating(Math.floor(instantOf({ at: t.completedAt }) / 1000) * 1000))}Z`)]),
    ...(anchor === null ? [] : ruleLine(t.rrule, anchor, 'VTODO')),
    line('SUMMARY', escapeText(t.title)),
    ...textLine('DESCRIPTION', t.description),
    line('STATUS', t.status.toUpperCase()),
    ...(t.priority === null ? [] : [line('PRIORITY', String(t.priority))]),
    ...(t.categories.length === 0 ? [] : [line('CATEGORIES', t.categories.map(escapeText).join(','))]),
    ...(t.parentUid ? [line('RELATED-TO', escapeText(t.parentUid), [['RELTYPE', 'PARENT']])] : []),
  ];
  return [...withExtra(own, t.extra), 'END:VTODO'];
}

export function serializeCalendar(cal: { name: string; events: EventData[]; todos?: TodoData[] }): string {
  const zones = new Zones();
  const stamp = `${icalDateTime(wallClockFromFloating(Math.floor(Date.now() / 1000) * 1000))}Z`;
  const body = [...cal.events.flatMap((e) => eventLines(e, zones, stamp)), ...(cal.todos ?? []).flatMap((t) => todoLines(t, zones, stamp))];
  const timezones = [...zones.years].flatMap(([zone, { min, max }]) => vtimezoneLines(zone, min - 1, Math.max(min + YEARS_AHEAD, max + 1)));
  const head = ['BEGIN:VCALENDAR', line('VERSION', '2.0'), line('PRODID', '-//Atom//EN'), line('CALSCALE', 'GREGORIAN'), line('X-WR-CALNAME', escapeText(cal.name))];
  return [...head, ...timezones, ...body, 'END:VCALENDAR'].map(fold).join('');
}
