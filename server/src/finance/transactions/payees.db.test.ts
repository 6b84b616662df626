import type { FinanceAccount, PayeeList } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedDate } from '../../platform/time/zone.js';
import { addDays } from '../../platform/time/calendar.js';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { financeApi, type ErrorResponse } from '../budgets/test-kit.js';

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
  checking = await f.account(me, { name: 'Checking' });
  savings = await f.account(me, { name: 'Savings', type: 'savings' });
});
afterAll(async () => t.close());

const payees = (s: Session, query = '') => f.ok<PayeeList>(s, 'GET', `/api/v1/finance/payees${query}`);

describe('payee autocomplete', () => {
  it('ranks payees by use weighted by recency, folds case, and prefills the category last used', async () => {
    const today = zonedDate(new Date(), 'UTC');
    const daysAgo = (n: number) => addDays(today, -n);
    const g = await f.group(me, 'Everyday');
    const coffee = await f.category(me, g.id, 'Coffee');
    const eatingOut = await f.category(me, g.id, 'Eating out');
    const groceries = await f.category(me, g.id, 'Groceries');
    const tx = (payee: string, days: number, categoryId: string | null = null) => f.tx(me, { accountId: checking.id, date: daysAgo(days), amount: -500, payee, categoryId });
    // Four uses two years ago weigh less than one last week.
    for (const d of [700, 710, 720, 730]) await tx('Old Bakery', d, groceries.id);
    await tx('Corner Café', 3, coffee.id);
    await tx('CORNER CAFÉ', 2, coffee.id);
    await tx('corner café', 1, eatingOut.id);
    await tx('Cornershop', 5, groceries.id);
    await tx('Cornershop', 40);
    await tx('Airline', 10);
    await f.tx(me, { accountId: checking.id, date: daysAgo(1), amount: -9_000, payee: 'Corner savings', transferAccountId: savings.id });

    const all = await payees(me);
    expect(all.items.map((p) => [p.payee, p.count])).toEqual([
      ['corner café', 3],
      ['Cornershop', 2],
      ['Airline', 1],
      ['Old Bakery', 4],
    ]);
    expect(all.items[0]).toMatchObject({ lastDate: daysAgo(1), categoryId: eatingOut.id });
    // The latest categorised use: the uncategorised one 40 days ago does not erase it.
    expect(all.items[1]).toMatchObject({ lastDate: daysAgo(5), categoryId: groceries.id });
    expect(all.items[2]!.categoryId).toBeNull();
    expect(all.items[3]).toMatchObject({ lastDate: daysAgo(700), categoryId: groceries.id });

    // Starting with the text ranks first; any case; transfers are not payees.
    const corner = await payees(me, '?q=CORNER');
    expect(corner.items.map((p) => p.payee)).toEqual(['corner café', 'Cornershop']);
    expect((await payees(me, '?q=bakery')).items.map((p) => p.payee)).toEqual(['Old Bakery']);
    expect((await payees(me, '?q=café')).items.map((p) => p.payee)).toEqual(['corner café']);
    expect((await payees(me, '?limit=2')).items).toHaveLength(2);

    // Deleted transactions no longer suggest their payee.
    const gone = await tx('Zeppelin Tours', 0);
    expect((await payees(me, '?q=zeppelin')).items).toHaveLength(1);
    await f.ok(me, 'DELETE', `/api/v1/finance/transactions/${gone.id}`);
    expect((await payees(me, '?q=zeppelin')).items).toEqual([]);
  });

  it("shows no one else's payees and refuses a bad limit with the field", async () => {
    expect((await payees(other)).items).toEqual([]);
    const bad = await f.api<ErrorResponse>(me, 'GET', '/api/v1/finance/payees?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.limit).toBeDefined();
  });
});
