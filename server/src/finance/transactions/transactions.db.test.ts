import type { FinanceAccount, FinanceCategory, FinanceCategoryGroup, Transaction, TransactionPage } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../platform/events/domain-events.js';
import { createTestApp, signUp, type Session, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let me: Session;
let usd: FinanceAccount;
let usd2: FinanceAccount;
let eur: FinanceAccount;
let food: FinanceCategory;
let home: FinanceCategory;
const events: DomainEvent[] = [];

interface ErrorResponse {
  error: { code: string; message: string; fields?: Record<string, string> };
}

async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: method === 'GET' ? { cookie: me.cookie } : me.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: (String(res.headers['content-type']).includes('json') ? res.json() : res.body) as T, headers: res.headers };
}

async function newTx(input: Record<string, unknown>): Promise<Transaction> {
  const r = await api<Transaction>('POST', '/api/v1/finance/transactions', input);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const get = async (id: string) => api<Transaction>('GET', `/api/v1/finance/transactions/${id}`);
const balance = async (id: string) => (await api<FinanceAccount>('GET', `/api/v1/finance/accounts/${id}`)).body.balance;

beforeAll(async () => {
  t = await createTestApp();
  me = await signUp(t.app);
  t.ctx.events.onAny((e: DomainEvent) => void events.push(e));
  const acc = async (name: string, currency: string) => (await api<FinanceAccount>('POST', '/api/v1/finance/accounts', { name, type: 'checking', currency })).body;
  usd = await acc('Checking', 'USD');
  usd2 = await acc('Savings', 'USD');
  eur = await acc('Euro account', 'EUR');
  const group = (await api<FinanceCategoryGroup>('POST', '/api/v1/finance/category-groups', { name: 'Everyday' })).body;
  food = (await api<FinanceCategory>('POST', '/api/v1/finance/categories', { groupId: group.id, name: 'Food' })).body;
  home = (await api<FinanceCategory>('POST', '/api/v1/finance/categories', { groupId: group.id, name: 'Home' })).body;
});
afterAll(async () => t.close());

describe('splits', () => {
  it('stores parts that add up to the amount', async () => {
    const tx = await newTx({
      accountId: usd.id,
      date: '2026-06-01',
      amount: -10_000,
      payee: 'Hypermarket',
      splits: [
        { categoryId: food.id, amount: -6_000, notes: 'groceries' },
        { categoryId: home.id, amount: -4_000 },
      ],
    });
    expect(tx.categoryId).toBeNull();
    expect(tx.splits.map((s) => [s.categoryId, s.amount, s.notes])).toEqual([[food.id, -6000, 'groceries'], [home.id, -4000, '']]);
  });

  it('refuses parts that do not add up, naming splits, and stores nothing', async () => {
    const before = await balance(usd.id);
    const r = await api<ErrorResponse>('POST', '/api/v1/finance/transactions', {
      accountId: usd.id,
      date: '2026-06-01',
      amount: -10_000,
      splits: [{ categoryId: food.id, amount: -6_000 }, { categoryId: home.id, amount: -3_999 }],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields?.splits).toBe('the parts add up to -99.99 USD but the transaction amount is -100.00 USD');
    const unknownCat = await api<ErrorResponse>('POST', '/api/v1/finance/transactions', {
      accountId: usd.id,
      date: '2026-06-01',
      amount: -2,
      splits: [{ categoryId: food.id, amount: -1 }, { categoryId: 'nope', amount: -1 }],
    });
    expect(unknownCat.body.error.fields?.['splits.1.categoryId']).toBe('no such category');
    expect(await balance(usd.id)).toBe(before);
  });

  it('makes an amount edit carry new parts, and unsplits with splits: null', async () => {
    const tx = await newTx({ accountId: usd.id, date: '2026-06-02', amount: -300, splits: [{ categoryId: food.id, amount: -100 }, { categoryId: home.id, amount: -200 }] });
    const lone = await api<ErrorResponse>('PATCH', `/api/v1/finance/transactions/${tx.id}`, { amount: -400 });
    expect(lone.status).toBe(400);
    expect(lone.body.error.fields?.splits).toMatch(/add up to -3\.00 USD but the transaction amount is -4\.00 USD/);
    const both = await api<Transaction>('PATCH', `/api/v1/finance/transactions/${tx.id}`, { amount: -400, splits: [{ categoryId: food.id, amount: -150 }, { categoryId: home.id, amount: -250 }] });
    expect(both.body.splits.map((s) => s.amount)).toEqual([-150, -250]);
    const categoryOnSplit = await api<ErrorResponse>('PATCH', `/api/v1/finance/transactions/${tx.id}`, { categoryId: food.id });
    expect(categoryOnSplit.body.error.fields).toHaveProperty('categoryId');
    const unsplit = await api<Transaction>('PATCH', `/api/v1/finance/transactions/${tx.id}`, { splits: null, categoryId: food.id });
    expect(unsplit.body).toMatchObject({ splits: [], categoryId: food.id, amount: -400 });
  });
});

describe('transfers', () => {
  it('links a same-currency pair and keeps it consistent on edit and delete', async () => {
    const before = [await balance(usd.id), await balance(usd2.id)];
    const tx = await newTx({ accountId: usd.id, date: '2026-06-03', amount: -50_000, payee: 'To savings', transferAccountId: usd2.id });
    expect(tx.transfer).toMatchObject({ accountId: usd2.id, amount: 50_000, currency: 'USD' });
    const far = (await get(tx.transfer!.transactionId)).body;
    expect(far).toMatchObject({ accountId: usd2.id, amount: 50_000, date: '2026-06-03', transfer: { transactionId: tx.id, amount: -50_000 } });

    await api('PATCH', `/api/v1/finance/transactions/${far.id}`, { amount: 60_000, date: '2026-06-04' });
    expect((await get(tx.id)).body).toMatchObject({ amount: -60_000, date: '2026-06-04' });
    expect([await balance(usd.id), await balance(usd2.id)]).toEqual([before[0]! - 60_000, before[1]! + 60_000]);

    const split = await api<ErrorResponse>('PATCH', `/api/v1/finance/transactions/${tx.id}`, { splits: [{ amount: -1 }, { amount: -59_999 }] });
    expect(split.body.error.fields?.splits).toBe('a transfer cannot be split');

    expect((await api('DELETE', `/api/v1/finance/transactions/${far.id}`)).status).toBe(204);
    expect((await get(tx.id)).status).toBe(404);
    expect([await balance(usd.id), await balance(usd2.id)]).toEqual(before);
  });

  it('records both amounts across currencies and requires transferAmount there', async () => {
    const missing = await api<ErrorResponse>('POST', '/api/v1/finance/transactions', { accountId: usd.id, date: '2026-06-05', amount: -10_000, transferAccountId: eur.id });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields?.transferAmount).toMatch(/is required: USD -> EUR/);
    const sameSign = await api<ErrorResponse>('POST', '/api/v1/finance/transactions', { accountId: usd.id, date: '2026-06-05', amount: -10_000, transferAccountId: eur.id, transferAmount: -9_200 });
    expect(sameSign.body.error.fields?.transferAmount).toMatch(/opposite sign/);
    const self = await api<ErrorResponse>('POST', '/api/v1/finance/transactions', { accountId: usd.id, date: '2026-06-05', amount: -1, transferAccountId: usd.id });
    expect(self.body.error.fields?.transferAccountId).toMatch(/another account/);

    const tx = await newTx({ accountId: usd.id, date: '2026-06-05', amount: -10_000, transferAccountId: eur.id, transferAmount: 9_213 });
    expect(tx).toMatchObject({ amount: -10_000, currency: 'USD', transfer: { accountId: eur.id, amount: 9_213, currency: 'EUR' } });
    expect(await balance(eur.id)).toBe(9_213);

    const noRate = await api<ErrorResponse>('PATCH', `/api/v1/finance/transactions/${tx.id}`, { amount: -20_000 });
    expect(noRate.body.error.fields).toHaveProperty('transferAmount');
    const edited = await api<Transaction>('PATCH', `/api/v1/finance/transactions/${tx.id}`, { amount: -20_000, transferAmount: 18_400 });
    expect(edited.body.transfer).toMatchObject({ amount: 18_400, currency: 'EUR' });
    const notesOnly = await api<Transaction>('PATCH', `/api/v1/finance/transactions/${tx.id}`, { notes: 'holiday money' });
    expect(notesOnly.body.transfer?.amount).toBe(18_400);
    expect(await balance(eur.id)).toBe(18_400);
    const moveAcrossCurrency = await api<ErrorResponse>('PATCH', `/api/v1/finance/transactions/${tx.id}`, { accountId: eur.id });
    expect(moveAcrossCurrency.body.error.fields?.accountId).toBeDefined();
  });
});

describe('listing', () => {
  let acc: FinanceAccount;
  beforeAll(async () => {
    acc = (await api<FinanceAccount>('POST', '/api/v1/finance/accounts', { name: 'Busy', type: 'credit_card', currency: 'USD' })).body;
    // 25 transactions over 5 days, several per day, so pages cut inside a day.
    for (let i = 0; i < 25; i++) {
      await newTx({
        accountId: acc.id,
        date: `2026-07-0${1 + (i % 5)}`,
        amount: -(i + 1) * 100,
        payee: i % 2 === 0 ? 'Coffee Shop' : 'Book 50% off_store',
        categoryId: i % 3 === 0 ? food.id : null,
        cleared: i % 4 === 0 ? 'cleared' : 'uncleared',
        tags: i % 5 === 0 ? ['Work'] : [],
        notes: i === 7 ? 'birthday gift' : '',
      });
    }
  });

  it('pages newest first without gaps or repeats, and stays stable when rows are added behind the cursor', async () => {
    const seen: Transaction[] = [];
    let cursor: string | null = null;
    let first = true;
    do {
      const page: { body: TransactionPage } = await api<TransactionPage>('GET', `/api/v1/finance/transactions?accountId=${acc.id}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
      if (first) {
        // A newer transaction arrives after the first page: it must not shift the pages after it.
        await newTx({ accountId: acc.id, date: '2026-07-31', amount: -1, payee: 'late' });
        first = false;
      }
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen.map((x) => x.id)).size).toBe(25);
    const keys = seen.map((x) => `${x.date}|${x.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    const bad = await api<ErrorResponse>('GET', `/api/v1/finance/transactions?cursor=nonsense`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('cursor');
  });

  it('filters by date, text, amount, category, tag and cleared state', async () => {
    const q = async (params: string) => (await api<TransactionPage>('GET', `/api/v1/finance/transactions?accountId=${acc.id}&limit=1000&${params}`)).body.items;
    expect((await q('from=2026-07-02&to=2026-07-03')).every((x) => x.date >= '2026-07-02' && x.date <= '2026-07-03')).toBe(true);
    expect(await q('from=2026-07-02&to=2026-07-03')).toHaveLength(10);
    expect(await q('q=coffee')).toHaveLength(13);
    expect(await q(`q=${encodeURIComponent('50%')}`)).toHaveLength(12);
    expect(await q('q=_s')).toHaveLength(12);
    expect((await q('q=BIRTHDAY')).map((x) => x.amount)).toEqual([-800]);
    expect((await q('minAmount=-500&maxAmount=-200')).map((x) => x.amount).sort((a, b) => a - b)).toEqual([-500, -400, -300, -200]);
    expect(await q(`categoryId=${food.id}`)).toHaveLength(9);
    expect(await q('tag=work')).toHaveLength(5);
    expect(await q('cleared=cleared')).toHaveLength(7);
    expect(await q('minAmount=')).toHaveLength(26); // empty means no bound, not 0
    const float = await api<ErrorResponse>('GET', '/api/v1/finance/transactions?minAmount=1.5');
    expect(float.status).toBe(400);
    expect(float.body.error.fields).toHaveProperty('minAmount');
  });

  it('finds split transactions by the category of a part', async () => {
    const tx = await newTx({ accountId: usd2.id, date: '2026-07-10', amount: -900, splits: [{ categoryId: home.id, amount: -400 }, { categoryId: null, amount: -500 }] });
    const items = (await api<TransactionPage>('GET', `/api/v1/finance/transactions?accountId=${usd2.id}&categoryId=${home.id}`)).body.items;
    expect(items.map((x) => x.id)).toEqual([tx.id]);
  });

  it('exports the same filters as CSV, one line per split part, spreadsheet-safe', async () => {
    const acc2 = (await api<FinanceAccount>('POST', '/api/v1/finance/accounts', { name: 'Export, "quoted"', type: 'checking', currency: 'JPY' })).body;
    await newTx({ accountId: acc2.id, date: '2026-08-01', amount: -1500, payee: '=HYPERLINK("x")', notes: 'line one\nline two', categoryId: food.id, cleared: 'cleared', tags: ['b', 'a'] });
    await newTx({ accountId: acc2.id, date: '2026-08-02', amount: -1000, payee: 'Split shop', splits: [{ categoryId: food.id, amount: -700, notes: 'veg' }, { categoryId: home.id, amount: -300 }] });
    await newTx({ accountId: acc2.id, date: '2026-07-01', amount: 50, payee: 'too early' });
    const r = await api<string>('GET', `/api/v1/finance/transactions/export.csv?accountId=${acc2.id}&from=2026-08-01`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/csv/);
    expect(r.headers['content-disposition']).toMatch(/attachment/);
    const lines = r.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Date,Account,Payee,Category,Amount,Currency,Cleared,Pending,Notes,Tags,Transfer account,Transaction id');
    expect(lines[1]).toMatch(/^2026-08-02,"Export, ""quoted""",Split shop,Food,-700,JPY,uncleared,no,veg,,,\S+$/);
    expect(lines[2]).toMatch(/^2026-08-02,"Export, ""quoted""",Split shop,Home,-300,JPY,uncleared,no,,,,\S+$/);
    expect(lines).toHaveLength(4);
    expect(r.body).toContain(`2026-08-01,"Export, ""quoted""","'=HYPERLINK(""x"")",Food,-1500,JPY,cleared,no,"line one\nline two",a b,,`);
    expect(r.body).not.toContain('too early');
  });
});

describe('bad input', () => {
  it('names the field for unknown accounts and categories, floats, and impossible dates; stores nothing', async () => {
    const before = (await api<TransactionPage>('GET', '/api/v1/finance/transactions?limit=1000')).body.items.length;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ accountId: 'missing', date: '2026-01-01', amount: 1 }, 'accountId', /no such account/],
      [{ accountId: usd.id, date: '2026-01-01', amount: 1, categoryId: 'missing' }, 'categoryId', /no such category/],
      [{ accountId: usd.id, date: '2026-01-01', amount: 12.5 }, 'amount', /whole number of minor units/],
      [{ accountId: usd.id, date: '2026-01-01', amount: '1234' }, 'amount', /integer amount of minor units/],
      [{ accountId: usd.id, date: '2026-02-30', amount: 1 }, 'date', /not a real calendar date/],
      [{ accountId: usd.id, date: '01/02/2026', amount: 1 }, 'date', /like 2026-03-31/],
      [{ accountId: usd.id, date: '2026-01-01', amount: 2 ** 60 }, 'amount', /too large|whole number/],
      [{ accountId: usd.id, date: '2026-01-01', amount: 1, transferAmount: 5 }, 'transferAmount', /only applies/],
      [{ accountId: usd.id, date: '2026-01-01', amount: 1, categoryId: food.id, splits: [{ amount: 1 }, { amount: 0 }] }, 'categoryId', /parts/],
      [{ accountId: usd.id, date: '2026-01-01', amount: 1, splits: [{ amount: 1 }] }, 'splits', /at least two/],
      [{ accountId: usd.id, date: '2026-01-01', amount: 1, cleared: 'maybe' }, 'cleared', /.+/],
    ];
    for (const [payload, field, message] of cases) {
      const r = await api<ErrorResponse>('POST', '/api/v1/finance/transactions', payload);
      expect(r.status, JSON.stringify(payload)).toBe(400);
      expect(r.body.error.fields?.[field], `${JSON.stringify(payload)} -> ${JSON.stringify(r.body)}`).toMatch(message);
    }
    expect((await api<TransactionPage>('GET', '/api/v1/finance/transactions?limit=1000')).body.items).toHaveLength(before);
  });

  it('names the field on edits too, and leaves the transaction as it was', async () => {
    const tx = await newTx({ accountId: usd.id, date: '2026-01-02', amount: -10, payee: 'Kept' });
    const edits: [Record<string, unknown>, string, RegExp][] = [
      [{ categoryId: 'missing', payee: 'Changed' }, 'categoryId', /no such category/],
      [{ accountId: 'missing', payee: 'Changed' }, 'accountId', /no such account/],
      [{ amount: -10.5, payee: 'Changed' }, 'amount', /whole number/],
      [{ transferAmount: 10, payee: 'Changed' }, 'transferAmount', /not a transfer/],
      [{ splits: [{ amount: -5 }, { amount: -4 }], payee: 'Changed' }, 'splits', /add up to -0\.09 USD/],
    ];
    for (const [payload, field, message] of edits) {
      const r = await api<ErrorResponse>('PATCH', `/api/v1/finance/transactions/${tx.id}`, payload);
      expect(r.status, JSON.stringify(payload)).toBe(400);
      expect(r.body.error.fields?.[field]).toMatch(message);
    }
    expect((await get(tx.id)).body).toMatchObject({ payee: 'Kept', amount: -10, splits: [], categoryId: null });
  });
});

describe('events', () => {
  it('emits transaction.created, updated and deleted', async () => {
    events.length = 0;
    const tx = await newTx({ accountId: usd.id, date: '2026-09-01', amount: -42, payee: 'Event test' });
    await api('PATCH', `/api/v1/finance/transactions/${tx.id}`, { payee: 'Renamed' });
    await api('DELETE', `/api/v1/finance/transactions/${tx.id}`);
    await t.ctx.events.drain();
    expect(events.map((e) => e.name)).toEqual(['transaction.created', 'transaction.updated', 'transaction.deleted']);
    expect(events[1]?.payload).toMatchObject({ transaction: { payee: 'Renamed', amount: -42, currency: 'USD' }, changed: ['payee'] });
  });
});
