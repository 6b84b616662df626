import type { BudgetVsActualReport, CashflowReport, NetWorthReport, SpendingReport } from '@atom/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { FINANCE_KEY } from '../../app/query-keys';
import { queryString } from '../finance-api';

const REPORTS_KEY = [...FINANCE_KEY, 'reports'] as const;

export interface Range {
  from: string;
  to: string;
}

function useReport<T>(name: string, params: Record<string, string>) {
  return useQuery({
    queryKey: [...REPORTS_KEY, name, params],
    queryFn: () => api<T>('GET', `/finance/reports/${name}?${queryString(params)}`),
    // Changing the range keeps the last chart on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

export const useSpendingReport = (range: Range, groupBy: 'category' | 'group') => useReport<SpendingReport>('spending', { ...range, groupBy });
export const useCashflowReport = (range: Range) => useReport<CashflowReport>('cashflow', { ...range });
export const useNetWorthReport = (range: Range) => useReport<NetWorthReport>('networth', { ...range, interval: 'month' });
export const useBudgetVsActual = (month: string) => useReport<BudgetVsActualReport>('budget-vs-actual', { month });
