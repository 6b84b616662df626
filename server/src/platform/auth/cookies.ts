import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.js';

export const SESSION_COOKIE = 'atom_session';
export const CSRF_COOKIE = 'atom_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_MS = 30 * 24 * 3600_000;

export function setSessionCookies(reply: FastifyReply, config: Config, secret: string, csrfToken: string): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies, maxAge: SESSION_TTL_MS / 1000 };
  void reply.setCookie(SESSION_COOKIE, secret, { ...common, httpOnly: true });
  // Readable by the web app, which echoes it in the x-csrf-token header (double submit).
  void reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
