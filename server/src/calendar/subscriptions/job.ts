import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { defineJob, type RecurringJob } from '../../platform/jobs/types.js';
import { DEFAULT_REFRESH_MINUTES, refreshSubscription } from './subscriptions.js';

export const SUBSCRIPTION_REFRESH_JOB = 'calendar.subscription.refresh';
export const SUBSCRIPTION_TICK = 'calendar.subscriptions';

/** One subscription's refresh. Feed failures are recorded on the calendar, not thrown: the calendar holds the backoff. */
export function subscriptionRefreshJob(ctx: AppContext) {
  return defineJob({
    name: SUBSCRIPTION_REFRESH_JOB,
    schema: z.object({ userId: z.string(), calendarId: z.string() }),
    maxAttempts: 3,
    handler: async ({ userId, calendarId }) => {
      try {
        await refreshSubscription(ctx, userId, calendarId);
      } catch (err) {
        // Deleted, or no longer a subscription, since it was queued.
        if (err instanceof AppError && (err.status === 404 || err.status === 409)) return;
        throw err;
      }
    },
  });
}

/**
 * Every minute: queue a refresh for each subscription whose time has come. Moving its
 * next_refresh_at forward with a conditional UPDATE is the claim, so a subscription is
 * queued once even if two ticks overlap; a lost job is retried at the next interval.
 */
export function subscriptionTick(ctx: AppContext): RecurringJob {
  return {
    name: SUBSCRIPTION_TICK,
    everyMs: 60_000,
    handler: async () => {
      const { db } = ctx.database;
      const now = Date.now();
      const due = await db
        .selectFrom('calendars')
        .select(['id', 'user_id', 'next_refresh_at', 'refresh_minutes'])
        .where('subscription_url', 'is not', null)
        .where('next_refresh_at', '<=', new Date(now).toISOString())
        .orderBy('next_refresh_at')
        .limit(500)
        .execute();
      for (const cal of due) {
        const claimed = await db
          .updateTable('calendars')
          .set({ next_refresh_at: new Date(now + (cal.refresh_minutes ?? DEFAULT_REFRESH_MINUTES) * 60_000).toISOString() })
          .where('id', '=', cal.id)
          .where('next_refresh_at', '=', cal.next_refresh_at)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) continue;
        await ctx.jobs.enqueue(SUBSCRIPTION_REFRESH_JOB, { userId: cal.user_id, calendarId: cal.id }, { userId: cal.user_id, dedupeKey: `${SUBSCRIPTION_REFRESH_JOB}:${cal.id}@${cal.next_refresh_at}` });
      }
    },
  };
}
