import type { Kysely } from 'kysely';
import type { DB, FinanceAccountsTable, FinanceCategoriesTable } from '../db/schema.js';
import { errors } from '../platform/errors.js';
import { isCurrency } from './money/index.js';

export type Db = Kysely<DB>;

/** An account the caller addresses in the path: someone else's is as absent as a missing one. */
export async function getAccountRow(db: Db, userId: string, id: string): Promise<FinanceAccountsTable> {
  const row = await db.selectFrom('finance_accounts').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.notFound('Account');
  return row;
}

/** An account named in a body field: a missing one is that field's problem (400), not a 404. */
export async function referencedAccount(db: Db, userId: string, id: string, field: string): Promise<FinanceAccountsTable> {
  const row = await db.selectFrom('finance_accounts').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.field(field, 'no such account');
  return row;
}

export async function referencedCategory(db: Db, userId: string, id: string, field: string): Promise<FinanceCategoriesTable> {
  const row = await db.selectFrom('finance_categories').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!row) throw errors.field(field, 'no such category');
  return row;
}

export function assertCurrency(code: string, field: string): void {
  if (!isCurrency(code)) throw errors.field(field, `${code} is not an ISO 4217 currency code`);
}

/** SUM over bigint is numeric on PostgreSQL and arrives as a string; integers either way. */
export function sumToNumber(v: string | number | bigint | null): number {
  if (v === null) return 0;
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`sum ${v} is not a safe integer`);
  return n;
}
