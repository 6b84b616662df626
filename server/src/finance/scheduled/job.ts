import type { AppContext } from '../../context.js';
import type { RecurringJob } from '../../platform/jobs/types.js';
import { postDueScheduled } from './post.js';

export const SCHEDULED_POST_JOB = 'finance.scheduled.post';
const HOUR = 3_600_000;

/** Hourly, once per hour however many processes run: posts the automatic schedules that fell due. */
export function scheduledPostingTick(ctx: AppContext): RecurringJob {
  return {
    name: SCHEDULED_POST_JOB,
    everyMs: HOUR,
    handler: async () => {
      const posted = await postDueScheduled(ctx, new Date());
      if (posted > 0) ctx.logger.info({ posted }, 'scheduled transactions posted');
    },
  };
}
