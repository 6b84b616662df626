import type { Database } from '../../db/database.js';
import type { RecurringJob } from './types.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * Finished jobs are kept a week for inspection, then removed, so recurring slots do not
 * grow the table for ever. Their dedupe keys name past slots, which are never queued again.
 */
export function pruneJobs(database: Database, keepMs = WEEK_MS): RecurringJob {
  return {
    name: 'jobs.prune',
    everyMs: 3_600_000,
    handler: async () => {
      const before = new Date(Date.now() - keepMs).toISOString();
      await database.db.deleteFrom('jobs').where('status', 'in', ['done', 'failed']).where('finished_at', '<', before).execute();
    },
  };
}
