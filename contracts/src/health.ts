import { z } from 'zod';

export const Liveness = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });

export const Readiness = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    database: z.object({ dialect: z.enum(['sqlite', 'postgres']), ok: z.boolean(), latencyMs: z.number() }),
    version: z.string(),
  })
  .meta({ id: 'Readiness' });
export type Readiness = z.infer<typeof Readiness>;
