import type { FinanceAccount, ListedTransaction, TransactionPage } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { financeApi } from '../budgets/test-kit.js';

let t: TestApp;
let me: Session;
let other: Session;
let f: ReturnType<typeof financeApi>;
let checking: FinanceAccount;
let savings: FinanceAccount;

beforeAll(async () => {
  t = await createTestApp();
  f = financeApi(t);
  me = await signUp(t.app);
  other = await inviteAndSignUp(t.app, me);
  checking = await f.account(me, { name: 'Checking', openingBalance: 10_000 });
  savings = await f.account(me, { name: 'Savings', type: 'savings' });
});
afterAll(async () => t.close());

async function allPages(query: string, limit: number): Promise<ListedTransaction[]> {
  const out: ListedTransaction[] = [];
  let cursor: string | null = null;
  do {
    const page: TransactionPage = await f.ok<TransactionPage>(me, 'GET', `/api/v1/finance/transactions?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('running balance', () => {
  it('gives each row the balance after it, in list order, across cursor pages and filters', async () => {
    const dates = ['2026-02-03', '2026-02-01', '2026-02-03', '2026-01-15', '2026-02-03', '2026-03-01', '2026-01-15', '2026-02-10'];
    for (let i = 0; i < 24; i++) {
      await f.tx(me, { accountId: checking.id, date: dates[i % dates.length]!, amount: (i % 3 === 0 ? 1 : -1) * (100 + i * 37), payee: i % 2 ? 'Shop' : 'Market' });
    }
    await f.tx(me, { accountId: checking.id, date: '2026-02-03', amount: -5_000, payee: 'To savings', transferAccountId: savings.id });
    await f.tx(me, { accountId: checking.id, date: '2026-01-20', amount: -3_000, payee: 'Split', splits: [{ amount: -1_000 }, { amount: -2_000 }] });
    const gone = await f.tx(me, { accountId: checking.id, date: '2026-02-02', amount: -77_777, payee: 'Deleted' });
    await f.ok(me, 'DELETE', `/api/v1/finance/transactions/${gone.id}`);

    const listed = await allPages(`accountId=${checking.id}`, 7);
    expect(listed).toHaveLength(26);
    // Recomputed from the rows themselves: oldest first (date, then id = creation order), cumulative.
    const oldestFirst = [...listed].reverse();
    let balance = 10_000;
    for (const row of oldestFirst) {
      balance += row.amount;
      expect(row.runningBalance, `${row.date} ${row.payee}`).toBe(balance);
    }
    // The newest row's balance is the account's.
    const account = await f.ok<FinanceAccount>(me, 'GET', `/api/v1/finance/accounts/${checking.id}`);
    expect(listed[0]!.runningBalance).toBe(account.balance);
    // Rows on the same day follow creation order: each differs from the one listed below it by its amount.
    for (let i = 0; i < listed.length - 1; i++) expect(listed[i]!.runningBalance! - listed[i + 1]!.runningBalance!).toBe(listed[i]!.amount);

    // A filter hides rows but each shown row keeps the account's balance after it.
    const byId = new Map(listed.map((r) => [r.id, r.runningBalance]));
    const shops = await allPages(`accountId=${checking.id}&q=shop`, 4);
    expect(shops.length).toBeGreaterThan(5);
    for (const row of shops) expect(row.runningBalance).toBe(byId.get(row.id));

    // The other side of the transfer runs in its own account.
    const saved = await allPages(`accountId=${savings.id}`, 10);
    expect(saved.map((r) => r.runningBalance)).toEqual([5_000]);
  });

  it('is left out of lists not narrowed to one account', async () => {
    const page = await f.ok<TransactionPage>(me, 'GET', '/api/v1/finance/transactions?limit=5');
    expect(page.items.length).toBe(5);
    for (const row of page.items) expect(row.runningBalance).toBeUndefined();
    expect((await f.ok<TransactionPage>(other, 'GET', `/api/v1/finance/transactions?accountId=${checking.id}`)).items).toEqual([]);
  });
});
