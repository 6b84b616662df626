import { sql } from 'kysely';
import type { AppContext } from '../server/src/context.js';
import { activitySource, rebuildActivity } from '../server/src/finance/activity-summary.js';
import { newTransactionRow } from '../server/src/finance/transactions/create-transaction.js';
import { newId } from '../server/src/platform/ids.js';
import { formatStats, measureGet, measureLatency, printComparison } from './lib/measure.js';
import { signUpForBench, startAtom } from './lib/servers.js';

const TOTAL = 1_000_000;
const CHUNK = 1000;
const FROM = '2023-01-01';
const DAYS = 3 * 365;

/**
 * 1,000,000 transactions over three years in three budget accounts (one in EUR, converted
 * per day at monthly rates), 24 categories in 3 groups, 1% of them split in two parts.
 */
async function seed(ctx: AppContext, userId: string): Promise<void> {
  const { db, codec } = ctx.database;
  const now = new Date().toISOString();
  const accounts = ['USD', 'USD', 'EUR'].map((currency, i) => ({
    id: newId(),
    user_id: userId,
    name: `Account ${i}`,
    type: 'checking' as const,
    currency,
    opening_balance: 0,
    opening_date: FROM,
    closed: codec.bool.write(false),
    on_budget: codec.bool.write(true),
    rank: `a${i}`,
    notes: '',
    created_at: now,
    updated_at: now,
  }));
  await db.insertInto('finance_accounts').values(accounts).execute();
  const categories: string[] = [];
  for (let g = 0; g < 3; g++) {
    const group = { id: newId(), user_id: userId, name: `Group ${g}`, is_income: codec.bool.write(g === 0), hidden: codec.bool.write(false), rank: `g${g}`, created_at: now, updated_at: now };
    await db.insertInto('finance_category_groups').values(group).execute();
    const rows = Array.from({ length: 8 }, (_, c) => ({ id: newId(), user_id: userId, group_id: group.id, name: `Category ${g}.${c}`, hidden: codec.bool.write(false), rollover_overspending: codec.bool.write(false), rank: `c${c}`, created_at: now, updated_at: now }));
    await db.insertInto('finance_categories').values(rows).execute();
    categories.push(...rows.map((r) => r.id));
  }
  const rates = Array.from({ length: 36 }, (_, m) => ({ id: newId(), user_id: userId, base: 'EUR', quote: 'USD', date: `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`, rate: `1.${String(5 + (m % 20)).padStart(2, '0')}`, source: 'bench', created_at: now }));
  await db.insertInto('finance_exchange_rates').values(rates).execute();
  const start = Date.parse(`${FROM}T00:00:00Z`);
  for (let offset = 0; offset < TOTAL; offset += CHUNK) {
    const rows = [];
    const splits = [];
    for (let j = 0; j < CHUNK; j++) {
      const i = offset + j;
      const account = accounts[i % 20 === 0 ? 2 : i % 2]!;
      const date = new Date(start + ((i * 7919) % DAYS) * 86_400_000).toISOString().slice(0, 10);
      const split = i % 100 === 1;
      const amount = -((i * 37) % 20_000) - 100;
      const row = newTransactionRow(codec, userId, {
        account_id: account.id,
        date,
        amount,
        payee: `Payee ${i % 500}`,
        category_id: split ? null : categories[i % categories.length]!,
        is_split: codec.bool.write(split),
      });
      rows.push(row);
      if (split) {
        splits.push({ id: newId(), user_id: userId, transaction_id: row.id, category_id: categories[(i + 3) % 24]!, amount: amount + 50, notes: '', position: 0 });
        splits.push({ id: newId(), user_id: userId, transaction_id: row.id, category_id: categories[(i + 5) % 24]!, amount: -50, notes: '', position: 1 });
      }
    }
    await db.insertInto('finance_transactions').values(rows).execute();
    if (splits.length > 0) await db.insertInto('finance_transaction_splits').values(splits).execute();
  }
  // The seed writes rows directly, past the write paths that keep the activity summary: build it once, as migration 0012 does.
  await rebuildActivity(db, userId);
  await sql`analyze`.execute(db);
}

/** The spending report over 1,000,000 transactions beside a bare count(*) of the same rows. */
export async function financeReportsBench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const atom = await startAtom(dialect);
  try {
    const { userId, token } = await signUpForBench(atom.url);
    const t0 = performance.now();
    await seed(atom.ctx, userId);
    const seedMs = performance.now() - t0;
    const auth = { authorization: `Bearer ${token}` };
    const to = new Date(Date.parse(`${FROM}T00:00:00Z`) + DAYS * 86_400_000).toISOString().slice(0, 10);
    const url = `${atom.url}/api/v1/finance/reports/spending?from=${FROM}&to=${to}`;
    // The seed keeps the event loop busy for minutes: a keep-alive socket from before it may be stale, so the first request may be retried once.
    const first = await fetch(url, { headers: auth }).catch(() => fetch(url, { headers: auth }));
    const check = (await first.json()) as { items: unknown[]; missingRates: unknown[] };
    if (check.items.length !== 16 || check.missingRates.length !== 0) throw new Error(`unexpected report: ${JSON.stringify(check).slice(0, 300)}`);
    const n = 10;
    const ours = await measureGet(url, auth, n);
    const { db } = atom.ctx.database;
    const base = await measureLatency(async () => {
      await db.selectFrom('finance_transactions').select(sql<number>`count(*)`.as('n')).where('user_id', '=', userId).where('date', '>=', FROM).where('date', '<=', to).executeTakeFirstOrThrow();
    }, n);
    printComparison(
      `[finance-reports] spending by category over ${TOTAL.toLocaleString('en')} transactions (${dialect}; seeded in ${(seedMs / 1000).toFixed(1)} s)`,
      [`GET /api/v1/finance/reports/spending (${dialect})`, ours],
      [`bare select count(*) over the same rows`, base],
    );
    // Before migration 0012 the report summed the transactions themselves: the same sums from the raw rows, for comparison.
    const raw = await measureLatency(async () => {
      await sql`select category_key, sum(amount) from (${activitySource(sql`t.user_id = ${userId} and t.date >= ${FROM} and t.date <= ${to}`)}) x group by 1`.execute(db);
    }, 3, 1);
    console.log(formatStats('same sums from the raw rows (pre-summary)', raw));
  } finally {
    await atom.stop();
  }
}
