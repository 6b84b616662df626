/** Accounts: users, sessions, tokens, invitations, auth throttling. */
import type { Instant } from './columns.js';

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
