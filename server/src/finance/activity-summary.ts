/**
 * `finance_activity` (migration 0011): per user, account, day, category and transfer
 * counterpart, the sum, inflow and count of live transactions (split parts under their own
 * categories, split parents not at all). Budgets and reports read it instead of the
 * transactions: a three-year report over a million transactions sums ~80,000 rows.
 *
 * It is kept in the same database transaction as every write: a writer calls
 * `addActivity(trx, userId, ids, -1)` for the rows it is about to change (their current
 * contribution leaves) and `addActivity(trx, userId, ids, +1)` once they are written (their
 * new one enters). Because the contribution is computed from the rows themselves, one rule
 * serves every path: create, edit, delete, restore, import, undo, splits, transfers, rules.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- shared by the app (Kysely<DB>) and the migration (Kysely<unknown>)
type AnyDb = Kysely<any>;

const CHUNK = 500;

/** One row per transaction (or split part) as it counts in the summary. `where` filters `t`. */
export function activitySource(where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    select t.user_id as user_id, t.account_id as account_id, coalesce(t.category_id, '') as category_key,
      coalesce((select o.account_id from finance_transactions o where o.id = t.transfer_id), '') as counter_key, t.date as day, t.amount as amount
    from finance_transactions t
    where ${where} and t.deleted_at is null and t.is_split = false
    union all
    select t.user_id, t.account_id, coalesce(s.category_id, ''), '', t.date, s.amount
    from finance_transaction_splits s join finance_transactions t on t.id = s.transaction_id
    where ${where} and t.deleted_at is null and t.is_split = true`;
}

function upsert(source: RawBuilder<unknown>, sign: 1 | -1): RawBuilder<unknown> {
  const k = sql.raw(String(sign));
  return sql`
    insert into finance_activity (user_id, account_id, day, category_key, counter_key, total, inflow, n)
    select user_id, account_id, day, category_key, counter_key,
      ${k} * sum(amount), ${k} * sum(case when amount > 0 then amount else 0 end), ${k} * count(*)
    from (${source}) x
    where true
    group by user_id, account_id, day, category_key, counter_key
    on conflict (user_id, account_id, day, category_key, counter_key) do update set
      total = finance_activity.total + excluded.total,
      inflow = finance_activity.inflow + excluded.inflow,
      n = finance_activity.n + excluded.n`;
}

/** Adds (+1) or takes out (-1) the current contribution of these transactions. */
export async function addActivity(db: AnyDb, userId: string, ids: readonly (string | null | undefined)[], sign: 1 | -1): Promise<void> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = sql.join(unique.slice(i, i + CHUNK));
    await upsert(activitySource(sql`t.user_id = ${userId} and t.id in (${chunk})`), sign).execute(db);
  }
}

/** Adds (+1) or takes out (-1) the contribution of a whole import batch: one statement, through the batch index. */
export async function addBatchActivity(db: AnyDb, userId: string, batchId: string, sign: 1 | -1): Promise<void> {
  await upsert(activitySource(sql`t.user_id = ${userId} and t.import_batch_id = ${batchId}`), sign).execute(db);
}

/** Recomputes a user's summary (or everyone's) from the transactions: backfills and the bench seed. */
export async function rebuildActivity(db: AnyDb, userId?: string): Promise<void> {
  if (userId) await sql`delete from finance_activity where user_id = ${userId}`.execute(db);
  else await sql`delete from finance_activity`.execute(db);
  await upsert(activitySource(userId ? sql`t.user_id = ${userId}` : sql`1 = 1`), 1).execute(db);
}
