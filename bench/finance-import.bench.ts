import type { AppContext } from '../server/src/context.js';
import { rebuildActivity } from '../server/src/finance/activity-summary.js';
import { newTransactionRow } from '../server/src/finance/transactions/create-transaction.js';
import { printComparison, statsOf } from './lib/measure.js';
import { signUpForBench, startAtom } from './lib/servers.js';

const EXISTING = 10_000;
const NEW = 2_000;
const RUNS = 5;

const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + (i % 660) * 86_400_000).toISOString().slice(0, 10);
const PAYEES = ['Grocer', 'Coffee House', 'Fuel Station', 'Bookshop', 'Pharmacy', 'Cinema', 'Bakery', 'Hardware'];

/** 10,000 transactions already in the account, imported before (they carry bank ids). */
async function seedExisting(ctx: AppContext, userId: string, accountId: string): Promise<void> {
  const { db, codec } = ctx.database;
  for (let start = 0; start < EXISTING; start += 1000) {
    const rows = Array.from({ length: 1000 }, (_, j) => {
      const i = start + j;
      return newTransactionRow(codec, userId, { account_id: accountId, date: day(i), amount: -((i * 37) % 9000) - 100, payee: PAYEES[i % PAYEES.length]!, imported_id: `OLD-${i}`, cleared: 'cleared' });
    });
    await db.insertInto('finance_transactions').values(rows).execute();
  }
  // Written past the app's write paths: build the activity summary as migration 0012 would.
  await rebuildActivity(db, userId);
}

/** 2,000 new rows over the same dates (so matching has candidates to weigh), as a bank CSV. */
function newRowsCsv(): string {
  const lines = ['Date,Payee,Amount,Reference'];
  for (let i = 0; i < NEW; i++) {
    const cents = ((i * 53) % 9000) + 101;
    lines.push(`${day(i * 7)},${PAYEES[(i + 3) % PAYEES.length]} ${i % 50},-${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')},NEW-${i}`);
  }
  return `${lines.join('\n')}\n`;
}

const MAPPING = JSON.stringify({ hasHeader: true, columns: { date: 'Date', payee: 'Payee', amount: 'Amount', bankId: 'Reference' }, dateFormat: 'YYYY-MM-DD', decimal: '.' });

async function upload(url: string, token: string, accountId: string, csv: string): Promise<{ inserted: number; duplicate: number }> {
  const body = new FormData();
  body.set('mapping', MAPPING);
  body.set('file', new Blob([csv], { type: 'text/csv' }), 'statement.csv');
  const res = await fetch(`${url}/api/v1/finance/accounts/${accountId}/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${await res.text()}`);
  const json = (await res.json()) as { counts: { inserted: number; duplicate: number } };
  return json.counts;
}

/**
 * Importing 2,000 new transactions (parse, match against 10,000 already there, insert, all
 * in one transaction) and re-importing the same file, beside a bare bulk insert of the same
 * 2,000 rows into an account of the same size, measured in the same run.
 */
export async function financeImportBench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const atom = await startAtom(dialect);
  try {
    const { userId, token } = await signUpForBench(atom.url);
    const csv = newRowsCsv();
    const newAccount = async (name: string) => {
      const res = await fetch(`${atom.url}/api/v1/finance/accounts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name, type: 'checking', currency: 'USD' }),
      });
      const { id } = (await res.json()) as { id: string };
      await seedExisting(atom.ctx, userId, id);
      return id;
    };

    const imports: number[] = [];
    const reimports: number[] = [];
    const bare: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const account = await newAccount(`Import ${run}`);
      let t0 = performance.now();
      const first = await upload(atom.url, token, account, csv);
      imports.push(performance.now() - t0);
      if (first.inserted !== NEW) throw new Error(`expected ${NEW} new transactions, got ${first.inserted}`);
      t0 = performance.now();
      const again = await upload(atom.url, token, account, csv);
      reimports.push(performance.now() - t0);
      if (again.inserted !== 0 || again.duplicate !== NEW) throw new Error(`re-import added ${again.inserted}`);

      const target = await newAccount(`Bare ${run}`);
      const { db, codec } = atom.ctx.database;
      const rows = csv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [date, payee, amount, ref] = line.split(',');
          return newTransactionRow(codec, userId, { account_id: target, date: date!, payee: payee!, amount: Math.round(Number(amount) * 100), imported_id: ref! });
        });
      t0 = performance.now();
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('finance_transactions').values(rows.slice(i, i + 1000)).execute();
      });
      bare.push(performance.now() - t0);
    }
    const title = `[finance-import] ${NEW.toLocaleString('en')} new transactions into an account holding ${EXISTING.toLocaleString('en')} (${dialect}, ${RUNS} runs)`;
    printComparison(title, [`POST .../import, whole request (${dialect})`, statsOf(imports)], ['bare bulk INSERT of the same rows', statsOf(bare)], ' (aim: under 1 s and within 3x)');
    printComparison(`[finance-import] re-import of the same file: all ${NEW.toLocaleString('en')} found already there (${dialect})`, [`POST .../import again (${dialect})`, statsOf(reimports)], ['bare bulk INSERT of the same rows', statsOf(bare)]);
  } finally {
    await atom.stop();
  }
}
