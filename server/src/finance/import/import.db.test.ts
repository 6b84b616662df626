import type { BankImportBatch, BankImportResult, FinanceAccount, Transaction, TransactionPage } from '@atom/contracts';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let me: Session;
let other: Session;

beforeAll(async () => {
  t = await createTestApp();
  me = await signUp(t.app);
  other = await inviteAndSignUp(t.app, me);
});
afterAll(async () => t.close());

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'parsers', 'fixtures', name));
const BOUNDARY = 'atomImportBoundary';

function form(file: { name: string; bytes: Buffer | string }, fields: Record<string, string> = {}) {
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
  chunks.push(Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes));
  chunks.push(Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

async function importFile(s: Session, accountId: string, file: { name: string; bytes: Buffer | string }, opts: { dryRun?: boolean; fields?: Record<string, string> } = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/finance/accounts/${accountId}/import${opts.dryRun ? '?dryRun=true' : ''}`,
    headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: form(file, opts.fields),
  });
  return { status: res.statusCode, body: res.json<BankImportResult & { error: { message: string; fields: Record<string, string> } }>() };
}

async function api<T>(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const res = await t.app.inject({ method, url, headers: method === 'GET' ? { cookie: s.cookie } : s.headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: (res.body ? res.json<T>() : undefined) as T };
}

const newAccount = async (name: string, currency = 'USD') =>
  (await api<FinanceAccount>(me, 'POST', '/api/v1/finance/accounts', { name, type: 'checking', currency, openingBalance: 0, openingDate: '2026-01-01' })).body;
const transactionsOf = async (accountId: string) =>
  (await api<TransactionPage>(me, 'GET', `/api/v1/finance/transactions?accountId=${accountId}&limit=500`)).body.items;

describe('bank-file import', () => {
  it('previews an OFX file without storing anything, then imports it, and a re-import adds nothing', async () => {
    const account = await newAccount('Checking');
    const ofx = { name: 'statement.ofx', bytes: fixture('us-checking-sgml102.ofx') };
    const preview = await importFile(me, account.id, ofx, { dryRun: true });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, batchId: null, format: 'ofx', currency: 'USD' });
    expect(preview.body.counts.new).toBe(preview.body.rows.length);
    expect(preview.body.rows[0]).toMatchObject({ date: '2026-10-15', amount: -475, payee: 'Café Luna', bankId: '202610150001', decision: 'new', willImport: true });
    expect(await transactionsOf(account.id)).toHaveLength(0);

    const emitted: Transaction[] = [];
    const off = t.ctx.events.on('transaction.created', (e) => void emitted.push(e.payload.transaction));
    const done = await importFile(me, account.id, ofx);
    await t.ctx.events.drain();
    off();
    expect(done.status).toBe(200);
    // Each new transaction is announced once, exactly as the API shows it.
    expect(emitted).toHaveLength(done.body.counts.inserted);
    for (const e of emitted) expect(e).toStrictEqual((await api<Transaction>(me, 'GET', `/api/v1/finance/transactions/${e.id}`)).body);
    expect(done.body.counts.inserted).toBe(preview.body.rows.length);
    const stored = await transactionsOf(account.id);
    expect(stored.map((x) => x.amount).sort((a, b) => a - b)).toEqual(preview.body.rows.map((r) => r.amount).sort((a, b) => a - b));
    expect(stored.find((x) => x.amount === 320000)).toMatchObject({ date: '2026-10-17', payee: 'ACME CORP PAYROLL', cleared: 'cleared' });

    const again = await importFile(me, account.id, ofx);
    expect(again.body.counts).toMatchObject({ inserted: 0, duplicate: preview.body.rows.length });
    expect(await transactionsOf(account.id)).toHaveLength(stored.length);
  });

  it('imports a CSV with a mapping, keeps two identical purchases, saves the mapping, and re-importing adds nothing', async () => {
    const account = await newAccount('US bank');
    const csv = { name: 'export.csv', bytes: fixture('us-bank-debit-credit.csv') };
    const preview = await importFile(me, account.id, csv, { dryRun: true });
    expect(preview.body.csv?.source).toBe('proposed');
    const mapping = preview.body.csv!.mapping;
    const done = await importFile(me, account.id, csv, { fields: { mapping: JSON.stringify(mapping) } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const coffees = (await transactionsOf(account.id)).filter((x) => x.payee.startsWith('STARBUCKS'));
    expect(coffees.map((x) => [x.date, x.amount])).toEqual([
      ['2026-10-05', -475],
      ['2026-10-05', -475],
    ]);
    // The next upload of this account's CSV uses the saved mapping.
    const again = await importFile(me, account.id, csv);
    expect(again.body.csv?.source).toBe('saved');
    expect(again.body.counts.inserted).toBe(0);
    expect(again.body.counts.duplicate).toBe(done.body.counts.inserted);
  });

  it('matches a pending transaction with its posted form, and undo puts everything back', async () => {
    const account = await newAccount('Card');
    const pendingCsv = 'Date,Description,Amount,Id,Status\n2026-10-10,LUIGI TRATTORIA,-20.00,P-1,pending\n';
    const mapping = JSON.stringify({ hasHeader: true, columns: { date: 'Date', payee: 'Description', amount: 'Amount', bankId: 'Id' }, dateFormat: 'YYYY-MM-DD', decimal: '.' });
    await importFile(me, account.id, { name: 'pending.csv', bytes: pendingCsv }, { fields: { mapping } });
    // The pending flag comes from OFX/CAMT; mark it as a bank would have.
    await t.ctx.database.db.updateTable('finance_transactions').set({ pending: t.ctx.database.codec.bool.write(true), cleared: 'uncleared' }).where('account_id', '=', account.id).execute();

    const postedCsv = 'Date,Description,Amount,Id\n2026-10-12,Luigi Trattoria,-24.00,X-9\n2026-10-13,Bakery,-3.50,X-10\n';
    const postedMapping = JSON.stringify({ hasHeader: true, columns: { date: 'Date', payee: 'Description', amount: 'Amount', bankId: 'Id' }, dateFormat: 'YYYY-MM-DD', decimal: '.' });
    const posted = await importFile(me, account.id, { name: 'posted.csv', bytes: postedCsv }, { fields: { mapping: postedMapping } });
    expect(posted.body.rows.map((r) => r.decision)).toEqual(['posted', 'new']);
    expect(posted.body.counts).toMatchObject({ inserted: 1, updated: 1 });
    const after = await transactionsOf(account.id);
    expect(after).toHaveLength(2);
    expect(after.find((x) => x.amount === -2400)).toMatchObject({ date: '2026-10-12', pending: false, cleared: 'cleared' });

    const batches = (await api<{ items: BankImportBatch[] }>(me, 'GET', `/api/v1/finance/accounts/${account.id}/imports`)).body.items;
    expect(batches.map((b) => [b.fileName, b.transactionCount, b.updatedCount])).toEqual([
      ['posted.csv', 1, 1],
      ['pending.csv', 1, 0],
    ]);
    const undone = await api<BankImportBatch>(me, 'POST', `/api/v1/finance/imports/${batches[0]!.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.undoneAt).not.toBeNull();
    const restored = await transactionsOf(account.id);
    expect(restored.map((x) => [x.date, x.amount, x.pending])).toEqual([['2026-10-10', -2000, true]]);
    expect((await api(me, 'POST', `/api/v1/finance/imports/${batches[0]!.id}/undo`)).status).toBe(409);
  });

  it('flags a hand-entered purchase as a probable duplicate and imports it only when confirmed', async () => {
    const account = await newAccount('Manual first');
    await api(me, 'POST', '/api/v1/finance/transactions', { accountId: account.id, date: '2026-10-03', amount: -6499, payee: 'Amazon' });
    const csv = { name: 'amazon.csv', bytes: 'Date,Payee,Amount\n2026-10-04,AMAZON MKTPLACE PMTS,-64.99\n' };
    const mapping = JSON.stringify({ hasHeader: true, columns: { date: 'Date', payee: 'Payee', amount: 'Amount' }, dateFormat: 'YYYY-MM-DD', decimal: '.' });
    const first = await importFile(me, account.id, csv, { fields: { mapping } });
    expect(first.body.rows[0]).toMatchObject({ decision: 'probable', willImport: false, existing: { payee: 'Amazon', amount: -6499 } });
    expect(await transactionsOf(account.id)).toHaveLength(1);
    const confirmed = await importFile(me, account.id, csv, { fields: { mapping, importProbable: JSON.stringify([first.body.rows[0]!.importedId]) } });
    expect(confirmed.body.counts.inserted).toBe(1);
    expect(await transactionsOf(account.id)).toHaveLength(2);
  });

  it('refuses bad files with the line, and stores nothing', async () => {
    const account = await newAccount('Strict');
    await api(me, 'POST', '/api/v1/finance/transactions', { accountId: account.id, date: '2026-01-02', amount: -100, payee: 'Kept' });
    const rows = ['Date,Payee,Amount', ...Array.from({ length: 5_100 }, (_, i) => `2026-03-${String((i % 28) + 1).padStart(2, '0')},Shop ${i},-1.${String(i % 100).padStart(2, '0')}`)];
    rows[4_999] = '2026-03-05,Broken row,1.234,56';
    const mapping = JSON.stringify({ hasHeader: true, columns: { date: 'Date', payee: 'Payee', amount: 'Amount' }, dateFormat: 'YYYY-MM-DD', decimal: '.' });
    const broken = await importFile(me, account.id, { name: 'big.csv', bytes: rows.join('\n') }, { fields: { mapping } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/big\.csv, line 5000/);
    expect(broken.body.error.fields.file).toMatch(/^line 5000: /);

    const truncated = fixture('us-checking-sgml102.ofx').subarray(0, 900);
    const cut = await importFile(me, account.id, { name: 'cut.ofx', bytes: truncated });
    expect(cut.status).toBe(400);
    expect(cut.body.error.message).toMatch(/cut\.ofx, line \d+/);

    const euro = await importFile(me, account.id, { name: 'eu.xml', bytes: fixture('camt053-v02-de.xml') });
    expect(euro.status).toBe(400);
    expect(euro.body.error.fields.file).toMatch(/EUR.*USD/);

    const huge = Buffer.alloc(51 * 1024 * 1024, 0x41);
    const tooBig = await importFile(me, account.id, { name: 'huge.csv', bytes: huge });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toMatch(/huge\.csv/);

    expect((await transactionsOf(account.id)).map((x) => x.payee)).toEqual(['Kept']);
  });

  it("runs the user's rules on imported rows: category, payee and tag", async () => {
    const account = await newAccount('Ruled');
    const group = (await api<{ id: string }>(me, 'POST', '/api/v1/finance/category-groups', { name: 'Everyday' })).body;
    const dining = (await api<{ id: string }>(me, 'POST', '/api/v1/finance/categories', { groupId: group.id, name: 'Dining out' })).body;
    const rule = await api(me, 'POST', '/api/v1/finance/rules', {
      conditions: [{ field: 'payee', op: 'contains', value: 'trattoria' }],
      actions: [{ type: 'setCategory', categoryId: dining.id }, { type: 'renamePayee', payee: 'Luigi' }, { type: 'addTag', tag: 'eating-out' }],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const csv = 'Date,Payee,Amount\n2026-10-12,LUIGI TRATTORIA 42,-24.00\n2026-10-13,Bakery,-3.50\n';
    const mapping = JSON.stringify({ hasHeader: true, columns: { date: 'Date', payee: 'Payee', amount: 'Amount' }, dateFormat: 'YYYY-MM-DD', decimal: '.' });
    const emitted: Transaction[] = [];
    const off = t.ctx.events.on('transaction.created', (e) => void emitted.push(e.payload.transaction));
    expect((await importFile(me, account.id, { name: 'ruled.csv', bytes: csv }, { fields: { mapping } })).status).toBe(200);
    await t.ctx.events.drain();
    off();
    const stored = await transactionsOf(account.id);
    expect(stored.find((x) => x.amount === -2400)).toMatchObject({ payee: 'Luigi', categoryId: dining.id, tags: ['eating-out'] });
    expect(stored.find((x) => x.amount === -350)).toMatchObject({ payee: 'Bakery', categoryId: null, tags: [] });
    for (const e of emitted) expect({ ...stored.find((x) => x.id === e.id), runningBalance: undefined }).toStrictEqual({ ...e, runningBalance: undefined });
  });

  it('links a markTransfer rule\'s rows as transfer pairs while importing, as "apply rules" does, and undo removes both sides', async () => {
    const account = await newAccount('Main');
    const savings = await newAccount('Rainy day');
    const group = (await api<{ id: string }>(me, 'POST', '/api/v1/finance/category-groups', { name: 'Moves' })).body;
    const misc = (await api<{ id: string }>(me, 'POST', '/api/v1/finance/categories', { groupId: group.id, name: 'Misc' })).body;
    const rule = await api<{ id: string }>(me, 'POST', '/api/v1/finance/rules', {
      conditions: [{ field: 'payee', op: 'contains', value: 'to rainy day' }],
      actions: [{ type: 'markTransfer', accountId: savings.id }],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    // The savings side of the second move was entered by hand already: the import links to it.
    const handEntered = (await api<Transaction>(me, 'POST', '/api/v1/finance/transactions', { accountId: savings.id, date: '2026-11-06', amount: 5000, payee: 'From main', categoryId: misc.id })).body;
    const csv = 'Date,Payee,Amount\n2026-11-02,MOVE TO RAINY DAY,-100.00\n2026-11-05,Move to rainy day,-50.00\n2026-11-07,Grocer,-12.00\n';
    const mapping = JSON.stringify({ hasHeader: true, columns: { date: 'Date', payee: 'Payee', amount: 'Amount' }, dateFormat: 'YYYY-MM-DD', decimal: '.' });
    const done = await importFile(me, account.id, { name: 'moves.csv', bytes: csv }, { fields: { mapping } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.counts.inserted).toBe(3);

    const main = await transactionsOf(account.id);
    const saved = await transactionsOf(savings.id);
    const big = main.find((x) => x.amount === -10000)!;
    const small = main.find((x) => x.amount === -5000)!;
    expect(main.find((x) => x.amount === -1200)!.transfer).toBeNull();
    const created = saved.find((x) => x.amount === 10000)!;
    expect(created).toMatchObject({ date: '2026-11-02', transfer: { transactionId: big.id, accountId: account.id }, payee: 'MOVE TO RAINY DAY', categoryId: null });
    expect(big).toMatchObject({ transfer: { transactionId: created.id, accountId: savings.id, amount: 10000 }, categoryId: null });
    expect(small.transfer?.transactionId).toBe(handEntered.id);
    expect(saved.find((x) => x.id === handEntered.id)).toMatchObject({ transfer: { transactionId: small.id }, categoryId: null });
    expect(saved).toHaveLength(2);
    // The same rule on demand finds nothing left to link.
    const again = (await api<{ changes: { transferAccountId?: string }[] }>(me, 'POST', '/api/v1/finance/rules/apply', { dryRun: true, accountId: account.id })).body;
    expect(again.changes.filter((c) => c.transferAccountId)).toEqual([]);

    const undone = await api<BankImportBatch>(me, 'POST', `/api/v1/finance/imports/${done.body.batchId}/undo`);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(await transactionsOf(account.id)).toEqual([]);
    // The far side the import created is gone; the hand-entered one is back as it was.
    const left = await transactionsOf(savings.id);
    expect(left.map((x) => [x.id, x.amount, x.transfer, x.categoryId])).toEqual([[handEntered.id, 5000, null, misc.id]]);
    await api(me, 'DELETE', `/api/v1/finance/rules/${rule.body.id}`);
  });

  it("answers 404 for another user's account and import", async () => {
    const account = await newAccount('Private');
    const done = await importFile(me, account.id, { name: 'statement.ofx', bytes: fixture('us-checking-sgml102.ofx') });
    expect((await importFile(other, account.id, { name: 'statement.ofx', bytes: fixture('us-checking-sgml102.ofx') })).status).toBe(404);
    expect((await api(other, 'POST', `/api/v1/finance/imports/${done.body.batchId}/undo`)).status).toBe(404);
    expect((await api(other, 'GET', `/api/v1/finance/accounts/${account.id}/imports`)).status).toBe(404);
  });
});
