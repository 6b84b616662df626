/**
 * Rules as a pure function, shared by "apply on demand" and the import pipeline:
 *
 *   applyRules(rules, transaction) -> changes
 *
 * `rules` in priority order (position 0 first; disabled ones are skipped). A rule matches
 * when all its conditions hold on the transaction as given. For each field the first
 * matching rule that sets it wins; tags from every matching rule are added. Only real
 * changes come back: a category or payee equal to the current one, or a tag already
 * present (ignoring case), is left out.
 */
import type { RuleAction, RuleCondition } from '@atom/contracts';

export interface RuleInput {
  id: string;
  enabled?: boolean;
  conditions: readonly RuleCondition[];
  actions: readonly RuleAction[];
}

export interface RuleSubject {
  accountId: string;
  date: string;
  /** Minor units of the account's currency. */
  amount: number;
  payee: string;
  notes: string;
  categoryId: string | null;
  tags: readonly string[];
}

export interface RuleOutcome {
  /** The rules whose conditions all held, in order. */
  ruleIds: string[];
  categoryId?: string;
  payee?: string;
  addTags: string[];
  transferAccountId?: string;
}

/** Regexes run on at most this many characters of payee: a bound on any pattern's cost. */
export const REGEX_INPUT_LIMIT = 500;
const compiled = new Map<string, RegExp>();

function regex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'iu');
    if (compiled.size > 1000) compiled.clear();
    compiled.set(pattern, re);
  }
  return re;
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function conditionHolds(c: RuleCondition, t: RuleSubject): boolean {
  switch (c.field) {
    case 'payee':
      if (c.op === 'regex') return regex(c.value).test(t.payee.slice(0, REGEX_INPUT_LIMIT));
      return c.op === 'equals' ? fold(t.payee) === fold(c.value) : fold(t.payee).includes(fold(c.value));
    case 'notes':
      return fold(t.notes).includes(fold(c.value));
    case 'amount':
      return t.amount >= c.value[0] && t.amount <= c.value[1];
    case 'account':
      return t.accountId === c.value;
    case 'date':
      return t.date >= c.value[0] && t.date <= c.value[1];
  }
}

export function ruleMatches(rule: RuleInput, t: RuleSubject): boolean {
  return rule.enabled !== false && rule.conditions.every((c) => conditionHolds(c, t));
}

export function applyRules(rules: readonly RuleInput[], t: RuleSubject): RuleOutcome {
  const out: RuleOutcome = { ruleIds: [], addTags: [] };
  let category: string | undefined;
  let payee: string | undefined;
  const tagKeys = new Set(t.tags.map((x) => x.toLowerCase()));
  for (const rule of rules) {
    if (!ruleMatches(rule, t)) continue;
    out.ruleIds.push(rule.id);
    for (const a of rule.actions) {
      if (a.type === 'setCategory') category ??= a.categoryId;
      else if (a.type === 'renamePayee') payee ??= a.payee;
      else if (a.type === 'markTransfer') out.transferAccountId ??= a.accountId;
      else if (!tagKeys.has(a.tag.toLowerCase())) {
        tagKeys.add(a.tag.toLowerCase());
        out.addTags.push(a.tag);
      }
    }
  }
  if (category !== undefined && category !== t.categoryId) out.categoryId = category;
  if (payee !== undefined && payee !== t.payee) out.payee = payee;
  if (out.transferAccountId === t.accountId) delete out.transferAccountId;
  return out;
}

/** A payee reduced to its words: "AMZN Mktp US*2K4 #1234" and "amzn mktp us*9x1" group together. */
export function normalisePayee(payee: string): string {
  return payee
    .toLowerCase()
    .replace(/[^\p{L}\s]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1)
    .join(' ');
}
