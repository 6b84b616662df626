import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../platform/jobs/types.js';
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
