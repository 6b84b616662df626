import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Secrets } from './platform/crypto/secrets.js';
import type { EventBus } from './platform/events/bus.js';
import type { JobQueue } from './platform/jobs/types.js';

/** What every verb may need, passed explicitly: no container, no globals. */
export interface AppContext {
  config: Config;
  database: Database;
  secrets: Secrets;
  events: EventBus;
  jobs: JobQueue;
  logger: Logger;
}
