import { AssignInput, AverageInput, BudgetMonth, MonthCategoryParams, MonthParams } from '@atom/contracts';
import { route, type RouteDef } from '../../platform/http/route.js';
import { assignAverage, assignToCategory, copyLastMonth } from './assign.js';
import { getBudgetMonth } from './budget-month.js';

const tags = ['Finance budgets'];
const base = '/api/v1/finance/budgets';

export const budgetRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: `${base}/:month`,
    summary: 'The envelope budget of a month (YYYY-MM): groups, categories, assigned, spent, available, to budget',
    description: 'Amounts are minor units of `baseCurrency`. Foreign-currency accounts convert at stored rates; `missingRates` lists what could not be converted (left out, not guessed).',
    tags,
    auth: 'user',
    params: MonthParams,
    response: BudgetMonth,
    handler: async ({ ctx, actor, params }) => getBudgetMonth(ctx, actor.user.id, params.month),
  }),
  route({ method: 'PUT', url: `${base}/:month/categories/:categoryId`, summary: "Set a category's assigned amount for the month", tags, auth: 'user', params: MonthCategoryParams, body: AssignInput, response: BudgetMonth, handler: async ({ ctx, actor, params, body }) => assignToCategory(ctx, actor, params.month, params.categoryId, body.assigned) }),
  route({ method: 'POST', url: `${base}/:month/copy-last-month`, summary: "Copy last month's assigned amounts into this month", tags, auth: 'user', params: MonthParams, response: BudgetMonth, handler: async ({ ctx, actor, params }) => copyLastMonth(ctx, actor, params.month) }),
  route({ method: 'POST', url: `${base}/:month/average`, summary: 'Assign each spending category its average spending of the previous months (default 3)', tags, auth: 'user', params: MonthParams, body: AverageInput, response: BudgetMonth, handler: async ({ ctx, actor, params, body }) => assignAverage(ctx, actor, params.month, body.months) }),
];
