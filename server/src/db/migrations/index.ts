import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_tasks.js';
import * as m0003 from './0003_calendar.js';
import * as m0004 from './0004_caldav.js';
import * as m0005 from './0005_schedules_subscriptions.js';
import * as m0006 from './0006_caldav_tasks.js';
import * as m0007 from './0007_finance.js';
import * as m0008 from './0008_finance_budget_alerts.js';
import * as m0009 from './0009_task_rollups.js';
import * as m0010 from './0010_finance_restore.js';
import * as m0011 from './0011_finance_activity_summary.js';
import * as m0012 from './0012_task_label_open.js';

export interface MigrationModule {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** Ordered by name; the bundle imports them statically, so no directory scanning at run time. */
export const migrations: Record<string, MigrationModule> = {
  '0001_foundation': m0001,
  '0002_tasks': m0002,
  '0003_calendar': m0003,
  '0004_caldav': m0004,
  '0005_schedules_subscriptions': m0005,
  '0006_caldav_tasks': m0006,
  '0007_finance': m0007,
  '0008_finance_budget_alerts': m0008,
  '0009_task_rollups': m0009,
  '0010_finance_restore': m0010,
  '0011_finance_activity_summary': m0011,
  '0012_task_label_open': m0012,
};
