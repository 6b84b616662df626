import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import type { AppContext } from '../context.js';
import { closeContext, createContext } from '../runtime.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  testDb: TestDatabase;
  close(): Promise<void>;
}

/** The real app on a fresh database, for `app.inject` requests. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config: Config = loadConfig({
    ATOM_DATA_DIR: testDb.dataDir,
    LOG_LEVEL: 'silent',
    ...(testDb.databaseUrl ? { DATABASE_URL: testDb.databaseUrl } : {}),
    ...env,
  });
  const ctx = await createContext(config);
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    testDb,
    async close() {
      await app.close();
      await closeContext(ctx);
      await testDb.drop();
    },
  };
}

/** A signed-in web user: cookies and the CSRF header, as the browser would send them. */
export interface Session {
  userId: string;
  email: string;
  password: string;
  cookie: string;
  csrf: string;
  /** Headers for a cookie-authenticated write. */
  headers: Record<string, string>;
}

export function sessionFrom(res: LightMyRequestResponse, email: string, password: string): Session {
  const cookies = res.cookies as { name: string; value: string }[];
  const session = cookies.find((c) => c.name === 'atom_session')?.value;
  const csrf = cookies.find((c) => c.name === 'atom_csrf')?.value;
  if (!session || !csrf) throw new Error(`no session cookies in response ${res.statusCode}: ${res.body}`);
  const body = res.json<{ id: string }>();
  const cookie = `atom_session=${session}; atom_csrf=${csrf}`;
  return { userId: body.id, email, password, cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

let counter = 0;

export async function signUp(
  app: FastifyInstance,
  overrides: Partial<{ email: string; password: string; name: string; inviteToken: string; timeZone: string }> = {},
): Promise<Session> {
  counter += 1;
  const input = {
    email: `user${counter}-${Date.now()}@example.com`,
    password: 'correct horse battery staple',
    name: `User ${counter}`,
    ...overrides,
  };
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: input });
  if (res.statusCode !== 201) throw new Error(`signup failed ${res.statusCode}: ${res.body}`);
  return sessionFrom(res, input.email, input.password);
}

/** The first user is the admin; later users need an invitation from them. */
export async function inviteAndSignUp(app: FastifyInstance, admin: Session, overrides: Partial<{ email: string; name: string }> = {}) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/invites', headers: admin.headers, payload: {} });
  if (res.statusCode !== 201) throw new Error(`invite failed ${res.statusCode}: ${res.body}`);
  return signUp(app, { ...overrides, inviteToken: res.json<{ token: string }>().token });
}
