import { z } from 'zod';
import { Email } from './auth.js';

export const CreateInviteInput = z
  .object({
    email: Email.optional().describe('Optional: who the invitation is meant for (informational)'),
  })
  .meta({ id: 'CreateInviteInput' });
export type CreateInviteInput = z.infer<typeof CreateInviteInput>;

export const Invite = z
  .object({
    id: z.string(),
    email: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    usedAt: z.string().nullable(),
  })
  .meta({ id: 'Invite' });
export type Invite = z.infer<typeof Invite>;

export const CreatedInvite = Invite.extend({
  token: z.string().describe('The invitation secret; shown once'),
  url: z.string().describe('Link to the sign-up page carrying the invitation'),
}).meta({ id: 'CreatedInvite' });
export type CreatedInvite = z.infer<typeof CreatedInvite>;

export const InviteList = z.object({ items: z.array(Invite) }).meta({ id: 'InviteList' });
export type InviteList = z.infer<typeof InviteList>;
