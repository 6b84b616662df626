import type { Kysely } from 'kysely';
import type { Dialect } from '../database.js';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_tasks.js';

export interface MigrationModule {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/** Ordered by name; the bundle imports them statically, so no directory scanning at run time. */
export const migrations: Record<string, MigrationModule> = {
  '0001_foundation': m0001,
  '0002_tasks': m0002,
};
