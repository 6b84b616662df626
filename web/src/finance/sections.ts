import { IconCalendarRepeat, IconCategory, IconChartBar, IconCoins, IconList, IconPigMoney, IconTargetArrow, IconWallet, IconWand, type Icon } from '@tabler/icons-react';
import { financePaths } from './paths';

export interface FinanceSection {
  path: string;
  label: string;
  icon: Icon;
}

/**
 * The fixed views of Finance, in sidebar order. A new screen (budget, reports, goals, rules)
 * is one entry here plus its route in `routes.tsx`.
 */
export const financeSections: FinanceSection[] = [
  { path: financePaths.root, label: 'Overview', icon: IconWallet },
  { path: financePaths.transactions, label: 'All transactions', icon: IconList },
  { path: financePaths.bills, label: 'Bills', icon: IconCalendarRepeat },
  { path: financePaths.categories, label: 'Categories', icon: IconCategory },
  { path: financePaths.budget, label: 'Budget', icon: IconPigMoney },
  { path: financePaths.reports, label: 'Reports', icon: IconChartBar },
  { path: financePaths.goals, label: 'Goals', icon: IconTargetArrow },
  { path: financePaths.rules, label: 'Rules', icon: IconWand },
  { path: financePaths.currencies, label: 'Currencies', icon: IconCoins },
];
