import type { AppContext } from '../context.js';
import type { CalendarsTable } from '../db/schema.js';
import { rowToEventData } from './event-rows.js';
import { serializeCalendar } from './ical/index.js';

/** The whole calendar as one VCALENDAR: series, single events and edited occurrences. */
export async function exportCalendar(ctx: AppContext, calendar: CalendarsTable): Promise<string> {
  const rows = await ctx.database.db
    .selectFrom('events')
    .selectAll()
    .where('user_id', '=', calendar.user_id)
    .where('calendar_id', '=', calendar.id)
    .orderBy('span_start')
    .execute();
  return serializeCalendar({ name: calendar.name, events: rows.map((r) => rowToEventData(r, ctx.database.codec)) });
}
