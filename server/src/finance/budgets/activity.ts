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

/**
 * Sums per (category, currency, month[, day]) from the activity summary
 * (`finance/activity-summary.ts`: split parts under their categories, uncategorised under
 * ''). The accounts are few and known, so rows are filtered by account id instead of joined;
 * a transfer whose other side is also on budget is left out by its counterpart key.
 */
export async function sumActivity(database: Database, filter: ActivityFilter): Promise<RawRow[]> {
  const { db, dialect, codec } = database;
  const accounts = await db.selectFrom('finance_accounts').select(['id', 'currency']).where('user_id', '=', filter.userId).where('on_budget', '=', codec.bool.write(true)).execute();
  if (accounts.length === 0) return [];
  const currencyOf = new Map(accounts.map((a) => [a.id, a.currency]));
  const budgetIds = sql.join(accounts.map((a) => a.id));
  const range = sql.join([...(filter.from ? [sql`a.day >= ${filter.from}`] : []), ...(filter.to ? [sql`a.day <= ${filter.to}`] : []), sql`1 = 1`], sql` and `);
  const notInternal = sql`(a.counter_key = '' or a.counter_key not in (${budgetIds}))`;
  const rangeMonth = (filter.from ?? '0000-01').slice(0, 7);
  const category = (key: string) => (key === '' ? null : key);
  const out: RawRow[] = [];

  // Base-currency accounts: summed per category (and month), no conversion needed.
  const baseIds = accounts.filter((a) => a.currency === filter.base).map((a) => a.id);
  if (baseIds.length > 0) {
    const ids = sql.join(baseIds);
    const byMonth = filter.bucket !== 'range';
    const month = byMonth ? sql`, ${monthOf(dialect, 'a.day')} as month` : sql``;
    const groupBy = byMonth ? sql`group by 1, 2` : sql`group by 1`;
    const { rows } = await sql<Sums>`
      select a.category_key as category_id ${month}, sum(a.total) as total, sum(a.inflow) as inflow
      from finance_activity a
      where a.user_id = ${filter.userId} and a.account_id in (${ids}) and ${notInternal} and ${range}
      ${groupBy}`.execute(db);
    for (const r of rows) out.push({ category_id: category(r.category_id ?? ''), currency: filter.base, month: r.month ?? rangeMonth, day: null, total: r.total, inflow: r.inflow });
  }

  // Foreign-currency accounts: per day, so each day's sum converts at that day's rate.
  const foreignIds = accounts.filter((a) => a.currency !== filter.base).map((a) => a.id);
  if (foreignIds.length > 0) {
    const ids = sql.join(foreignIds);
    const { rows } = await sql<Sums>`
      select a.category_key as category_id, a.account_id as account_id, a.day as day, sum(a.total) as total, sum(a.inflow) as inflow
      from finance_activity a
      where a.user_id = ${filter.userId} and a.account_id in (${ids}) and ${notInternal} and ${range}
      group by 1, 2, 3`.execute(db);
    for (const r of rows) {
      const day = String(r.day);
      out.push({ category_id: category(r.category_id ?? ''), currency: currencyOf.get(r.account_id!)!, month: filter.bucket === 'range' ? rangeMonth : day.slice(0, 7), day, total: r.total, inflow: r.inflow });
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
