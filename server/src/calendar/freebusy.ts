import type { FreeBusy } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { Actor } from '../platform/auth/actor.js';
import { zonedDayRange } from '../platform/time/zone.js';
import { occurrencesOf, seriesInRange } from './occurrences.js';

/**
 * Busy intervals across all of the user's calendars (hidden ones too: hiding a calendar in
 * the view does not make its meetings free). Transparent and cancelled events do not count;
 * all-day events block their days in the user's zone.
 */
export async function freeBusy(ctx: AppContext, actor: Actor, from: string, to: string): Promise<FreeBusy> {
  const calendars = await ctx.database.db.selectFrom('calendars').select(['id', 'color']).where('user_id', '=', actor.user.id).execute();
  const byId = new Map(calendars.map((c) => [c.id, c]));
  const series = await seriesInRange(ctx, actor.user.id, from, to, [...byId.keys()]);
  const zone = actor.user.time_zone;
  const intervals = series
    .flatMap((s) => occurrencesOf(ctx, s, byId.get(s.master.calendar_id)!, { from, to, timeZone: zone, limit: 10_000 }))
    .filter((o) => o.status !== 'cancelled' && o.transparency === 'opaque')
    .map((o) => {
      if ('at' in o.start && 'at' in o.end) return { start: o.start.at, end: o.end.at };
      const startDate = 'date' in o.start ? o.start.date : '';
      const endDate = 'date' in o.end ? o.end.date : '';
      const { start } = zonedDayRange(startDate, startDate, zone);
      const { start: end } = zonedDayRange(endDate, endDate, zone);
      return { start, end };
    })
    .map((i) => ({ start: i.start < from ? from : i.start, end: i.end > to ? to : i.end }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start.localeCompare(b.start));
  const busy: { start: string; end: string }[] = [];
  for (const i of intervals) {
    const last = busy.at(-1);
    if (last && i.start <= last.end) last.end = i.end > last.end ? i.end : last.end;
    else busy.push({ ...i });
  }
  return { from, to, busy };
}
