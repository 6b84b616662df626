import type { LoginInput } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { UsersTable } from '../db/schema.js';
import { burnVerifyTime, verifyPassword } from '../platform/auth/passwords.js';
import { assertUnderLimit, clearFailures, recordFailure, type Limit } from '../platform/auth/rate-limit.js';
import { AppError } from '../platform/errors.js';

const WINDOW_MS = 15 * 60_000;

/** 10 failures per 15 minutes per account and address answer 429 until the window moves on. */
export async function login(ctx: AppContext, input: LoginInput, meta: { ip: string }): Promise<UsersTable> {
  const limit: Limit = { key: `login:${input.email}:${meta.ip}`, max: 10, windowMs: WINDOW_MS };
  await assertUnderLimit(ctx.database, limit);
  const user = await ctx.database.db.selectFrom('users').selectAll().where('email', '=', input.email).executeTakeFirst();
  const ok = user ? await verifyPassword(user.password_hash, input.password) : (await burnVerifyTime(input.password), false);
  if (!user || !ok) {
    await recordFailure(ctx.database, limit);
    throw new AppError('invalid_credentials', 401, 'Wrong email or password');
  }
  await clearFailures(ctx.database, limit.key);
  ctx.events.emit('user.logged_in', { userId: user.id });
  return user;
}
