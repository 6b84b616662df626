/**
 * Column types as the application sees them after the per-dialect codecs:
 * instants are ISO 8601 UTC strings, booleans are 0/1 numbers on SQLite and booleans on
 * PostgreSQL (read through `codec.bool`), JSON is text on SQLite and jsonb on PostgreSQL
 * (read through `codec.json`).
 */
export type Instant = string;
export type DbBool = number | boolean;
export type DbJson = unknown;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'member';
  time_zone: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface SessionsTable {
  /** sha256 of the cookie secret: a stolen database cannot be replayed as cookies. */
  id: string;
  user_id: string;
  created_at: Instant;
  expires_at: Instant;
  last_seen_at: Instant;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Instant;
  last_used_at: Instant | null;
}

export interface InvitesTable {
  id: string;
  user_id: string;
  email: string | null;
  token_hash: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
  used_by: string | null;
}

export interface AuthFailuresTable {
  id: string;
  key: string;
  created_at: Instant;
}

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
}

export interface ProjectsTable {
  id: string;
  user_id: string;
  name: string;
  /** lower-cased name: one project per name per user, found case-insensitively by quick add. */
  name_key: string;
  color: string;
  archived: DbBool;
  is_inbox: DbBool;
  parent_id: string | null;
  rank: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface ProjectColumnsTable {
  id: string;
  user_id: string;
  project_id: string;
  name: string;
  done: DbBool;
  rank: string;
  created_at: Instant;
}

export interface TasksTable {
  id: string;
  user_id: string;
  project_id: string;
  parent_id: string | null;
  column_id: string | null;
  title: string;
  /** lower-cased title + notes, for case-insensitive search on both dialects. */
  title_key: string;
  notes: string;
  status: 'open' | 'done';
  priority: number;
  due_date: string | null;
  due_at: Instant | null;
  /** due_at or due_date as sortable text; '~' (after every digit) when there is no due. */
  due_key: string;
  start_at: Instant | null;
  estimate_minutes: number | null;
  recurrence: string | null;
  recurrence_from: 'schedule' | 'completion' | null;
  series_id: string | null;
  next_task_id: string | null;
  completed_at: Instant | null;
  rank: string;
  deleted_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface LabelsTable {
  id: string;
  user_id: string;
  name: string;
  name_key: string;
  color: string;
  created_at: Instant;
}

export interface TaskLabelsTable {
  task_id: string;
  label_id: string;
  user_id: string;
}

export interface SavedFiltersTable {
  id: string;
  user_id: string;
  name: string;
  query: DbJson;
  created_at: Instant;
  updated_at: Instant;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invites: InvitesTable;
  auth_failures: AuthFailuresTable;
  jobs: JobsTable;
  projects: ProjectsTable;
  project_columns: ProjectColumnsTable;
  tasks: TasksTable;
  labels: LabelsTable;
  task_labels: TaskLabelsTable;
  saved_filters: SavedFiltersTable;
}
