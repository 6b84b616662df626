import type { BudgetMonth, FinanceAccount, FinanceCategory } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../platform/events/domain-events.js';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { financeApi, type ErrorResponse } from './test-kit.js';

let t: TestApp;
let me: Session;
let other: Session;
let f: ReturnType<typeof financeApi>;
let checking: FinanceAccount;
let euros: FinanceAccount;
let savings: FinanceAccount;
let loan: FinanceAccount;
const cat: Record<string, FinanceCategory> = {};
const overspent: DomainEvents['budget.overspent'][] = [];

beforeAll(async () => {
  t = await createTestApp();
  f = financeApi(t);
  me = await signUp(t.app);
  other = await inviteAndSignUp(t.app, me);
  t.ctx.events.on('budget.overspent', (e) => void overspent.push(e.payload));
  checking = await f.account(me, { name: 'Checking' });
  savings = await f.account(me, { name: 'Savings', type: 'savings' });
  euros = await f.account(me, { name: 'Euro account', currency: 'EUR' });
  loan = await f.account(me, { name: 'Car loan', type: 'loan', openingBalance: -500_000 });
  const income = await f.group(me, 'Income', true);
  const bills = await f.group(me, 'Monthly');
  cat.salary = await f.category(me, income.id, 'Salary');
  cat.rent = await f.category(me, bills.id, 'Rent');
  cat.food = await f.category(me, bills.id, 'Food');
  cat.car = await f.category(me, bills.id, 'Car', { rolloverOverspending: true });
});
afterAll(async () => t.close());

const month = (m: string) => f.ok<BudgetMonth>(me, 'GET', `/api/v1/finance/budgets/${m}`);
const line = (b: BudgetMonth, id: string) => b.groups.flatMap((g) => g.categories).find((c) => c.id === id)!;
const assign = (m: string, id: string, assigned: number) => f.ok<BudgetMonth>(me, 'PUT', `/api/v1/finance/budgets/${m}/categories/${id}`, { assigned });

describe('envelope budget', () => {
  it('rolls leftovers, takes overspending from next month, keeps rollover overspending in the category', async () => {
    await assign('2026-01', cat.rent!.id, 100_000);
    await assign('2026-01', cat.food!.id, 20_000);
    await assign('2026-01', cat.car!.id, 10_000);
    await f.tx(me, { accountId: checking.id, date: '2026-01-02', amount: 300_000, payee: 'Employer', categoryId: cat.salary!.id });
    await f.tx(me, { accountId: checking.id, date: '2026-01-03', amount: -90_000, payee: 'Landlord', categoryId: cat.rent!.id });
    await f.tx(me, {
      accountId: checking.id,
      date: '2026-01-05',
      amount: -50_000,
      payee: 'Hypermarket',
      splits: [
        { categoryId: cat.food!.id, amount: -30_000 },
        { categoryId: cat.car!.id, amount: -20_000 },
      ],
    });
    // Between two budget accounts: no spending. To the loan (off budget): an uncategorised outflow.
    await f.tx(me, { accountId: checking.id, date: '2026-01-06', amount: -40_000, payee: 'To savings', transferAccountId: savings.id });
    await f.tx(me, { accountId: checking.id, date: '2026-01-07', amount: -25_000, payee: 'Loan payment', transferAccountId: loan.id });
    // An uncategorised inflow is income.
    await f.tx(me, { accountId: checking.id, date: '2026-01-08', amount: 5_000, payee: 'Gift' });

    const jan = await month('2026-01');
    expect(jan).toMatchObject({ month: '2026-01', baseCurrency: 'USD', income: 305_000, assigned: 130_000, spent: -140_000, uncategorised: -25_000, overspentLastMonth: 0, toBudget: 175_000 });
    expect(line(jan, cat.rent!.id)).toMatchObject({ carryover: 0, assigned: 100_000, spent: -90_000, available: 10_000 });
    expect(line(jan, cat.food!.id)).toMatchObject({ assigned: 20_000, spent: -30_000, available: -10_000 });
    expect(line(jan, cat.car!.id)).toMatchObject({ assigned: 10_000, spent: -20_000, available: -10_000 });
    expect(line(jan, cat.salary!.id)).toMatchObject({ spent: 300_000, assigned: 0 });

    const feb = await month('2026-02');
    expect(line(feb, cat.rent!.id)).toMatchObject({ carryover: 10_000, available: 10_000 });
    expect(line(feb, cat.food!.id)).toMatchObject({ carryover: 0, available: 0 });
    expect(line(feb, cat.car!.id)).toMatchObject({ carryover: -10_000, available: -10_000 });
    expect(feb).toMatchObject({ income: 0, overspentLastMonth: 10_000, toBudget: 165_000 });
  });

  it('announces budget.overspent once per category and month, and again after a recovery', async () => {
    await t.ctx.events.drain();
    const jan = () => overspent.filter((e) => e.month === '2026-01').map((e) => e.categoryName).sort();
    expect(jan()).toEqual(['Car', 'Food']);
    expect(overspent.find((e) => e.categoryName === 'Food')).toMatchObject({ available: -10_000, currency: 'USD', userId: me.userId });
    await f.tx(me, { accountId: checking.id, date: '2026-01-09', amount: -1_000, payee: 'Bakery', categoryId: cat.food!.id });
    await t.ctx.events.drain();
    expect(jan()).toEqual(['Car', 'Food']);
    const refund = await f.tx(me, { accountId: checking.id, date: '2026-01-10', amount: 20_000, payee: 'Refund', categoryId: cat.food!.id });
    await t.ctx.events.drain();
    await f.ok(me, 'PATCH', `/api/v1/finance/transactions/${refund.id}`, { amount: 1_000 });
    await t.ctx.events.drain();
    expect(jan()).toEqual(['Car', 'Food', 'Food']);
    await f.ok(me, 'DELETE', `/api/v1/finance/transactions/${refund.id}`);
  });

  it('re-checks the month a transaction left and the months after it, on a move, a category change and a delete', async () => {
    const g = await f.group(me, 'Hobbies');
    const gym = await f.category(me, g.id, 'Gym');
    const books = await f.category(me, g.id, 'Books');
    const of = (id: string) => overspent.filter((e) => e.categoryId === id).map((e) => [e.month, e.available]);
    // Gym: March's refund leaves 30.00 that April's spending uses up.
    await assign('2026-03', gym.id, 5_000);
    await f.tx(me, { accountId: checking.id, date: '2026-03-02', amount: -5_000, payee: 'Gym', categoryId: gym.id });
    const refund = await f.tx(me, { accountId: checking.id, date: '2026-03-05', amount: 3_000, payee: 'Gym refund', categoryId: gym.id });
    await f.tx(me, { accountId: checking.id, date: '2026-04-02', amount: -3_000, payee: 'Gym', categoryId: gym.id });
    await t.ctx.events.drain();
    expect(of(gym.id)).toEqual([]);
    // Moving the refund to June leaves April short through the rollover: announced once.
    await f.ok(me, 'PATCH', `/api/v1/finance/transactions/${refund.id}`, { date: '2026-06-05' });
    await t.ctx.events.drain();
    expect(of(gym.id)).toEqual([['2026-04', -3_000]]);
    expect(line(await month('2026-04'), gym.id).available).toBe(-3_000);
    // An unrelated edit in the same range announces nothing again.
    await f.ok(me, 'PATCH', `/api/v1/finance/transactions/${refund.id}`, { payee: 'Gym refund (June)' });
    await t.ctx.events.drain();
    expect(of(gym.id)).toEqual([['2026-04', -3_000]]);

    // Books: a refund covers May; re-categorising it, then deleting it, overspends May.
    await assign('2026-05', books.id, 1_000);
    const bookRefund = await f.tx(me, { accountId: checking.id, date: '2026-05-04', amount: 2_000, payee: 'Bookshop refund', categoryId: books.id });
    await f.tx(me, { accountId: checking.id, date: '2026-05-03', amount: -3_000, payee: 'Bookshop', categoryId: books.id });
    await t.ctx.events.drain();
    expect(of(books.id)).toEqual([]);
    await f.ok(me, 'PATCH', `/api/v1/finance/transactions/${bookRefund.id}`, { categoryId: gym.id });
    await t.ctx.events.drain();
    expect(of(books.id)).toEqual([['2026-05', -2_000]]);
    await f.ok(me, 'PATCH', `/api/v1/finance/transactions/${bookRefund.id}`, { categoryId: books.id });
    await t.ctx.events.drain();
    await f.ok(me, 'DELETE', `/api/v1/finance/transactions/${bookRefund.id}`);
    await t.ctx.events.drain();
    // Recovered in between, so the deletion's overspending is announced again, once.
    expect(of(books.id)).toEqual([
      ['2026-05', -2_000],
      ['2026-05', -2_000],
    ]);
    // Car rolls its January overspending forward: the same overspending, announced for January only.
    expect(overspent.filter((e) => e.categoryId === cat.car!.id).map((e) => e.month)).toEqual(['2026-01']);
  });

  it('converts foreign accounts at stored rates, and names missing rates instead of guessing', async () => {
    await f.tx(me, { accountId: euros.id, date: '2026-01-12', amount: -10_000, payee: 'Paris café', categoryId: cat.food!.id });
    const before = await month('2026-01');
    expect(before.missingRates).toEqual([{ base: 'EUR', quote: 'USD', date: '2026-01-12' }]);
    expect(line(before, cat.food!.id).spent).toBe(-31_000);
    // Only USD -> EUR is known: the inverse converts 100.00 EUR to 111.11 USD.
    await f.ok(me, 'POST', '/api/v1/finance/rates', { base: 'USD', quote: 'EUR', date: '2026-01-01', rate: '0.9' });
    await f.ok(me, 'POST', '/api/v1/finance/rates', { base: 'USD', quote: 'EUR', date: '2026-01-20', rate: '0.5' });
    const after = await month('2026-01');
    expect(after.missingRates).toEqual([]);
    expect(after.ratesUsed).toEqual([{ base: 'USD', quote: 'EUR', date: '2026-01-01', rate: '0.9' }]);
    expect(line(after, cat.food!.id).spent).toBe(-31_000 - 11_111);
  });

  it('copies last month and sets the average of previous months', async () => {
    const copied = await f.ok<BudgetMonth>(me, 'POST', '/api/v1/finance/budgets/2026-02/copy-last-month');
    expect(line(copied, cat.rent!.id).assigned).toBe(100_000);
    expect(line(copied, cat.car!.id).assigned).toBe(10_000);
    await f.tx(me, { accountId: checking.id, date: '2026-02-03', amount: -95_001, payee: 'Landlord', categoryId: cat.rent!.id });
    const averaged = await f.ok<BudgetMonth>(me, 'POST', '/api/v1/finance/budgets/2026-03/average', { months: 2 });
    // Rent spent 90,000 then 95,001: average 92,500.5, half to even -> 92,500.
    expect(line(averaged, cat.rent!.id).assigned).toBe(92_500);
    // Food spent 42,111 then nothing: 21,055.5 -> 21,056 (the even neighbour).
    expect(line(averaged, cat.food!.id).assigned).toBe(21_056);
    expect(line(averaged, cat.salary!.id).assigned).toBe(0);
  });

  it('refuses bad months, income categories and another user\'s categories', async () => {
    expect((await f.api<ErrorResponse>(me, 'GET', '/api/v1/finance/budgets/2026-13')).status).toBe(404);
    const income = await f.api<ErrorResponse>(me, 'PUT', `/api/v1/finance/budgets/2026-01/categories/${cat.salary!.id}`, { assigned: 5 });
    expect(income.status).toBe(400);
    expect(income.body.error.fields?.categoryId).toMatch(/income/);
    const float = await f.api<ErrorResponse>(me, 'PUT', `/api/v1/finance/budgets/2026-01/categories/${cat.food!.id}`, { assigned: 1.5 });
    expect(float.body.error.fields?.assigned).toBeDefined();
    expect((await f.api(other, 'PUT', `/api/v1/finance/budgets/2026-01/categories/${cat.food!.id}`, { assigned: 5 })).status).toBe(404);
    const theirs = await f.ok<BudgetMonth>(other, 'GET', '/api/v1/finance/budgets/2026-01');
    expect(theirs).toMatchObject({ income: 0, assigned: 0, groups: [] });
  });
});
