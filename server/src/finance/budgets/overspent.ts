import type { AppContext } from '../../context.js';
import { loadBudgetState } from './budget-month.js';

/**
 * After transactions change in `months`: announce each category that is now overspent in
 * one of them and was not already announced; forget those that recovered, so a later
 * overspending is announced again. One budget computation serves them all: the state up to
 * the latest month holds every earlier one (an import over two years costs one, not 24).
 */
export async function checkOverspentMonths(ctx: AppContext, userId: string, months: string[]): Promise<void> {
  if (months.length === 0) return;
  const { db } = ctx.database;
  const latest = months.reduce((a, b) => (a > b ? a : b));
  const state = await loadBudgetState(ctx, userId, latest);
  const now = new Date().toISOString();
  for (const month of [...new Set(months)].sort()) {
    const result = state.months.find((m) => m.month === month);
    if (!result) continue;
    for (const c of state.categories) {
      if (c.isIncome) continue;
      const available = result.categories.get(c.id)?.available ?? 0;
      if (available >= 0) {
        await db.deleteFrom('finance_budget_alerts').where('user_id', '=', userId).where('category_id', '=', c.id).where('month', '=', month).execute();
        continue;
      }
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
