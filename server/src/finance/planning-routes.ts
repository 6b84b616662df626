import type { RouteDef } from '../platform/http/route.js';
import { budgetRoutes } from './budgets/routes.js';
import { goalRoutes } from './goals/routes.js';
import { rateRoutes } from './rates/routes.js';
import { reportRoutes } from './reports/routes.js';
import { ruleRoutes } from './rules/routes.js';
import { scheduledRoutes } from './scheduled/routes.js';

/** Budgets, rates and settings, goals, rules, schedules and reports: finance beyond the ledger. */
export const financePlanningRoutes: RouteDef[] = [...rateRoutes, ...budgetRoutes, ...goalRoutes, ...ruleRoutes, ...scheduledRoutes, ...reportRoutes];
