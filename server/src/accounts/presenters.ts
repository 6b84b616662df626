import type { Invite, TokenSummary, User } from '@atom/contracts';
import type { ApiTokensTable, InvitesTable, UsersTable } from '../db/schema.js';

export function presentUser(u: Pick<UsersTable, 'id' | 'email' | 'name' | 'role' | 'time_zone' | 'created_at'>): User {
  return { id: u.id, email: u.email, name: u.name, role: u.role, timeZone: u.time_zone, createdAt: u.created_at };
}

export function presentToken(t: ApiTokensTable): TokenSummary {
  return { id: t.id, name: t.name, prefix: t.prefix, createdAt: t.created_at, lastUsedAt: t.last_used_at };
}

export function presentInvite(i: InvitesTable): Invite {
  return { id: i.id, email: i.email, createdAt: i.created_at, expiresAt: i.expires_at, usedAt: i.used_at };
}
