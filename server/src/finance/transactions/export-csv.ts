import type { Transaction } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { toDecimalString } from '../money/index.js';
import { afterCursor, filteredTransactions, newestFirst, type TransactionFilters } from './list-transactions.js';
import { presentTransactions } from './present.js';

const HEADER = ['Date', 'Account', 'Payee', 'Category', 'Amount', 'Currency', 'Cleared', 'Pending', 'Notes', 'Tags', 'Transfer account', 'Transaction id'];
const CHUNK = 1000;

/** RFC 4180 quoting; text that a spreadsheet would run as a formula is defused with a leading quote. */
function cell(value: string, isText: boolean): string {
  const safe = isText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function line(values: [string, boolean][]): string {
  return values.map(([v, text]) => cell(v, text)).join(',');
}

/**
 * The filtered transactions as CSV, newest first. A split transaction is one line per part
 * (same id), so the Amount column always adds up to the account movement.
 */
export async function exportTransactionsCsv(ctx: AppContext, actor: Actor, filters: TransactionFilters): Promise<string> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  const [accounts, categories] = await Promise.all([
    db.selectFrom('finance_accounts').select(['id', 'name']).where('user_id', '=', userId).execute(),
    db.selectFrom('finance_categories').select(['id', 'name']).where('user_id', '=', userId).execute(),
  ]);
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));
  const categoryNames = new Map(categories.map((c) => [c.id, c.name]));
  const categoryName = (id: string | null) => (id ? (categoryNames.get(id) ?? '') : '');
  const out = [HEADER.join(',')];
  const push = (t: Transaction, category: string | null, amount: number, notes: string) =>
    out.push(
      line([
        [t.date, false],
        [accountName.get(t.accountId) ?? '', true],
        [t.payee, true],
        [categoryName(category), true],
        [toDecimalString(amount, t.currency), false],
        [t.currency, false],
        [t.cleared, false],
        [t.pending ? 'yes' : 'no', false],
        [notes, true],
        [t.tags.join(' '), true],
        [t.transfer ? (accountName.get(t.transfer.accountId) ?? '') : '', true],
        [t.id, false],
      ]),
    );
  let cursor: string | undefined;
  for (;;) {
    const rows = await newestFirst(afterCursor(filteredTransactions(db, userId, filters), cursor)).limit(CHUNK).execute();
    for (const t of await presentTransactions(db, codec, userId, rows)) {
      if (t.splits.length === 0) push(t, t.categoryId, t.amount, t.notes);
      else for (const s of t.splits) push(t, s.categoryId, s.amount, s.notes || t.notes);
    }
    const last = rows.at(-1);
    if (rows.length < CHUNK || !last) break;
    cursor = Buffer.from(JSON.stringify([last.date, last.id])).toString('base64url');
  }
  return `${out.join('\r\n')}\r\n`;
}
