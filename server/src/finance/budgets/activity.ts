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
}

interface Sums {
  category_id: string | null;
  account_id?: string;
  month?: string;
  day?: string;
  total: string | number | null;
  inflow: string | number | null;
}

function monthOf(dialect: Database['dialect'], column: string): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM')` : sql<string>`substr(${sql.ref(column)}, 1, 7)`;
}

const sums = (amount: string) => sql.raw(`sum(${amount}) as total, sum(case when ${amount} > 0 then ${amount} else 0 end) as inflow`);

/**
 * Sums per (category, currency, month[, day]) of plain rows and split parts; uncategorised
 * rows under a null category. The accounts are few and known, so the rows are filtered by
 * account id instead of joined with their accounts: one pass over one table (and, on
 * SQLite, over the report index alone).
 */
export async function sumActivity(database: Database, filter: ActivityFilter): Promise<RawRow[]> {
  const { db, dialect, codec } = database;
  const accounts = await db.selectFrom('finance_accounts').select(['id', 'currency']).where('user_id', '=', filter.userId).where('on_budget', '=', codec.bool.write(true)).execute();
  if (accounts.length === 0) return [];
  const currencyOf = new Map(accounts.map((a) => [a.id, a.currency]));
  const budgetIds = sql.join(accounts.map((a) => a.id));
  const range = sql.join([...(filter.from ? [sql`t.date >= ${filter.from}`] : []), ...(filter.to ? [sql`t.date <= ${filter.to}`] : []), sql`1 = 1`], sql` and `);
  const notInternal = sql`(t.transfer_id is null or not exists (select 1 from finance_transactions o where o.id = t.transfer_id and o.account_id in (${budgetIds})))`;
  const notSplit = codec.bool.write(false);
  const rangeMonth = (filter.from ?? '0000-01').slice(0, 7);
  const out: RawRow[] = [];

  // Base-currency accounts: summed per category (and month), no conversion needed.
  const baseIds = accounts.filter((a) => a.currency === filter.base).map((a) => a.id);
  if (baseIds.length > 0) {
    const ids = sql.join(baseIds);
    const byMonth = filter.bucket !== 'range';
    const month = byMonth ? sql`, ${monthOf(dialect, 't.date')} as month` : sql``;
    const groupBy = byMonth ? sql`group by 1, 2` : sql`group by 1`;
    const { rows } = await sql<Sums>`
      select t.category_id as category_id ${month}, ${sums('t.amount')}
      from finance_transactions t
      where t.user_id = ${filter.userId} and t.account_id in (${ids}) and t.is_split = ${notSplit} and t.deleted_at is null and ${notInternal} and ${range}
      ${groupBy}
      union all
      select s.category_id as category_id ${month}, ${sums('s.amount')}
      from finance_transaction_splits s join finance_transactions t on t.id = s.transaction_id
      where s.user_id = ${filter.userId} and t.account_id in (${ids}) and t.deleted_at is null and ${range}
      ${groupBy}`.execute(db);
    for (const r of rows) out.push({ category_id: r.category_id, currency: filter.base, month: r.month ?? rangeMonth, day: null, total: r.total, inflow: r.inflow });
  }

  // Foreign-currency accounts: per day, so each day's sum converts at that day's rate.
  const foreignIds = accounts.filter((a) => a.currency !== filter.base).map((a) => a.id);
  if (foreignIds.length > 0) {
    const ids = sql.join(foreignIds);
    const { rows } = await sql<Sums>`
      select t.category_id as category_id, t.account_id as account_id, t.date as day, ${sums('t.amount')}
      from finance_transactions t
      where t.user_id = ${filter.userId} and t.account_id in (${ids}) and t.is_split = ${notSplit} and t.deleted_at is null and ${notInternal} and ${range}
      group by 1, 2, 3
      union all
      select s.category_id as category_id, t.account_id as account_id, t.date as day, ${sums('s.amount')}
      from finance_transaction_splits s join finance_transactions t on t.id = s.transaction_id
      where s.user_id = ${filter.userId} and t.account_id in (${ids}) and t.deleted_at is null and ${range}
      group by 1, 2, 3`.execute(db);
    for (const r of rows) {
      const day = String(r.day);
      out.push({ category_id: r.category_id, currency: currencyOf.get(r.account_id!)!, month: filter.bucket === 'range' ? rangeMonth : day.slice(0, 7), day, total: r.total, inflow: r.inflow });
    }
  }
  return out;
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
