import type { DeleteOccurrenceInput, EditOccurrenceInput, Event } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { EventsTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { addDays } from '../platform/time/calendar.js';
import { fromApiTime, presentEvent, rowToEventData, timeKey } from './event-rows.js';
import { eventColumns, getEventRow, validateEventData } from './events.js';
import { assertWritable } from './subscriptions/read-only.js';
import { expandOccurrences, type EventData, type EventTime, type Occurrence } from './ical/index.js';

const bad = (field: string, problem: string) => new AppError('validation_failed', 400, `${field}: ${problem}`, { [field]: problem });

function instantOf(t: EventTime): number {
  return Date.parse(t.kind === 'date' ? `${t.date}T00:00:00Z` : t.at);
}

/** Occurrences of the series that start before `before` (or all, to the given bound). */
function occurrencesUntil(series: EventData, overrides: EventData[], before: EventTime): Occurrence[] {
  return expandOccurrences(series, overrides, { start: '0001-01-01T00:00:00.000Z', end: new Date(instantOf(before)).toISOString(), viewerTimeZone: 'UTC', limit: 100_000 });
}

function findOccurrence(series: EventData, overrides: EventData[], rid: EventTime): Occurrence {
  const around = 2 * 86_400_000;
  const t = instantOf(rid);
  const near = expandOccurrences(series, overrides, { start: new Date(t - around).toISOString(), end: new Date(t + around).toISOString(), viewerTimeZone: 'UTC', limit: 1000 });
  const hit = near.find((o) => o.recurrenceId && timeKey(o.recurrenceId) === timeKey(rid));
  if (!hit) throw bad('recurrenceId', 'is not an occurrence of this event');
  return hit;
}

/** The rule cut so that its last occurrence is before `rid`. */
function ruleUntil(rrule: string, rid: EventTime): string {
  const parts = rrule.split(';').filter((p) => !/^(UNTIL|COUNT)=/.test(p));
  const until =
    rid.kind === 'date'
      ? addDays(rid.date, -1).replaceAll('-', '')
      : new Date(Date.parse(rid.at) - 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return [...parts, `UNTIL=${until}`].join(';');
}

function ruleWithCount(rrule: string, count: number): string {
  return rrule.replace(/(^|;)COUNT=\d+/, `$1COUNT=${count}`);
}

function applyChanges(base: EventData, changes: EditOccurrenceInput['changes']): EventData {
  return {
    ...base,
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(changes.description !== undefined ? { description: changes.description } : {}),
    ...(changes.location !== undefined ? { location: changes.location } : {}),
    ...(changes.start !== undefined ? { start: fromApiTime(changes.start) } : {}),
    ...(changes.end !== undefined ? { end: fromApiTime(changes.end) } : {}),
    ...(changes.status !== undefined ? { status: changes.status } : {}),
    ...(changes.transparency !== undefined ? { transparency: changes.transparency } : {}),
    ...(changes.attendees !== undefined ? { attendees: changes.attendees } : {}),
    ...(changes.reminders !== undefined ? { reminders: changes.reminders } : {}),
  };
}

async function loadSeries(ctx: AppContext, actor: Actor, eventId: string) {
  const masterRow = await getEventRow(ctx, actor.user.id, eventId);
  if (masterRow.series_id !== null) throw bad('id', 'is an edited occurrence; address its series');
  await assertWritable(ctx, actor.user.id, masterRow.calendar_id);
  const { codec, db } = ctx.database;
  const master = rowToEventData(masterRow, codec);
  if (!master.rrule && master.rdates.length === 0) throw bad('id', 'is not a repeating event; edit it directly');
  const overrideRows = await db.selectFrom('events').selectAll().where('user_id', '=', actor.user.id).where('series_id', '=', eventId).execute();
  return { masterRow, master, overrideRows, overrides: overrideRows.map((r) => rowToEventData(r, codec)) };
}

/**
 * "This and following": the series is cut before the occurrence (UNTIL), and a new series
 * starts at it with the changes; later edited occurrences move to the new series.
 */
async function splitSeries(ctx: AppContext, actor: Actor, s: Awaited<ReturnType<typeof loadSeries>>, occ: Occurrence, rid: EventTime, changes: EditOccurrenceInput['changes'] | null): Promise<EventsTable | null> {
  const { db, codec } = ctx.database;
  const key = timeKey(rid);
  // COUNT counts the rule's instances before EXDATEs remove any (RFC 5545), so count without them.
  const before = occurrencesUntil({ ...s.master, exdates: [] }, [], rid).filter((o) => o.recurrenceId && timeKey(o.recurrenceId) < key).length;
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const later = s.overrideRows.filter((o) => o.recurrence_key >= key);
    if (before === 0) {
      // The cut is at the first occurrence: the whole series changes (or goes).
      if (!changes) {
        await trx.deleteFrom('events').where('id', '=', s.masterRow.id).execute();
        return null;
      }
      const whole = applyChanges(s.master, changes);
      validateEventData(whole);
      await trx.updateTable('events').set({ ...eventColumns({ ...whole, sequence: s.master.sequence + 1 }, codec), updated_at: now }).where('id', '=', s.masterRow.id).execute();
      return trx.selectFrom('events').selectAll().where('id', '=', s.masterRow.id).executeTakeFirstOrThrow();
    }
    const count = /(?:^|;)COUNT=(\d+)/.exec(s.master.rrule ?? '');
    const cut: EventData = {
      ...s.master,
      rrule: s.master.rrule ? ruleUntil(s.master.rrule, rid) : null,
      rdates: s.master.rdates.filter((r) => timeKey(r) < key),
      exdates: s.master.exdates.filter((r) => timeKey(r) < key),
      sequence: s.master.sequence + 1,
    };
    await trx.updateTable('events').set({ ...eventColumns(cut, codec), updated_at: now }).where('id', '=', s.masterRow.id).execute();
    if (!changes) {
      if (later.length) await trx.deleteFrom('events').where('id', 'in', later.map((o) => o.id)).execute();
      return null;
    }
    const id = newId();
    const rest: EventData = applyChanges(
      {
        ...s.master,
        uid: `${id}@atom`,
        start: occ.start,
        end: occ.end,
        rrule: s.master.rrule && count ? ruleWithCount(s.master.rrule, Number(count[1]) - before) : s.master.rrule,
        rdates: s.master.rdates.filter((r) => timeKey(r) >= key),
        exdates: s.master.exdates.filter((r) => timeKey(r) >= key),
        sequence: 0,
      },
      changes,
    );
    validateEventData(rest);
    const row: EventsTable = { id, user_id: actor.user.id, calendar_id: s.masterRow.calendar_id, series_id: null, ...eventColumns(rest, codec), created_at: now, updated_at: now };
    await trx.insertInto('events').values(row).execute();
    if (later.length) await trx.updateTable('events').set({ series_id: id, uid: rest.uid }).where('id', 'in', later.map((o) => o.id)).execute();
    return row;
  });
}

export async function editOccurrence(ctx: AppContext, actor: Actor, eventId: string, input: EditOccurrenceInput): Promise<Event> {
  const { db, codec } = ctx.database;
  const s = await loadSeries(ctx, actor, eventId);
  const rid = fromApiTime(input.recurrenceId);
  const occ = findOccurrence(s.master, s.overrides, rid);
  let row: EventsTable | null;
  if (input.scope === 'following') row = await splitSeries(ctx, actor, s, occ, rid, input.changes);
  else {
    const existing = s.overrideRows.find((o) => o.recurrence_key === timeKey(rid));
    const base: EventData = existing ? rowToEventData(existing, codec) : { ...s.master, start: occ.start, end: occ.end, rrule: null, rdates: [], exdates: [], recurrenceId: rid };
    const edited = { ...applyChanges(base, input.changes), sequence: base.sequence + 1 };
    validateEventData(edited);
    const now = new Date().toISOString();
    if (existing) {
      await db.updateTable('events').set({ ...eventColumns(edited, codec), updated_at: now }).where('id', '=', existing.id).execute();
      row = await getEventRow(ctx, actor.user.id, existing.id);
    } else {
      row = { id: newId(), user_id: actor.user.id, calendar_id: s.masterRow.calendar_id, series_id: s.masterRow.id, ...eventColumns(edited, codec), created_at: now, updated_at: now };
      await db.insertInto('events').values(row).execute();
    }
  }
  if (!row) throw new Error('an occurrence edit with changes always leaves an event');
  const event = presentEvent(await getEventRow(ctx, actor.user.id, row.id), codec);
  ctx.events.emit('event.updated', { userId: actor.user.id, event });
  return event;
}

export async function deleteOccurrence(ctx: AppContext, actor: Actor, eventId: string, input: DeleteOccurrenceInput): Promise<void> {
  const { db, codec } = ctx.database;
  const s = await loadSeries(ctx, actor, eventId);
  const rid = fromApiTime(input.recurrenceId);
  const occ = findOccurrence(s.master, s.overrides, rid);
  if (input.scope === 'following') await splitSeries(ctx, actor, s, occ, rid, null);
  else {
    await db.transaction().execute(async (trx) => {
      const next = { ...s.master, exdates: [...s.master.exdates, rid], sequence: s.master.sequence + 1 };
      await trx.updateTable('events').set({ ...eventColumns(next, codec), updated_at: new Date().toISOString() }).where('id', '=', eventId).execute();
      await trx.deleteFrom('events').where('series_id', '=', eventId).where('recurrence_key', '=', timeKey(rid)).execute();
    });
  }
  const remaining = await db.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (remaining) ctx.events.emit('event.updated', { userId: actor.user.id, event: presentEvent(remaining, codec) });
  else ctx.events.emit('event.deleted', { userId: actor.user.id, eventId });
}
