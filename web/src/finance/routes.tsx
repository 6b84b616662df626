import { Center, Loader } from '@mantine/core';
import { Navigate, type RouteObject } from 'react-router';

/** The Finance area's routes; its screens load on first visit, in their own chunks. */
export const financeRoute: RouteObject = {
  path: '/finance',
  lazy: async () => ({ Component: (await import('./FinanceLayout')).FinanceLayout }),
  hydrateFallbackElement: (
    <Center py="xl">
      <Loader size="sm" type="dots" aria-label="Loading finance" />
    </Center>
  ),
  children: [
    { index: true, lazy: async () => ({ Component: (await import('./OverviewPage')).OverviewPage }) },
    { path: 'transactions', lazy: async () => ({ Component: (await import('./AllTransactionsPage')).AllTransactionsPage }) },
    { path: 'accounts/:accountId', lazy: async () => ({ Component: (await import('./AccountPage')).AccountPage }) },
    { path: 'categories', lazy: async () => ({ Component: (await import('./categories/CategoriesPage')).CategoriesPage }) },
    { path: 'accounts/:accountId/import', lazy: async () => ({ Component: (await import('./import/ImportPage')).ImportPage }) },
    { path: 'budget/:month?', lazy: async () => ({ Component: (await import('./budget/BudgetPage')).BudgetPage }) },
    { path: 'reports', lazy: async () => ({ Component: (await import('./reports/ReportsPage')).ReportsPage }) },
    { path: 'goals', lazy: async () => ({ Component: (await import('./goals/GoalsPage')).GoalsPage }) },
    { path: 'rules', lazy: async () => ({ Component: (await import('./rules/RulesPage')).RulesPage }) },
    { path: 'bills', lazy: async () => ({ Component: (await import('./scheduled/BillsPage')).BillsPage }) },
    { path: 'currencies', lazy: async () => ({ Component: (await import('./currencies/CurrenciesPage')).CurrenciesPage }) },
    { path: '*', element: <Navigate to="/finance" replace /> },
  ],
};
