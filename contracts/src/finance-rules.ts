import { z } from 'zod';
import { DateOnly } from './dates.js';
import { MinorAmount } from './finance.js';

const Id = z.string().min(1).max(64);
const Text = z.string().trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' });

/**
 * Catastrophic backtracking needs a quantified group that itself contains a quantifier or
 * an alternation, e.g. (a+)+, (a|aa)*, (.*)*; backreferences can be exponential too.
 * Such patterns are refused outright; the others run on at most 500 characters of payee.
 */
export function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'iu');
  } catch {
    return 'is not a valid regular expression';
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'must not use backreferences';
  if (/\((?:[^()\\]|\\.)*[+*}|](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,)/.test(pattern)) {
    return 'has a repeated group containing a repetition or alternation (like (a+)+), which can take exponential time; simplify it';
  }
  if (/\)[+*]\)?[+*]/.test(pattern) || /\)\s*[+*]\s*\)\s*[+*{]/.test(pattern)) return 'has nested repetitions, which can take exponential time';
  return null;
}

export const RuleCondition = z.discriminatedUnion('field', [
  z
    .object({ field: z.literal('payee'), op: z.enum(['contains', 'equals', 'regex']), value: Text })
    .superRefine((c, ctx) => {
      if (c.op !== 'regex') return;
      const problem = c.value.length > 100 ? 'a pattern must be at most 100 characters' : regexProblem(c.value);
      if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
    }),
  z.object({ field: z.literal('notes'), op: z.literal('contains'), value: Text }),
  z.object({
    field: z.literal('amount'),
    op: z.literal('between'),
    value: z.tuple([MinorAmount, MinorAmount]).refine(([a, b]) => a <= b, { error: 'the minimum must not exceed the maximum' }).describe('[min, max] in minor units, inclusive'),
  }),
  z.object({ field: z.literal('account'), op: z.literal('is'), value: Id }),
  z.object({ field: z.literal('date'), op: z.literal('between'), value: z.tuple([DateOnly, DateOnly]).refine(([a, b]) => a <= b, { error: 'the first date must not be after the second' }) }),
]);
export type RuleCondition = z.infer<typeof RuleCondition>;

export const RuleAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setCategory'), categoryId: Id }),
  z.object({ type: z.literal('renamePayee'), payee: Text }),
  z.object({ type: z.literal('addTag'), tag: z.string().trim().min(1).max(60).regex(/^[^,]+$/, { error: 'must not contain commas' }) }),
  z.object({ type: z.literal('markTransfer'), accountId: Id }),
]);
export type RuleAction = z.infer<typeof RuleAction>;

export const FinanceRule = z
  .object({
    id: z.string(),
    name: z.string(),
    conditions: z.array(RuleCondition),
    actions: z.array(RuleAction),
    enabled: z.boolean(),
    position: z.number().int().describe('0 = applied first; a field set by an earlier rule is not overwritten by a later one'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FinanceRule' });
export type FinanceRule = z.infer<typeof FinanceRule>;
export const RuleList = z.object({ items: z.array(FinanceRule) }).meta({ id: 'RuleList' });
export type RuleList = z.infer<typeof RuleList>;

const RuleFields = z.object({
  name: z.string().trim().max(200),
  conditions: z.array(RuleCondition).min(1, { error: 'needs at least one condition' }).max(20),
  actions: z.array(RuleAction).min(1, { error: 'needs at least one action' }).max(10),
  enabled: z.boolean(),
  position: z.number().int().min(0).max(100_000).describe('Where to put the rule in the order (0 = first); default last'),
});
export const CreateRuleInput = RuleFields.partial().required({ conditions: true, actions: true }).meta({ id: 'CreateRuleInput' });
export type CreateRuleInput = z.infer<typeof CreateRuleInput>;
export const UpdateRuleInput = RuleFields.partial().meta({ id: 'UpdateRuleInput' });
export type UpdateRuleInput = z.infer<typeof UpdateRuleInput>;

export const ApplyRulesInput = z
  .object({
    ruleIds: z.array(Id).min(1).max(500).optional().describe('Default: every enabled rule'),
    accountId: Id.optional(),
    from: DateOnly.optional(),
    to: DateOnly.optional(),
    dryRun: z.boolean().default(false),
  })
  .meta({ id: 'ApplyRulesInput' });
export type ApplyRulesInput = z.infer<typeof ApplyRulesInput>;

export const RuleChange = z
  .object({
    transactionId: z.string(),
    ruleIds: z.array(z.string()),
    categoryId: z.object({ from: z.string().nullable(), to: z.string() }).optional(),
    payee: z.object({ from: z.string(), to: z.string() }).optional(),
    addTags: z.array(z.string()).optional(),
    transferAccountId: z.string().optional().describe('Linked to an opposite transaction on that account, or one was created'),
  })
  .meta({ id: 'RuleChange' });
export type RuleChange = z.infer<typeof RuleChange>;
export const ApplyRulesResult = z.object({ dryRun: z.boolean(), examined: z.number().int(), changes: z.array(RuleChange) }).meta({ id: 'ApplyRulesResult' });
export type ApplyRulesResult = z.infer<typeof ApplyRulesResult>;

export const RuleSuggestion = z
  .object({
    name: z.string(),
    conditions: z.array(RuleCondition),
    actions: z.array(RuleAction),
    matches: z.number().int().describe('Categorised transactions this rule would have covered'),
    transactionIds: z.array(z.string()),
  })
  .meta({ id: 'RuleSuggestion' });
export const RuleSuggestionList = z.object({ items: z.array(RuleSuggestion) }).meta({ id: 'RuleSuggestionList' });
export type RuleSuggestionList = z.infer<typeof RuleSuggestionList>;
