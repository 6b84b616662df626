import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob, type RecurringJob } from '../../platform/jobs/types.js';
import { syncConnection } from './sync.js';

export const CALDAV_SYNC_JOB = 'caldav.sync';
const Payload = z.object({ userId: z.string(), connectionId: z.string() });

/** Background sync of one connection; a failure throws so the queue retries with backoff. */
export function caldavSyncJob(ctx: AppContext) {
  return defineJob({
    name: CALDAV_SYNC_JOB,
    schema: Payload,
    maxAttempts: 8,
    handler: async ({ userId, connectionId }) => {
      const exists = await ctx.database.db.selectFrom('caldav_connections').select('id').where('id', '=', connectionId).where('user_id', '=', userId).executeTakeFirst();
      if (!exists) return; // Deleted meanwhile: nothing to retry.
      await syncConnection(ctx, userId, connectionId);
    },
  });
}

/** Queues a retry unless one is already waiting for this connection. */
export async function queueRetry(ctx: AppContext, userId: string, connectionId: string, delayMs = 60_000): Promise<void> {
  const { db, codec } = ctx.database;
  const waiting = await db.selectFrom('jobs').select('payload').where('name', '=', CALDAV_SYNC_JOB).where('status', 'in', ['queued', 'running']).where('user_id', '=', userId).execute();
  if (waiting.some((j) => Payload.safeParse(codec.json.read(j.payload)).data?.connectionId === connectionId)) return;
  await ctx.jobs.enqueue(CALDAV_SYNC_JOB, { userId, connectionId }, { runAt: new Date(Date.now() + delayMs), userId });
}

export const CALDAV_SCHEDULE_TICK = 'caldav.schedule';

/**
 * Every minute: each connection whose next_sync_at has come (null: never synced) gets a
 * background sync, then the next one syncIntervalMinutes later. Moving next_sync_at with a
 * conditional UPDATE is the claim; a failing sync keeps the connection's error state and the
 * sync job's own retries with backoff, and a connection with a retry waiting is not queued twice.
 */
export function caldavScheduleTick(ctx: AppContext): RecurringJob {
  return {
    name: CALDAV_SCHEDULE_TICK,
    everyMs: 60_000,
    handler: async () => {
      const { db } = ctx.database;
      const now = Date.now();
      const due = await db
        .selectFrom('caldav_connections')
        .select(['id', 'user_id', 'next_sync_at', 'sync_interval_minutes'])
        .where((eb) => eb.or([eb('next_sync_at', 'is', null), eb('next_sync_at', '<=', new Date(now).toISOString())]))
        .limit(500)
        .execute();
      for (const c of due) {
        const claimed = await db
          .updateTable('caldav_connections')
          .set({ next_sync_at: new Date(now + c.sync_interval_minutes * 60_000).toISOString() })
          .where('id', '=', c.id)
          .where((eb) => (c.next_sync_at === null ? eb('next_sync_at', 'is', null) : eb('next_sync_at', '=', c.next_sync_at)))
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 1) await queueRetry(ctx, c.user_id, c.id, 0);
      }
    },
  };
}
