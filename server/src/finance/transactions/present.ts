import type { Transaction } from '@atom/contracts';
import type { Codec } from '../../db/codec.js';
import type { FinanceTransactionSplitsTable, FinanceTransactionsTable } from '../../db/schema.js';
import { errors } from '../../platform/errors.js';
import type { Db } from '../queries.js';

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

/** A page of transactions with currencies, splits, tags and transfer sides: four queries, whatever the page size. */
export async function presentTransactions(db: Db, codec: Codec, userId: string, rows: FinanceTransactionsTable[]): Promise<Transaction[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const transferIds = rows.flatMap((r) => (r.transfer_id ? [r.transfer_id] : []));
  const [splits, tags, others] = await Promise.all([
    db.selectFrom('finance_transaction_splits').selectAll().where('user_id', '=', userId).where('transaction_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('finance_transaction_tags').select(['transaction_id', 'tag']).where('user_id', '=', userId).where('transaction_id', 'in', ids).orderBy('tag_key').execute(),
    transferIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('finance_transactions').select(['id', 'account_id', 'amount']).where('user_id', '=', userId).where('id', 'in', transferIds).execute(),
  ]);
  const accountIds = [...new Set([...rows.map((r) => r.account_id), ...others.map((o) => o.account_id)])];
  const accounts = await db.selectFrom('finance_accounts').select(['id', 'currency']).where('user_id', '=', userId).where('id', 'in', accountIds).execute();
  const currency = new Map(accounts.map((a) => [a.id, a.currency]));
  const otherById = new Map(others.map((o) => [o.id, o]));
  const splitsOf = groupBy(splits, (s) => s.transaction_id);
  const tagsOf = groupBy(tags, (t) => t.transaction_id);
  return rows.map((r) => {
    const other = r.transfer_id ? otherById.get(r.transfer_id) : undefined;
    return toTransaction(codec, r, currency.get(r.account_id)!, {
      tags: (tagsOf.get(r.id) ?? []).map((t) => t.tag),
      splits: splitsOf.get(r.id) ?? [],
      transfer: other ? { transactionId: other.id, accountId: other.account_id, amount: other.amount, currency: currency.get(other.account_id)! } : null,
    });
  });
}

type SplitRow = Pick<FinanceTransactionSplitsTable, 'id' | 'category_id' | 'amount' | 'notes'>;

function toTransaction(codec: Codec, r: FinanceTransactionsTable, currency: string, extra: { tags: string[]; splits: SplitRow[]; transfer: Transaction['transfer'] }): Transaction {
  return {
    id: r.id,
    accountId: r.account_id,
    date: r.date,
    payee: r.payee,
    amount: r.amount,
    currency,
    categoryId: r.category_id,
    notes: r.notes,
    cleared: r.cleared,
    pending: codec.bool.read(r.pending),
    tags: extra.tags,
    splits: extra.splits.map((s) => ({ id: s.id, categoryId: s.category_id, amount: s.amount, notes: s.notes })),
    transfer: extra.transfer,
    importedId: r.imported_id,
    importBatchId: r.import_batch_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Rows this request has just written (no transfer): presented without reading them back. */
export function presentWritten(
  codec: Codec,
  currency: string,
  rows: FinanceTransactionsTable[],
  splits: (SplitRow & { transaction_id: string })[],
  tags: { transaction_id: string; tag: string; tag_key: string }[],
): Transaction[] {
  const splitsOf = groupBy(splits, (s) => s.transaction_id);
  const tagsOf = groupBy([...tags].sort((a, b) => (a.tag_key < b.tag_key ? -1 : a.tag_key > b.tag_key ? 1 : 0)), (t) => t.transaction_id);
  return rows.map((r) => toTransaction(codec, r, currency, { tags: (tagsOf.get(r.id) ?? []).map((t) => t.tag), splits: splitsOf.get(r.id) ?? [], transfer: null }));
}

export async function getTransactionRow(db: Db, userId: string, id: string): Promise<FinanceTransactionsTable> {
  const row = await db.selectFrom('finance_transactions').selectAll().where('id', '=', id).where('user_id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw errors.notFound('Transaction');
  return row;
}
