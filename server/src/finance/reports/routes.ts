import { BudgetVsActualQuery, BudgetVsActualReport, CashflowQuery, CashflowReport, NetWorthQuery, NetWorthReport, SpendingQuery, SpendingReport } from '@atom/contracts';
import { route, type RouteDef } from '../../platform/http/route.js';
import { budgetVsActualReport, cashflowReport, netWorthReport, spendingReport } from './reports.js';

const tags = ['Finance reports'];
const base = '/api/v1/finance/reports';
const note = 'In minor units of `baseCurrency`, summed by the database. `ratesUsed` names every rate a conversion used; `missingRates` what could not be converted (left out of totals).';

export const reportRoutes: RouteDef[] = [
  route({ method: 'GET', url: `${base}/spending`, summary: 'Spending by category or group over a date range (budget accounts)', description: note, tags, auth: 'user', query: SpendingQuery, response: SpendingReport, handler: async ({ ctx, actor, query }) => spendingReport(ctx, actor, query) }),
  route({ method: 'GET', url: `${base}/cashflow`, summary: 'Income vs expense by month (budget accounts)', description: note, tags, auth: 'user', query: CashflowQuery, response: CashflowReport, handler: async ({ ctx, actor, query }) => cashflowReport(ctx, actor, query) }),
  route({ method: 'GET', url: `${base}/networth`, summary: 'Net worth at each month end across every account and currency', description: note, tags, auth: 'user', query: NetWorthQuery, response: NetWorthReport, handler: async ({ ctx, actor, query }) => netWorthReport(ctx, actor, query) }),
  route({ method: 'GET', url: `${base}/budget-vs-actual`, summary: 'Assigned vs spent per category for a month', description: note, tags, auth: 'user', query: BudgetVsActualQuery, response: BudgetVsActualReport, handler: async ({ ctx, actor, query }) => budgetVsActualReport(ctx, actor, query.month) }),
];
