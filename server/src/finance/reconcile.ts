import type { ReconcileInput, ReconcileResult } from '@atom/contracts';
import type { AppContext } from '../context.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError } from '../platform/errors.js';
import { zonedDate } from '../platform/time/zone.js';
import { presentAccount } from './accounts.js';
import { transactionSums } from './balances.js';
import { toDecimalString } from './money/index.js';
import { getAccountRow } from './queries.js';

/**
 * Compares the cleared balance up to the statement date with the statement; when they
 * agree, every cleared transaction up to that date becomes reconciled (locked in).
 */
export async function reconcileAccount(ctx: AppContext, actor: Actor, accountId: string, input: ReconcileInput): Promise<ReconcileResult> {
  const userId = actor.user.id;
  const statementDate = input.statementDate ?? zonedDate(new Date(), actor.user.time_zone);
  const { account, count } = await ctx.database.db.transaction().execute(async (trx) => {
    const account = await getAccountRow(trx, userId, accountId);
    const sums = await transactionSums(trx, userId, [accountId], statementDate);
    const cleared = account.opening_balance + (sums.get(accountId)?.cleared ?? 0);
    if (cleared !== input.statementBalance) {
      const money = (minor: number) => `${toDecimalString(minor, account.currency)} ${account.currency}`;
      const difference = input.statementBalance - cleared;
      throw new AppError(
        'conflict',
        409,
        `The cleared balance on ${statementDate} is ${money(cleared)} but the statement says ${money(input.statementBalance)} (difference ${money(difference)}); nothing was reconciled`,
        { statementBalance: `differs from the cleared balance ${cleared} by ${difference} (minor units of ${account.currency})` },
      );
    }
    const result = await trx
      .updateTable('finance_transactions')
      .set({ cleared: 'reconciled', updated_at: new Date().toISOString() })
      .where('user_id', '=', userId)
      .where('account_id', '=', accountId)
      .where('cleared', '=', 'cleared')
      .where('deleted_at', 'is', null)
      .where('date', '<=', statementDate)
      .executeTakeFirst();
    return { account, count: Number(result.numUpdatedRows) };
  });
  return { account: await presentAccount(ctx, userId, account), reconciledCount: count };
}
