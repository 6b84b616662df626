import type { CreateScheduledInput, PostScheduledResult, ScheduledTransaction, ScheduledTransactionList, SkipScheduledResult, UpcomingBills, UpdateScheduledInput } from '@atom/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { FINANCE_KEY } from '../../app/query-keys';

const SCHEDULED_KEY = [...FINANCE_KEY, 'scheduled'] as const;
const id = (value: string) => encodeURIComponent(value);

export const scheduledApi = {
  create: (input: CreateScheduledInput) => api<ScheduledTransaction>('POST', '/finance/scheduled', input),
  update: (scheduledId: string, input: UpdateScheduledInput) => api<ScheduledTransaction>('PATCH', `/finance/scheduled/${id(scheduledId)}`, input),
  remove: (scheduledId: string) => api<undefined>('DELETE', `/finance/scheduled/${id(scheduledId)}`),
  post: (scheduledId: string, date: string) => api<PostScheduledResult>('POST', `/finance/scheduled/${id(scheduledId)}/post`, { date }),
  skip: (scheduledId: string, date: string) => api<SkipScheduledResult>('POST', `/finance/scheduled/${id(scheduledId)}/skip`, { date }),
};

export function useScheduled() {
  return useQuery({ queryKey: SCHEDULED_KEY, queryFn: () => api<ScheduledTransactionList>('GET', '/finance/scheduled'), select: (d) => d.items });
}

/** Occurrences not yet posted: overdue ones and those due within `days`. */
export function useUpcoming(days: number) {
  return useQuery({ queryKey: [...SCHEDULED_KEY, 'upcoming', days], queryFn: () => api<UpcomingBills>('GET', `/finance/scheduled/upcoming?days=${days}`), select: (d) => d.items });
}
