import type { AppContext } from '../../context.js';
import { loadBudgetState } from './budget-month.js';
import { addMonth, monthOfDate } from './months.js';

/**
 * The months a change in `months` can move: a category's positive `available` rolls into the
 * next month (and a negative one too with rolloverOverspending), so a change in month M can
 * change every month from M on. The range runs from the earliest touched month to the later
 * of the latest touched month and the current one.
 */
export function monthsToCheck(months: string[], today: string): string[] {
  if (months.length === 0) return [];
  const sorted = [...new Set(months)].sort();
  const current = monthOfDate(today);
  const last = sorted.at(-1)! > current ? sorted.at(-1)! : current;
  const out: string[] = [];
  for (let m = sorted[0]!; m <= last; m = addMonth(m, 1)) out.push(m);
  return out;
}

/**
 * After transactions change in `touched` months (the months they left and the months they
 * entered): announce each category newly overspent from the earliest of them to now, once,
 * and forget those that recovered, so a later overspending is announced again. A month that
 * only carries the previous month's overspending forward (rolloverOverspending) is the same
 * overspending, already announced for that month, and is not announced again. One budget
 * computation serves them all: the state up to the latest month holds every earlier one.
 */
export async function checkOverspentMonths(ctx: AppContext, userId: string, touched: string[], today = new Date().toISOString().slice(0, 10)): Promise<void> {
  const months = monthsToCheck(touched, today);
  if (months.length === 0) return;
  const { db } = ctx.database;
  const state = await loadBudgetState(ctx, userId, months.at(-1)!);
  const known = new Set(
    (await db.selectFrom('finance_budget_alerts').select(['category_id', 'month']).where('user_id', '=', userId).where('month', '>=', months[0]!).where('month', '<=', months.at(-1)!).execute()).map(
      (a) => `${a.category_id}|${a.month}`,
    ),
  );
  const now = new Date().toISOString();
  const byMonth = new Map(state.months.map((m) => [m.month, m]));
  for (const month of months) {
    const result = byMonth.get(month);
    if (!result) continue;
    const before = byMonth.get(addMonth(month, -1));
    for (const c of state.categories) {
      if (c.isIncome) continue;
      const key = `${c.id}|${month}`;
      const available = result.categories.get(c.id)?.available ?? 0;
      const carried = c.rolloverOverspending && (before?.categories.get(c.id)?.available ?? 0) < 0;
      if (available >= 0 || carried) {
        if (known.has(key)) await db.deleteFrom('finance_budget_alerts').where('user_id', '=', userId).where('category_id', '=', c.id).where('month', '=', month).execute();
        continue;
      }
      if (known.has(key)) continue;
      const inserted = await db
        .insertInto('finance_budget_alerts')
        .values({ user_id: userId, category_id: c.id, month, created_at: now })
        .onConflict((oc) => oc.columns(['user_id', 'category_id', 'month']).doNothing())
        .returning('category_id')
        .executeTakeFirst();
      if (inserted) ctx.events.emit('budget.overspent', { userId, categoryId: c.id, categoryName: c.name, month, available, currency: state.book.base });
    }
  }
}
