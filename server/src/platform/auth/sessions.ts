import type { AppContext } from '../../context.js';
import { newSecret, sha256 } from '../ids.js';
import { SESSION_TTL_MS } from './cookies.js';
import { csrfTokenFor } from './csrf.js';

export async function createSession(
  ctx: AppContext,
  userId: string,
  meta: { userAgent?: string | undefined; ip?: string | undefined },
): Promise<{ secret: string; sessionId: string; csrfToken: string }> {
  const secret = newSecret('atom_sess');
  const sessionId = sha256(secret);
  const now = new Date();
  await ctx.database.db
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      last_seen_at: now.toISOString(),
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
    })
    .execute();
  return { secret, sessionId, csrfToken: csrfTokenFor(ctx, sessionId) };
}

export async function deleteSession(ctx: AppContext, sessionId: string): Promise<void> {
  await ctx.database.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
