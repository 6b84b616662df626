import type { FinanceAccount } from '@atom/contracts';
import { IconBuildingBank, IconCash, IconChartLine, IconCreditCard, IconPigMoney, IconReceipt, type Icon } from '@tabler/icons-react';

export type AccountType = FinanceAccount['type'];

/** Account types in the order the sidebar groups them, with their plural group names. */
export const ACCOUNT_TYPES: { type: AccountType; label: string; group: string; icon: Icon }[] = [
  { type: 'checking', label: 'Checking', group: 'Checking', icon: IconBuildingBank },
  { type: 'savings', label: 'Savings', group: 'Savings', icon: IconPigMoney },
  { type: 'credit_card', label: 'Credit card', group: 'Credit cards', icon: IconCreditCard },
  { type: 'cash', label: 'Cash', group: 'Cash', icon: IconCash },
  { type: 'loan', label: 'Loan', group: 'Loans', icon: IconReceipt },
  { type: 'investment', label: 'Investment', group: 'Investments', icon: IconChartLine },
];

export function accountTypeInfo(type: AccountType) {
  return ACCOUNT_TYPES.find((t) => t.type === type) ?? ACCOUNT_TYPES[0]!;
}
