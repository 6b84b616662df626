import { ApplyRulesInput, ApplyRulesResult, CreateRuleInput, FinanceRule, IdParams, RuleList, RuleSuggestionList, UpdateRuleInput } from '@atom/contracts';
import { route, type RouteDef } from '../../platform/http/route.js';
import { applyRulesOnDemand } from './apply.js';
import { createRule, deleteRule, listRules, updateRule } from './rules.js';
import { suggestRules } from './suggestions.js';

const tags = ['Finance rules'];
const base = '/api/v1/finance/rules';

export const ruleRoutes: RouteDef[] = [
  route({ method: 'GET', url: base, summary: 'Rules in the order they apply', tags, auth: 'user', response: RuleList, handler: async ({ ctx, actor }) => ({ items: await listRules(ctx, actor) }) }),
  route({ method: 'POST', url: base, summary: 'Create a rule: conditions (all must hold) and actions', tags, auth: 'user', body: CreateRuleInput, response: FinanceRule, status: 201, handler: async ({ ctx, actor, body }) => createRule(ctx, actor, body) }),
  route({
    method: 'GET',
    url: `${base}/suggestions`,
    summary: 'Rules suggested from transactions categorised alike by hand',
    tags,
    auth: 'user',
    response: RuleSuggestionList,
    handler: async ({ ctx, actor }) => suggestRules(ctx, actor),
  }),
  route({
    method: 'POST',
    url: `${base}/apply`,
    summary: 'Apply rules to existing transactions (or preview with dryRun)',
    description: 'Looks at up to 20,000 transactions, newest first, within the filters; returns each change. Split and transfer transactions keep their categories.',
    tags,
    auth: 'user',
    body: ApplyRulesInput,
    response: ApplyRulesResult,
    handler: async ({ ctx, actor, body }) => applyRulesOnDemand(ctx, actor, body),
  }),
  route({ method: 'PATCH', url: `${base}/:id`, summary: 'Change, enable/disable or move a rule', tags, auth: 'user', params: IdParams, body: UpdateRuleInput, response: FinanceRule, handler: async ({ ctx, actor, params, body }) => updateRule(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: `${base}/:id`, summary: 'Delete a rule', tags, auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteRule(ctx, actor, params.id) }),
];
