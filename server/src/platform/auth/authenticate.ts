import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { errors } from '../errors.js';
import { sha256 } from '../ids.js';
import type { Actor } from './actor.js';
import { SESSION_COOKIE, SESSION_TTL_MS } from './cookies.js';

const USER_COLUMNS = ['users.id', 'users.email', 'users.name', 'users.role', 'users.time_zone', 'users.created_at'] as const;
/** Sliding expiry is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 3600_000;

async function fromBearer(ctx: AppContext, token: string): Promise<Actor> {
  const row = await ctx.database.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([...USER_COLUMNS, 'api_tokens.id as token_id', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row) throw errors.unauthenticated('The bearer token is invalid or has been revoked');
  const now = Date.now();
  if (!row.last_used_at || now - Date.parse(row.last_used_at) > 60_000) {
    await ctx.database.db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('id', '=', row.token_id)
      .execute();
  }
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role, time_zone: row.time_zone, created_at: row.created_at },
    via: 'token',
    tokenId: row.token_id,
  };
}

async function fromSession(ctx: AppContext, secret: string): Promise<Actor | null> {
  const sessionId = sha256(secret);
  const now = new Date();
  const row = await ctx.database.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...USER_COLUMNS, 'sessions.last_seen_at'])
    .where('sessions.id', '=', sessionId)
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await ctx.database.db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
      .where('id', '=', sessionId)
      .execute();
  }
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role, time_zone: row.time_zone, created_at: row.created_at },
    via: 'session',
    sessionId,
  };
}

/** Resolves `req.actor` on every request; routes decide whether they need one. */
export function installAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.actor = null;
    const header = req.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw errors.unauthenticated('The Authorization header must be "Bearer <token>"');
      req.actor = await fromBearer(ctx, match[1]!);
      return;
    }
    const secret = req.cookies[SESSION_COOKIE];
    if (secret) req.actor = await fromSession(ctx, secret);
  });
}
