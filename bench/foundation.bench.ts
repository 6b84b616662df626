import { formatStats, measureLatency } from './lib/measure.js';
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
    const ours = await measureLatency(async () => {
      const r = await fetch(`${atom.url}/api/v1/me`, { headers: auth });
      if (r.status !== 200) throw new Error(`me answered ${r.status}`);
      await r.arrayBuffer();
    }, n);
    const base = await measureLatency(async () => {
      const r = await fetch(`${bare.url}/bare`);
      await r.arrayBuffer();
    }, n);
    console.log(`\n[foundation] authenticated request vs bare route (${dialect})`);
    console.log(formatStats(`GET /api/v1/me (bearer token, ${dialect})`, ours));
    console.log(formatStats('bare Fastify route, static body', base));
    console.log(`ratio p50 ${(ours.p50 / base.p50).toFixed(2)}x, p95 ${(ours.p95 / base.p95).toFixed(2)}x`);
  } finally {
    await bare.stop();
    await atom.stop();
  }
}
