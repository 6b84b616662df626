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

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invites: InvitesTable;
  auth_failures: AuthFailuresTable;
  jobs: JobsTable;
}
