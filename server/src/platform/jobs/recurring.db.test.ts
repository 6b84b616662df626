import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { createDbJobQueue } from './db-queue.js';
import { pruneJobs } from './prune.js';
import type { JobQueue, RecurringJob } from './types.js';

let testDb: TestDatabase;
let database: Database;
const logger = pino({ level: 'silent' });
const MINUTE = 60_000;
// A fixed point in time, in the middle of a minute, so the test never straddles a slot boundary.
const T0 = Date.parse('2026-03-01T10:00:30.000Z');

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
  await migrateToLatest(database);
});
afterAll(async () => {
  await database.destroy();
  await testDb.drop();
});

function queueAt(clock: { now: number }, db = database): JobQueue {
  return createDbJobQueue({ database: db, logger, pollMs: 20, now: () => clock.now });
}

function recorder(name: string, slots: string[], fail = false): RecurringJob {
  return {
    name,
    everyMs: MINUTE,
    handler: async ({ slot }) => {
      slots.push(slot);
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw new Error('tick broke');
    },
  };
}

const rows = (name: string) => database.db.selectFrom('jobs').select(['status', 'run_at', 'dedupe_key']).where('name', '=', name).orderBy('run_at').execute();

describe('recurring jobs', () => {
  it('fires a slot once when two processes poll the same database, and chains the next slot', async () => {
    const clock = { now: T0 };
    const second = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
    const slots: string[] = [];
    const a = queueAt(clock);
    const b = queueAt(clock, second);
    a.every(recorder('tick', slots));
    b.every(recorder('tick', slots));
    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    expect(slots).toEqual(['2026-03-01T10:00:00.000Z']);
    expect((await rows('tick')).map((r) => [r.status, new Date(r.run_at).toISOString()])).toEqual([
      ['done', '2026-03-01T10:00:00.000Z'],
      ['queued', '2026-03-01T10:01:00.000Z'],
    ]);

    // Later in the same minute nothing new is due, in either process.
    clock.now = T0 + 20_000;
    await Promise.all([a.runDue(), b.runDue()]);
    expect(slots).toHaveLength(1);

    // The next minute fires once more.
    clock.now = T0 + MINUTE;
    await Promise.all([b.runDue(), a.runDue()]);
    expect(slots).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-01T10:01:00.000Z']);
    await a.stop();
    await b.stop();
    await second.destroy();
  });

  it('does not fire again after a restart within the same slot, and skips slots missed while down', async () => {
    const clock = { now: T0 };
    const slots: string[] = [];
    const first = queueAt(clock);
    first.every(recorder('restart', slots));
    await first.runDue();
    await first.stop();

    const again = queueAt(clock);
    again.every(recorder('restart', slots));
    await again.runDue();
    expect(slots).toEqual(['2026-03-01T10:00:00.000Z']);

    // Down for an hour: the one pending slot runs late and the chain resumes from now (both
    // due at once, so they may finish in either order); the 58 slots between are not replayed.
    clock.now = T0 + 60 * MINUTE;
    await again.runDue();
    expect([...slots].sort()).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-01T10:01:00.000Z', '2026-03-01T11:00:00.000Z']);
    const queued = (await rows('restart')).filter((r) => r.status === 'queued');
    expect(queued.map((r) => new Date(r.run_at).toISOString())).toEqual(['2026-03-01T11:01:00.000Z']);
    await again.stop();
  });

  it('keeps the chain going when a run fails', async () => {
    const clock = { now: T0 };
    const slots: string[] = [];
    const q = queueAt(clock);
    q.every(recorder('flaky-tick', slots, true));
    await q.runDue();
    clock.now = T0 + MINUTE;
    await q.runDue();
    expect(slots.filter((s) => s === '2026-03-01T10:01:00.000Z')).toHaveLength(1);
    expect((await rows('flaky-tick')).some((r) => r.status === 'queued' && new Date(r.run_at).toISOString() === '2026-03-01T10:02:00.000Z')).toBe(true);
    await q.stop();
  });

  it('stores a job with a dedupe key once', async () => {
    const q = queueAt({ now: Date.now() });
    const runs: string[] = [];
    q.register({ name: 'keyed', schema: z.object({}), handler: async (_p, c) => void runs.push(c.jobId) });
    const first = await q.enqueue('keyed', {}, { dedupeKey: 'k1' });
    const second = await q.enqueue('keyed', {}, { dedupeKey: 'k1' });
    expect(second).toBe(first);
    await q.runDue();
    expect(runs).toEqual([first]);
    await q.stop();
  });

  it('prunes finished jobs older than a week', async () => {
    const old = new Date(Date.now() - 8 * 86_400_000).toISOString();
    await database.db.updateTable('jobs').set({ finished_at: old }).where('name', '=', 'tick').where('status', '=', 'done').execute();
    await pruneJobs(database).handler({ slot: new Date().toISOString(), signal: new AbortController().signal });
    expect((await rows('tick')).map((r) => r.status)).toEqual(['queued']);
  });
});
