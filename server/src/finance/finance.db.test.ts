import type { FinanceAccount, FinanceCategory, FinanceCategoryGroup, ReconcileResult, Transaction } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let me: Session;
let other: Session;

beforeAll(async () => {
  t = await createTestApp();
  me = await signUp(t.app);
  other = await inviteAndSignUp(t.app, me);
});
afterAll(async () => t.close());

interface ErrorResponse {
  error: { code: string; message: string; fields?: Record<string, string> };
}

async function api<T>(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: method === 'GET' ? { cookie: s.cookie } : s.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: (res.body && String(res.headers['content-type']).includes('json') ? res.json() : res.body) as T };
}

async function newAccount(s: Session, input: Record<string, unknown>): Promise<FinanceAccount> {
  const r = await api<FinanceAccount>(s, 'POST', '/api/v1/finance/accounts', { type: 'checking', currency: 'USD', ...input });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function newTx(s: Session, input: Record<string, unknown>): Promise<Transaction> {
  const r = await api<Transaction>(s, 'POST', '/api/v1/finance/transactions', input);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const account = async (s: Session, id: string) => (await api<FinanceAccount>(s, 'GET', `/api/v1/finance/accounts/${id}`)).body;

describe('accounts and balances', () => {
  it('computes balance and cleared balance from the opening balance and transactions', async () => {
    const acc = await newAccount(me, { name: 'Checking', openingBalance: 100_000, openingDate: '2026-01-01' });
    expect(acc).toMatchObject({ balance: 100_000, clearedBalance: 100_000, currency: 'USD', onBudget: true, closed: false });
    await newTx(me, { accountId: acc.id, date: '2026-01-05', amount: -1234, payee: 'Grocer', cleared: 'cleared' });
    await newTx(me, { accountId: acc.id, date: '2026-01-06', amount: -5000, payee: 'Rent' });
    await newTx(me, { accountId: acc.id, date: '2026-01-07', amount: 250_000, payee: 'Salary', cleared: 'cleared' });
    expect(await account(me, acc.id)).toMatchObject({ balance: 100_000 - 1234 - 5000 + 250_000, clearedBalance: 100_000 - 1234 + 250_000 });
    const list = await api<{ items: FinanceAccount[] }>(me, 'GET', '/api/v1/finance/accounts');
    expect(list.body.items.find((a) => a.id === acc.id)?.balance).toBe(343_766);
  });

  it('keeps JPY and KWD amounts in their own minor units', async () => {
    const yen = await newAccount(me, { name: 'Yen wallet', type: 'cash', currency: 'JPY', openingBalance: 5000 });
    const dinar = await newAccount(me, { name: 'Kuwait', currency: 'KWD', openingBalance: 1500 });
    await newTx(me, { accountId: yen.id, date: '2026-02-01', amount: -1200, payee: 'Ramen' });
    expect(await account(me, yen.id)).toMatchObject({ balance: 3800, currency: 'JPY' });
    expect((await account(me, dinar.id)).balance).toBe(1500);
  });

  it('defaults loans and investments to off budget, closes and renames', async () => {
    const loan = await newAccount(me, { name: 'Car loan', type: 'loan', openingBalance: -1_500_000 });
    expect(loan.onBudget).toBe(false);
    const closed = await api<FinanceAccount>(me, 'PATCH', `/api/v1/finance/accounts/${loan.id}`, { closed: true, name: 'Old car loan' });
    expect(closed.body).toMatchObject({ closed: true, name: 'Old car loan', balance: -1_500_000 });
  });

  it('refuses an unknown currency, float amounts and bad types, naming the field', async () => {
    const unknown = await api<ErrorResponse>(me, 'POST', '/api/v1/finance/accounts', { name: 'X', type: 'checking', currency: 'XYZ' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields?.currency).toMatch(/not an ISO 4217/);
    const lower = await api<ErrorResponse>(me, 'POST', '/api/v1/finance/accounts', { name: 'X', type: 'checking', currency: 'usd' });
    expect(lower.body.error.fields?.currency).toMatch(/ISO 4217/);
    const float = await api<ErrorResponse>(me, 'POST', '/api/v1/finance/accounts', { name: 'X', type: 'checking', currency: 'USD', openingBalance: 12.34 });
    expect(float.status).toBe(400);
    expect(float.body.error.fields?.openingBalance).toMatch(/whole number of minor units/);
    const type = await api<ErrorResponse>(me, 'POST', '/api/v1/finance/accounts', { name: 'X', type: 'piggy', currency: 'USD' });
    expect(type.body.error.fields).toHaveProperty('type');
    const names = (await api<{ items: FinanceAccount[] }>(me, 'GET', '/api/v1/finance/accounts')).body.items.map((a) => a.name);
    expect(names).not.toContain('X');
  });
});

describe('categories', () => {
  it('creates groups and categories, moves, hides, and refuses deleting a non-empty group', async () => {
    const bills = (await api<FinanceCategoryGroup>(me, 'POST', '/api/v1/finance/category-groups', { name: 'Bills' })).body;
    const fun = (await api<FinanceCategoryGroup>(me, 'POST', '/api/v1/finance/category-groups', { name: 'Fun' })).body;
    const rent = (await api<FinanceCategory>(me, 'POST', '/api/v1/finance/categories', { groupId: bills.id, name: 'Rent' })).body;
    const games = (await api<FinanceCategory>(me, 'POST', '/api/v1/finance/categories', { groupId: bills.id, name: 'Games', rolloverOverspending: true })).body;
    expect(games.rolloverOverspending).toBe(true);
    const moved = await api<FinanceCategory>(me, 'PATCH', `/api/v1/finance/categories/${games.id}`, { groupId: fun.id, hidden: true });
    expect(moved.body).toMatchObject({ groupId: fun.id, hidden: true });
    const tree = (await api<{ items: FinanceCategoryGroup[] }>(me, 'GET', '/api/v1/finance/categories')).body.items;
    expect(tree.map((g) => [g.name, g.categories.map((c) => c.name)])).toEqual([['Bills', ['Rent']], ['Fun', ['Games']]]);
    expect((await api(me, 'DELETE', `/api/v1/finance/category-groups/${bills.id}`)).status).toBe(409);
    const unknownGroup = await api<ErrorResponse>(me, 'POST', '/api/v1/finance/categories', { groupId: 'nope', name: 'X' });
    expect(unknownGroup.body.error.fields?.groupId).toBe('no such category group');
    expect((await api(me, 'DELETE', `/api/v1/finance/categories/${rent.id}`)).status).toBe(204);
    expect((await api(me, 'DELETE', `/api/v1/finance/category-groups/${bills.id}`)).status).toBe(204);
  });

  it('uncategorises transactions when their category is deleted', async () => {
    const group = (await api<FinanceCategoryGroup>(me, 'POST', '/api/v1/finance/category-groups', { name: 'Temp' })).body;
    const cat = (await api<FinanceCategory>(me, 'POST', '/api/v1/finance/categories', { groupId: group.id, name: 'Temp' })).body;
    const acc = await newAccount(me, { name: 'Temp account' });
    const tx = await newTx(me, { accountId: acc.id, date: '2026-03-01', amount: -100, categoryId: cat.id });
    expect(tx.categoryId).toBe(cat.id);
    await api(me, 'DELETE', `/api/v1/finance/categories/${cat.id}`);
    expect((await api<Transaction>(me, 'GET', `/api/v1/finance/transactions/${tx.id}`)).body.categoryId).toBeNull();
  });
});

describe('reconciliation', () => {
  it('reconciles cleared transactions up to the statement date when the balance matches, else 409 with the difference', async () => {
    const acc = await newAccount(me, { name: 'Reconcile me', openingBalance: 10_000 });
    const a = await newTx(me, { accountId: acc.id, date: '2026-04-02', amount: -2500, cleared: 'cleared' });
    const b = await newTx(me, { accountId: acc.id, date: '2026-04-03', amount: -1000 });
    const c = await newTx(me, { accountId: acc.id, date: '2026-04-20', amount: -700, cleared: 'cleared' });

    const wrong = await api<ErrorResponse>(me, 'POST', `/api/v1/finance/accounts/${acc.id}/reconcile`, { statementDate: '2026-04-10', statementBalance: 7000 });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.message).toContain('75.00 USD');
    expect(wrong.body.error.message).toContain('-5.00 USD');
    expect(wrong.body.error.fields?.statementBalance).toBe('differs from the cleared balance 7500 by -500 (minor units of USD)');
    expect((await api<Transaction>(me, 'GET', `/api/v1/finance/transactions/${a.id}`)).body.cleared).toBe('cleared');

    const ok = await api<ReconcileResult>(me, 'POST', `/api/v1/finance/accounts/${acc.id}/reconcile`, { statementDate: '2026-04-10', statementBalance: 7500 });
    expect(ok.status).toBe(200);
    expect(ok.body.reconciledCount).toBe(1);
    const states = await Promise.all([a, b, c].map(async (x) => (await api<Transaction>(me, 'GET', `/api/v1/finance/transactions/${x.id}`)).body.cleared));
    expect(states).toEqual(['reconciled', 'uncleared', 'cleared']);

    const locked = await api<ErrorResponse>(me, 'PATCH', `/api/v1/finance/transactions/${a.id}`, { amount: -2600 });
    expect(locked.status).toBe(409);
    expect(locked.body.error.fields?.amount).toMatch(/reconciled/);
    expect((await api<Transaction>(me, 'PATCH', `/api/v1/finance/transactions/${a.id}`, { notes: 'checked' })).body).toMatchObject({ notes: 'checked', cleared: 'reconciled', amount: -2500 });
    const unlocked = await api<Transaction>(me, 'PATCH', `/api/v1/finance/transactions/${a.id}`, { amount: -2600, cleared: 'cleared' });
    expect(unlocked.body).toMatchObject({ amount: -2600, cleared: 'cleared' });
  });

  it("protects a reconciled transfer side from edits made through the other side", async () => {
    const from = await newAccount(me, { name: 'Transfer from' });
    const to = await newAccount(me, { name: 'Transfer to' });
    const tx = await newTx(me, { accountId: from.id, date: '2026-04-05', amount: -1000, transferAccountId: to.id, cleared: 'cleared' });
    await api(me, 'PATCH', `/api/v1/finance/transactions/${tx.transfer!.transactionId}`, { cleared: 'cleared' });
    expect((await api(me, 'POST', `/api/v1/finance/accounts/${to.id}/reconcile`, { statementDate: '2026-04-30', statementBalance: 1000 })).status).toBe(200);
    const r = await api<ErrorResponse>(me, 'PATCH', `/api/v1/finance/transactions/${tx.id}`, { amount: -1200 });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/other side of this transfer is reconciled/);
    expect((await account(me, to.id)).balance).toBe(1000);
  });
});

describe('ownership', () => {
  it("answers 404 for another user's accounts and transactions, 400 for their ids in fields", async () => {
    const acc = await newAccount(me, { name: 'Private' });
    const tx = await newTx(me, { accountId: acc.id, date: '2026-05-01', amount: -100 });
    const group = (await api<FinanceCategoryGroup>(me, 'POST', '/api/v1/finance/category-groups', { name: 'Mine' })).body;
    const cat = (await api<FinanceCategory>(me, 'POST', '/api/v1/finance/categories', { groupId: group.id, name: 'Mine' })).body;
    for (const [method, url] of [
      ['GET', `/api/v1/finance/accounts/${acc.id}`],
      ['PATCH', `/api/v1/finance/accounts/${acc.id}`],
      ['DELETE', `/api/v1/finance/accounts/${acc.id}`],
      ['GET', `/api/v1/finance/transactions/${tx.id}`],
      ['PATCH', `/api/v1/finance/transactions/${tx.id}`],
      ['DELETE', `/api/v1/finance/transactions/${tx.id}`],
      ['PATCH', `/api/v1/finance/categories/${cat.id}`],
      ['DELETE', `/api/v1/finance/categories/${cat.id}`],
      ['PATCH', `/api/v1/finance/category-groups/${group.id}`],
    ] as const) {
      expect((await api(other, method, url, method === 'PATCH' ? {} : undefined)).status, `${method} ${url}`).toBe(404);
    }
    expect((await api(other, 'POST', `/api/v1/finance/accounts/${acc.id}/reconcile`, { statementBalance: 0 })).status).toBe(404);
    const theirs = await newAccount(other, { name: 'Theirs' });
    const sneak = await api<ErrorResponse>(other, 'POST', '/api/v1/finance/transactions', { accountId: acc.id, date: '2026-05-01', amount: 1 });
    expect(sneak.body.error.fields?.accountId).toBe('no such account');
    const sneakCat = await api<ErrorResponse>(other, 'POST', '/api/v1/finance/transactions', { accountId: theirs.id, date: '2026-05-01', amount: 1, categoryId: cat.id });
    expect(sneakCat.body.error.fields?.categoryId).toBe('no such category');
    const sneakTransfer = await api<ErrorResponse>(other, 'POST', '/api/v1/finance/transactions', { accountId: theirs.id, date: '2026-05-01', amount: -1, transferAccountId: acc.id });
    expect(sneakTransfer.body.error.fields?.transferAccountId).toBe('no such account');
    const list = await api<{ items: Transaction[] }>(other, 'GET', `/api/v1/finance/transactions?accountId=${acc.id}`);
    expect(list.body.items).toEqual([]);
    expect((await account(me, acc.id)).balance).toBe(-100);
  });
});

describe('currencies', () => {
  it('lists the accepted codes with their exponents', async () => {
    const r = await api<{ items: { code: string; exponent: number }[] }>(me, 'GET', '/api/v1/finance/currencies');
    const byCode = new Map(r.body.items.map((c) => [c.code, c.exponent]));
    expect([byCode.get('JPY'), byCode.get('USD'), byCode.get('KWD'), byCode.get('CLF')]).toEqual([0, 2, 3, 4]);
    expect(byCode.has('XAU')).toBe(false);
  });
});
