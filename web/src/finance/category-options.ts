import type { FinanceAccount, FinanceCategory, FinanceCategoryGroup } from '@atom/contracts';
import type { ComboboxItemGroup } from '@mantine/core';

/** Select value of "transfer to this account" among the categories, as Actual and YNAB offer it. */
export const TRANSFER_PREFIX = 'transfer:';

/** Categories grouped as on the Categories page; hidden ones only when already chosen. */
export function categoryOptions(tree: FinanceCategoryGroup[], keep: (string | null)[] = []): ComboboxItemGroup[] {
  return tree
    .map((g) => ({
      group: g.name,
      items: g.categories.filter((c) => (!c.hidden && !g.hidden) || keep.includes(c.id)).map((c) => ({ value: c.id, label: c.name })),
    }))
    .filter((g) => g.items.length > 0);
}

/** Other open accounts as transfer targets, after the categories. */
export function transferOptions(accounts: FinanceAccount[], fromAccountId: string): ComboboxItemGroup {
  return {
    group: 'Transfer',
    items: accounts.filter((a) => a.id !== fromAccountId && !a.closed).map((a) => ({ value: `${TRANSFER_PREFIX}${a.id}`, label: `Transfer: ${a.name} (${a.currency})` })),
  };
}

export function categoriesById(tree: FinanceCategoryGroup[]): Map<string, FinanceCategory> {
  return new Map(tree.flatMap((g) => g.categories.map((c) => [c.id, c] as const)));
}
