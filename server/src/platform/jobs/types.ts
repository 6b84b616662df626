import type { z } from 'zod';

export interface JobContext {
  jobId: string;
  attempt: number;
  signal: AbortSignal;
}

/** A job is a name, a zod payload schema and a handler; the queue behind it is configuration. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  handler(payload: z.infer<S>, ctx: JobContext): Promise<void>;
  /** Attempts before the job is marked failed. Default 5. */
  maxAttempts?: number;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

export interface EnqueueOptions {
  /** Run no earlier than this instant. */
  runAt?: Date;
  userId?: string | null;
  /** At most one job is ever stored per key: enqueueing it again returns the existing job's id. */
  dedupeKey?: string;
}

/**
 * Work that recurs every `everyMs`, aligned to multiples of it since the epoch ("slots").
 * Each slot runs once however many processes share the database: the slot is a job with a
 * unique dedupe key. Missed slots (everything was down) are not replayed one by one.
 */
export interface RecurringJob {
  name: string;
  everyMs: number;
  handler(run: { slot: string; signal: AbortSignal }): Promise<void>;
}

export interface JobQueue {
  register(def: JobDefinition): void;
  enqueue(name: string, payload: unknown, opts?: EnqueueOptions): Promise<string>;
  /** Registers recurring work; its current slot is queued on start() and runDue(). */
  every(def: RecurringJob): void;
  /** Begin polling and running due jobs. */
  start(): void;
  /** Stop taking jobs and wait for running ones to finish. */
  stop(): Promise<void>;
  /** Claim and run every job due now; resolves when they have settled. For tests and the CLI. */
  runDue(): Promise<number>;
}
