import type { CreateGoalInput, FinanceSettings, Goal, GoalList, UpdateGoalInput } from '@atom/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { FINANCE_KEY } from '../../app/query-keys';

const GOALS_KEY = [...FINANCE_KEY, 'goals'] as const;
const SETTINGS_KEY = [...FINANCE_KEY, 'settings'] as const;

export const goalsApi = {
  create: (input: CreateGoalInput) => api<Goal>('POST', '/finance/goals', input),
  update: (goalId: string, input: UpdateGoalInput) => api<Goal>('PATCH', `/finance/goals/${encodeURIComponent(goalId)}`, input),
  remove: (goalId: string) => api<undefined>('DELETE', `/finance/goals/${encodeURIComponent(goalId)}`),
};

export function useGoals() {
  return useQuery({ queryKey: GOALS_KEY, queryFn: () => api<GoalList>('GET', '/finance/goals'), select: (d) => d.items });
}

/** Budgets, reports and category goals count in this currency. */
export function useBaseCurrency() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api<FinanceSettings>('GET', '/finance/settings'), select: (d) => d.baseCurrency });
}
