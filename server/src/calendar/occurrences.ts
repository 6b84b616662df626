import type { Occurrence, OccurrenceList, OccurrenceQuery } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { CalendarsTable, EventsTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { ensureDefaultCalendar } from './calendars.js';
import { rowToEventData, timeKey, toApiTime } from './event-rows.js';
import { expandOccurrences } from './ical/index.js';

const MAX_OCCURRENCES = 10_000;

export interface SeriesWithOverrides {
  master: EventsTable;
  overrides: EventsTable[];
}

/**
 * The series that can have an occurrence in [from, to): those whose span overlaps, plus the
 * series of any edited occurrence that was moved into the range.
 */
export async function seriesInRange(ctx: AppContext, userId: string, from: string, to: string, calendarIds: string[]): Promise<SeriesWithOverrides[]> {
  if (calendarIds.length === 0) return [];
  const { db } = ctx.database;
  const overlapping = await db
    .selectFrom('events')
    .selectAll()
    .where('user_id', '=', userId)
    .where('calendar_id', 'in', calendarIds)
    .where('span_start', '<', to)
    .where('span_end', '>', from)
    .execute();
  const masterIds = new Set(overlapping.map((e) => e.series_id ?? e.id));
  const known = new Set(overlapping.map((e) => e.id));
  const missing = [...masterIds].filter((id) => !known.has(id));
  const extraMasters = missing.length ? await db.selectFrom('events').selectAll().where('user_id', '=', userId).where('id', 'in', missing).execute() : [];
  const masters = [...overlapping.filter((e) => e.series_id === null), ...extraMasters];
  const ids = masters.map((m) => m.id);
  const overrides = ids.length ? await db.selectFrom('events').selectAll().where('user_id', '=', userId).where('series_id', 'in', ids).execute() : [];
  return masters.map((master) => ({ master, overrides: overrides.filter((o) => o.series_id === master.id) }));
}

export function occurrencesOf(
  ctx: AppContext,
  s: SeriesWithOverrides,
  calendar: Pick<CalendarsTable, 'color'>,
  range: { from: string; to: string; timeZone: string; limit: number },
): Occurrence[] {
  const { codec } = ctx.database;
  const master = rowToEventData(s.master, codec);
  const overrideByKey = new Map(s.overrides.map((o) => [o.recurrence_key, o]));
  const expanded = expandOccurrences(master, s.overrides.map((o) => rowToEventData(o, codec)), {
    start: range.from,
    end: range.to,
    viewerTimeZone: range.timeZone,
    limit: range.limit,
  });
  const recurring = master.rrule !== null || master.rdates.length > 0;
  return expanded.map((occ) => {
    const shown = occ.override ?? master;
    const overrideRow = occ.recurrenceId ? overrideByKey.get(timeKey(occ.recurrenceId)) : undefined;
    return {
      eventId: s.master.id,
      overrideId: overrideRow?.id ?? null,
      calendarId: s.master.calendar_id,
      title: shown.title,
      location: shown.location,
      start: toApiTime(occ.start),
      end: toApiTime(occ.end),
      allDay: occ.start.kind === 'date',
      recurrenceId: recurring && occ.recurrenceId ? toApiTime(occ.recurrenceId) : null,
      recurring,
      status: shown.status,
      transparency: shown.transparency,
      color: calendar.color,
    };
  });
}

function startKey(o: Occurrence): string {
  return 'date' in o.start ? `${o.start.date}T00:00:00.000Z` : o.start.at;
}

export async function listOccurrences(ctx: AppContext, actor: Actor, query: OccurrenceQuery): Promise<OccurrenceList> {
  const { db, codec } = ctx.database;
  await ensureDefaultCalendar(ctx, actor.user.id);
  let calendars = await db.selectFrom('calendars').selectAll().where('user_id', '=', actor.user.id).execute();
  calendars = query.calendarId ? calendars.filter((c) => c.id === query.calendarId) : calendars.filter((c) => codec.bool.read(c.visible));
  const byId = new Map(calendars.map((c) => [c.id, c]));
  const series = await seriesInRange(ctx, actor.user.id, query.from, query.to, [...byId.keys()]);
  const range = { from: query.from, to: query.to, timeZone: query.timeZone ?? actor.user.time_zone, limit: MAX_OCCURRENCES };
  const items = series.flatMap((s) => occurrencesOf(ctx, s, byId.get(s.master.calendar_id)!, range)).filter((o) => o.status !== 'cancelled');
  items.sort((a, b) => startKey(a).localeCompare(startKey(b)));
  return { items: items.slice(0, MAX_OCCURRENCES), truncated: items.length > MAX_OCCURRENCES };
}
