import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../codec.js';
import type { Dialect } from '../database.js';

/**
 * A summary of transactions per user, account, day, category and transfer counterpart,
 * kept in step by every write (finance/activity-summary.ts), so budgets and reports sum
 * thousands of rows instead of millions. Filled here from the transactions already stored.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('finance_activity')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('finance_accounts.id').onDelete('cascade'))
    .addColumn('day', dialect === 'postgres' ? 'date' : 'text', (c) => c.notNull())
    // '' = uncategorised; no foreign key: deleting a category moves its sums to '' explicitly.
    .addColumn('category_key', 'text', (c) => c.notNull())
    // The account on the other side of a transfer, '' for none.
    .addColumn('counter_key', 'text', (c) => c.notNull())
    .addColumn('total', t.bigint, (c) => c.notNull())
    .addColumn('inflow', t.bigint, (c) => c.notNull())
    .addColumn('n', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('finance_activity_pk', ['user_id', 'account_id', 'day', 'category_key', 'counter_key'])
    .execute();
  await sql`
    insert into finance_activity (user_id, account_id, day, category_key, counter_key, total, inflow, n)
    select user_id, account_id, day, category_key, counter_key, sum(amount), sum(case when amount > 0 then amount else 0 end), count(*)
    from (
      select t.user_id as user_id, t.account_id as account_id, coalesce(t.category_id, '') as category_key,
        coalesce(o.account_id, '') as counter_key, t.date as day, t.amount as amount
      from finance_transactions t left join finance_transactions o on o.id = t.transfer_id
      where t.deleted_at is null and t.is_split = false
      union all
      select t.user_id, t.account_id, coalesce(s.category_id, ''), '', t.date, s.amount
      from finance_transaction_splits s join finance_transactions t on t.id = s.transaction_id
      where t.deleted_at is null and t.is_split = true
    ) x
    group by user_id, account_id, day, category_key, counter_key`.execute(db);
  // Budgets and reports no longer read the transactions by category: 0008's covering index only slows writes now.
  await db.schema.dropIndex('finance_transactions_report_idx').execute();
}
