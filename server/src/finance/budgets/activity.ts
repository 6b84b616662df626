import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../db/database.js';
import type { RateBook } from '../rates/rate-book.js';
import { sumToNumber } from '../queries.js';

/**
 * The aggregates every budget and report is built from, summed in the database: per
 * category (or uncategorised), account currency and month. Amounts in a foreign-currency
 * account are also grouped by day, so each day's sum converts at that day's rate; amounts
 * already in the base currency are summed over the whole month.
 *
 * Scope: accounts on budget. A transfer between two budget accounts moves money without
 * spending it and is left out; a transfer to an account off budget (a loan, an
 * investment) counts, under whatever category it carries.
 */
export interface ActivityFilter {
  userId: string;
  base: string;
  from?: string | undefined;
  to?: string | undefined;
  /** 'range' sums a base-currency category over the whole range at once (reports that need no months). */
  bucket?: 'month' | 'range';
}

export interface ActivityRow {
  categoryId: string | null;
  month: string;
  /** In base-currency minor units; null when a rate was missing (the book records it). */
  amount: number;
  inflow: number;
  outflow: number;
}

interface RawRow {
  category_id: string | null;
  currency: string;
  month: string;
  day: string | null;
  total: string | number | null;
  inflow: string | number | null;
  outflow: string | number | null;
}

function monthOf(dialect: Database['dialect'], column: string): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')` : sql<string>`substr(${sql.ref(column)}, 1, 7)`;
}

/** Sums per (category, currency, month[, day]) of plain rows and split parts; uncategorised rows under a null category. */
export async function sumActivity(database: Database, filter: ActivityFilter): Promise<RawRow[]> {
  const { db, dialect, codec } = database;
  const onBudget = codec.bool.write(true);
  const notSplit = codec.bool.write(false);
  const whole = filter.bucket === 'range';
  const month = whole ? sql<string>`${sql.lit((filter.from ?? '0000-01').slice(0, 7))}` : monthOf(dialect, 't.date');
  const groupBy = whole ? sql`group by 1, 2, 4` : sql`group by 1, 2, 3, 4`;
  const day = sql`case when a.currency = ${filter.base} then null else t.date end`;
  const range = sql.join(
    [
      ...(filter.from ? [sql`t.date >= ${filter.from}`] : []),
      ...(filter.to ? [sql`t.date <= ${filter.to}`] : []),
      sql`1 = 1`,
    ],
    sql` and `,
  );
  const budgetOnly = sql`a.on_budget = ${onBudget} and (t.transfer_id is null or not exists (
      select 1 from finance_transactions o join finance_accounts oa on oa.id = o.account_id
      where o.id = t.transfer_id and oa.on_budget = ${onBudget}))`;
  const sums = (amount: string) =>
    sql.raw(`sum(${amount}) as total, sum(case when ${amount} > 0 then ${amount} else 0 end) as inflow, sum(case when ${amount} < 0 then ${amount} else 0 end) as outflow`);
  const result = await sql<RawRow>`
    select t.category_id as category_id, a.currency as currency, ${month} as month, ${day} as day, ${sums('t.amount')}
    from finance_transactions t join finance_accounts a on a.id = t.account_id
    where t.user_id = ${filter.userId} and t.is_split = ${notSplit} and ${budgetOnly} and ${range}
    ${groupBy}
    union all
    select s.category_id as category_id, a.currency as currency, ${month} as month, ${day} as day, ${sums('s.amount')}
    from finance_transaction_splits s
      join finance_transactions t on t.id = s.transaction_id
      join finance_accounts a on a.id = t.account_id
    where s.user_id = ${filter.userId} and ${budgetOnly} and ${range}
    ${groupBy}`.execute(db);
  return result.rows;
}

/** The database sums converted into the base currency (a row with no rate is dropped, and noted in the book). */
export async function categoryActivity(database: Database, book: RateBook, filter: ActivityFilter): Promise<ActivityRow[]> {
  const rows = await sumActivity(database, filter);
  const out: ActivityRow[] = [];
  for (const r of rows) {
    const date = r.day ?? `${r.month}-01`;
    const amount = book.convert(sumToNumber(r.total), r.currency, date);
    if (amount === null) continue;
    const inflow = book.convert(sumToNumber(r.inflow), r.currency, date) ?? 0;
    out.push({ categoryId: r.category_id, month: r.month, amount, inflow, outflow: amount - inflow });
  }
  return out;
}
