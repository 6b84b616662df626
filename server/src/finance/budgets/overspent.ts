import type { AppContext } from '../../context.js';
import { loadBudgetState } from './budget-month.js';

/**
 * After transactions change in `month`: announce each category that is now overspent
 * there and was not already announced; forget those that recovered, so a later
 * overspending is announced again.
 */
export async function checkOverspent(ctx: AppContext, userId: string, month: string): Promise<void> {
  const { db } = ctx.database;
  const state = await loadBudgetState(ctx, userId, month);
  const result = state.months.at(-1)!;
  const now = new Date().toISOString();
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
