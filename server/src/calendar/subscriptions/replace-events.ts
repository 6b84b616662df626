import type { Event } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Db } from '../../tasks/queries.js';
import { presentEvent } from '../event-rows.js';
import { upsertEvent } from '../ics-import.js';
import { IcsError, parseICalendar, type ParsedCalendar } from '../ical/index.js';
import { FeedError } from './fetch-feed.js';

/** The feed's text as a calendar, or a FeedError naming what is wrong with it. */
export function parseFeed(text: string, timeZone: string): ParsedCalendar {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) {
    const start = text.trim().slice(0, 40).replace(/\s+/g, ' ');
    throw new FeedError(start ? `is not an iCalendar file (it starts with "${start}")` : 'sent an empty file, not an iCalendar file');
  }
  try {
    return parseICalendar(text, { defaultTimeZone: timeZone });
  } catch (err) {
    if (!(err instanceof IcsError)) throw err;
    const where = [err.line !== null ? `line ${err.line}` : null, err.component].filter(Boolean).join(', ');
    throw new FeedError(`is not a valid iCalendar file: ${where ? `${where}: ` : ''}${err.message}`);
  }
}

export interface Replaced {
  created: number;
  updated: number;
  deleted: number;
  /** Domain events to emit once the transaction has committed. */
  emit(ctx: AppContext): void;
}

/**
 * Makes the calendar hold exactly the feed's events: upserted by UID (edited occurrences
 * attached to their series), those no longer in the feed deleted. Call inside a transaction.
 */
export async function replaceEvents(ctx: AppContext, trx: Db, userId: string, calendarId: string, parsed: ParsedCalendar): Promise<Replaced> {
  const { codec } = ctx.database;
  const kept = new Set<string>();
  const changedIds: { id: string; created: boolean }[] = [];
  const masterIdByUid = new Map<string, string>();
  const record = (r: { id: string; updated: boolean; changed: boolean }) => {
    kept.add(r.id);
    if (r.changed) changedIds.push({ id: r.id, created: !r.updated });
  };
  for (const e of parsed.events.filter((x) => x.recurrenceId === null)) {
    const r = await upsertEvent(ctx, trx, userId, calendarId, e, null);
    masterIdByUid.set(e.uid, r.id);
    record(r);
  }
  for (const e of parsed.events.filter((x) => x.recurrenceId !== null)) {
    // An edited occurrence whose series is not in the feed stands alone.
    record(await upsertEvent(ctx, trx, userId, calendarId, e, masterIdByUid.get(e.uid) ?? null));
  }
  const stale = (await trx.selectFrom('events').select(['id', 'series_id']).where('calendar_id', '=', calendarId).where('user_id', '=', userId).execute()).filter((r) => !kept.has(r.id));
  for (let i = 0; i < stale.length; i += 500) {
    await trx.deleteFrom('events').where('id', 'in', stale.slice(i, i + 500).map((r) => r.id)).execute();
  }
  const changedRows = [];
  for (let i = 0; i < changedIds.length; i += 500) {
    changedRows.push(...(await trx.selectFrom('events').selectAll().where('id', 'in', changedIds.slice(i, i + 500).map((c) => c.id)).execute()));
  }
  const presented: { event: Event; created: boolean }[] = changedRows.map((row) => ({ event: presentEvent(row, codec), created: changedIds.find((c) => c.id === row.id)!.created }));
  const deletedMasters = stale.filter((r) => r.series_id === null).map((r) => r.id);
  return {
    created: changedIds.filter((c) => c.created).length,
    updated: changedIds.filter((c) => !c.created).length,
    deleted: stale.length,
    emit(c) {
      for (const p of presented) c.events.emit(p.created ? 'event.created' : 'event.updated', { userId, event: p.event });
      for (const eventId of deletedMasters) c.events.emit('event.deleted', { userId, eventId });
    },
  };
}
