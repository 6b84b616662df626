import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { createDbJobQueue } from './db-queue.js';
import { defineJob, type JobQueue } from './types.js';

let testDb: TestDatabase;
let database: Database;
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
  await migrateToLatest(database);
});
afterAll(async () => {
  await database.destroy();
  await testDb.drop();
});

function queue(db = database, lockMs?: number): JobQueue {
  return createDbJobQueue({ database: db, logger, pollMs: 20, ...(lockMs ? { lockMs } : {}) });
}

async function jobRow(id: string) {
  return database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('database job queue', () => {
  it('runs a job with its validated payload and marks it done', async () => {
    const seen: string[] = [];
    const q = queue();
    q.register(defineJob({ name: 'greet', schema: z.object({ who: z.string() }), handler: async (p) => void seen.push(p.who) }));
    const id = await q.enqueue('greet', { who: 'world' });
    expect(await q.runDue()).toBe(1);
    expect(seen).toEqual(['world']);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 1, last_error: null });
    await q.stop();
  });

  it('refuses a payload that does not match the schema at enqueue time', async () => {
    const q = queue();
    q.register(defineJob({ name: 'strict', schema: z.object({ n: z.number() }), handler: async () => undefined }));
    await expect(q.enqueue('strict', { n: 'one' })).rejects.toThrow();
    await expect(q.enqueue('unknown-job', {})).rejects.toThrow(/Unknown job/);
    await q.stop();
  });

  it('retries a failing job later, and fails it for good after maxAttempts', async () => {
    const q = queue();
    let calls = 0;
    q.register(
      defineJob({
        name: 'flaky',
        schema: z.object({}),
        maxAttempts: 2,
        handler: async () => {
          calls += 1;
          throw new Error(`boom ${calls}`);
        },
      }),
    );
    const id = await q.enqueue('flaky', {});
    await q.runDue();
    const afterFirst = await jobRow(id);
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1, last_error: 'boom 1' });
    expect(Date.parse(afterFirst.run_at)).toBeGreaterThan(Date.now());
    expect(await q.runDue()).toBe(0); // not due yet: backoff

    await database.db.updateTable('jobs').set({ run_at: new Date(Date.now() - 1).toISOString() }).where('id', '=', id).execute();
    await q.runDue();
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 2, last_error: 'boom 2' });
    expect(calls).toBe(2);
    await q.stop();
  });

  it('keeps jobs across a restart: a new process picks up what the old one queued', async () => {
    const before = queue();
    const def = defineJob({ name: 'persisted', schema: z.object({ n: z.number() }), handler: async () => undefined });
    before.register(def);
    const id = await before.enqueue('persisted', { n: 1 }, { runAt: new Date(Date.now() + 50) });
    await before.stop();

    const reopened = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
    const ran: number[] = [];
    const after = queue(reopened);
    after.register({ ...def, handler: async (p: { n: number }) => void ran.push(p.n) });
    await new Promise((r) => setTimeout(r, 60));
    await after.runDue();
    expect(ran).toEqual([1]);
    expect(await jobRow(id)).toMatchObject({ status: 'done' });
    await after.stop();
    await reopened.destroy();
  });

  it('claims again a job whose worker died holding it', async () => {
    const ran: string[] = [];
    const q = queue(database, 60_000);
    q.register(defineJob({ name: 'orphan', schema: z.object({}), handler: async (_p, c) => void ran.push(c.jobId) }));
    const id = await q.enqueue('orphan', {});
    // Simulate a worker that claimed it and crashed: running, lock expired.
    await database.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_by: 'dead-worker', locked_until: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    await q.runDue();
    expect(ran).toEqual([id]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2 });
    await q.stop();
  });

  it('runs each job exactly once when two workers poll the same database', async () => {
    const counts = new Map<number, number>();
    const def = defineJob({
      name: 'count',
      schema: z.object({ i: z.number() }),
      handler: async (p) => {
        counts.set(p.i, (counts.get(p.i) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 1));
      },
    });
    const second = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
    const a = queue();
    const b = queue(second);
    a.register(def);
    b.register(def);
    for (let i = 0; i < 60; i++) await a.enqueue('count', { i });
    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    expect(counts.size).toBe(60);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    await a.stop();
    await b.stop();
    await second.destroy();
  });

  it('runs due jobs by itself once started', async () => {
    const q = queue();
    const done = new Promise<string>((resolve) => {
      q.register(defineJob({ name: 'auto', schema: z.object({ v: z.string() }), handler: async (p) => resolve(p.v) }));
    });
    q.start();
    await q.enqueue('auto', { v: 'ran' });
    await expect(done).resolves.toBe('ran');
    await q.stop();
  });
});
