import type { BudgetVsActualReport, CashflowReport, NetWorthReport, SpendingReport } from '@atom/contracts';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { categoryActivity } from '../budgets/activity.js';
import { loadBudgetState, presentBudgetMonth } from '../budgets/budget-month.js';
import { addMonth, lastDayOf, monthOfDate, monthsBetween } from '../budgets/months.js';
import { RateBook } from '../rates/rate-book.js';
import { baseCurrencyOf } from '../rates/settings.js';
import { sumToNumber } from '../queries.js';

const MAX_MONTHS = 1200;

function checkRange(from: string, to: string): void {
  if (from > to) throw errors.field('to', 'must not be before from');
  if (monthsBetween(monthOfDate(from), monthOfDate(to)) > MAX_MONTHS) throw errors.field('from', `a report spans at most ${MAX_MONTHS} months`);
}

async function setup(ctx: AppContext, userId: string) {
  const { baseCurrency } = await baseCurrencyOf(ctx.database.db, userId);
  return { base: baseCurrency, book: await RateBook.load(ctx.database.db, userId, baseCurrency) };
}

async function categoryNames(ctx: AppContext, userId: string) {
  const rows = await ctx.database.db
    .selectFrom('finance_categories as c')
    .innerJoin('finance_category_groups as g', 'g.id', 'c.group_id')
    .select(['c.id', 'c.name', 'g.id as group_id', 'g.name as group_name', 'g.is_income'])
    .where('c.user_id', '=', userId)
    .execute();
  return new Map(rows.map((r) => [r.id, { ...r, isIncome: ctx.database.codec.bool.read(r.is_income) }]));
}

/** Money out by category (or group) over a range of budget accounts; refunds reduce it; income categories are left out. */
export async function spendingReport(ctx: AppContext, actor: Actor, q: { from: string; to: string; groupBy: 'category' | 'group' }): Promise<SpendingReport> {
  checkRange(q.from, q.to);
  const { base, book } = await setup(ctx, actor.user.id);
  const names = await categoryNames(ctx, actor.user.id);
  const rows = await categoryActivity(ctx.database, book, { userId: actor.user.id, base, from: q.from, to: q.to, bucket: 'range' });
  const totals = new Map<string | null, { id: string | null; name: string; groupName: string | null; spent: number }>();
  for (const r of rows) {
    const c = r.categoryId ? names.get(r.categoryId) : undefined;
    if (c?.isIncome) continue;
    const key = !c ? null : q.groupBy === 'group' ? c.group_id : c.id;
    const entry = totals.get(key) ?? (c ? { id: key, name: q.groupBy === 'group' ? c.group_name : c.name, groupName: q.groupBy === 'group' ? null : c.group_name, spent: 0 } : { id: null, name: 'Uncategorised', groupName: null, spent: 0 });
    // Uncategorised inflows are income, not negative spending.
    entry.spent -= c ? r.amount : r.outflow;
    totals.set(key, entry);
  }
  const items = [...totals.values()].filter((i) => i.spent !== 0).sort((a, b) => b.spent - a.spent || a.name.localeCompare(b.name));
  return { from: q.from, to: q.to, groupBy: q.groupBy, items, total: items.reduce((s, i) => s + i.spent, 0), ...book.report() };
}

/** Income and expense per month of budget accounts (transfers between them are neither). */
export async function cashflowReport(ctx: AppContext, actor: Actor, q: { from: string; to: string }): Promise<CashflowReport> {
  checkRange(q.from, q.to);
  const { base, book } = await setup(ctx, actor.user.id);
  const names = await categoryNames(ctx, actor.user.id);
  const byMonth = new Map<string, { income: number; expense: number }>();
  for (let m = monthOfDate(q.from); m <= monthOfDate(q.to); m = addMonth(m, 1)) byMonth.set(m, { income: 0, expense: 0 });
  for (const r of await categoryActivity(ctx.database, book, { userId: actor.user.id, base, from: q.from, to: q.to })) {
    const entry = byMonth.get(r.month)!;
    const c = r.categoryId ? names.get(r.categoryId) : undefined;
    if (c?.isIncome) entry.income += r.amount;
    else if (c) entry.expense -= r.amount;
    else {
      entry.income += r.inflow;
      entry.expense -= r.outflow;
    }
  }
  const months = [...byMonth].map(([month, v]) => ({ month, income: v.income, expense: v.expense, net: v.income - v.expense }));
  return { from: q.from, to: q.to, months, ...book.report() };
}

/** Every account's balance at each month end (the last point at `to`), converted at that day's rate. */
export async function netWorthReport(ctx: AppContext, actor: Actor, q: { from: string; to: string }): Promise<NetWorthReport> {
  checkRange(q.from, q.to);
  const { db, dialect } = ctx.database;
  const userId = actor.user.id;
  const { book } = await setup(ctx, userId);
  const accounts = await db.selectFrom('finance_accounts').select(['id', 'name', 'currency', 'opening_balance', 'opening_date']).where('user_id', '=', userId).orderBy('rank').orderBy('id').execute();
  // From the activity summary: every account's daily sums, transfers and split parts included.
  const monthExpr = dialect === 'postgres' ? sql<string>`to_char(day, 'YYYY-MM')` : sql<string>`substr(day, 1, 7)`;
  const sums = await db
    .selectFrom('finance_activity')
    .select(['account_id', monthExpr.as('month'), sql<string | number | null>`sum(total)`.as('total')])
    .where('user_id', '=', userId)
    .where('day', '<=', q.to)
    .groupBy(['account_id', sql`2`])
    .execute();
  const before = new Map<string, number>();
  const within = new Map<string, number>();
  const firstMonth = monthOfDate(q.from);
  for (const s of sums) {
    if (s.month < firstMonth) before.set(s.account_id, (before.get(s.account_id) ?? 0) + sumToNumber(s.total));
    else within.set(`${s.account_id}/${s.month}`, sumToNumber(s.total));
  }
  const running = new Map(accounts.map((a) => [a.id, before.get(a.id) ?? 0]));
  const points: NetWorthReport['points'] = [];
  for (let m = firstMonth; m <= monthOfDate(q.to); m = addMonth(m, 1)) {
    const date = lastDayOf(m) < q.to ? lastDayOf(m) : q.to;
    const lines = [];
    let total = 0;
    for (const a of accounts) {
      running.set(a.id, running.get(a.id)! + (within.get(`${a.id}/${m}`) ?? 0));
      if (a.opening_date > date) continue;
      const balance = a.opening_balance + running.get(a.id)!;
      const converted = book.convert(balance, a.currency, date);
      if (converted !== null) total += converted;
      lines.push({ accountId: a.id, name: a.name, currency: a.currency, balance, converted });
    }
    points.push({ date, total, accounts: lines });
  }
  return { from: q.from, to: q.to, points, ...book.report() };
}

export async function budgetVsActualReport(ctx: AppContext, actor: Actor, month: string): Promise<BudgetVsActualReport> {
  const budget = presentBudgetMonth(await loadBudgetState(ctx, actor.user.id, month), month);
  const items = budget.groups
    .filter((g) => !g.isIncome)
    .flatMap((g) => g.categories.map((c) => ({ categoryId: c.id, name: c.name, groupName: g.name, assigned: c.assigned, actual: -c.spent, difference: c.assigned + c.spent })));
  const { baseCurrency, ratesUsed, missingRates } = budget;
  return { month, items, assigned: budget.assigned, actual: -budget.spent, baseCurrency, ratesUsed, missingRates };
}
