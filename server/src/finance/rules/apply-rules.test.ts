import { RuleCondition } from '@atom/contracts';
import { describe, expect, it } from 'vitest';
import { applyRules, normalisePayee, type RuleInput, type RuleSubject } from './apply-rules.js';

const tx: RuleSubject = { accountId: 'acc', date: '2026-03-05', amount: -1299, payee: 'NETFLIX.COM 866-579', notes: 'Monthly plan', categoryId: null, tags: ['Online'] };
const rule = (id: string, r: Partial<RuleInput>): RuleInput => ({ id, conditions: [], actions: [], ...r });

describe('applyRules', () => {
  it('applies every matching rule, the first to set a field winning, tags accumulating', () => {
    const rules = [
      rule('r1', { conditions: [{ field: 'payee', op: 'contains', value: 'netflix' }], actions: [{ type: 'setCategory', categoryId: 'fun' }, { type: 'addTag', tag: 'subscription' }] }),
      rule('r2', { conditions: [{ field: 'amount', op: 'between', value: [-2000, -1000] }], actions: [{ type: 'setCategory', categoryId: 'other' }, { type: 'renamePayee', payee: 'Netflix' }, { type: 'addTag', tag: 'online' }] }),
      rule('r3', { enabled: false, conditions: [{ field: 'notes', op: 'contains', value: 'PLAN' }], actions: [{ type: 'addTag', tag: 'never' }] }),
      rule('r4', { conditions: [{ field: 'date', op: 'between', value: ['2026-04-01', '2026-04-30'] }], actions: [{ type: 'addTag', tag: 'april' }] }),
    ];
    expect(applyRules(rules, tx)).toEqual({ ruleIds: ['r1', 'r2'], categoryId: 'fun', payee: 'Netflix', addTags: ['subscription'] });
  });

  it('reports only real changes and matches regexes, notes and accounts', () => {
    const rules = [
      rule('a', { conditions: [{ field: 'payee', op: 'regex', value: '^netflix\\.com' }, { field: 'account', op: 'is', value: 'acc' }], actions: [{ type: 'setCategory', categoryId: 'fun' }] }),
      rule('b', { conditions: [{ field: 'payee', op: 'equals', value: 'netflix.com  866-579' }], actions: [{ type: 'markTransfer', accountId: 'savings' }] }),
      rule('c', { conditions: [{ field: 'account', op: 'is', value: 'elsewhere' }], actions: [{ type: 'renamePayee', payee: 'X' }] }),
    ];
    expect(applyRules(rules, { ...tx, categoryId: 'fun' })).toEqual({ ruleIds: ['a', 'b'], addTags: [], transferAccountId: 'savings' });
    expect(applyRules([], tx)).toEqual({ ruleIds: [], addTags: [] });
  });

  it('normalises payees to their words', () => {
    expect(normalisePayee('AMZN Mktp US*2K4 #1234')).toBe(normalisePayee('amzn mktp us*9x1'));
    expect(normalisePayee('Café Crème 12')).toBe('café crème');
  });
});

describe('rule condition validation', () => {
  const regex = (value: string) => RuleCondition.safeParse({ field: 'payee', op: 'regex', value });
  it('accepts ordinary patterns and refuses invalid, backtracking-prone and overlong ones', () => {
    expect(regex('^amzn( mktp)?\\b').success).toBe(true);
    expect(regex('[a-z]+ \\d{2,4}').success).toBe(true);
    for (const bad of ['(a+)+$', '(a|aa)*b', '(.*)*x', '(\\w+\\s?)+$', '(x)\\1', '([', 'a'.repeat(101)]) expect(regex(bad).success, bad).toBe(false);
  });
  it('checks ranges are ordered', () => {
    expect(RuleCondition.safeParse({ field: 'amount', op: 'between', value: [5, 1] }).success).toBe(false);
    expect(RuleCondition.safeParse({ field: 'date', op: 'between', value: ['2026-02-01', '2026-01-01'] }).success).toBe(false);
    expect(RuleCondition.safeParse({ field: 'amount', op: 'between', value: [1.5, 2] }).success).toBe(false);
  });
});
