import type { BudgetMonth } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { RateBook } from '../rates/rate-book.js';
import { baseCurrencyOf } from '../rates/settings.js';
import { categoryActivity } from './activity.js';
import { isMonth, lastDayOf, monthOfDate } from './months.js';
import { rollBudget, type MonthResult, type RollCategory } from './roll.js';

export function parseMonth(text: string): string {
  if (!isMonth(text)) throw new AppError('not_found', 404, `No budget month "${text.slice(0, 20)}": months are written YYYY-MM, e.g. 2026-03`);
  return text;
}

export interface CategoryInfo extends RollCategory {
  name: string;
  hidden: boolean;
  groupId: string;
}

export interface GroupInfo {
  id: string;
  name: string;
  isIncome: boolean;
  hidden: boolean;
}

export interface BudgetState {
  book: RateBook;
  groups: GroupInfo[];
  categories: CategoryInfo[];
  months: MonthResult[];
  /** month -> uncategorised outflows */
  uncategorised: Map<string, number>;
}

function add(map: Map<string, Map<string, number>>, key: string, month: string, amount: number): void {
  const byMonth = map.get(key) ?? new Map<string, number>();
  byMonth.set(month, (byMonth.get(month) ?? 0) + amount);
  map.set(key, byMonth);
}

/** Everything from the first month with data up to `target`, rolled month by month. */
export async function loadBudgetState(ctx: AppContext, userId: string, target: string): Promise<BudgetState> {
  const { db, codec } = ctx.database;
  const { baseCurrency } = await baseCurrencyOf(db, userId);
  const book = await RateBook.load(db, userId, baseCurrency);
  const groupRows = await db.selectFrom('finance_category_groups').selectAll().where('user_id', '=', userId).orderBy('rank').orderBy('id').execute();
  const categoryRows = await db.selectFrom('finance_categories').selectAll().where('user_id', '=', userId).orderBy('rank').orderBy('id').execute();
  const groups = groupRows.map((g) => ({ id: g.id, name: g.name, isIncome: codec.bool.read(g.is_income), hidden: codec.bool.read(g.hidden) }));
  const incomeGroups = new Set(groups.filter((g) => g.isIncome).map((g) => g.id));
  const categories: CategoryInfo[] = categoryRows.map((c) => ({
    id: c.id,
    name: c.name,
    hidden: codec.bool.read(c.hidden),
    groupId: c.group_id,
    isIncome: incomeGroups.has(c.group_id),
    rolloverOverspending: codec.bool.read(c.rollover_overspending),
  }));

  const activity = new Map<string, Map<string, number>>();
  const otherIncome = new Map<string, number>();
  const uncategorised = new Map<string, number>();
  for (const row of await categoryActivity(ctx.database, book, { userId, base: baseCurrency, to: lastDayOf(target) })) {
    if (row.categoryId) add(activity, row.categoryId, row.month, row.amount);
    else {
      otherIncome.set(row.month, (otherIncome.get(row.month) ?? 0) + row.inflow);
      uncategorised.set(row.month, (uncategorised.get(row.month) ?? 0) + row.outflow);
    }
  }
  // An opening balance is money the budget starts with: income of its month, like YNAB's "starting balance".
  const openings = await db
    .selectFrom('finance_accounts')
    .select(['currency', 'opening_balance', 'opening_date'])
    .where('user_id', '=', userId)
    .where('on_budget', '=', codec.bool.write(true))
    .where('opening_date', '<=', lastDayOf(target))
    .execute();
  for (const a of openings) {
    const amount = book.convert(a.opening_balance, a.currency, a.opening_date);
    if (amount !== null) otherIncome.set(monthOfDate(a.opening_date), (otherIncome.get(monthOfDate(a.opening_date)) ?? 0) + amount);
  }
  const assigned = new Map<string, Map<string, number>>();
  for (const b of await db.selectFrom('finance_budgets').select(['category_id', 'month', 'assigned']).where('user_id', '=', userId).where('month', '<=', target).execute()) {
    add(assigned, b.category_id, b.month, b.assigned);
  }
  return { book, groups, categories, months: rollBudget({ categories, activity, assigned, otherIncome, target }), uncategorised };
}

export function presentBudgetMonth(state: BudgetState, month: string): BudgetMonth {
  const result = state.months.find((m) => m.month === month)!;
  let assigned = 0;
  let spent = 0;
  let available = 0;
  const groups = state.groups.map((g) => {
    const categories = state.categories
      .filter((c) => c.groupId === g.id)
      .map((c) => ({ id: c.id, name: c.name, hidden: c.hidden, rolloverOverspending: c.rolloverOverspending, ...result.categories.get(c.id)! }));
    const sum = (k: 'assigned' | 'spent' | 'available') => categories.reduce((s, c) => s + c[k], 0);
    if (!g.isIncome) {
      assigned += sum('assigned');
      spent += sum('spent');
      available += sum('available');
    }
    return { ...g, assigned: sum('assigned'), spent: sum('spent'), available: sum('available'), categories };
  });
  return {
    month,
    income: result.income,
    assigned,
    spent,
    available,
    uncategorised: state.uncategorised.get(month) ?? 0,
    overspentLastMonth: result.overspentLastMonth,
    toBudget: result.toBudget,
    groups,
    ...state.book.report(),
  };
}

export async function getBudgetMonth(ctx: AppContext, userId: string, monthText: string): Promise<BudgetMonth> {
  const month = parseMonth(monthText);
  return presentBudgetMonth(await loadBudgetState(ctx, userId, month), month);
}
