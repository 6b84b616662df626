/** Shared by the CalDAV database tests: JSON calls as a signed-in user, and the quiet sync result. */
import type { CaldavSyncResult } from '@atom/contracts';
import type { TestApp, Session } from '../../testing/test-app.js';

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the test names the JSON shape it expects: api<Task>(...)
export type ApiCall = <T>(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => Promise<{ status: number; body: T }>;

/** Reads the app lazily, so a test file can create it in beforeAll. */
export function apiCaller(app: () => TestApp): ApiCall {
  const call = async (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const headers = method === 'GET' ? { cookie: s.cookie } : s.headers;
    const res = await app().app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as string }) });
    return { status: res.statusCode, body: res.body ? res.json<unknown>() : null };
  };
  return call as ApiCall;
}

/** A sync that found nothing to do. */
export const QUIET: CaldavSyncResult = { pulled: { created: 0, updated: 0, deleted: 0 }, pushed: { created: 0, updated: 0, deleted: 0 }, conflicts: 0, errors: 0 };
