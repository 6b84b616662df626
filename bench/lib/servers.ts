import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { closeContext, createContext } from '../../server/src/runtime.js';
import { createTestDatabase } from '../../server/src/testing/test-database.js';

/** The real Atom app on a fresh database, listening on a loopback port. */
export async function startAtom(dialect: 'sqlite' | 'postgres') {
  process.env.ATOM_TEST_DIALECT = dialect;
  const testDb = await createTestDatabase();
  const config = loadConfig({
    ATOM_DATA_DIR: testDb.dataDir,
    LOG_LEVEL: 'silent',
    ...(testDb.databaseUrl ? { DATABASE_URL: testDb.databaseUrl } : {}),
  });
  const ctx = await createContext(config);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    ctx,
    async stop() {
      await app.close();
      await closeContext(ctx);
      await testDb.drop();
    },
  };
}

/** The baseline: a bare Fastify route answering a static body, no database, no auth. */
export async function startBare(body: unknown) {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => body);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, stop: () => app.close() };
}

/** Signs up a user through the API and creates a bearer token for the measured requests. */
export async function signUpForBench(url: string): Promise<{ userId: string; token: string }> {
  const signup = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'benchmark password', name: 'Bench' }),
  });
  const user = (await signup.json()) as { id: string };
  const cookies = signup.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('atom_csrf='))!.split('=')[1]!;
  const created = await fetch(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({ name: 'bench' }),
  });
  const { token } = (await created.json()) as { token: string };
  return { userId: user.id, token };
}
