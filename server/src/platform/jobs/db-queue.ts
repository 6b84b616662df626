import os from 'node:os';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { JobsTable } from '../../db/schema.js';
import { newId } from '../ids.js';
import { retryDelayMs } from './backoff.js';
import { defineJob, type EnqueueOptions, type JobDefinition, type JobQueue, type RecurringJob } from './types.js';

interface Options {
  database: Database;
  logger: Logger;
  pollMs?: number;
  concurrency?: number;
  lockMs?: number;
  /** The clock, in epoch milliseconds; tests pass a fixed one. */
  now?: () => number;
}

const SlotPayload = z.object({ slot: z.string() });

/**
 * Jobs as rows: they survive restarts, and several processes can share one PostgreSQL
 * (claims use FOR UPDATE SKIP LOCKED) or one SQLite file (a single writer makes the
 * claiming UPDATE atomic). A job whose worker died is claimed again once its lock expires.
 */
export function createDbJobQueue(opts: Options): JobQueue {
  const { database, logger } = opts;
  const { db, codec, dialect } = database;
  const pollMs = opts.pollMs ?? 1000;
  const concurrency = opts.concurrency ?? 4;
  const lockMs = opts.lockMs ?? 5 * 60_000;
  const clock = opts.now ?? Date.now;
  const recurring = new Map<string, RecurringJob>();
  const workerId = `${os.hostname()}:${process.pid}:${newId().slice(-8)}`;
  const definitions = new Map<string, JobDefinition>();
  const running = new Set<Promise<void>>();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let polling: Promise<number> | undefined;

  async function claim(limit: number): Promise<JobsTable[]> {
    if (limit <= 0 || definitions.size === 0) return [];
    const now = new Date(clock()).toISOString();
    const lockedUntil = new Date(clock() + lockMs).toISOString();
    const names = [...definitions.keys()];
    const due = db
      .selectFrom('jobs')
      .select('id')
      .where('name', 'in', names)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .limit(limit)
      .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked());
    return db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: workerId,
        locked_until: lockedUntil,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
  }

  async function finish(job: JobsTable, error: unknown) {
    const now = new Date().toISOString();
    if (error === undefined) {
      await db
        .updateTable('jobs')
        .set({ status: 'done', locked_by: null, locked_until: null, finished_at: now, updated_at: now, last_error: null })
        .where('id', '=', job.id)
        .execute();
      return;
    }
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    const exhausted = job.attempts >= job.max_attempts;
    logger.warn({ jobId: job.id, job: job.name, attempt: job.attempts, err: message, exhausted }, 'job failed');
    await db
      .updateTable('jobs')
      .set({
        status: exhausted ? 'failed' : 'queued',
        run_at: exhausted ? job.run_at : new Date(clock() + retryDelayMs(job.attempts)).toISOString(),
        locked_by: null,
        locked_until: null,
        last_error: message.slice(0, 2000),
        finished_at: exhausted ? now : null,
        updated_at: now,
      })
      .where('id', '=', job.id)
      .execute();
  }

  async function execute(job: JobsTable) {
    const def = definitions.get(job.name);
    try {
      if (!def) throw new Error(`No handler registered for job ${job.name}`);
      if (job.attempts > job.max_attempts) throw new Error('Gave up: the job outlived its lock too many times');
      const payload = def.schema.parse(codec.json.read(job.payload));
      await def.handler(payload, { jobId: job.id, attempt: job.attempts, signal: abort.signal });
      await finish(job, undefined);
    } catch (err) {
      await finish(job, err ?? new Error('unknown error'));
    }
  }

  async function poll(): Promise<number> {
    const jobs = await claim(concurrency - running.size);
    for (const job of jobs) {
      const p = execute(job).finally(() => running.delete(p));
      running.add(p);
    }
    return jobs.length;
  }

  function schedule(delay: number) {
    if (!started) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), delay);
  }

  async function tick() {
    if (polling) return;
    polling = poll();
    try {
      const n = await polling;
      schedule(n > 0 ? 0 : pollMs);
    } catch (err) {
      logger.error({ err }, 'job polling failed');
      schedule(pollMs * 5);
    } finally {
      polling = undefined;
    }
  }

  async function enqueue(name: string, payload: unknown, enqueueOpts: EnqueueOptions = {}): Promise<string> {
    const def = definitions.get(name);
    if (!def) throw new Error(`Unknown job ${name}`);
    const validPayload = def.schema.parse(payload);
    const now = new Date(clock()).toISOString();
    const runAt = enqueueOpts.runAt ?? new Date(clock());
    const inserted = await db
      .insertInto('jobs')
      .values({
        id: newId(),
        user_id: enqueueOpts.userId ?? null,
        name,
        payload: codec.json.write(validPayload),
        status: 'queued',
        attempts: 0,
        max_attempts: def.maxAttempts ?? 5,
        run_at: runAt.toISOString(),
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: now,
        updated_at: now,
        finished_at: null,
        dedupe_key: enqueueOpts.dedupeKey ?? null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await db.selectFrom('jobs').select('id').where('dedupe_key', '=', enqueueOpts.dedupeKey!).executeTakeFirstOrThrow();
      return existing.id;
    }
    if (runAt.getTime() <= clock()) schedule(0);
    return inserted.id;
  }

  const slotOf = (everyMs: number, at: number) => Math.floor(at / everyMs) * everyMs;

  function enqueueSlot(def: RecurringJob, slotMs: number): Promise<string> {
    const slot = new Date(slotMs).toISOString();
    return enqueue(def.name, { slot }, { runAt: new Date(slotMs), dedupeKey: `every:${def.name}@${slot}` });
  }

  /** Queues the current slot of every recurring job (stored once, whoever gets there first). */
  async function seedRecurring(): Promise<void> {
    for (const def of recurring.values()) await enqueueSlot(def, slotOf(def.everyMs, clock()));
  }

  return {
    register(def) {
      definitions.set(def.name, def);
    },
    enqueue,
    every(def) {
      if (!(def.everyMs >= 1000)) throw new Error(`Recurring job ${def.name}: everyMs must be at least 1000`);
      recurring.set(def.name, def);
      definitions.set(
        def.name,
        defineJob({
          name: def.name,
          schema: SlotPayload,
          maxAttempts: 3,
          handler: async ({ slot }, c) => {
            // The next slot is queued first, so a failing or crashing run never ends the chain;
            // after a long pause it is the next slot from now, not every missed one.
            await enqueueSlot(def, Math.max(Date.parse(slot) + def.everyMs, slotOf(def.everyMs, clock()) + def.everyMs));
            await def.handler({ slot, signal: c.signal });
          },
        }),
      );
    },
    start() {
      if (started) return;
      started = true;
      seedRecurring().then(
        () => schedule(0),
        (err: unknown) => {
          logger.error({ err }, 'could not queue recurring jobs');
          schedule(0);
        },
      );
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      if (polling) await polling.catch(() => undefined);
      await Promise.allSettled([...running]);
      abort.abort();
    },
    async runDue() {
      await seedRecurring();
      let total = 0;
      for (;;) {
        const n = await poll();
        await Promise.allSettled([...running]);
        total += n;
        if (n === 0) return total;
      }
    },
  };
}
