import type { FinanceAccount, PostScheduledResult, ScheduledTransaction, ScheduledTransactionList, SkipScheduledResult, TransactionPage, UpcomingBills } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../platform/time/calendar.js';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { addMonth } from '../budgets/months.js';
import { financeApi, type ErrorResponse } from '../budgets/test-kit.js';
import { SCHEDULED_POST_JOB } from './job.js';
import { postDueScheduled } from './post.js';

let t: TestApp;
let me: Session;
let other: Session;
let f: ReturnType<typeof financeApi>;
let checking: FinanceAccount;
let gym: FinanceAccount;
const today = new Date().toISOString().slice(0, 10);
const month = today.slice(0, 7);

beforeAll(async () => {
  t = await createTestApp();
  f = financeApi(t);
  me = await signUp(t.app, { timeZone: 'UTC' });
  other = await inviteAndSignUp(t.app, me);
  checking = await f.account(me, { name: 'Checking' });
  gym = await f.account(me, { name: 'Gym card', type: 'cash' });
});
afterAll(async () => t.close());

const transactionsOf = async (accountId: string) => (await f.ok<TransactionPage>(me, 'GET', `/api/v1/finance/transactions?accountId=${accountId}`)).items;

describe('scheduled transactions', () => {
  let rent: ScheduledTransaction;

  it('lists upcoming bills with overdue ones, and posts an occurrence once', async () => {
    rent = await f.ok<ScheduledTransaction>(me, 'POST', '/api/v1/finance/scheduled', { accountId: checking.id, payee: 'Landlord', amount: -120_000, rrule: 'RRULE:FREQ=MONTHLY;BYMONTHDAY=1', startDate: `${addMonth(month, -2)}-01`, tags: ['home'] });
    expect(rent).toMatchObject({ rrule: 'FREQ=MONTHLY;BYMONTHDAY=1', nextDate: `${addMonth(month, -2)}-01`, autoPost: false, currency: 'USD', tags: ['home'] });
    const toNextMonth = Math.round((Date.parse(`${addMonth(month, 1)}-01`) - Date.parse(today)) / 86_400_000);
    const upcoming = await f.ok<UpcomingBills>(me, 'GET', `/api/v1/finance/scheduled/upcoming?days=${toNextMonth}`);
    expect(upcoming.items.map((i) => [i.date, i.overdue])).toEqual([
      [`${addMonth(month, -2)}-01`, true],
      [`${addMonth(month, -1)}-01`, true],
      [`${month}-01`, `${month}-01` < today],
      [`${addMonth(month, 1)}-01`, false],
    ]);

    const first = await f.ok<PostScheduledResult>(me, 'POST', `/api/v1/finance/scheduled/${rent.id}/post`, {});
    expect(first).toMatchObject({ created: true, transaction: { date: `${addMonth(month, -2)}-01`, amount: -120_000, payee: 'Landlord', tags: ['home'] }, scheduled: { nextDate: `${addMonth(month, -1)}-01` } });
    const again = await f.ok<PostScheduledResult>(me, 'POST', `/api/v1/finance/scheduled/${rent.id}/post`, { date: `${addMonth(month, -2)}-01` });
    expect(again).toMatchObject({ created: false, transaction: { id: first.transaction.id }, scheduled: { nextDate: `${addMonth(month, -1)}-01` } });
    expect(await transactionsOf(checking.id)).toHaveLength(1);

    const notOne = await f.api<ErrorResponse>(me, 'POST', `/api/v1/finance/scheduled/${rent.id}/post`, { date: `${month}-02` });
    expect(notOne.status).toBe(400);
    expect(notOne.body.error.fields?.date).toMatch(/not an occurrence/);
    expect((await f.api(other, 'POST', `/api/v1/finance/scheduled/${rent.id}/post`, {})).status).toBe(404);
  });

  it('posts automatic schedules that fell due, once, from the periodic job', async () => {
    const weekly = await f.ok<ScheduledTransaction>(me, 'POST', '/api/v1/finance/scheduled', { accountId: gym.id, payee: 'Gym', amount: -1_500, rrule: 'FREQ=WEEKLY', startDate: addDays(today, -14), autoPost: true });
    expect(await postDueScheduled(t.ctx, new Date())).toBe(3);
    expect((await transactionsOf(gym.id)).map((x) => x.date)).toEqual([today, addDays(today, -7), addDays(today, -14)]);
    expect(await postDueScheduled(t.ctx, new Date())).toBe(0);
    const after = (await f.ok<ScheduledTransactionList>(me, 'GET', '/api/v1/finance/scheduled')).items.find((s) => s.id === weekly.id)!;
    expect(after.nextDate).toBe(addDays(today, 7));
    // The manual schedule was not touched.
    expect(await transactionsOf(checking.id)).toHaveLength(1);

    await f.ok(me, 'PATCH', `/api/v1/finance/scheduled/${weekly.id}`, { startDate: addDays(today, -21) });
    // The hourly tick runs this hour's slot once, however often the queue is polled.
    await t.ctx.jobs.runDue();
    await t.ctx.jobs.runDue();
    const ran = await t.ctx.database.db.selectFrom('jobs').select('status').where('name', '=', SCHEDULED_POST_JOB).execute();
    expect(ran.filter((j) => j.status === 'done')).toHaveLength(1);
    // The changed rule continues after the last posted date: nothing posted twice.
    expect(await transactionsOf(gym.id)).toHaveLength(3);
  });

  it('refuses bad rules, foreign accounts and cross-currency transfers', async () => {
    const bad = await f.api<ErrorResponse>(me, 'POST', '/api/v1/finance/scheduled', { accountId: checking.id, amount: -1, rrule: 'FREQ=FORTNIGHTLY', startDate: today });
    expect(bad.body.error.fields?.rrule).toMatch(/FREQ/);
    const euro = await f.account(me, { name: 'Euro', currency: 'EUR' });
    const cross = await f.api<ErrorResponse>(me, 'POST', '/api/v1/finance/scheduled', { accountId: checking.id, transferAccountId: euro.id, amount: -1, rrule: 'FREQ=MONTHLY', startDate: today });
    expect(cross.body.error.fields?.transferAccountId).toMatch(/USD account/);
    const foreign = await f.api<ErrorResponse>(other, 'POST', '/api/v1/finance/scheduled', { accountId: checking.id, amount: -1, rrule: 'FREQ=MONTHLY', startDate: today });
    expect(foreign.body.error.fields?.accountId).toMatch(/no such account/);
    expect((await f.api(other, 'DELETE', `/api/v1/finance/scheduled/${rent.id}`)).status).toBe(404);
    await f.ok(me, 'DELETE', `/api/v1/finance/scheduled/${rent.id}`);
    expect(await transactionsOf(checking.id)).toHaveLength(1);
  });

  it('skips one occurrence without posting it, once, and only the next one', async () => {
    const savings = await f.account(me, { name: 'Savings', type: 'savings' });
    const start = `${addMonth(month, -1)}-15`;
    const plan = await f.ok<ScheduledTransaction>(me, 'POST', '/api/v1/finance/scheduled', { accountId: savings.id, payee: 'Standing order', amount: 5_000, rrule: 'FREQ=MONTHLY;BYMONTHDAY=15', startDate: start });
    const skipUrl = `/api/v1/finance/scheduled/${plan.id}/skip`;

    // Not the next occurrence: refused, naming the one to handle first; nothing moves.
    const later = await f.api<ErrorResponse>(me, 'POST', skipUrl, { date: `${month}-15` });
    expect(later.status).toBe(409);
    expect(later.body.error.fields?.date).toBe(`the occurrence of ${start} comes first`);

    const first = await f.ok<SkipScheduledResult>(me, 'POST', skipUrl, { date: start });
    expect(first).toMatchObject({ skipped: true, scheduled: { id: plan.id, nextDate: `${month}-15` } });
    const again = await f.ok<SkipScheduledResult>(me, 'POST', skipUrl, { date: start });
    expect(again).toMatchObject({ skipped: false, scheduled: { nextDate: `${month}-15` } });
    expect(await transactionsOf(savings.id)).toEqual([]);

    const upcoming = await f.ok<UpcomingBills>(me, 'GET', '/api/v1/finance/scheduled/upcoming?days=40');
    expect(upcoming.items.filter((i) => i.scheduledId === plan.id).map((i) => i.date)[0]).toBe(`${month}-15`);

    // Posting after a skip starts from the new next date.
    const posted = await f.ok<PostScheduledResult>(me, 'POST', `/api/v1/finance/scheduled/${plan.id}/post`, {});
    expect(posted).toMatchObject({ created: true, transaction: { date: `${month}-15`, amount: 5_000 }, scheduled: { nextDate: `${addMonth(month, 1)}-15` } });
    expect((await transactionsOf(savings.id)).map((x) => x.date)).toEqual([`${month}-15`]);

    // Bad input is a 4xx naming the field; another user's schedule is not found.
    const notOne = await f.api<ErrorResponse>(me, 'POST', skipUrl, { date: `${month}-16` });
    expect(notOne.status).toBe(400);
    expect(notOne.body.error.fields?.date).toMatch(/not an occurrence/);
    const noDate = await f.api<ErrorResponse>(me, 'POST', skipUrl, {});
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.fields?.date).toBeDefined();
    const badDate = await f.api<ErrorResponse>(me, 'POST', skipUrl, { date: '2026-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.fields?.date).toBeDefined();
    expect((await f.api(other, 'POST', skipUrl, { date: `${addMonth(month, 1)}-15` })).status).toBe(404);
    expect((await f.api(me, 'POST', '/api/v1/finance/scheduled/nope/skip', { date: start })).status).toBe(404);

    // A schedule that has ended has nothing left to skip: any of its dates is a no-op.
    const once = await f.ok<ScheduledTransaction>(me, 'POST', '/api/v1/finance/scheduled', { accountId: savings.id, amount: 100, rrule: 'FREQ=DAILY;COUNT=1', startDate: today });
    expect((await f.ok<SkipScheduledResult>(me, 'POST', `/api/v1/finance/scheduled/${once.id}/skip`, { date: today })).scheduled.nextDate).toBeNull();
    expect(await f.ok<SkipScheduledResult>(me, 'POST', `/api/v1/finance/scheduled/${once.id}/skip`, { date: today })).toMatchObject({ skipped: false, scheduled: { nextDate: null } });
  });
});
