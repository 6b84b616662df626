import type { Event, EventTime as ApiTime } from '@atom/contracts';
import type { Codec } from '../db/codec.js';
import type { EventsTable } from '../db/schema.js';
import type { Attendee, EventData, EventTime, Reminder } from './ical/index.js';

/** The API speaks `{date}` or `{at, timeZone}`; the iCalendar core tags them with `kind`. */
export function fromApiTime(t: ApiTime): EventTime {
  return 'date' in t ? { kind: 'date', date: t.date } : { kind: 'instant', at: t.at, timeZone: t.timeZone };
}

export function toApiTime(t: EventTime): ApiTime {
  return t.kind === 'date' ? { date: t.date } : { at: t.at, timeZone: t.timeZone };
}

/** A stable text key for an occurrence's original start: the instant, or the date. */
export function timeKey(t: EventTime): string {
  return t.kind === 'date' ? t.date : t.at;
}

export function rowToEventData(row: EventsTable, codec: Codec): EventData {
  const allDay = codec.bool.read(row.all_day);
  const start: EventTime = allDay ? { kind: 'date', date: row.start_date! } : { kind: 'instant', at: row.start_at!, timeZone: row.time_zone };
  const end: EventTime = allDay ? { kind: 'date', date: row.end_date! } : { kind: 'instant', at: row.end_at!, timeZone: row.time_zone };
  return {
    uid: row.uid,
    title: row.title,
    description: row.description,
    location: row.location,
    start,
    end,
    rrule: row.rrule,
    rdates: codec.json.read(row.rdates) as EventTime[],
    exdates: codec.json.read(row.exdates) as EventTime[],
    recurrenceId: row.recurrence_id === null ? null : (codec.json.read(row.recurrence_id) as EventTime | null),
    status: row.status,
    transparency: row.transparency,
    attendees: codec.json.read(row.attendees) as Attendee[],
    organizer: null,
    reminders: codec.json.read(row.reminders) as Reminder[],
    sequence: row.sequence,
  };
}

export function presentEvent(row: EventsTable, codec: Codec): Event {
  const d = rowToEventData(row, codec);
  return {
    id: row.id,
    calendarId: row.calendar_id,
    uid: row.uid,
    title: d.title,
    description: d.description,
    location: d.location,
    start: toApiTime(d.start),
    end: toApiTime(d.end),
    allDay: d.start.kind === 'date',
    recurrence: d.rrule,
    rdates: d.rdates.map(toApiTime),
    exdates: d.exdates.map(toApiTime),
    recurrenceId: d.recurrenceId ? toApiTime(d.recurrenceId) : null,
    seriesId: row.series_id,
    status: d.status,
    transparency: d.transparency,
    attendees: d.attendees,
    reminders: d.reminders,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
