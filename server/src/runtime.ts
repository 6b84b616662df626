import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase } from './db/database.js';
import { caldavScheduleTick, caldavSyncJob } from './calendar/caldav/job.js';
import { eventStartingTick } from './calendar/starting/scan.js';
import { subscriptionRefreshJob, subscriptionTick } from './calendar/subscriptions/job.js';
import { migrateToLatest } from './db/migrate.js';
import { installFinanceReactions } from './finance/budgets/reactions.js';
import { scheduledPostingTick } from './finance/scheduled/job.js';
import { purgeDeletedTick } from './finance/transactions/purge-deleted.js';
import { createSecrets, loadKeyMaterial } from './platform/crypto/secrets.js';
import { createEventBus } from './platform/events/bus.js';
import { createDbJobQueue } from './platform/jobs/db-queue.js';
import { pruneJobs } from './platform/jobs/prune.js';

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { app: 'atom' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
  });
}

/** Opens everything the server and the worker share, and brings the schema up to date. */
export async function createContext(config: Config, logger = createLogger(config)): Promise<AppContext> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(database);
    if (applied.length > 0) logger.info({ migrations: applied, dialect: database.dialect }, 'database migrated');
    // SQLite's planner needs statistics to pick the right index on large tables; cheap when fresh.
    if (database.dialect === 'sqlite') await sql`pragma optimize`.execute(database.db);
  } catch (err) {
    await database.destroy();
    throw err;
  }
  const secrets = createSecrets(loadKeyMaterial(config), config.previousSecretKeys);
  const events = createEventBus((err, event) => logger.error({ err, event: event.name }, 'event handler failed'));
  const jobs = createDbJobQueue({ database, logger: logger.child({ component: 'jobs' }) });
  const ctx: AppContext = { config, database, secrets, events, jobs, logger };
  jobs.register(caldavSyncJob(ctx));
  jobs.every(pruneJobs(database));
  jobs.every(eventStartingTick(ctx));
  jobs.register(subscriptionRefreshJob(ctx));
  jobs.every(subscriptionTick(ctx));
  jobs.every(caldavScheduleTick(ctx));
  jobs.every(scheduledPostingTick(ctx));
  jobs.every(purgeDeletedTick(ctx));
  installFinanceReactions(ctx);
  return ctx;
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.jobs.stop();
  await ctx.events.drain();
  await ctx.database.destroy();
}
