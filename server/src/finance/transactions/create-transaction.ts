import type { CreateTransactionInput, Transaction } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Codec } from '../../db/codec.js';
import type { FinanceAccountsTable, FinanceTransactionsTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError, errors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { addActivity } from '../activity-summary.js';
import { referencedAccount, referencedCategory, type Db } from '../queries.js';
import { checkSplits, searchKey, writeSplits, writeTags } from './parts.js';
import { presentTransactions } from './present.js';

/**
 * The amount on the far side of a transfer: the opposite in the same currency; across
 * currencies the caller must say what arrived (`transferAmount`), since only they know the rate paid.
 */
export function farSideAmount(amount: number, from: FinanceAccountsTable, to: FinanceAccountsTable, transferAmount: number | undefined): number {
  if (from.currency === to.currency) {
    if (transferAmount !== undefined && transferAmount !== -amount) {
      throw errors.field('transferAmount', `must be ${-amount} (the opposite of amount) between two ${from.currency} accounts, or left out`);
    }
    return 0 - amount; // never -0
  }
  if (transferAmount === undefined) {
    throw errors.field('transferAmount', `is required: ${from.currency} -> ${to.currency} needs the amount in ${to.currency} minor units on the other account`);
  }
  if (amount !== 0 && (transferAmount === 0 || Math.sign(transferAmount) === Math.sign(amount))) {
    throw errors.field('transferAmount', 'must have the opposite sign of amount (money leaves one account and arrives in the other)');
  }
  return transferAmount;
}

export function newTransactionRow(codec: Codec, userId: string, fields: Pick<FinanceTransactionsTable, 'account_id' | 'date' | 'amount'> & Partial<FinanceTransactionsTable>): FinanceTransactionsTable {
  const now = new Date().toISOString();
  const payee = fields.payee ?? '';
  const notes = fields.notes ?? '';
  return {
    id: newId(),
    user_id: userId,
    payee,
    category_id: null,
    notes,
    search_key: searchKey(payee, notes),
    cleared: 'uncleared',
    pending: codec.bool.write(false),
    imported_id: null,
    imported_payee: null,
    import_batch_id: null,
    transfer_id: null,
    is_split: codec.bool.write(false),
    scheduled_id: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    ...fields,
  };
}

/** Validates and inserts inside the caller's transaction; returns the rows written (one, or a transfer's two). */
export async function insertTransaction(db: Db, codec: Codec, userId: string, input: CreateTransactionInput): Promise<FinanceTransactionsTable[]> {
  const account = await referencedAccount(db, userId, input.accountId, 'accountId');
  const splits = input.splits ?? null;
  if (input.categoryId && splits) throw errors.field('categoryId', 'a split transaction takes its categories on the parts; leave categoryId out');
  if (input.categoryId) await referencedCategory(db, userId, input.categoryId, 'categoryId');
  if (splits) await checkSplits(db, userId, splits, input.amount, account.currency);
  if (input.transferAmount !== undefined && !input.transferAccountId) throw errors.field('transferAmount', 'only applies together with transferAccountId');

  const row = newTransactionRow(codec, userId, {
    account_id: account.id,
    date: input.date,
    amount: input.amount,
    payee: input.payee ?? '',
    notes: input.notes ?? '',
    category_id: input.categoryId ?? null,
    cleared: input.cleared ?? 'uncleared',
    pending: codec.bool.write(input.pending ?? false),
    imported_id: input.importedId ?? null,
    is_split: codec.bool.write(splits !== null),
  });
  const rows = [row];
  if (input.transferAccountId) {
    if (splits) throw errors.field('splits', 'a transfer cannot be split');
    if (input.transferAccountId === account.id) throw errors.field('transferAccountId', 'must be another account than accountId');
    const other = await referencedAccount(db, userId, input.transferAccountId, 'transferAccountId');
    const far = newTransactionRow(codec, userId, {
      account_id: other.id,
      date: input.date,
      amount: farSideAmount(input.amount, account, other, input.transferAmount),
      payee: input.payee ?? '',
      notes: input.notes ?? '',
    });
    row.transfer_id = far.id;
    far.transfer_id = row.id;
    rows.push(far);
  }
  await db.insertInto('finance_transactions').values(rows).execute();
  if (splits) await writeSplits(db, userId, row.id, splits);
  if (input.tags?.length) await writeTags(db, userId, row.id, input.tags);
  await addActivity(db, userId, rows.map((r) => r.id), 1);
  return rows;
}

export async function createTransaction(ctx: AppContext, actor: Actor, input: CreateTransactionInput): Promise<Transaction> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  const presented = await db.transaction().execute(async (trx) => presentTransactions(trx, codec, userId, await insertTransaction(trx, codec, userId, input)));
  for (const transaction of presented) ctx.events.emit('transaction.created', { userId, transaction });
  const first = presented[0];
  if (!first) throw new AppError('internal', 500, 'transaction not written');
  return first;
}
