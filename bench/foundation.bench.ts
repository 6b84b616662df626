import { measureGetPair, printComparison } from './lib/measure.js';
import { signUpForBench, startAtom, startBare } from './lib/servers.js';

/**
 * What authentication costs per request: `GET /api/v1/me` with a bearer token (hash, indexed
 * lookup, join) beside a bare Fastify route returning a similar static body, same run.
 */
export async function foundationBench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const atom = await startAtom(dialect);
  const bare = await startBare({ user: { id: 'x', email: 'a@example.com', name: 'A', role: 'admin', createdAt: new Date().toISOString() }, auth: 'token' });
  try {
    const { token } = await signUpForBench(atom.url);
    const auth = { authorization: `Bearer ${token}` };

    const n = 2000;
    const [ours, base] = await measureGetPair({ url: `${atom.url}/api/v1/me`, headers: auth }, { url: `${bare.url}/bare` }, n);
    printComparison(`[foundation] authenticated request vs bare route (${dialect})`, [`GET /api/v1/me (bearer token, ${dialect})`, ours], ['bare Fastify route, static body', base]);
  } finally {
    await bare.stop();
    await atom.stop();
  }
}
