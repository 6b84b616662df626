import type { AppContext } from '../../context.js';
import type { RecurringJob } from '../../platform/jobs/types.js';

export const PURGE_DELETED_JOB = 'finance.transactions.purge-deleted';
/** How long a deleted transaction can still be restored. */
export const RESTORE_DAYS = 30;
const DAY = 86_400_000;

/** Removes transactions deleted more than RESTORE_DAYS ago (their splits and tags go with them). */
export async function purgeDeletedTransactions(ctx: AppContext, now: Date): Promise<number> {
  const before = new Date(now.getTime() - RESTORE_DAYS * DAY).toISOString();
  const result = await ctx.database.db.deleteFrom('finance_transactions').where('deleted_at', 'is not', null).where('deleted_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Daily, once however many processes run. */
export function purgeDeletedTick(ctx: AppContext): RecurringJob {
  return {
    name: PURGE_DELETED_JOB,
    everyMs: DAY,
    handler: async () => {
      const purged = await purgeDeletedTransactions(ctx, new Date());
      if (purged > 0) ctx.logger.info({ purged }, 'deleted transactions purged');
    },
  };
}
