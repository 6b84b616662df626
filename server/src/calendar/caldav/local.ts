import type { AppContext } from '../../context.js';
import type { CaldavCalendarsTable, EventsTable } from '../../db/schema.js';
import { newId } from '../../platform/ids.js';
import type { Db } from '../../tasks/queries.js';
import { rowToEventData, timeKey } from '../event-rows.js';
import { eventColumns } from '../events.js';
import { parseICalendar, serializeCalendar, type EventData, type EventTime } from '../ical/index.js';
import { resourceStore } from './resources.js';
import type { SyncTarget } from './sync.js';

/** A UID's local events (series + edited occurrences): their newest change and their number. */
export interface LocalGroup {
  uid: string;
  stamp: string;
  count: number;
}

export async function localGroups(db: Db, calendarId: string): Promise<Map<string, LocalGroup>> {
  const rows = await db
    .selectFrom('events')
    .select((eb) => ['uid', eb.fn.max('updated_at').as('stamp'), eb.fn.countAll().as('n')])
    .where('calendar_id', '=', calendarId)
    .groupBy('uid')
    .execute();
  return new Map(rows.map((r) => [r.uid, { uid: r.uid, stamp: new Date(r.stamp).toISOString(), count: Number(r.n) }]));
}

/** The events of one UID, series first, ready to serialize as one CalDAV resource. */
export async function loadGroup(ctx: AppContext, calendarId: string, uid: string): Promise<EventData[]> {
  const rows = await ctx.database.db.selectFrom('events').selectAll().where('calendar_id', '=', calendarId).where('uid', '=', uid).orderBy('recurrence_key').execute();
  return rows.map((r) => rowToEventData(r, ctx.database.codec));
}

/**
 * Writes one remote resource (one UID's series and overrides) into the local calendar:
 * rows are updated in place (ids stay), overrides the server no longer has are removed.
 * Returns whether anything existed before, and the stamp/count to remember.
 */
export async function applyRemoteGroup(ctx: AppContext, trx: Db, userId: string, calendarId: string, events: EventData[], now: string): Promise<{ existed: boolean; stamp: string; count: number }> {
  const { codec } = ctx.database;
  const uid = events[0]!.uid;
  const existing = await trx.selectFrom('events').select(['id', 'recurrence_key', 'series_id']).where('calendar_id', '=', calendarId).where('uid', '=', uid).execute();
  const byKey = new Map(existing.map((r) => [r.recurrence_key, r]));
  const master = events.find((e) => e.recurrenceId === null);
  let masterId: string | null = byKey.get('')?.id ?? null;
  const keep = new Set<string>();
  for (const e of [...(master ? [master] : []), ...events.filter((x) => x.recurrenceId !== null)]) {
    const cols = eventColumns(e, codec);
    const seriesId = e.recurrenceId === null ? null : masterId;
    const row = byKey.get(cols.recurrence_key);
    if (row) {
      await trx.updateTable('events').set({ ...cols, series_id: seriesId, updated_at: now }).where('id', '=', row.id).execute();
      keep.add(row.id);
      if (e.recurrenceId === null) masterId = row.id;
    } else {
      const ins: EventsTable = { id: newId(), user_id: userId, calendar_id: calendarId, series_id: seriesId, ...cols, created_at: now, updated_at: now };
      await trx.insertInto('events').values(ins).execute();
      keep.add(ins.id);
      if (e.recurrenceId === null) masterId = ins.id;
    }
  }
  const gone = existing.filter((r) => !keep.has(r.id)).map((r) => r.id);
  // Overrides first: the series' cascade would take them anyway.
  if (gone.length) await trx.deleteFrom('events').where('id', 'in', gone).execute();
  return { existed: existing.length > 0, stamp: now, count: keep.size };
}

export async function deleteLocalGroup(db: Db, calendarId: string, uid: string): Promise<number> {
  const res = await db.deleteFrom('events').where('calendar_id', '=', calendarId).where('uid', '=', uid).executeTakeFirst();
  return Number(res.numDeletedRows);
}

const occurrenceKey = (t: EventTime | null) => (t === null ? '' : t.kind === 'date' ? t.date : String(Date.parse(timeKey(t))));

/**
 * Atom keeps no ORGANIZER nor unmodelled properties (X-..., URL, CLASS) in its rows, so they
 * come from the server's last copy of the same event or occurrence.
 */
export function withRemoteLeftovers(events: EventData[], lastRemote: string | null, timeZone: string): EventData[] {
  if (lastRemote === null) return events;
  let remote: EventData[];
  try {
    remote = parseICalendar(lastRemote, { defaultTimeZone: timeZone, keepExtra: true }).events;
  } catch {
    return events; // It was read once already; if it no longer reads, there is nothing to keep.
  }
  const byKey = new Map(remote.map((e) => [occurrenceKey(e.recurrenceId), e]));
  return events.map((e) => {
    const r = byKey.get(occurrenceKey(e.recurrenceId));
    if (!r) return e;
    return { ...e, organizer: e.organizer ?? r.organizer, ...(r.extra ? { extra: r.extra } : {}) };
  });
}

/** An Atom calendar synced with one remote calendar: one resource per UID (series + overrides). */
export function eventTarget(ctx: AppContext, cal: CaldavCalendarsTable, timeZone: string): SyncTarget<EventData[]> {
  const { db } = ctx.database;
  const localId = cal.local_calendar_id!;
  return {
    noun: 'an event',
    remoteUrl: cal.remote_url,
    syncToken: cal.sync_token,
    ctag: cal.ctag,
    store: resourceStore(db, { table: 'caldav_resources', column: 'caldav_calendar_id' }, cal.id),
    groups: () => localGroups(db, localId),
    pick(parsed) {
      const first = parsed.events[0];
      if (!first) return null;
      return { uid: first.uid, title: first.title || first.uid, data: parsed.events.filter((e) => e.uid === first.uid) };
    },
    apply: (trx, item, now) => applyRemoteGroup(ctx, trx, cal.user_id, localId, item.data, now),
    async render(uid, lastRemote) {
      const events = await loadGroup(ctx, localId, uid);
      if (events.length === 0) return null;
      return { title: events[0]!.title || uid, ics: serializeCalendar({ name: cal.display_name, events: withRemoteLeftovers(events, lastRemote, timeZone) }) };
    },
    async deleteLocal(uid) {
      await deleteLocalGroup(db, localId, uid);
    },
    async saveState(token, ctag) {
      await db.updateTable('caldav_calendars').set({ sync_token: token, ctag, last_sync_at: new Date().toISOString() }).where('id', '=', cal.id).execute();
    },
  };
}
