import type { BudgetMonth, FinanceAccount, SpendingReport, Transaction, TransactionPage } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { financeApi } from '../budgets/test-kit.js';
import { purgeDeletedTransactions } from './purge-deleted.js';

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
  checking = await f.account(me, { name: 'Checking', openingBalance: 100_000 });
  savings = await f.account(me, { name: 'Savings', type: 'savings' });
});
afterAll(async () => t.close());

const balance = async (id: string) => (await f.ok<FinanceAccount>(me, 'GET', `/api/v1/finance/accounts/${id}`)).balance;
const listed = async (accountId: string) => (await f.ok<TransactionPage>(me, 'GET', `/api/v1/finance/transactions?accountId=${accountId}&limit=500`)).items.map((x) => x.id);

describe('delete and restore', () => {
  it('brings a deleted split, tagged transaction back with the same id, and everything that read it agrees again', async () => {
    const g = await f.group(me, 'Home');
    const food = await f.category(me, g.id, 'Groceries');
    const home = await f.category(me, g.id, 'Household');
    const tx = await f.tx(me, {
      accountId: checking.id,
      date: '2026-05-10',
      amount: -6_000,
      payee: 'Market',
      tags: ['weekly', 'Cash'],
      splits: [
        { categoryId: food.id, amount: -4_000, notes: 'veg' },
        { categoryId: home.id, amount: -2_000 },
      ],
    });
    const spending = () => f.ok<SpendingReport>(me, 'GET', '/api/v1/finance/reports/spending?from=2026-05-01&to=2026-05-31');
    const budget = () => f.ok<BudgetMonth>(me, 'GET', '/api/v1/finance/budgets/2026-05');
    const reportBefore = await spending();
    const budgetBefore = await budget();
    expect(reportBefore.total).toBe(6_000);
    expect(await balance(checking.id)).toBe(94_000);

    await f.ok(me, 'DELETE', `/api/v1/finance/transactions/${tx.id}`);
    expect(await balance(checking.id)).toBe(100_000);
    expect(await listed(checking.id)).not.toContain(tx.id);
    expect((await f.api(me, 'GET', `/api/v1/finance/transactions/${tx.id}`)).status).toBe(404);
    expect((await f.api(me, 'PATCH', `/api/v1/finance/transactions/${tx.id}`, { payee: 'x' })).status).toBe(404);
    expect((await f.api(me, 'DELETE', `/api/v1/finance/transactions/${tx.id}`)).status).toBe(404);
    expect((await spending()).total).toBe(0);
    expect((await budget()).spent).toBe(budgetBefore.spent + 6_000);
    const csv = await f.api<string>(me, 'GET', `/api/v1/finance/transactions/export.csv?accountId=${checking.id}`);
    expect(csv.status).toBe(200);
    expect(csv.body).not.toContain(tx.id);

    // Someone else cannot restore it, nor learn that it exists.
    expect((await f.api(other, 'POST', `/api/v1/finance/transactions/${tx.id}/restore`)).status).toBe(404);
    expect((await f.api(me, 'POST', `/api/v1/finance/transactions/no-such-id/restore`)).status).toBe(404);

    const back = await f.ok<Transaction>(me, 'POST', `/api/v1/finance/transactions/${tx.id}/restore`);
    expect(back).toStrictEqual({ ...tx, updatedAt: back.updatedAt });
    expect(back.tags).toEqual(['Cash', 'weekly']);
    expect(back.splits.map((s) => [s.categoryId, s.amount, s.notes])).toEqual([
      [food.id, -4_000, 'veg'],
      [home.id, -2_000, ''],
    ]);
    expect(await balance(checking.id)).toBe(94_000);
    expect(await listed(checking.id)).toContain(tx.id);
    expect(await spending()).toStrictEqual(reportBefore);
    expect((await f.api<string>(me, 'GET', `/api/v1/finance/transactions/export.csv?accountId=${checking.id}`)).body).toContain(tx.id);
    expect((await budget()).spent).toBe(budgetBefore.spent);
    // A second Undo is harmless.
    expect((await f.ok<Transaction>(me, 'POST', `/api/v1/finance/transactions/${tx.id}/restore`)).id).toBe(tx.id);
    expect(await balance(checking.id)).toBe(94_000);
  });

  it('deletes and restores both sides of a transfer together, whichever side is named', async () => {
    const move = await f.tx(me, { accountId: checking.id, date: '2026-06-01', amount: -25_000, payee: 'To savings', transferAccountId: savings.id });
    const far = move.transfer!.transactionId;
    const before = [await balance(checking.id), await balance(savings.id)];
    await f.ok(me, 'DELETE', `/api/v1/finance/transactions/${far}`);
    expect([await balance(checking.id), await balance(savings.id)]).toEqual([before[0]! + 25_000, before[1]! - 25_000]);
    expect(await listed(savings.id)).not.toContain(far);
    const back = await f.ok<Transaction>(me, 'POST', `/api/v1/finance/transactions/${move.id}/restore`);
    expect(back.transfer).toStrictEqual(move.transfer);
    expect((await f.ok<Transaction>(me, 'GET', `/api/v1/finance/transactions/${far}`)).transfer?.transactionId).toBe(move.id);
    expect([await balance(checking.id), await balance(savings.id)]).toEqual(before);
  });

  it('announces a restored transaction as created, so budgets and live views see it again', async () => {
    const tx = await f.tx(me, { accountId: checking.id, date: '2026-07-01', amount: -100, payee: 'Kiosk' });
    await f.ok(me, 'DELETE', `/api/v1/finance/transactions/${tx.id}`);
    const seen: string[] = [];
    const off = t.ctx.events.on('transaction.created', (e) => void seen.push(e.payload.transaction.id));
    await f.ok(me, 'POST', `/api/v1/finance/transactions/${tx.id}/restore`);
    await t.ctx.events.drain();
    off();
    expect(seen).toEqual([tx.id]);
  });

  it('purges rows deleted over 30 days ago, and only those', async () => {
    const old = await f.tx(me, { accountId: checking.id, date: '2026-08-01', amount: -700, payee: 'Old', tags: ['gone'] });
    const recent = await f.tx(me, { accountId: checking.id, date: '2026-08-02', amount: -800, payee: 'Recent' });
    await f.ok(me, 'DELETE', `/api/v1/finance/transactions/${old.id}`);
    await f.ok(me, 'DELETE', `/api/v1/finance/transactions/${recent.id}`);
    const { db } = t.ctx.database;
    await db.updateTable('finance_transactions').set({ deleted_at: new Date(Date.now() - 31 * 86_400_000).toISOString() }).where('id', '=', old.id).execute();
    expect(await purgeDeletedTransactions(t.ctx, new Date())).toBe(1);
    expect((await f.api(me, 'POST', `/api/v1/finance/transactions/${old.id}/restore`)).status).toBe(404);
    expect(await db.selectFrom('finance_transaction_tags').select('tag').where('transaction_id', '=', old.id).execute()).toEqual([]);
    expect((await f.ok<Transaction>(me, 'POST', `/api/v1/finance/transactions/${recent.id}/restore`)).payee).toBe('Recent');
  });
});
