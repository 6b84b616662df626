import type { SplitInput } from '@atom/contracts';
import { newId } from '../../platform/ids.js';
import { errors } from '../../platform/errors.js';
import { toDecimalString } from '../money/index.js';
import { referencedCategory, type Db } from '../queries.js';

/** Split parts must add up to the transaction exactly; categories must be the user's. */
export async function checkSplits(db: Db, userId: string, splits: SplitInput[], amount: number, currency: string): Promise<void> {
  const total = splits.reduce((sum, s) => sum + s.amount, 0);
  if (total !== amount) {
    const money = (minor: number) => `${toDecimalString(minor, currency)} ${currency}`;
    throw errors.field('splits', `the parts add up to ${money(total)} but the transaction amount is ${money(amount)}`);
  }
  for (const [i, s] of splits.entries()) {
    if (s.categoryId) await referencedCategory(db, userId, s.categoryId, `splits.${i}.categoryId`);
  }
}

export async function writeSplits(db: Db, userId: string, transactionId: string, splits: SplitInput[] | null): Promise<void> {
  await db.deleteFrom('finance_transaction_splits').where('user_id', '=', userId).where('transaction_id', '=', transactionId).execute();
  if (!splits || splits.length === 0) return;
  await db
    .insertInto('finance_transaction_splits')
    .values(splits.map((s, position) => ({ id: newId(), user_id: userId, transaction_id: transactionId, category_id: s.categoryId ?? null, amount: s.amount, notes: s.notes ?? '', position })))
    .execute();
}

/** Tags are plain names; the first spelling of a name wins within one transaction. */
export async function writeTags(db: Db, userId: string, transactionId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('finance_transaction_tags').where('user_id', '=', userId).where('transaction_id', '=', transactionId).execute();
  const byKey = new Map<string, string>();
  for (const t of tags) if (!byKey.has(t.toLowerCase())) byKey.set(t.toLowerCase(), t);
  if (byKey.size === 0) return;
  await db
    .insertInto('finance_transaction_tags')
    .values([...byKey].map(([tag_key, tag]) => ({ transaction_id: transactionId, user_id: userId, tag, tag_key })))
    .execute();
}

export function searchKey(payee: string, notes: string): string {
  return `${payee}\n${notes}`.toLowerCase();
}
