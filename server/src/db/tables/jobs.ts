/** The database-backed job queue. */
import type { Instant, DbJson } from './columns.js';

export interface JobsTable {
  id: string;
  user_id: string | null;
  name: string;
  payload: DbJson;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  run_at: Instant;
  locked_by: string | null;
  locked_until: Instant | null;
  last_error: string | null;
  created_at: Instant;
  updated_at: Instant;
  finished_at: Instant | null;
  /** Unique when set: enqueueing the same key again stores nothing (recurring slots, per-entity runs). */
  dedupe_key: string | null;
}
