import type { CreatedToken, CreateTokenInput, TokenSummary } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { Actor } from '../platform/auth/actor.js';
import { errors } from '../platform/errors.js';
import { newId, newSecret, sha256 } from '../platform/ids.js';
import { presentToken } from './presenters.js';

export async function createToken(ctx: AppContext, actor: Actor, input: CreateTokenInput): Promise<CreatedToken> {
  const token = newSecret('atom_pat');
  const row = {
    id: newId(),
    user_id: actor.user.id,
    name: input.name,
    prefix: token.slice(0, 13),
    token_hash: sha256(token),
    created_at: new Date().toISOString(),
    last_used_at: null,
  };
  await ctx.database.db.insertInto('api_tokens').values(row).execute();
  ctx.events.emit('token.created', { userId: actor.user.id, tokenId: row.id });
  return { ...presentToken(row), token };
}

export async function listTokens(ctx: AppContext, actor: Actor): Promise<TokenSummary[]> {
  const rows = await ctx.database.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', actor.user.id)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(presentToken);
}

export async function revokeToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const res = await ctx.database.db
    .deleteFrom('api_tokens')
    .where('id', '=', id)
    .where('user_id', '=', actor.user.id)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw errors.notFound('Token');
  ctx.events.emit('token.revoked', { userId: actor.user.id, tokenId: id });
}
