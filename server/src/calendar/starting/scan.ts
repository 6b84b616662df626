import type { AppContext } from '../../context.js';
import type { EventsTable } from '../../db/schema.js';
import { newId } from '../../platform/ids.js';
import type { RecurringJob } from '../../platform/jobs/types.js';
import { zonedInstant } from '../../platform/time/zone.js';
import { presentEvent, rowToEventData, timeKey } from '../event-rows.js';
import { expandOccurrences, type EventData, type EventTime } from '../ical/index.js';
import { DEFAULT_LEAD_MINUTES } from './settings.js';

const MINUTE = 60_000;
/** A tick that runs late (or after downtime) still fires what fell due this long ago, no older. */
export const GRACE_MS = 15 * MINUTE;
/** Reminders reach four weeks either side of the start (the contract's bound). */
const MAX_REMINDER_MS = 40_320 * MINUTE;
const CHUNK = 500;

const iso = (ms: number) => new Date(ms).toISOString();

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function startMs(t: EventTime, timeZone: string): number {
  return t.kind === 'date' ? zonedInstant(t.date, '00:00', timeZone).getTime() : Date.parse(t.at);
}

interface Due {
  userId: string;
  master: EventsTable;
  shown: EventsTable;
  start: number;
  end: number;
  allDay: boolean;
  lead: number;
  reason: 'lead' | 'reminder';
}

/** The series whose occurrences can fall due now, for their users' leads or their reminders. */
async function candidateSeries(ctx: AppContext, now: number, leadOf: (userId: string) => number, maxLead: number) {
  const { db, codec } = ctx.database;
  const rows = await db
    .selectFrom('events')
    .select(['id', 'series_id', 'user_id', 'reminders', 'span_start', 'span_end'])
    .where('span_start', '<=', iso(now + Math.max(maxLead * MINUTE, MAX_REMINDER_MS)))
    .where('span_end', '>=', iso(now - GRACE_MS - MAX_REMINDER_MS))
    .execute();
  const masterIds = new Set<string>();
  for (const r of rows) {
    const nearLead = Date.parse(r.span_start) <= now + leadOf(r.user_id) * MINUTE && Date.parse(r.span_end) >= now - GRACE_MS;
    if (nearLead || (codec.json.read(r.reminders) as unknown[]).length > 0) masterIds.add(r.series_id ?? r.id);
  }
  const masters: EventsTable[] = [];
  const overrides: EventsTable[] = [];
  for (const ids of chunks([...masterIds])) {
    masters.push(...(await db.selectFrom('events').selectAll().where('id', 'in', ids).execute()));
    overrides.push(...(await db.selectFrom('events').selectAll().where('series_id', 'in', ids).execute()));
  }
  return masters.map((master) => ({ master, overrides: overrides.filter((o) => o.series_id === master.id) }));
}

function dueOccurrences(ctx: AppContext, s: { master: EventsTable; overrides: EventsTable[] }, now: number, userLead: number, timeZone: string): Due[] {
  const { codec } = ctx.database;
  const master = rowToEventData(s.master, codec);
  const overrides = s.overrides.map((o) => rowToEventData(o, codec));
  const leadsOf = (e: EventData) => new Map<number, 'lead' | 'reminder'>([...e.reminders.map((r) => [r.minutesBefore, 'reminder'] as const), [userLead, 'lead']]);
  const all = [master, ...overrides].flatMap((e) => [...leadsOf(e).keys()]);
  const from = now - GRACE_MS + Math.min(...all) * MINUTE;
  const to = now + Math.max(...all) * MINUTE;
  // A day's margin either side: all-day occurrences are dates, placed in the user's zone below.
  const occurrences = expandOccurrences(master, overrides, { start: iso(from - 86_400_000), end: iso(to + 86_400_000), viewerTimeZone: timeZone, limit: 5000 });
  const due: Due[] = [];
  for (const occ of occurrences) {
    const shownData = occ.override ?? master;
    if (shownData.status === 'cancelled') continue;
    const start = startMs(occ.start, timeZone);
    const overrideRow = occ.override && occ.recurrenceId ? s.overrides.find((o) => o.recurrence_key === timeKey(occ.recurrenceId!)) : undefined;
    const shown = overrideRow ?? s.master;
    for (const [lead, reason] of leadsOf(shownData)) {
      const fireAt = start - lead * MINUTE;
      // "Starting" after the start would mislead (a late tick, an event created after its start);
      // a reminder set for after the start (negative lead) is another matter.
      const alreadyStarted = lead >= 0 && start < now - MINUTE;
      if (fireAt > now - GRACE_MS && fireAt <= now && !alreadyStarted) {
        due.push({ userId: s.master.user_id, master: s.master, shown, start, end: startMs(occ.end, timeZone), allDay: occ.start.kind === 'date', lead, reason });
      }
    }
  }
  return due;
}

/**
 * Emits `event.starting` for every occurrence whose start minus a lead (the user's setting or
 * one of the event's reminders) has been reached, once: the row inserted into
 * event_starting_fired is the claim, so restarts and several workers never fire twice.
 */
export async function fireStartingEvents(ctx: AppContext, now = Date.now()): Promise<number> {
  const { db, codec } = ctx.database;
  const settings = await db.selectFrom('calendar_settings').select(['user_id', 'event_starting_lead_minutes']).execute();
  const leads = new Map(settings.map((s) => [s.user_id, s.event_starting_lead_minutes]));
  const leadOf = (userId: string) => leads.get(userId) ?? DEFAULT_LEAD_MINUTES;
  const maxLead = Math.max(DEFAULT_LEAD_MINUTES, ...leads.values());
  const series = await candidateSeries(ctx, now, leadOf, maxLead);
  const userIds = [...new Set(series.map((s) => s.master.user_id))];
  const zones = new Map<string, string>();
  for (const ids of chunks(userIds)) {
    for (const u of await db.selectFrom('users').select(['id', 'time_zone']).where('id', 'in', ids).execute()) zones.set(u.id, u.time_zone);
  }
  let fired = 0;
  for (const s of series) {
    for (const d of dueOccurrences(ctx, s, now, leadOf(s.master.user_id), zones.get(s.master.user_id) ?? 'UTC')) {
      const occurrenceStart = iso(d.start);
      const claimed = await db
        .insertInto('event_starting_fired')
        .values({ id: newId(), user_id: d.userId, event_id: d.master.id, occurrence_start: occurrenceStart, lead_minutes: d.lead, fired_at: iso(now) })
        .onConflict((oc) => oc.columns(['event_id', 'occurrence_start', 'lead_minutes']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!claimed) continue;
      fired += 1;
      ctx.events.emit('event.starting', {
        userId: d.userId,
        eventId: d.master.id,
        event: presentEvent(d.shown, codec),
        occurrenceStart,
        occurrenceEnd: iso(d.end),
        allDay: d.allDay,
        leadMinutes: d.lead,
        startsInMinutes: Math.round((d.start - now) / MINUTE),
        reason: d.reason,
      });
    }
  }
  // Claims older than any lead can reach are no longer needed to prevent a repeat.
  await db.deleteFrom('event_starting_fired').where('occurrence_start', '<', iso(now - GRACE_MS - MAX_REMINDER_MS - 86_400_000)).execute();
  return fired;
}

export const EVENT_STARTING_TICK = 'calendar.event-starting';

/** Every minute, so `event.starting` is at most a minute late. */
export function eventStartingTick(ctx: AppContext): RecurringJob {
  return {
    name: EVENT_STARTING_TICK,
    everyMs: MINUTE,
    handler: async () => {
      await fireStartingEvents(ctx);
    },
  };
}
