import type { Database } from '../../db/database.js';
import { errors } from '../errors.js';
import { newId } from '../ids.js';

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Failure counting in the database, so that every instance behind a load balancer shares
 * the same count. Only failures count: a person who types their password right is never slowed.
 */
export async function assertUnderLimit(database: Database, limit: Limit): Promise<void> {
  const since = new Date(Date.now() - limit.windowMs).toISOString();
  const rows = await database.db
    .selectFrom('auth_failures')
    .select('created_at')
    .where('key', '=', limit.key)
    .where('created_at', '>', since)
    .orderBy('created_at', 'asc')
    .limit(limit.max)
    .execute();
  if (rows.length < limit.max) return;
  const oldest = Date.parse(rows[0]!.created_at);
  throw errors.rateLimited(Math.max(1, Math.ceil((oldest + limit.windowMs - Date.now()) / 1000)));
}

export async function recordFailure(database: Database, limit: Limit): Promise<void> {
  const now = new Date();
  await database.db.insertInto('auth_failures').values({ id: newId(), key: limit.key, created_at: now.toISOString() }).execute();
  await database.db
    .deleteFrom('auth_failures')
    .where('key', '=', limit.key)
    .where('created_at', '<', new Date(now.getTime() - limit.windowMs).toISOString())
    .execute();
}

export async function clearFailures(database: Database, key: string): Promise<void> {
  await database.db.deleteFrom('auth_failures').where('key', '=', key).execute();
}
