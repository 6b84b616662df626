import { sql } from 'kysely';
import type { Db } from '../queries.js';
import { sumToNumber } from '../queries.js';

interface Positioned {
  id: string;
  date: string;
  account_id: string;
}

/**
 * The account balance just after each listed transaction, in list order (date, then id:
 * UUIDv7 ids are creation order): the opening balance plus everything up to and including
 * it. Three queries whatever the page: the sum before the page's earliest row, then a running
 * sum over the rows from that row to the page's latest (rows a filter hid in between count
 * too, since the balance is the account's). Each page computes its own, so cursor pages
 * agree with each other.
 */
export async function runningBalances(db: Db, userId: string, accountId: string, openingBalance: number, page: Positioned[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const rows = page.filter((r) => r.account_id === accountId);
  if (rows.length === 0) return out;
  const key = (r: Positioned) => `${r.date}\u0000${r.id}`;
  const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  const live = sql`user_id = ${userId} and account_id = ${accountId} and deleted_at is null`;
  // Everything before the page's first row: whole days from the activity summary (a few
  // hundred rows however long the history), that day's earlier rows from the transactions.
  const { rows: days } = await sql<{ total: string | number | null }>`
    select sum(total) as total from finance_activity
    where user_id = ${userId} and account_id = ${accountId} and day < ${first.date}`.execute(db);
  const { rows: sameDay } = await sql<{ total: string | number | null }>`
    select sum(amount) as total from finance_transactions
    where ${live} and date = ${first.date} and id < ${first.id}`.execute(db);
  const base = openingBalance + sumToNumber(days[0]?.total ?? null) + sumToNumber(sameDay[0]?.total ?? null);
  const wanted = new Set(rows.map((r) => r.id));
  const { rows: running } = await sql<{ id: string; running: string | number | null }>`
    select id, sum(amount) over (order by date, id rows between unbounded preceding and current row) as running
    from finance_transactions
    where ${live} and (date, id) >= (${first.date}, ${first.id}) and (date, id) <= (${last.date}, ${last.id})
    order by date, id`.execute(db);
  for (const r of running) if (wanted.has(r.id)) out.set(r.id, base + sumToNumber(r.running));
  return out;
}
