import type { ExchangeRate, ExchangeRateList, FinanceSettings } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { financeApi, type ErrorResponse } from '../budgets/test-kit.js';

let t: TestApp;
let me: Session;
let other: Session;
let f: ReturnType<typeof financeApi>;

beforeAll(async () => {
  t = await createTestApp();
  f = financeApi(t);
  me = await signUp(t.app);
  other = await inviteAndSignUp(t.app, me);
});
afterAll(async () => t.close());

const list = async (s: Session, q = '') => (await f.ok<ExchangeRateList>(s, 'GET', `/api/v1/finance/rates${q}`)).items;
const importCsv = (s: Session, text: string) => f.api<ErrorResponse & { imported: number }>(s, 'POST', '/api/v1/finance/rates/import', text, 'text/csv');

describe('base currency', () => {
  it("defaults to the first account's currency until set", async () => {
    expect(await f.ok<FinanceSettings>(me, 'GET', '/api/v1/finance/settings')).toEqual({ baseCurrency: 'USD', explicit: false });
    await f.account(me, { name: 'Yen', currency: 'JPY' });
    expect((await f.ok<FinanceSettings>(me, 'GET', '/api/v1/finance/settings')).baseCurrency).toBe('JPY');
    expect(await f.ok<FinanceSettings>(me, 'PUT', '/api/v1/finance/settings', { baseCurrency: 'EUR' })).toEqual({ baseCurrency: 'EUR', explicit: true });
    expect(await f.ok<FinanceSettings>(me, 'GET', '/api/v1/finance/settings')).toEqual({ baseCurrency: 'EUR', explicit: true });
    const bad = await f.api<ErrorResponse>(me, 'PUT', '/api/v1/finance/settings', { baseCurrency: 'XYZ' });
    expect(bad.body.error.fields?.baseCurrency).toMatch(/ISO 4217/);
    expect((await f.ok<FinanceSettings>(other, 'GET', '/api/v1/finance/settings')).baseCurrency).toBe('USD');
  });
});

describe('exchange rates', () => {
  it('creates, lists, changes and deletes rates as exact decimal strings', async () => {
    const rate = await f.ok<ExchangeRate>(me, 'POST', '/api/v1/finance/rates', { base: 'USD', quote: 'JPY', date: '2026-03-01', rate: '151.370000' });
    expect(rate).toMatchObject({ base: 'USD', quote: 'JPY', date: '2026-03-01', rate: '151.370000', source: 'manual' });
    const twice = await f.api<ErrorResponse>(me, 'POST', '/api/v1/finance/rates', { base: 'USD', quote: 'JPY', date: '2026-03-01', rate: '150' });
    expect(twice.status).toBe(409);
    for (const [body, field] of [
      [{ base: 'USD', quote: 'USD', date: '2026-03-01', rate: '1' }, 'quote'],
      [{ base: 'USD', quote: 'JPY', date: '2026-03-01', rate: 1.5 }, 'rate'],
      [{ base: 'USD', quote: 'JPY', date: '2026-03-01', rate: '0' }, 'rate'],
      [{ base: 'USD', quote: 'JPY', date: '2026-03-01', rate: '-2' }, 'rate'],
      [{ base: 'USD', quote: 'ABC', date: '2026-03-01', rate: '2' }, 'quote'],
      [{ base: 'USD', quote: 'JPY', date: '2026-02-30', rate: '2' }, 'date'],
    ] as const) {
      const r = await f.api<ErrorResponse>(me, 'POST', '/api/v1/finance/rates', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.fields, JSON.stringify(body)).toHaveProperty(field);
    }
    const changed = await f.ok<ExchangeRate>(me, 'PATCH', `/api/v1/finance/rates/${rate.id}`, { rate: '152.01' });
    expect(changed.rate).toBe('152.01');
    expect((await f.api(other, 'PATCH', `/api/v1/finance/rates/${rate.id}`, { rate: '1' })).status).toBe(404);
    expect(await list(other)).toEqual([]);
    await f.ok(me, 'DELETE', `/api/v1/finance/rates/${rate.id}`);
    expect(await list(me)).toEqual([]);
  });

  it('imports a CSV all or nothing, naming the bad line', async () => {
    const bad = await importCsv(me, 'date,base,quote,rate\n2026-01-01,EUR,USD,1.08\n2026-01-02,EUR,USD,1,09\n');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^line 3: expected 4 values/);
    expect(bad.body.error.fields).toHaveProperty(['line 3']);
    const repeated = await importCsv(me, '2026-01-01,EUR,USD,1.08\r\n2026-01-01,eur,usd,1.09\r\n');
    expect(repeated.body.error.message).toMatch(/^line 2: repeats the EUR\/USD rate of 2026-01-01 from line 1/);
    const badRate = await importCsv(me, '2026-01-01,EUR,USD,1.08\n2026-01-02,EUR,GBP,abc\n');
    expect(badRate.body.error.message).toMatch(/^line 2: rate /);
    expect(await list(me)).toEqual([]);

    await f.ok(me, 'POST', '/api/v1/finance/rates', { base: 'EUR', quote: 'USD', date: '2026-01-01', rate: '1.00' });
    const good = await importCsv(me, 'date,base,quote,rate\n2026-01-01,EUR,USD,1.0845\n2026-01-02,GBP,USD,1.27\n\n');
    expect(good).toMatchObject({ status: 200, body: { imported: 2 } });
    const rates = await list(me, '?base=EUR');
    expect(rates.map((r) => [r.date, r.rate, r.source])).toEqual([['2026-01-01', '1.0845', 'import']]);
    expect(await list(me, '?from=2026-01-02')).toHaveLength(1);
    expect((await importCsv(me, '')).status).toBe(400);
    expect((await f.api(me, 'POST', '/api/v1/finance/rates/import', 'x', 'text/plain')).status).toBe(415);
  });
});
