import type { TransactionPage, TransactionQuery } from '@atom/contracts';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { AppContext } from '../../context.js';
import type { DB, FinanceTransactionsTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../queries.js';
import { presentTransactions } from './present.js';
import { runningBalances } from './running-balance.js';

type Q = SelectQueryBuilder<DB, 'finance_transactions', FinanceTransactionsTable>;
export type TransactionFilters = Omit<TransactionQuery, 'cursor' | 'limit'>;

function escapeLike(s: string): string {
  return s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === 2 && values.every((v) => typeof v === 'string') && /^\d{4}-\d{2}-\d{2}$/.test(values[0] as string)) {
      return values as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 400, 'cursor: not a cursor from this listing', { cursor: 'is not a cursor from this listing' });
}

/** Every filter of the list and the CSV export, scoped to the user. */
export function filteredTransactions(db: Db, userId: string, f: TransactionFilters): Q {
  let q: Q = db.selectFrom('finance_transactions').selectAll('finance_transactions').where('finance_transactions.user_id', '=', userId).where('finance_transactions.deleted_at', 'is', null);
  if (f.accountId) q = q.where('finance_transactions.account_id', '=', f.accountId);
  if (f.from) q = q.where('finance_transactions.date', '>=', f.from);
  if (f.to) q = q.where('finance_transactions.date', '<=', f.to);
  if (f.minAmount !== undefined) q = q.where('finance_transactions.amount', '>=', f.minAmount);
  if (f.maxAmount !== undefined) q = q.where('finance_transactions.amount', '<=', f.maxAmount);
  if (f.cleared) q = q.where('finance_transactions.cleared', '=', f.cleared);
  if (f.q?.trim()) q = q.where(sql<boolean>`finance_transactions.search_key like ${`%${escapeLike(f.q.trim())}%`} escape '\\'`);
  const categoryId = f.categoryId;
  if (categoryId) {
    q = q.where((eb) =>
      eb.or([
        eb('finance_transactions.category_id', '=', categoryId),
        eb.exists(
          eb
            .selectFrom('finance_transaction_splits as s')
            .select(sql`1`.as('one'))
            .whereRef('s.transaction_id', '=', 'finance_transactions.id')
            .where('s.user_id', '=', userId)
            .where('s.category_id', '=', categoryId),
        ),
      ]),
    );
  }
  const tag = f.tag;
  if (tag) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('finance_transaction_tags as t')
          .select(sql`1`.as('one'))
          .whereRef('t.transaction_id', '=', 'finance_transactions.id')
          .where('t.user_id', '=', userId)
          .where('t.tag_key', '=', tag.toLowerCase()),
      ),
    );
  }
  return q;
}

/** Newest first by (date, id); the cursor is the last row's pair, compared as one row value. */
export function afterCursor(q: Q, cursor: string | undefined): Q {
  if (!cursor) return q;
  const [date, id] = decodeCursor(cursor);
  return q.where(sql<boolean>`(finance_transactions.date, finance_transactions.id) < (${date}, ${id})`);
}

export function newestFirst(q: Q): Q {
  return q.orderBy('finance_transactions.date', 'desc').orderBy('finance_transactions.id', 'desc');
}

export async function listTransactions(ctx: AppContext, actor: Actor, query: TransactionQuery): Promise<TransactionPage> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  const rows = await newestFirst(afterCursor(filteredTransactions(db, userId, query), query.cursor))
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.date, last.id])).toString('base64url') : null;
  const items = await presentTransactions(db, codec, userId, page);
  if (!query.accountId) return { items, nextCursor };
  const account = await db.selectFrom('finance_accounts').select(['id', 'opening_balance']).where('id', '=', query.accountId).where('user_id', '=', userId).executeTakeFirst();
  if (!account) return { items, nextCursor };
  const balances = await runningBalances(db, userId, account.id, account.opening_balance, page);
  return { items: items.map((t) => ({ ...t, runningBalance: balances.get(t.id)! })), nextCursor };
}
