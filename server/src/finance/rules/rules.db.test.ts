import type { ApplyRulesResult, FinanceAccount, FinanceCategory, FinanceRule, RuleList, RuleSuggestionList, Transaction, TransactionPage } from '@atom/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inviteAndSignUp, signUp, type Session, type TestApp } from '../../testing/test-app.js';
import { financeApi, type ErrorResponse } from '../budgets/test-kit.js';

let t: TestApp;
let me: Session;
let other: Session;
let f: ReturnType<typeof financeApi>;
let checking: FinanceAccount;
let savings: FinanceAccount;
let fun: FinanceCategory;
let food: FinanceCategory;

beforeAll(async () => {
  t = await createTestApp();
  f = financeApi(t);
  me = await signUp(t.app);
  other = await inviteAndSignUp(t.app, me);
  checking = await f.account(me, { name: 'Checking' });
  savings = await f.account(me, { name: 'Savings', type: 'savings' });
  const g = await f.group(me, 'Everyday');
  fun = await f.category(me, g.id, 'Fun');
  food = await f.category(me, g.id, 'Food');
});
afterAll(async () => t.close());

const get = (id: string) => f.ok<Transaction>(me, 'GET', `/api/v1/finance/transactions/${id}`);

describe('rules', () => {
  it('creates rules in order, validates them and moves them', async () => {
    const a = await f.ok<FinanceRule>(me, 'POST', '/api/v1/finance/rules', { conditions: [{ field: 'payee', op: 'contains', value: 'netflix' }], actions: [{ type: 'setCategory', categoryId: fun.id }] });
    expect(a).toMatchObject({ position: 0, enabled: true, name: 'When payee contains "netflix": setCategory' });
    const b = await f.ok<FinanceRule>(me, 'POST', '/api/v1/finance/rules', { name: 'Streaming tag', conditions: [{ field: 'payee', op: 'regex', value: '^(netflix|spotify)' }], actions: [{ type: 'addTag', tag: 'streaming' }, { type: 'renamePayee', payee: 'Streaming service' }], position: 0 });
    expect(b.position).toBe(0);
    expect((await f.ok<RuleList>(me, 'GET', '/api/v1/finance/rules')).items.map((r) => [r.name, r.position])).toEqual([['Streaming tag', 0], [a.name, 1]]);
    const moved = await f.ok<FinanceRule>(me, 'PATCH', `/api/v1/finance/rules/${b.id}`, { position: 5 });
    expect(moved.position).toBe(1);
    expect((await f.ok<RuleList>(me, 'GET', '/api/v1/finance/rules')).items.map((r) => r.id)).toEqual([a.id, b.id]);

    const catastrophic = await f.api<ErrorResponse>(me, 'POST', '/api/v1/finance/rules', { conditions: [{ field: 'payee', op: 'regex', value: '(a+)+$' }], actions: [{ type: 'addTag', tag: 'x' }] });
    expect(catastrophic.status).toBe(400);
    expect(catastrophic.body.error.fields?.['conditions.0.value']).toMatch(/exponential/);
    const foreign = await f.api<ErrorResponse>(other, 'POST', '/api/v1/finance/rules', { conditions: [{ field: 'payee', op: 'contains', value: 'x' }], actions: [{ type: 'setCategory', categoryId: fun.id }] });
    expect(foreign.body.error.fields?.['actions.0.categoryId']).toMatch(/no such category/);
    const empty = await f.api<ErrorResponse>(me, 'POST', '/api/v1/finance/rules', { conditions: [], actions: [{ type: 'addTag', tag: 'x' }] });
    expect(empty.body.error.fields?.conditions).toMatch(/at least one/);
    const unknownOp = await f.api<ErrorResponse>(me, 'POST', '/api/v1/finance/rules', { conditions: [{ field: 'payee', op: 'startsWith', value: 'x' }], actions: [{ type: 'addTag', tag: 'x' }] });
    expect(unknownOp.status).toBe(400);
    expect((await f.api(other, 'PATCH', `/api/v1/finance/rules/${a.id}`, { enabled: false })).status).toBe(404);
    expect((await f.ok<RuleList>(other, 'GET', '/api/v1/finance/rules')).items).toEqual([]);
  });

  it('applies on demand: a dry run changes nothing, a real run writes what it reported', async () => {
    const netflix = await f.tx(me, { accountId: checking.id, date: '2026-03-01', amount: -1299, payee: 'NETFLIX.COM' });
    const spotify = await f.tx(me, { accountId: checking.id, date: '2026-03-02', amount: -999, payee: 'Spotify AB', tags: ['Streaming'] });
    const dry = await f.ok<ApplyRulesResult>(me, 'POST', '/api/v1/finance/rules/apply', { dryRun: true });
    expect(dry.examined).toBe(2);
    const byId = new Map(dry.changes.map((c) => [c.transactionId, c]));
    expect(byId.get(netflix.id)).toMatchObject({ categoryId: { from: null, to: fun.id }, payee: { from: 'NETFLIX.COM', to: 'Streaming service' }, addTags: ['streaming'] });
    expect(byId.get(spotify.id)).toEqual({ transactionId: spotify.id, ruleIds: [expect.any(String)], payee: { from: 'Spotify AB', to: 'Streaming service' } });
    expect((await get(netflix.id)).categoryId).toBeNull();

    const real = await f.ok<ApplyRulesResult>(me, 'POST', '/api/v1/finance/rules/apply', { from: '2026-03-01', to: '2026-03-31' });
    expect(real.changes).toEqual(dry.changes.map((c) => ({ ...c })));
    expect(await get(netflix.id)).toMatchObject({ categoryId: fun.id, payee: 'Streaming service', tags: ['streaming'] });
    expect((await f.ok<ApplyRulesResult>(me, 'POST', '/api/v1/finance/rules/apply', {})).changes).toEqual([]);
    const unknown = await f.api<ErrorResponse>(me, 'POST', '/api/v1/finance/rules/apply', { ruleIds: ['nope'] });
    expect(unknown.body.error.fields?.ruleIds).toMatch(/no such rule/);
  });

  it('marks transfers, linking an existing opposite transaction when there is one', async () => {
    const rule = await f.ok<FinanceRule>(me, 'POST', '/api/v1/finance/rules', { conditions: [{ field: 'payee', op: 'equals', value: 'To savings' }, { field: 'account', op: 'is', value: checking.id }], actions: [{ type: 'markTransfer', accountId: savings.id }] });
    const out = await f.tx(me, { accountId: checking.id, date: '2026-04-01', amount: -50_000, payee: 'To savings' });
    const arrived = await f.tx(me, { accountId: savings.id, date: '2026-04-02', amount: 50_000, payee: 'From checking' });
    const lonely = await f.tx(me, { accountId: checking.id, date: '2026-04-20', amount: -7_000, payee: 'To savings', categoryId: food.id });
    const result = await f.ok<ApplyRulesResult>(me, 'POST', '/api/v1/finance/rules/apply', { ruleIds: [rule.id], accountId: checking.id, from: '2026-04-01' });
    expect(result.changes.map((c) => c.transferAccountId)).toEqual([savings.id, savings.id]);
    expect((await get(out.id)).transfer).toMatchObject({ transactionId: arrived.id, accountId: savings.id, amount: 50_000 });
    const created = await get(lonely.id);
    expect(created).toMatchObject({ categoryId: null, transfer: { accountId: savings.id, amount: 7_000 } });
    const savingsRows = (await f.ok<TransactionPage>(me, 'GET', `/api/v1/finance/transactions?accountId=${savings.id}`)).items;
    expect(savingsRows).toHaveLength(2);
  });

  it('suggests a rule after two transactions with a similar payee went to the same category by hand', async () => {
    await f.tx(me, { accountId: checking.id, date: '2026-05-01', amount: -2_000, payee: 'CORNER BAKERY #1234', categoryId: food.id });
    expect((await f.ok<RuleSuggestionList>(me, 'GET', '/api/v1/finance/rules/suggestions')).items).toEqual([]);
    await f.tx(me, { accountId: checking.id, date: '2026-05-08', amount: -2_500, payee: 'Corner Bakery #98', categoryId: food.id });
    await f.tx(me, { accountId: checking.id, date: '2026-05-09', amount: -2_500, payee: 'Corner Bakery #98', categoryId: fun.id });
    const { items } = await f.ok<RuleSuggestionList>(me, 'GET', '/api/v1/finance/rules/suggestions');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: 'corner bakery → Food', conditions: [{ field: 'payee', op: 'contains', value: 'corner bakery' }], actions: [{ type: 'setCategory', categoryId: food.id }], matches: 2 });
    // Once a rule covers them, the suggestion goes away.
    await f.ok(me, 'POST', '/api/v1/finance/rules', { conditions: items[0]!.conditions, actions: items[0]!.actions });
    expect((await f.ok<RuleSuggestionList>(me, 'GET', '/api/v1/finance/rules/suggestions')).items).toEqual([]);
    expect((await f.ok<RuleSuggestionList>(other, 'GET', '/api/v1/finance/rules/suggestions')).items).toEqual([]);
  });
});
