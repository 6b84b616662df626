import type { BudgetMonth } from '@atom/contracts';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { FINANCE_KEY } from '../../app/query-keys';
import { tellOtherTabs } from '../../app/tab-sync';

export const budgetKey = (month: string) => [...FINANCE_KEY, 'budget', month] as const;

const path = (month: string) => `/finance/budgets/${encodeURIComponent(month)}`;

export const budgetApi = {
  assign: (month: string, categoryId: string, assigned: number) =>
    api<BudgetMonth>('PUT', `${path(month)}/categories/${encodeURIComponent(categoryId)}`, { assigned }),
  copyLastMonth: (month: string) => api<BudgetMonth>('POST', `${path(month)}/copy-last-month`),
  average: (month: string, months = 3) => api<BudgetMonth>('POST', `${path(month)}/average`, { months }),
};

export function useBudgetMonth(month: string) {
  return useQuery({ queryKey: budgetKey(month), queryFn: () => api<BudgetMonth>('GET', path(month)) });
}

/**
 * A write answers the month as it now is; later months roll over from it, and goals and
 * reports read the same envelopes, so the rest of finance refreshes behind it.
 */
export async function acceptBudget(client: QueryClient, saved: BudgetMonth): Promise<void> {
  client.setQueryData(budgetKey(saved.month), saved);
  tellOtherTabs.changed(FINANCE_KEY);
  await client.invalidateQueries({ queryKey: FINANCE_KEY, predicate: (q) => !(q.queryKey[1] === 'budget' && q.queryKey[2] === saved.month) });
}
