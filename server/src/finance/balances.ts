import { sql } from 'kysely';
import type { Db } from './queries.js';
import { sumToNumber } from './queries.js';

export interface Balances {
  total: number;
  cleared: number;
}

/** Sums of transactions per account (opening balances not included), in two aggregates of one scan. */
export async function transactionSums(db: Db, userId: string, accountIds: string[], upTo?: string): Promise<Map<string, Balances>> {
  const result = new Map<string, Balances>();
  if (accountIds.length === 0) return result;
  let q = db
    .selectFrom('finance_transactions')
    .select([
      'account_id',
      sql<string | number | null>`sum(amount)`.as('total'),
      sql<string | number | null>`sum(case when cleared <> 'uncleared' then amount else 0 end)`.as('cleared'),
    ])
    .where('user_id', '=', userId)
    .where('account_id', 'in', accountIds)
    .where('deleted_at', 'is', null);
  if (upTo) q = q.where('date', '<=', upTo);
  for (const row of await q.groupBy('account_id').execute()) {
    result.set(row.account_id, { total: sumToNumber(row.total), cleared: sumToNumber(row.cleared) });
  }
  return result;
}
