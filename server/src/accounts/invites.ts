import type { CreatedInvite, CreateInviteInput, Invite } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { Actor } from '../platform/auth/actor.js';
import { errors } from '../platform/errors.js';
import { newId, newSecret, sha256 } from '../platform/ids.js';
import { presentInvite } from './presenters.js';

const INVITE_TTL_MS = 7 * 24 * 3600_000;

export async function createInvite(ctx: AppContext, actor: Actor, input: CreateInviteInput): Promise<CreatedInvite> {
  if (ctx.config.signup === 'closed') {
    throw errors.conflict('Sign-up is closed on this server (ATOM_SIGNUP=closed), so an invitation could not be used');
  }
  const token = newSecret('atom_inv');
  const now = new Date();
  const row = {
    id: newId(),
    user_id: actor.user.id,
    email: input.email ?? null,
    token_hash: sha256(token),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + INVITE_TTL_MS).toISOString(),
    used_at: null,
    used_by: null,
  };
  await ctx.database.db.insertInto('invites').values(row).execute();
  ctx.events.emit('invite.created', { userId: actor.user.id, inviteId: row.id });
  const url = `${ctx.config.publicUrl}/signup?invite=${encodeURIComponent(token)}`;
  return { ...presentInvite(row), token, url };
}

export async function listInvites(ctx: AppContext, actor: Actor): Promise<Invite[]> {
  const rows = await ctx.database.db
    .selectFrom('invites')
    .selectAll()
    .where('user_id', '=', actor.user.id)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(presentInvite);
}

export async function revokeInvite(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const res = await ctx.database.db
    .deleteFrom('invites')
    .where('id', '=', id)
    .where('user_id', '=', actor.user.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw errors.notFound('Invitation');
}
