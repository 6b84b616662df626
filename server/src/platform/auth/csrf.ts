import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { AppError } from '../errors.js';
import { CSRF_HEADER } from './cookies.js';

/** The CSRF token is an HMAC of the session id: nothing to store, and useless for another session. */
export function csrfTokenFor(ctx: Pick<AppContext, 'secrets'>, sessionId: string): string {
  return createHmac('sha256', ctx.secrets.deriveKey('csrf')).update(sessionId).digest('base64url');
}

export function requireCsrf(req: FastifyRequest, ctx: Pick<AppContext, 'secrets'>): void {
  const sent = req.headers[CSRF_HEADER];
  const sessionId = req.actor?.sessionId;
  if (typeof sent === 'string' && sessionId) {
    const expected = Buffer.from(csrfTokenFor(ctx, sessionId));
    const given = Buffer.from(sent);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return;
  }
  throw new AppError('csrf_failed', 403, `Missing or wrong ${CSRF_HEADER} header for a cookie-authenticated write`);
}
