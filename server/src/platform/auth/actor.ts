import type { UsersTable } from '../../db/schema.js';

/** Who is acting on this request, and how they proved it. */
export interface Actor {
  user: Pick<UsersTable, 'id' | 'email' | 'name' | 'role' | 'time_zone' | 'created_at'>;
  via: 'session' | 'token';
  /** sha256 id of the session row when via = session. */
  sessionId?: string;
  tokenId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}
