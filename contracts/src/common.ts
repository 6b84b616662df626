import { z } from 'zod';

export const IdParams = z.object({ id: z.string().min(1).max(64) });
export type IdParams = z.infer<typeof IdParams>;

export const Empty = z.object({}).strict();
