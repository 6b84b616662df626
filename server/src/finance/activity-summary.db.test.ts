import type { FinanceAccount, FinanceCategory, Transaction } from '@atom/contracts';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type Session, type TestApp } from '../testing/test-app.js';
import { activitySource } from './activity-summary.js';
import { financeApi } from './budgets/test-kit.js';

let t: TestApp;
let me: Session;
let f: ReturnType<typeof financeApi>;

beforeAll(async () => {
  t = await createTestApp();
  f = financeApi(t);
  me = await signUp(t.app);
});
afterAll(async () => t.close());

type Row = { account_id: string; day: string; category_key: string; counter_key: string; total: number; inflow: number; n: number };
const norm = (rows: Record<string, unknown>[]): Row[] =>
  rows
    .map((r) => ({ account_id: String(r.account_id), day: String(r.day), category_key: String(r.category_key), counter_key: String(r.counter_key), total: Number(r.total), inflow: Number(r.inflow), n: Number(r.n) }))
    .filter((r) => r.n !== 0 || r.total !== 0 || r.inflow !== 0)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The summary as stored, and as recomputed from the raw rows. */
async function both(userId: string): Promise<[Row[], Row[]]> {
  const { db } = t.ctx.database;
  const stored = await db.selectFrom('finance_activity').select(['account_id', 'day', 'category_key', 'counter_key', 'total', 'inflow', 'n']).where('user_id', '=', userId).execute();
  const { rows } = await sql<Record<string, unknown>>`
    select account_id, day, category_key, counter_key, sum(amount) as total, sum(case when amount > 0 then amount else 0 end) as inflow, count(*) as n
    from (${activitySource(sql`t.user_id = ${userId}`)}) x
    group by account_id, day, category_key, counter_key`.execute(db);
  return [norm(stored), norm(rows)];
}

const BOUNDARY = 'summaryBoundary';
function csvForm(csv: string): Buffer {
  const mapping = JSON.stringify({ hasHeader: true, columns: { date: 'Date', payee: 'Payee', amount: 'Amount' }, dateFormat: 'YYYY-MM-DD', decimal: '.' });
  return Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${mapping}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="s.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${BOUNDARY}--\r\n`,
  );
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), day: fc.integer({ min: 1, max: 60 }), amount: fc.integer({ min: -50_000, max: 20_000 }), cat: fc.nat(5), acc: fc.nat(2) }),
  fc.record({ kind: fc.constant('split' as const), day: fc.integer({ min: 1, max: 60 }), a: fc.integer({ min: -9_000, max: 3_000 }), b: fc.integer({ min: -9_000, max: 3_000 }), cat: fc.nat(5), acc: fc.nat(2) }),
  fc.record({ kind: fc.constant('transfer' as const), day: fc.integer({ min: 1, max: 60 }), amount: fc.integer({ min: 1, max: 90_000 }), acc: fc.nat(2), to: fc.nat(2) }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), day: fc.option(fc.integer({ min: 1, max: 60 })), amount: fc.option(fc.integer({ min: -50_000, max: 20_000 })), cat: fc.option(fc.nat(5)), acc: fc.option(fc.nat(2)) }),
  fc.record({ kind: fc.constant('resplit' as const), pick: fc.nat(), cat: fc.nat(5) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('import' as const), days: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 4 }), undo: fc.boolean() }),
  fc.record({ kind: fc.constant('rules' as const) }),
);

describe('activity summary', () => {
  it('equals a recomputation from the raw rows after random writes through every path', async () => {
    const accounts: FinanceAccount[] = [
      await f.account(me, { name: 'A' }),
      await f.account(me, { name: 'B', type: 'savings' }),
      await f.account(me, { name: 'Loan', type: 'loan', onBudget: false }),
    ];
    const g = await f.group(me, 'G');
    const cats: (FinanceCategory | null)[] = [null];
    for (const name of ['c1', 'c2', 'c3', 'c4']) cats.push(await f.category(me, g.id, name));
    const doomed = await f.category(me, g.id, 'doomed');
    cats.push(doomed);
    await f.ok(me, 'POST', '/api/v1/finance/rules', { conditions: [{ field: 'payee', op: 'contains', value: 'move' }], actions: [{ type: 'markTransfer', accountId: accounts[1]!.id }] });
    await f.ok(me, 'POST', '/api/v1/finance/rules', { conditions: [{ field: 'payee', op: 'contains', value: 'shop' }], actions: [{ type: 'setCategory', categoryId: cats[2]!.id }] });
    const live: Transaction[] = [];
    const deleted: string[] = [];
    const date = (d: number) => `2026-${String(1 + Math.floor((d - 1) / 28)).padStart(2, '0')}-${String(((d - 1) % 28) + 1).padStart(2, '0')}`;
    const plain = () => live.filter((x) => !x.transfer);
    const ops = fc.sample(fc.array(op, { minLength: 60, maxLength: 60 }), { numRuns: 1, seed: 20261126 })[0]!;
    let step = 0;
    for (const o of ops) {
      step++;
      const acc = accounts['acc' in o && typeof o.acc === 'number' ? o.acc : 0]!;
      if (o.kind === 'create') {
        live.push(await f.tx(me, { accountId: acc.id, date: date(o.day), amount: o.amount, payee: o.amount % 2 ? 'shop' : 'other', categoryId: cats[o.cat]?.id ?? null }));
      } else if (o.kind === 'split') {
        live.push(await f.tx(me, { accountId: acc.id, date: date(o.day), amount: o.a + o.b, splits: [{ categoryId: cats[o.cat]?.id ?? null, amount: o.a }, { categoryId: cats[(o.cat + 1) % cats.length]?.id ?? null, amount: o.b }] }));
      } else if (o.kind === 'transfer') {
        if (o.acc === o.to) continue;
        live.push(await f.tx(me, { accountId: acc.id, date: date(o.day), amount: -o.amount, transferAccountId: accounts[o.to]!.id }));
      } else if (o.kind === 'update' && live.length > 0) {
        const x = live[o.pick % live.length]!;
        const body: Record<string, unknown> = {};
        if (o.day !== null) body.date = date(o.day);
        if (o.amount !== null && x.splits.length === 0) body.amount = o.amount;
        if (o.cat !== null && x.splits.length === 0 && !x.transfer) body.categoryId = cats[o.cat]?.id ?? null;
        if (o.acc !== null && !x.transfer) body.accountId = accounts[o.acc]!.id;
        const r = await f.api<Transaction>(me, 'PATCH', `/api/v1/finance/transactions/${x.id}`, body);
        if (r.status === 200) live[live.indexOf(x)] = r.body;
      } else if (o.kind === 'resplit' && plain().length > 0) {
        const x = plain()[o.pick % plain().length]!;
        const splits = x.splits.length > 0 ? null : [{ categoryId: cats[o.cat]?.id ?? null, amount: x.amount - 1 }, { categoryId: null, amount: 1 }];
        const r = await f.api<Transaction>(me, 'PATCH', `/api/v1/finance/transactions/${x.id}`, splits ? { splits } : { splits: null, categoryId: cats[o.cat]?.id ?? null });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        live[live.indexOf(x)] = r.body;
      } else if (o.kind === 'delete' && live.length > 0) {
        const x = live[o.pick % live.length]!;
        await f.ok(me, 'DELETE', `/api/v1/finance/transactions/${x.id}`);
        deleted.push(x.id);
        live.splice(live.indexOf(x), 1);
        if (x.transfer) live.splice(live.findIndex((y) => y.id === x.transfer!.transactionId), 1);
      } else if (o.kind === 'restore' && deleted.length > 0) {
        const id = deleted.splice(o.pick % deleted.length, 1)[0]!;
        const back = await f.ok<Transaction>(me, 'POST', `/api/v1/finance/transactions/${id}/restore`);
        live.push(back);
        if (back.transfer) live.push(await f.ok<Transaction>(me, 'GET', `/api/v1/finance/transactions/${back.transfer.transactionId}`));
      } else if (o.kind === 'import') {
        const csv = ['Date,Payee,Amount', ...o.days.map((d, i) => `${date(d)},${i % 2 ? 'move to B' : 'shop'} ${step}-${i},-${d}.${String(i).padStart(2, '0')}`)].join('\n');
        const res = await t.app.inject({ method: 'POST', url: `/api/v1/finance/accounts/${accounts[0]!.id}/import`, headers: { ...me.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, payload: csvForm(csv) });
        expect(res.statusCode, res.body).toBe(200);
        if (o.undo) expect((await f.api(me, 'POST', `/api/v1/finance/imports/${res.json<{ batchId: string }>().batchId}/undo`)).status).toBe(200);
      } else if (o.kind === 'rules') {
        await f.ok(me, 'POST', '/api/v1/finance/rules/apply', {});
      }
      if (step % 10 === 0) {
        const [stored, recomputed] = await both(me.userId);
        expect(stored, `after step ${step} (${o.kind})`).toEqual(recomputed);
      }
    }
    // Deleting a category and an account moves their sums too.
    await f.ok(me, 'DELETE', `/api/v1/finance/categories/${doomed.id}`);
    let [stored, recomputed] = await both(me.userId);
    expect(stored).toEqual(recomputed);
    await f.ok(me, 'DELETE', `/api/v1/finance/accounts/${accounts[1]!.id}`);
    [stored, recomputed] = await both(me.userId);
    expect(stored).toEqual(recomputed);
    expect(recomputed.length).toBeGreaterThan(10);
  });
});
