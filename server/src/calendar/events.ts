import type { CreateEventInput, Event, UpdateEventInput } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { EventsTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError, errors } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { ensureDefaultCalendar } from './calendars.js';
import { fromApiTime, presentEvent, rowToEventData } from './event-rows.js';
import { expandOccurrences, IcsError, type EventData } from './ical/index.js';
import { spanOf } from './spans.js';
import { assertWritable } from './subscriptions/read-only.js';

const bad = (field: string, problem: string) => new AppError('validation_failed', 400, `${field}: ${problem}`, { [field]: problem });

/** Start before end, same kind, and a rule that parses and occurs at least once. */
export function validateEventData(e: EventData): void {
  if (e.start.kind !== e.end.kind) throw bad('end', 'must be a date when start is a date, and a time when start is a time');
  const s = e.start.kind === 'date' ? e.start.date : e.start.at;
  const en = e.end.kind === 'date' ? e.end.date : e.end.at;
  if (e.start.kind === 'date' ? en <= s : Date.parse(en) < Date.parse(s)) throw bad('end', 'must be after start');
  if (!e.rrule) return;
  try {
    const far = new Date(Date.parse(e.start.kind === 'date' ? `${e.start.date}T00:00:00Z` : e.start.at) + 200 * 365 * 86_400_000).toISOString();
    // DTSTART always counts as the first occurrence (RFC 5545); an open-ended rule that adds
    // nothing after it is a mistake, not a series.
    const firstTwo = expandOccurrences({ ...e, exdates: [] }, [], { start: '0001-01-01T00:00:00.000Z', end: far, viewerTimeZone: 'UTC', limit: 2 });
    const bounded = /(?:^|;)(COUNT|UNTIL)=/.test(e.rrule);
    if (firstTwo.length < (bounded ? 1 : 2)) throw bad('recurrence', 'never occurs');
  } catch (err) {
    if (err instanceof IcsError) throw bad('recurrence', err.message);
    throw err;
  }
}

export function eventColumns(e: EventData, codec: AppContext['database']['codec']) {
  const allDay = e.start.kind === 'date';
  return {
    uid: e.uid,
    title: e.title,
    description: e.description,
    location: e.location,
    all_day: codec.bool.write(allDay),
    start_at: e.start.kind === 'instant' ? e.start.at : null,
    end_at: e.end.kind === 'instant' ? e.end.at : null,
    start_date: e.start.kind === 'date' ? e.start.date : null,
    end_date: e.end.kind === 'date' ? e.end.date : null,
    time_zone: e.start.kind === 'instant' ? e.start.timeZone : 'UTC',
    rrule: e.rrule,
    rdates: codec.json.write(e.rdates),
    exdates: codec.json.write(e.exdates),
    recurrence_id: e.recurrenceId ? codec.json.write(e.recurrenceId) : null,
    recurrence_key: e.recurrenceId ? (e.recurrenceId.kind === 'date' ? e.recurrenceId.date : e.recurrenceId.at) : '',
    status: e.status,
    transparency: e.transparency,
    attendees: codec.json.write(e.attendees),
    reminders: codec.json.write(e.reminders),
    sequence: e.sequence,
    ...spanOf(e),
  };
}

export async function getEventRow(ctx: AppContext, userId: string, id: string): Promise<EventsTable> {
  const row = await ctx.database.db.selectFrom('events').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.notFound('Event');
  return row;
}

async function calendarFor(ctx: AppContext, actor: Actor, calendarId: string | undefined): Promise<string> {
  if (!calendarId) return (await ensureDefaultCalendar(ctx, actor.user.id)).id;
  const row = await ctx.database.db.selectFrom('calendars').select(['id', 'subscription_url']).where('id', '=', calendarId).where('user_id', '=', actor.user.id).executeTakeFirst();
  if (!row) throw bad('calendarId', 'no such calendar');
  if (row.subscription_url !== null) throw errors.conflict('calendarId: is a read-only subscription; its events change only when the feed does', { calendarId: 'is a read-only subscription' });
  return row.id;
}

export async function createEvent(ctx: AppContext, actor: Actor, input: CreateEventInput): Promise<Event> {
  const { db, codec } = ctx.database;
  const calendarId = await calendarFor(ctx, actor, input.calendarId);
  const id = newId();
  const data: EventData = {
    uid: `${id}@atom`,
    title: input.title,
    description: input.description ?? '',
    location: input.location ?? '',
    start: fromApiTime(input.start),
    end: fromApiTime(input.end),
    rrule: input.recurrence ?? null,
    rdates: (input.rdates ?? []).map(fromApiTime),
    exdates: (input.exdates ?? []).map(fromApiTime),
    recurrenceId: null,
    status: input.status ?? 'confirmed',
    transparency: input.transparency ?? 'opaque',
    attendees: (input.attendees ?? []).map((a) => ({ ...a, name: a.name })),
    organizer: null,
    reminders: input.reminders ?? [],
    sequence: 0,
  };
  validateEventData(data);
  const now = new Date().toISOString();
  const row: EventsTable = { id, user_id: actor.user.id, calendar_id: calendarId, series_id: null, ...eventColumns(data, codec), created_at: now, updated_at: now };
  await db.insertInto('events').values(row).execute();
  // Read back: JSON columns come back as the dialect stores them.
  const event = presentEvent(await getEventRow(ctx, actor.user.id, id), codec);
  ctx.events.emit('event.created', { userId: actor.user.id, event });
  return event;
}

export async function getEvent(ctx: AppContext, actor: Actor, id: string): Promise<Event> {
  return presentEvent(await getEventRow(ctx, actor.user.id, id), ctx.database.codec);
}

export async function updateEvent(ctx: AppContext, actor: Actor, id: string, input: UpdateEventInput): Promise<Event> {
  const { db, codec } = ctx.database;
  const row = await getEventRow(ctx, actor.user.id, id);
  await assertWritable(ctx, actor.user.id, row.calendar_id);
  const current = rowToEventData(row, codec);
  const calendarId = input.calendarId ? await calendarFor(ctx, actor, input.calendarId) : row.calendar_id;
  if (row.series_id && (input.recurrence !== undefined || input.rdates !== undefined || input.exdates !== undefined)) {
    throw bad('recurrence', 'an edited occurrence cannot have its own recurrence; change the series');
  }
  const next: EventData = {
    ...current,
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.location !== undefined ? { location: input.location } : {}),
    ...(input.start !== undefined ? { start: fromApiTime(input.start) } : {}),
    ...(input.end !== undefined ? { end: fromApiTime(input.end) } : {}),
    ...(input.recurrence !== undefined ? { rrule: input.recurrence } : {}),
    ...(input.rdates !== undefined ? { rdates: input.rdates.map(fromApiTime) } : {}),
    ...(input.exdates !== undefined ? { exdates: input.exdates.map(fromApiTime) } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.transparency !== undefined ? { transparency: input.transparency } : {}),
    ...(input.attendees !== undefined ? { attendees: input.attendees } : {}),
    ...(input.reminders !== undefined ? { reminders: input.reminders } : {}),
    sequence: current.sequence + 1,
  };
  validateEventData(next);
  await db
    .updateTable('events')
    .set({ ...eventColumns(next, codec), calendar_id: calendarId, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', actor.user.id)
    .execute();
  if (calendarId !== row.calendar_id) {
    await db.updateTable('events').set({ calendar_id: calendarId }).where('series_id', '=', id).where('user_id', '=', actor.user.id).execute();
  }
  const event = presentEvent(await getEventRow(ctx, actor.user.id, id), codec);
  ctx.events.emit('event.updated', { userId: actor.user.id, event });
  return event;
}

export async function deleteEvent(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await getEventRow(ctx, actor.user.id, id);
  await assertWritable(ctx, actor.user.id, row.calendar_id);
  // Edited occurrences go with their series (foreign key cascade).
  await ctx.database.db.deleteFrom('events').where('id', '=', id).where('user_id', '=', actor.user.id).execute();
  ctx.events.emit('event.deleted', { userId: actor.user.id, eventId: id });
}
