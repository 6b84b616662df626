import type { BudgetVsActualReport, CashflowReport, FinanceAccount, FinanceCategory, NetWorthReport, SpendingReport } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { financeApi, type ErrorResponse } from '../budgets/test-kit.js';

let t: TestApp;
let me: Session;
let other: Session;
let f: ReturnType<typeof financeApi>;
let checking: FinanceAccount;
let euro: FinanceAccount;
let loan: FinanceAccount;
const cat: Record<string, FinanceCategory> = {};

beforeAll(async () => {
  t = await createTestApp();
  f = financeApi(t);
  me = await signUp(t.app);
  other = await inviteAndSignUp(t.app, me);
  checking = await f.account(me, { name: 'Checking', openingBalance: 100_000 });
  euro = await f.account(me, { name: 'Euro', currency: 'EUR', openingBalance: 50_000 });
  loan = await f.account(me, { name: 'Loan', type: 'loan', openingBalance: -300_000 });
  await f.account(me, { name: 'Pounds', currency: 'GBP', openingBalance: 1_000, openingDate: '2026-02-01', onBudget: false });
  const income = await f.group(me, 'Income', true);
  const living = await f.group(me, 'Living');
  cat.salary = await f.category(me, income.id, 'Salary');
  cat.rent = await f.category(me, living.id, 'Rent');
  cat.food = await f.category(me, living.id, 'Food');
  expect((await f.api(me, 'POST', '/api/v1/finance/rates/import', 'date,base,quote,rate\n2026-01-01,EUR,USD,1.10\n2026-02-01,EUR,USD,1.20\n', 'text/csv')).status).toBe(200);
  const tx = (input: Record<string, unknown>) => f.tx(me, { accountId: checking.id, ...input });
  await tx({ date: '2026-01-01', amount: 300_000, categoryId: cat.salary.id, payee: 'Employer' });
  await tx({ date: '2026-01-02', amount: -100_000, categoryId: cat.rent.id, payee: 'Landlord' });
  await tx({ date: '2026-01-03', amount: -30_000, payee: 'Mixed', splits: [{ categoryId: cat.food.id, amount: -20_000 }, { categoryId: cat.rent.id, amount: -10_000 }] });
  await f.tx(me, { accountId: euro.id, date: '2026-01-15', amount: -10_000, categoryId: cat.food.id, payee: 'Marché' });
  await tx({ date: '2026-01-16', amount: -5_000, payee: 'Cash' });
  await tx({ date: '2026-01-20', amount: -11_000, payee: 'To euros', transferAccountId: euro.id, transferAmount: 10_000 });
  await tx({ date: '2026-02-01', amount: 300_000, categoryId: cat.salary.id, payee: 'Employer' });
  await tx({ date: '2026-02-05', amount: -40_000, categoryId: cat.food.id, payee: 'Grocer' });
  await tx({ date: '2026-02-10', amount: -20_000, payee: 'Loan payment', transferAccountId: loan.id });
});
afterAll(async () => t.close());

const report = <T>(path: string) => f.ok<T>(me, 'GET', `/api/v1/finance/reports/${path}`);

describe('reports', () => {
  it('spending by category and by group, converting foreign amounts and naming the rate', async () => {
    const byCategory = await report<SpendingReport>('spending?from=2026-01-01&to=2026-02-28');
    expect(byCategory.items.map((i) => [i.name, i.spent])).toEqual([['Rent', 110_000], ['Food', 71_000], ['Uncategorised', 25_000]]);
    expect(byCategory).toMatchObject({ total: 206_000, baseCurrency: 'USD', ratesUsed: [{ base: 'EUR', quote: 'USD', date: '2026-01-01', rate: '1.10' }], missingRates: [] });
    const byGroup = await report<SpendingReport>('spending?from=2026-01-01&to=2026-02-28&groupBy=group');
    expect(byGroup.items.map((i) => [i.name, i.spent])).toEqual([['Living', 181_000], ['Uncategorised', 25_000]]);
    const february = await report<SpendingReport>('spending?from=2026-02-01&to=2026-02-28');
    expect(february.items.map((i) => [i.name, i.spent])).toEqual([['Food', 40_000], ['Uncategorised', 20_000]]);
    expect(february.ratesUsed).toEqual([]);
  });

  it('cash flow by month', async () => {
    const flow = await report<CashflowReport>('cashflow?from=2026-01-01&to=2026-03-31');
    expect(flow.months).toEqual([
      { month: '2026-01', income: 300_000, expense: 146_000, net: 154_000 },
      { month: '2026-02', income: 300_000, expense: 60_000, net: 240_000 },
      { month: '2026-03', income: 0, expense: 0, net: 0 },
    ]);
  });

  it('net worth at month ends across currencies, with the rates used and the ones missing', async () => {
    const worth = await report<NetWorthReport>('networth?from=2026-01-01&to=2026-02-15&interval=month');
    expect(worth.points.map((p) => [p.date, p.total])).toEqual([['2026-01-31', 9_000], ['2026-02-15', 274_000]]);
    const feb = worth.points[1]!.accounts;
    expect(feb.find((a) => a.accountId === euro.id)).toMatchObject({ balance: 50_000, converted: 60_000, currency: 'EUR' });
    expect(feb.find((a) => a.name === 'Pounds')).toMatchObject({ balance: 1_000, converted: null });
    expect(worth.points[0]!.accounts.map((a) => a.name)).toEqual(['Checking', 'Euro', 'Loan']);
    expect(worth.ratesUsed).toEqual([{ base: 'EUR', quote: 'USD', date: '2026-01-01', rate: '1.10' }, { base: 'EUR', quote: 'USD', date: '2026-02-01', rate: '1.20' }]);
    expect(worth.missingRates).toEqual([{ base: 'GBP', quote: 'USD', date: '2026-02-15' }]);
  });

  it('budget vs actual', async () => {
    await f.ok(me, 'PUT', `/api/v1/finance/budgets/2026-01/categories/${cat.rent!.id}`, { assigned: 100_000 });
    await f.ok(me, 'PUT', `/api/v1/finance/budgets/2026-01/categories/${cat.food!.id}`, { assigned: 50_000 });
    const r = await report<BudgetVsActualReport>('budget-vs-actual?month=2026-01');
    expect(r.items.map((i) => [i.name, i.assigned, i.actual, i.difference])).toEqual([['Rent', 100_000, 110_000, -10_000], ['Food', 50_000, 31_000, 19_000]]);
    expect(r).toMatchObject({ assigned: 150_000, actual: 141_000 });
  });

  it("refuses reversed ranges and shows nothing of another user's", async () => {
    const reversed = await f.api<ErrorResponse>(me, 'GET', '/api/v1/finance/reports/cashflow?from=2026-02-01&to=2026-01-01');
    expect(reversed.body.error.fields?.to).toMatch(/before from/);
    expect((await f.api<ErrorResponse>(me, 'GET', '/api/v1/finance/reports/spending?to=2026-01-01')).body.error.fields).toHaveProperty('from');
    expect((await f.api<ErrorResponse>(me, 'GET', '/api/v1/finance/reports/budget-vs-actual?month=2026-1')).status).toBe(400);
    expect((await f.ok<SpendingReport>(other, 'GET', '/api/v1/finance/reports/spending?from=2026-01-01&to=2026-12-31')).items).toEqual([]);
    expect((await f.ok<NetWorthReport>(other, 'GET', '/api/v1/finance/reports/networth?from=2026-01-01&to=2026-01-31')).points).toEqual([{ date: '2026-01-31', total: 0, accounts: [] }]);
  });
});
