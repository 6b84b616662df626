import type { CreateRuleInput, FinanceRule, RuleAction, RuleCondition, UpdateRuleInput } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Codec } from '../../db/codec.js';
import type { FinanceRulesTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { referencedAccount, referencedCategory, type Db } from '../queries.js';
import type { RuleInput } from './apply-rules.js';

const MAX_RULES = 1000;

export interface StoredRule extends RuleInput {
  name: string;
  enabled: boolean;
  conditions: RuleCondition[];
  actions: RuleAction[];
  row: FinanceRulesTable;
}

function readRule(codec: Codec, row: FinanceRulesTable): StoredRule {
  return { id: row.id, name: row.name, enabled: codec.bool.read(row.enabled), conditions: codec.json.read(row.conditions) as RuleCondition[], actions: codec.json.read(row.actions) as RuleAction[], row };
}

/** The user's rules in priority order. */
export async function loadRules(db: Db, codec: Codec, userId: string): Promise<StoredRule[]> {
  const rows = await db.selectFrom('finance_rules').selectAll().where('user_id', '=', userId).orderBy('rank').orderBy('id').execute();
  return rows.map((r) => readRule(codec, r));
}

function present(rule: StoredRule, position: number): FinanceRule {
  return { id: rule.id, name: rule.name, conditions: rule.conditions, actions: rule.actions, enabled: rule.enabled, position, createdAt: rule.row.created_at, updatedAt: rule.row.updated_at };
}

/** Accounts and categories a rule names must be the user's; the field path says which one is not. */
async function checkReferences(db: Db, userId: string, conditions: RuleCondition[], actions: RuleAction[]): Promise<void> {
  for (const [i, c] of conditions.entries()) if (c.field === 'account') await referencedAccount(db, userId, c.value, `conditions.${i}.value`);
  for (const [i, a] of actions.entries()) {
    if (a.type === 'setCategory') await referencedCategory(db, userId, a.categoryId, `actions.${i}.categoryId`);
    if (a.type === 'markTransfer') await referencedAccount(db, userId, a.accountId, `actions.${i}.accountId`);
  }
}

const rankOf = (position: number) => String(position).padStart(6, '0');

/** Rules are few: a move rewrites every rank so positions stay 0..n-1. */
async function reorder(db: Db, userId: string, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) await db.updateTable('finance_rules').set({ rank: rankOf(i) }).where('id', '=', id).where('user_id', '=', userId).execute();
}

function defaultName(conditions: RuleCondition[], actions: RuleAction[]): string {
  const c = conditions[0]!;
  const what = c.field === 'payee' || c.field === 'notes' ? `${c.field} ${c.op} "${c.value}"` : `${c.field} ${c.op} ${JSON.stringify(c.value)}`;
  return `When ${what}: ${actions.map((a) => a.type).join(', ')}`.slice(0, 200);
}

export async function listRules(ctx: AppContext, actor: Actor): Promise<FinanceRule[]> {
  return (await loadRules(ctx.database.db, ctx.database.codec, actor.user.id)).map(present);
}

export async function createRule(ctx: AppContext, actor: Actor, input: CreateRuleInput): Promise<FinanceRule> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, userId, input.conditions, input.actions);
    const existing = await loadRules(trx, codec, userId);
    if (existing.length >= MAX_RULES) throw errors.conflict(`At most ${MAX_RULES} rules; delete some first`);
    const now = new Date().toISOString();
    const row: FinanceRulesTable = {
      id: newId(),
      user_id: userId,
      name: input.name || defaultName(input.conditions, input.actions),
      conditions: codec.json.write(input.conditions),
      actions: codec.json.write(input.actions),
      enabled: codec.bool.write(input.enabled ?? true),
      rank: rankOf(existing.length),
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('finance_rules').values(row).execute();
    const ids = existing.map((r) => r.id);
    const position = Math.min(input.position ?? ids.length, ids.length);
    ids.splice(position, 0, row.id);
    if (position < existing.length) await reorder(trx, userId, ids);
    return present({ id: row.id, name: row.name, enabled: input.enabled ?? true, conditions: input.conditions, actions: input.actions, row }, position);
  });
}

export async function updateRule(ctx: AppContext, actor: Actor, id: string, input: UpdateRuleInput): Promise<FinanceRule> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  return db.transaction().execute(async (trx) => {
    const rules = await loadRules(trx, codec, userId);
    const current = rules.find((r) => r.id === id);
    if (!current) throw errors.notFound('Rule');
    const conditions = input.conditions ?? current.conditions;
    const actions = input.actions ?? current.actions;
    await checkReferences(trx, userId, conditions, actions);
    const now = new Date().toISOString();
    const name = input.name !== undefined ? input.name || defaultName(conditions, actions) : current.name;
    const enabled = input.enabled ?? current.enabled;
    await trx
      .updateTable('finance_rules')
      .set({ name, conditions: codec.json.write(conditions), actions: codec.json.write(actions), enabled: codec.bool.write(enabled), updated_at: now })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .execute();
    const ids = rules.map((r) => r.id).filter((x) => x !== id);
    const position = Math.min(input.position ?? rules.indexOf(current), ids.length);
    ids.splice(position, 0, id);
    if (input.position !== undefined) await reorder(trx, userId, ids);
    return present({ ...current, name, conditions, actions, enabled, row: { ...current.row, updated_at: now } }, position);
  });
}

export async function deleteRule(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const result = await ctx.database.db.deleteFrom('finance_rules').where('id', '=', id).where('user_id', '=', actor.user.id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw errors.notFound('Rule');
}
