import type {
  CreateCategoryGroupInput,
  CreateCategoryInput,
  CreateFinanceAccountInput,
  CreateTransactionInput,
  CurrencyList,
  FinanceAccount,
  FinanceCategory,
  FinanceCategoryGroup,
  FinanceCategoryTree,
  PayeeList,
  ReconcileInput,
  ReconcileResult,
  Transaction,
  TransactionPage,
  UpdateCategoryGroupInput,
  UpdateCategoryInput,
  UpdateFinanceAccountInput,
  UpdateTransactionInput,
} from '@atom/contracts';
import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../app/api';
import { FINANCE_KEY } from '../app/query-keys';
import { tellOtherTabs } from '../app/tab-sync';

export const ACCOUNTS_KEY = [...FINANCE_KEY, 'accounts'] as const;
export const CATEGORIES_KEY = [...FINANCE_KEY, 'categories'] as const;
export const CURRENCIES_KEY = [...FINANCE_KEY, 'currencies'] as const;
export const TRANSACTIONS_KEY = [...FINANCE_KEY, 'transactions'] as const;

/** Query-string filters of GET /finance/transactions, as the server names them (amounts in minor units). */
export interface TransactionFilters {
  accountId?: string;
  categoryId?: string;
  from?: string;
  to?: string;
  q?: string;
  minAmount?: string;
  maxAmount?: string;
  cleared?: 'uncleared' | 'cleared' | 'reconciled';
  tag?: string;
}

const PAGE_SIZE = 100;

export function queryString(params: object): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' && v !== '') search.set(k, v);
  return search.toString();
}

const id = (value: string) => encodeURIComponent(value);

/** The raw calls, shared by the hooks and by Undo. */
export const financeApi = {
  createAccount: (input: CreateFinanceAccountInput) => api<FinanceAccount>('POST', '/finance/accounts', input),
  updateAccount: (accountId: string, input: UpdateFinanceAccountInput) => api<FinanceAccount>('PATCH', `/finance/accounts/${id(accountId)}`, input),
  deleteAccount: (accountId: string) => api<undefined>('DELETE', `/finance/accounts/${id(accountId)}`),
  reconcile: (accountId: string, input: ReconcileInput) => api<ReconcileResult>('POST', `/finance/accounts/${id(accountId)}/reconcile`, input),
  listTransactions: (filters: TransactionFilters & { cursor?: string; limit?: string }) =>
    api<TransactionPage>('GET', `/finance/transactions?${queryString(filters)}`),
  createTransaction: (input: CreateTransactionInput) => api<Transaction>('POST', '/finance/transactions', input),
  updateTransaction: (txId: string, input: UpdateTransactionInput) => api<Transaction>('PATCH', `/finance/transactions/${id(txId)}`, input),
  deleteTransaction: (txId: string) => api<undefined>('DELETE', `/finance/transactions/${id(txId)}`),
  /** Undo of a delete: the same transaction (id, splits, tags, transfer pair) comes back. */
  restoreTransaction: (txId: string) => api<Transaction>('POST', `/finance/transactions/${id(txId)}/restore`),
  payees: (q: string) => api<PayeeList>('GET', `/finance/payees?${queryString({ q, limit: '8' })}`),
  createGroup: (input: CreateCategoryGroupInput) => api<FinanceCategoryGroup>('POST', '/finance/category-groups', input),
  updateGroup: (groupId: string, input: UpdateCategoryGroupInput) => api<FinanceCategoryGroup>('PATCH', `/finance/category-groups/${id(groupId)}`, input),
  deleteGroup: (groupId: string) => api<undefined>('DELETE', `/finance/category-groups/${id(groupId)}`),
  createCategory: (input: CreateCategoryInput) => api<FinanceCategory>('POST', '/finance/categories', input),
  updateCategory: (categoryId: string, input: UpdateCategoryInput) => api<FinanceCategory>('PATCH', `/finance/categories/${id(categoryId)}`, input),
  deleteCategory: (categoryId: string) => api<undefined>('DELETE', `/finance/categories/${id(categoryId)}`),
};

/** Where the CSV export of the filtered transactions downloads from (a plain GET with the session cookie). */
export function exportCsvUrl(filters: TransactionFilters): string {
  const qs = queryString(filters);
  return `/api/v1/finance/transactions/export.csv${qs ? `?${qs}` : ''}`;
}

export function useAccounts() {
  return useQuery({ queryKey: ACCOUNTS_KEY, queryFn: () => api<{ items: FinanceAccount[] }>('GET', '/finance/accounts'), select: (d) => d.items });
}

export function useCategoryTree() {
  return useQuery({ queryKey: CATEGORIES_KEY, queryFn: () => api<FinanceCategoryTree>('GET', '/finance/categories'), select: (d) => d.items });
}

/** ISO 4217 codes with their exponents; they never change while the app runs. */
export function useCurrencies() {
  return useQuery({
    queryKey: CURRENCIES_KEY,
    queryFn: () => api<CurrencyList>('GET', '/finance/currencies'),
    select: (d) => d.items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** code -> exponent; until the list arrives, callers wait (an amount shown with a guessed exponent would lie). */
export function useExponents(): Map<string, number> | undefined {
  const currencies = useCurrencies();
  return currencies.data ? new Map(currencies.data.map((c) => [c.code, c.exponent])) : undefined;
}

/** Transactions newest first, a page at a time (`fetchNextPage` for more). */
export function useTransactions(filters: TransactionFilters) {
  const query = useInfiniteQuery({
    queryKey: [...TRANSACTIONS_KEY, filters],
    queryFn: ({ pageParam }) => financeApi.listTransactions({ ...filters, limit: String(PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const transactions = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, transactions };
}

/**
 * After any write: balances, registers and categories can all move (a transfer touches two
 * accounts), so the whole finance cache refreshes, here and in the other open tabs.
 */
export function refreshFinance(client: QueryClient): Promise<void> {
  tellOtherTabs.changed(FINANCE_KEY);
  return client.invalidateQueries({ queryKey: FINANCE_KEY });
}
