import type { ChangePasswordInput, UpdateProfileInput } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { UsersTable } from '../db/schema.js';
import type { Actor } from '../platform/auth/actor.js';
import { hashPassword, verifyPassword } from '../platform/auth/passwords.js';
import { AppError, errors } from '../platform/errors.js';

async function loadUser(ctx: AppContext, actor: Actor): Promise<UsersTable> {
  const user = await ctx.database.db.selectFrom('users').selectAll().where('id', '=', actor.user.id).executeTakeFirst();
  if (!user) throw errors.notFound('User');
  return user;
}

export async function updateProfile(ctx: AppContext, actor: Actor, input: UpdateProfileInput): Promise<UsersTable> {
  if (input.name !== undefined || input.timeZone !== undefined) {
    await ctx.database.db
      .updateTable('users')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', actor.user.id)
      .execute();
  }
  return loadUser(ctx, actor);
}

/** Changing the password signs out every other session: a leaked session dies with the old password. */
export async function changePassword(ctx: AppContext, actor: Actor, input: ChangePasswordInput): Promise<void> {
  const user = await loadUser(ctx, actor);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('validation_failed', 400, 'The current password is wrong', { currentPassword: 'is wrong' });
  }
  const hash = await hashPassword(input.newPassword);
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, updated_at: new Date().toISOString() }).where('id', '=', user.id).execute();
    let others = trx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (actor.sessionId) others = others.where('id', '!=', actor.sessionId);
    await others.execute();
  });
}
