import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { defineJob } from '../../platform/jobs/types.js';
import { postDueScheduled } from './post.js';

export const SCHEDULED_POST_JOB = 'finance.scheduled.post';
const HOUR = 3_600_000;

/** Hourly: posts the automatic schedules that fell due, then queues its next run. */
export function scheduledPostingJob(ctx: AppContext) {
  return defineJob({
    name: SCHEDULED_POST_JOB,
    schema: z.object({}),
    handler: async () => {
      const posted = await postDueScheduled(ctx, new Date());
      if (posted > 0) ctx.logger.info({ posted }, 'scheduled transactions posted');
      await ensureScheduledPosting(ctx, HOUR);
    },
  });
}

/** Queues the next run unless one is already waiting (the server and workers all call this at start). */
export async function ensureScheduledPosting(ctx: AppContext, delayMs = 0): Promise<void> {
  const waiting = await ctx.database.db.selectFrom('jobs').select('id').where('name', '=', SCHEDULED_POST_JOB).where('status', '=', 'queued').executeTakeFirst();
  if (!waiting) await ctx.jobs.enqueue(SCHEDULED_POST_JOB, {}, { runAt: new Date(Date.now() + delayMs) });
}
