import type { SignupInput } from '@atom/contracts';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { UsersTable } from '../db/schema.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { assertUnderLimit, recordFailure, type Limit } from '../platform/auth/rate-limit.js';
import { AppError, errors } from '../platform/errors.js';
import { newId, sha256 } from '../platform/ids.js';
import { effectiveSignupMode } from './signup-mode.js';

const WINDOW_MS = 15 * 60_000;

export async function signup(ctx: AppContext, input: SignupInput, meta: { ip: string }): Promise<UsersTable> {
  const limit: Limit = { key: `signup:${meta.ip}`, max: 10, windowMs: WINDOW_MS };
  await assertUnderLimit(ctx.database, limit);
  try {
    return await createAccount(ctx, input);
  } catch (err) {
    if (err instanceof AppError && err.status < 500) await recordFailure(ctx.database, limit);
    throw err;
  }
}

async function createAccount(ctx: AppContext, input: SignupInput): Promise<UsersTable> {
  // Hash outside the transaction: it is the slow part, and SQLite has one writer.
  const passwordHash = await hashPassword(input.password);
  const { db, dialect } = ctx.database;
  const user = await db.transaction().execute(async (trx) => {
    // Two simultaneous first sign-ups must not both become admin.
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('atom:signup'))`.execute(trx);
    const { mode, hasUsers } = await effectiveSignupMode({ ...ctx, database: { ...ctx.database, db: trx } });
    const now = new Date().toISOString();

    if (mode === 'closed') throw new AppError('signup_closed', 403, 'Sign-up is closed on this server');

    let inviteId: string | undefined;
    if (input.inviteToken) {
      const invite = await trx
        .selectFrom('invites')
        .select(['id', 'expires_at', 'used_at'])
        .where('token_hash', '=', sha256(input.inviteToken))
        .executeTakeFirst();
      if (!invite || invite.used_at !== null || invite.expires_at <= now) {
        throw new AppError('validation_failed', 400, 'This invitation link is invalid, used or expired', {
          inviteToken: 'is invalid, used or expired',
        });
      }
      inviteId = invite.id;
    } else if (mode === 'invite') {
      throw new AppError('invite_required', 403, 'Sign-up on this server is by invitation; ask the administrator for a link', {
        inviteToken: 'is required',
      });
    }
    const existing = await trx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (existing) throw errors.conflict('An account with this email already exists', { email: 'is already registered' });

    const row: UsersTable = {
      id: newId(),
      email: input.email,
      name: input.name,
      password_hash: passwordHash,
      role: hasUsers ? 'member' : 'admin',
      time_zone: input.timeZone ?? 'UTC',
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('users').values(row).execute();
    if (inviteId) {
      const used = await trx
        .updateTable('invites')
        .set({ used_at: now, used_by: row.id })
        .where('id', '=', inviteId)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) {
        throw new AppError('validation_failed', 400, 'This invitation link was just used', { inviteToken: 'was just used' });
      }
    }
    return row;
  });
  ctx.events.emit('user.signed_up', { userId: user.id, email: user.email, role: user.role });
  return user;
}
