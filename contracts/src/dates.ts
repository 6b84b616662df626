import { z } from 'zod';

/** A calendar date without time or zone (all-day items, due dates). */
export const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date like 2026-03-31' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, { error: 'is not a real calendar date' });

/** An instant: ISO 8601 with an offset or Z; normalised to UTC. */
export const Instant = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    error: 'must be an ISO 8601 instant with a zone, like 2026-03-31T09:00:00Z',
  })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'is not a real instant' })
  .transform((s) => new Date(s).toISOString());

export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { error: 'must be an IANA time zone such as Europe/Berlin' },
  );
