import { z } from 'zod';

/** Every error the API returns has this one shape. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. validation_failed'),
      message: z.string().describe('Human-readable, safe to show to a user'),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .describe('Per-field problems, keyed by the field path (e.g. "email" or "items.0.name")'),
    }),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBody>;
