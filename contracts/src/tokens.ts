import { z } from 'zod';

export const CreateTokenInput = z
  .object({
    name: z.string().trim().min(1, { error: 'is required' }).max(100),
  })
  .meta({ id: 'CreateTokenInput' });
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const TokenSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to recognise it'),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'TokenSummary' });
export type TokenSummary = z.infer<typeof TokenSummary>;

export const CreatedToken = TokenSummary.extend({
  token: z.string().describe('The secret; shown once, never again'),
}).meta({ id: 'CreatedToken' });
export type CreatedToken = z.infer<typeof CreatedToken>;

export const TokenList = z.object({ items: z.array(TokenSummary) }).meta({ id: 'TokenList' });
export type TokenList = z.infer<typeof TokenList>;
