import type { ApplyRulesInput, ApplyRulesResult, CreateRuleInput, FinanceRule, RuleList, RuleSuggestionList, UpdateRuleInput } from '@atom/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { FINANCE_KEY } from '../../app/query-keys';

const RULES_KEY = [...FINANCE_KEY, 'rules'] as const;

export const rulesApi = {
  create: (input: CreateRuleInput) => api<FinanceRule>('POST', '/finance/rules', input),
  update: (ruleId: string, input: UpdateRuleInput) => api<FinanceRule>('PATCH', `/finance/rules/${encodeURIComponent(ruleId)}`, input),
  remove: (ruleId: string) => api<undefined>('DELETE', `/finance/rules/${encodeURIComponent(ruleId)}`),
  apply: (input: Partial<ApplyRulesInput>) => api<ApplyRulesResult>('POST', '/finance/rules/apply', input),
};

export function useRules() {
  return useQuery({ queryKey: RULES_KEY, queryFn: () => api<RuleList>('GET', '/finance/rules'), select: (d) => d.items });
}

export function useRuleSuggestions() {
  return useQuery({ queryKey: [...RULES_KEY, 'suggestions'], queryFn: () => api<RuleSuggestionList>('GET', '/finance/rules/suggestions'), select: (d) => d.items });
}
