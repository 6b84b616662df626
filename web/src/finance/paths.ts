/**
 * Addresses inside Finance. Budget, reports, goals, rules and import get their paths here
 * (and their entries in `sections.ts`) when their APIs land.
 */
export const financePaths = {
  root: '/finance',
  transactions: '/finance/transactions',
  categories: '/finance/categories',
  account: (id: string) => `/finance/accounts/${encodeURIComponent(id)}`,
  accountImport: (id: string) => `/finance/accounts/${encodeURIComponent(id)}/import`,
  budget: '/finance/budget',
  budgetMonth: (month: string) => `/finance/budget/${month}`,
  reports: '/finance/reports',
  goals: '/finance/goals',
  rules: '/finance/rules',
  bills: '/finance/bills',
  currencies: '/finance/currencies',
};
