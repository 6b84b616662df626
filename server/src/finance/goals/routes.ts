import { CreateGoalInput, Goal, GoalList, IdParams, UpdateGoalInput } from '@atom/contracts';
import { route, type RouteDef } from '../../platform/http/route.js';
import { createGoal, deleteGoal, getGoal, listGoals, updateGoal } from './goals.js';

const tags = ['Finance goals'];
const base = '/api/v1/finance/goals';

export const goalRoutes: RouteDef[] = [
  route({ method: 'GET', url: base, summary: 'Goals with progress, monthly amount needed, projected date and status', tags, auth: 'user', response: GoalList, handler: async ({ ctx, actor }) => ({ items: await listGoals(ctx, actor) }) }),
  route({ method: 'POST', url: base, summary: 'Create a goal: save a target by a date, or keep at least a balance', tags, auth: 'user', body: CreateGoalInput, response: Goal, status: 201, handler: async ({ ctx, actor, body }) => createGoal(ctx, actor, body) }),
  route({ method: 'GET', url: `${base}/:id`, summary: 'One goal', tags, auth: 'user', params: IdParams, response: Goal, handler: async ({ ctx, actor, params }) => getGoal(ctx, actor, params.id) }),
  route({ method: 'PATCH', url: `${base}/:id`, summary: "Rename a goal or change its target", tags, auth: 'user', params: IdParams, body: UpdateGoalInput, response: Goal, handler: async ({ ctx, actor, params, body }) => updateGoal(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: `${base}/:id`, summary: 'Delete a goal', tags, auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteGoal(ctx, actor, params.id) }),
];
