import type { SkipScheduledResult } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { addDays } from '../../platform/time/calendar.js';
import { errors } from '../../platform/errors.js';
import { occurrenceFrom } from './occurrences.js';
import { getScheduledRow, presentScheduled } from './scheduled.js';

/**
 * Skips one occurrence: no transaction, and nextDate moves to the occurrence after it.
 * Idempotent: a date already behind nextDate (posted or skipped before) changes nothing.
 * Only the next occurrence can be skipped, so an earlier bill still waiting is never
 * passed over silently. The row is locked on PostgreSQL, so a skip and a post of the same
 * date cannot both win.
 */
export async function skipScheduled(ctx: AppContext, actor: Actor, id: string, date: string): Promise<SkipScheduledResult> {
  const { db, codec, dialect } = ctx.database;
  const userId = actor.user.id;
  const skipped = await db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('finance_scheduled_transactions').selectAll().where('id', '=', id).where('user_id', '=', userId);
    if (dialect === 'postgres') q = q.forUpdate();
    const schedule = await q.executeTakeFirst();
    if (!schedule) throw errors.notFound('Scheduled transaction');
    if (occurrenceFrom(schedule.rrule, schedule.start_date, date) !== date) throw errors.field('date', `${date} is not an occurrence of this schedule`);
    if (schedule.next_date === null || date < schedule.next_date) return false;
    if (date > schedule.next_date) {
      throw errors.conflict(`Post or skip the occurrence of ${schedule.next_date} first`, { date: `the occurrence of ${schedule.next_date} comes first` });
    }
    const next = occurrenceFrom(schedule.rrule, schedule.start_date, addDays(date, 1));
    await trx.updateTable('finance_scheduled_transactions').set({ next_date: next, updated_at: new Date().toISOString() }).where('id', '=', id).where('user_id', '=', userId).execute();
    return true;
  });
  const [scheduled] = await presentScheduled(db, codec, userId, [await getScheduledRow(db, userId, id)]);
  return { skipped, scheduled: scheduled! };
}
