import type { FinanceAccount } from '@atom/contracts';
import { ACCOUNT_TYPES, type AccountType } from './account-types';

/** Open accounts grouped by type in sidebar order; empty groups left out. */
export function groupByType(accounts: FinanceAccount[]): { type: AccountType; group: string; accounts: FinanceAccount[] }[] {
  return ACCOUNT_TYPES.map(({ type, group }) => ({
    type,
    group,
    accounts: accounts.filter((a) => a.type === type).sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((g) => g.accounts.length > 0);
}

/** Sum of balances per currency, largest first: money in different currencies is never added together. */
export function totalsByCurrency(accounts: FinanceAccount[]): { currency: string; minor: number }[] {
  const totals = new Map<string, number>();
  for (const a of accounts) totals.set(a.currency, (totals.get(a.currency) ?? 0) + a.balance);
  return [...totals].map(([currency, minor]) => ({ currency, minor })).sort((a, b) => a.currency.localeCompare(b.currency));
}
