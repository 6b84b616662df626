import type { FinanceAccount, Goal, GoalList } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvents } from '../../platform/events/domain-events.js';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { addMonth, lastDayOf } from '../budgets/months.js';
import { financeApi, type ErrorResponse } from '../budgets/test-kit.js';

let t: TestApp;
let me: Session;
let other: Session;
let f: ReturnType<typeof financeApi>;
let savings: FinanceAccount;
const reached: DomainEvents['goal.reached'][] = [];
const thisMonth = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  t = await createTestApp();
  f = financeApi(t);
  me = await signUp(t.app);
  other = await inviteAndSignUp(t.app, me);
  t.ctx.events.on('goal.reached', (e) => void reached.push(e.payload));
  savings = await f.account(me, { name: 'Savings', type: 'savings', openingDate: `${addMonth(thisMonth, -6)}-01` });
  for (const back of [1, 2, 3]) await f.tx(me, { accountId: savings.id, date: `${addMonth(thisMonth, -back)}-15`, amount: 10_000, payee: 'Saving' });
});
afterAll(async () => t.close());

describe('goals', () => {
  it('saves toward a target by a date: progress, monthly amount needed, projection, status', async () => {
    const targetDate = lastDayOf(addMonth(thisMonth, 6));
    const goal = await f.ok<Goal>(me, 'POST', '/api/v1/finance/goals', { name: 'Holiday', kind: 'save', accountId: savings.id, targetAmount: 100_000, targetDate });
    // 70,000 to go over 7 months (this one included); 10,000 a month on average lands in the 7th month.
    expect(goal).toMatchObject({ currency: 'USD', progress: { current: 30_000, percent: 30 }, monthlyNeeded: 10_000, projectedDate: targetDate, status: 'on_track', reachedAt: null });
    const sooner = await f.ok<Goal>(me, 'PATCH', `/api/v1/finance/goals/${goal.id}`, { targetDate: `${addMonth(thisMonth, 2)}-10`, targetAmount: 100_001 });
    // 70,001 over 3 months rounds up to the minor unit.
    expect(sooner).toMatchObject({ monthlyNeeded: 23_334, status: 'behind' });
  });

  it('announces goal.reached once', async () => {
    await f.tx(me, { accountId: savings.id, date: `${thisMonth}-01`, amount: 80_000, payee: 'Bonus' });
    await t.ctx.events.drain();
    expect(reached.map((e) => e.goal.name)).toEqual(['Holiday']);
    const [holiday] = (await f.ok<GoalList>(me, 'GET', '/api/v1/finance/goals')).items;
    expect(holiday).toMatchObject({ status: 'reached', progress: { percent: 100 }, monthlyNeeded: 0 });
    expect(holiday!.reachedAt).not.toBeNull();
    await f.tx(me, { accountId: savings.id, date: `${thisMonth}-01`, amount: 1, payee: 'More' });
    await t.ctx.events.drain();
    expect(reached).toHaveLength(1);
  });

  it('keeps a minimum balance', async () => {
    const ok = await f.ok<Goal>(me, 'POST', '/api/v1/finance/goals', { name: 'Buffer', kind: 'keep', accountId: savings.id, targetAmount: 50_000 });
    expect(ok).toMatchObject({ status: 'on_track', monthlyNeeded: null, projectedDate: null });
    const low = await f.ok<Goal>(me, 'PATCH', `/api/v1/finance/goals/${ok.id}`, { targetAmount: 500_000 });
    expect(low).toMatchObject({ status: 'below_minimum', progress: { percent: 22 } });
  });

  it("tracks a category's available balance in the base currency", async () => {
    const group = await f.group(me, 'Sinking funds');
    const car = await f.category(me, group.id, 'New car');
    await f.ok(me, 'PUT', `/api/v1/finance/budgets/${thisMonth}/categories/${car.id}`, { assigned: 25_000 });
    const goal = await f.ok<Goal>(me, 'POST', '/api/v1/finance/goals', { name: 'Car', kind: 'save', categoryId: car.id, targetAmount: 100_000 });
    expect(goal).toMatchObject({ currency: 'USD', progress: { current: 25_000, percent: 25 }, monthlyNeeded: null, projectedDate: null, status: 'behind' });
  });

  it('refuses ambiguous links, dated keep goals, other users\' accounts and goals', async () => {
    const both = await f.api<ErrorResponse>(me, 'POST', '/api/v1/finance/goals', { name: 'X', kind: 'save', targetAmount: 5, accountId: savings.id, categoryId: savings.id });
    expect(both.body.error.fields?.categoryId).toMatch(/exactly one/);
    const dated = await f.api<ErrorResponse>(me, 'POST', '/api/v1/finance/goals', { name: 'X', kind: 'keep', targetAmount: 5, accountId: savings.id, targetDate: '2030-01-01' });
    expect(dated.body.error.fields).toHaveProperty('targetDate');
    const zero = await f.api<ErrorResponse>(me, 'POST', '/api/v1/finance/goals', { name: 'X', kind: 'save', targetAmount: 0, accountId: savings.id });
    expect(zero.body.error.fields).toHaveProperty('targetAmount');
    const foreign = await f.api<ErrorResponse>(other, 'POST', '/api/v1/finance/goals', { name: 'X', kind: 'save', targetAmount: 5, accountId: savings.id });
    expect(foreign.body.error.fields?.accountId).toMatch(/no such account/);
    const mine = (await f.ok<GoalList>(me, 'GET', '/api/v1/finance/goals')).items[0]!;
    expect((await f.api(other, 'GET', `/api/v1/finance/goals/${mine.id}`)).status).toBe(404);
    expect((await f.api(other, 'DELETE', `/api/v1/finance/goals/${mine.id}`)).status).toBe(404);
    await f.ok(me, 'DELETE', `/api/v1/finance/goals/${mine.id}`);
    expect((await f.ok<GoalList>(me, 'GET', '/api/v1/finance/goals')).items.map((g) => g.name)).toEqual(['Buffer', 'Car']);
  });
});
