import type { AppContext } from '../../context.js';
import { errors } from '../../platform/errors.js';
import { getCalendarRow } from '../calendars.js';

/** 404 for another user's calendar, 409 for a subscription: its events change only with its feed. */
export async function assertWritable(ctx: AppContext, userId: string, calendarId: string): Promise<void> {
  const row = await getCalendarRow(ctx, userId, calendarId);
  if (row.subscription_url !== null) {
    throw errors.conflict(`"${row.name}" is a read-only subscription to ${row.subscription_url}: its events change only when the feed does`);
  }
}
