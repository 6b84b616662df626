import type { Transaction, UpdateTransactionInput } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { FinanceTransactionsTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { addActivity } from '../activity-summary.js';
import { getAccountRow, referencedAccount, referencedCategory, type Db } from '../queries.js';
import { farSideAmount } from './create-transaction.js';
import { checkSplits, searchKey, writeSplits, writeTags } from './parts.js';
import { getTransactionRow, presentTransactions } from './present.js';

/** The splits a changed amount would orphan: they must be re-sent with it. */
async function assertSplitsStillAddUp(db: Db, userId: string, row: FinanceTransactionsTable, amount: number, currency: string): Promise<void> {
  const parts = await db.selectFrom('finance_transaction_splits').select(['category_id', 'amount', 'notes']).where('user_id', '=', userId).where('transaction_id', '=', row.id).execute();
  await checkSplits(db, userId, parts.map((p) => ({ categoryId: p.category_id, amount: p.amount, notes: p.notes })), amount, currency);
}

/**
 * A reconciled transaction is part of a balance a statement confirmed: its amount, date
 * and account stay put unless the same request un-reconciles it. A transfer's far side
 * counts too, since editing one side moves the other.
 */
function assertReconciledUntouched(row: FinanceTransactionsTable, other: FinanceTransactionsTable | null, input: UpdateTransactionInput): void {
  const moves: [keyof UpdateTransactionInput, boolean][] = [
    ['amount', input.amount !== undefined && input.amount !== row.amount],
    ['date', input.date !== undefined && input.date !== row.date],
    ['accountId', input.accountId !== undefined && input.accountId !== row.account_id],
    ['transferAmount', input.transferAmount !== undefined && input.transferAmount !== other?.amount],
  ];
  const changed = moves.filter(([, moved]) => moved).map(([field]) => field);
  if (changed.length === 0) return;
  const selfLocked = row.cleared === 'reconciled' && (input.cleared === undefined || input.cleared === 'reconciled');
  const otherLocked = other?.cleared === 'reconciled' && changed.some((f) => f !== 'accountId');
  if (selfLocked || otherLocked) {
    const which = selfLocked ? 'This transaction is reconciled' : 'The other side of this transfer is reconciled';
    const problem = selfLocked ? 'cannot change on a reconciled transaction; set cleared to "cleared" in the same request to unlock it' : 'would change a reconciled transaction on the other account';
    throw errors.conflict(`${which}; change ${changed.join(', ')} only after un-reconciling it`, Object.fromEntries(changed.map((f) => [f, problem])));
  }
}

/**
 * Edits one transaction; for a transfer, the far side follows (its date, and its amount:
 * the opposite, or `transferAmount` across currencies) so the pair never disagrees.
 */
export async function updateTransaction(ctx: AppContext, actor: Actor, id: string, input: UpdateTransactionInput): Promise<Transaction> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  const { changed, previousDate } = await db.transaction().execute(async (trx) => {
    const row = await getTransactionRow(trx, userId, id);
    const account = await getAccountRow(trx, userId, row.account_id);
    const other = row.transfer_id ? await getTransactionRow(trx, userId, row.transfer_id) : null;

    assertReconciledUntouched(row, other, input);

    let accountId = row.account_id;
    if (input.accountId !== undefined && input.accountId !== row.account_id) {
      const target = await referencedAccount(trx, userId, input.accountId, 'accountId');
      if (target.currency !== account.currency) {
        throw errors.field('accountId', `must be a ${account.currency} account like the current one (the amount is in ${account.currency} minor units)`);
      }
      if (other && target.id === other.account_id) throw errors.field('accountId', 'is the other side of this transfer');
      accountId = target.id;
    }

    const amount = input.amount ?? row.amount;
    const wasSplit = codec.bool.read(row.is_split);
    const willBeSplit = input.splits === undefined ? wasSplit : input.splits !== null;
    if (willBeSplit && other) throw errors.field('splits', 'a transfer cannot be split');
    if (input.categoryId && willBeSplit) throw errors.field('categoryId', 'a split transaction takes its categories on the parts; send splits: null to unsplit');
    if (input.categoryId) await referencedCategory(trx, userId, input.categoryId, 'categoryId');
    if (input.splits) await checkSplits(trx, userId, input.splits, amount, account.currency);
    else if (wasSplit && input.splits === undefined && amount !== row.amount) await assertSplitsStillAddUp(trx, userId, row, amount, account.currency);

    let farAmount: number | null = null;
    if (other && (input.amount !== undefined || input.transferAmount !== undefined)) {
      const otherAccount = await getAccountRow(trx, userId, other.account_id);
      const amountChanged = input.amount !== undefined && input.amount !== row.amount;
      farAmount =
        otherAccount.currency !== account.currency && !amountChanged && input.transferAmount === undefined
          ? other.amount
          : farSideAmount(amount, account, otherAccount, input.transferAmount);
    } else if (!other && input.transferAmount !== undefined) {
      throw errors.field('transferAmount', 'this transaction is not a transfer');
    }

    const payee = input.payee ?? row.payee;
    const notes = input.notes ?? row.notes;
    const now = new Date().toISOString();
    // The summary: the pair's current contribution leaves now, the edited one enters below.
    const pair = [row.id, other?.id];
    await addActivity(trx, userId, pair, -1);
    await trx
      .updateTable('finance_transactions')
      .set({
        account_id: accountId,
        date: input.date ?? row.date,
        amount,
        payee,
        notes,
        search_key: searchKey(payee, notes),
        category_id: willBeSplit ? null : input.categoryId !== undefined ? input.categoryId : row.category_id,
        cleared: input.cleared ?? row.cleared,
        pending: input.pending !== undefined ? codec.bool.write(input.pending) : row.pending,
        is_split: codec.bool.write(willBeSplit),
        updated_at: now,
      })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .execute();
    const changed = [id];
    if (other && (input.date !== undefined || farAmount !== null)) {
      await trx
        .updateTable('finance_transactions')
        .set({ date: input.date ?? other.date, amount: farAmount ?? other.amount, updated_at: now })
        .where('id', '=', other.id)
        .where('user_id', '=', userId)
        .execute();
      changed.push(other.id);
    }
    if (input.splits !== undefined) await writeSplits(trx, userId, id, input.splits);
    if (input.tags !== undefined) await writeTags(trx, userId, id, input.tags);
    await addActivity(trx, userId, pair, 1);
    return { changed, previousDate: row.date };
  });
  const rows = await db.selectFrom('finance_transactions').selectAll().where('user_id', '=', userId).where('id', 'in', changed).execute();
  const presented = await presentTransactions(db, codec, userId, rows);
  const fields = Object.keys(input);
  for (const transaction of presented) ctx.events.emit('transaction.updated', { userId, transaction, changed: transaction.id === id ? fields : ['date', 'amount'], previousDate });
  return presented.find((t) => t.id === id)!;
}
