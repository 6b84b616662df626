import type { SignupMode } from '@atom/contracts';
import type { AppContext } from '../context.js';

export async function hasUsers(ctx: AppContext): Promise<boolean> {
  const row = await ctx.database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * ATOM_SIGNUP wins when set; unset means open until the first account exists, then invite,
 * so a public instance is never left open to strangers. The first account can always be
 * created (it becomes the admin); otherwise an instance could never be set up.
 */
export async function effectiveSignupMode(ctx: AppContext): Promise<{ mode: SignupMode; hasUsers: boolean }> {
  const any = await hasUsers(ctx);
  if (!any) return { mode: 'open', hasUsers: false };
  return { mode: ctx.config.signup ?? 'invite', hasUsers: true };
}
