import type { ApplyRulesInput, ApplyRulesResult, RuleChange } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { FinanceTransactionsTable } from '../../db/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { errors } from '../../platform/errors.js';
import { searchKey } from '../transactions/parts.js';
import { presentTransactions } from '../transactions/present.js';
import type { Db } from '../queries.js';
import { addActivity } from '../activity-summary.js';
import { applyRules } from './apply-rules.js';
import { linkTransfer } from './link-transfer.js';
import { loadRules } from './rules.js';

/** One call looks at this many transactions at most (newest first); narrow with from/to for more. */
const MAX_EXAMINED = 20_000;
const CHUNK = 500;

async function tagsOf(db: Db, userId: string, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('finance_transaction_tags').select(['transaction_id', 'tag']).where('user_id', '=', userId).where('transaction_id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.set(r.transaction_id, [...(out.get(r.transaction_id) ?? []), r.tag]);
  }
  return out;
}

/** Runs the rules over existing transactions; with dryRun, only says what would change. */
export async function applyRulesOnDemand(ctx: AppContext, actor: Actor, input: ApplyRulesInput): Promise<ApplyRulesResult> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  let rules = await loadRules(db, codec, userId);
  if (input.ruleIds) {
    const unknown = input.ruleIds.filter((id) => !rules.some((r) => r.id === id));
    if (unknown.length > 0) throw errors.field('ruleIds', `no such rule: ${unknown[0]}`);
    rules = rules.filter((r) => input.ruleIds!.includes(r.id)).map((r) => ({ ...r, enabled: true }));
  }
  let q = db.selectFrom('finance_transactions').selectAll().where('user_id', '=', userId).where('deleted_at', 'is', null);
  if (input.accountId) q = q.where('account_id', '=', input.accountId);
  if (input.from) q = q.where('date', '>=', input.from);
  if (input.to) q = q.where('date', '<=', input.to);
  const rows = await q.orderBy('date', 'desc').orderBy('id', 'desc').limit(MAX_EXAMINED).execute();
  const tags = await tagsOf(db, userId, rows.map((r) => r.id));
  const currencies = new Map((await db.selectFrom('finance_accounts').select(['id', 'currency']).where('user_id', '=', userId).execute()).map((a) => [a.id, a.currency]));

  const changes: { row: FinanceTransactionsTable; change: RuleChange }[] = [];
  for (const row of rows) {
    const outcome = applyRules(rules, { accountId: row.account_id, date: row.date, amount: row.amount, payee: row.payee, notes: row.notes, categoryId: row.category_id, tags: tags.get(row.id) ?? [] });
    const change: RuleChange = { transactionId: row.id, ruleIds: outcome.ruleIds };
    const plain = !codec.bool.read(row.is_split) && !row.transfer_id;
    if (outcome.categoryId && plain) change.categoryId = { from: row.category_id, to: outcome.categoryId };
    if (outcome.payee) change.payee = { from: row.payee, to: outcome.payee };
    if (outcome.addTags.length > 0) change.addTags = outcome.addTags;
    const target = outcome.transferAccountId;
    // A transfer needs the same currency on both sides (the rate is the user's to say) and a row not yet linked.
    if (target && plain && currencies.get(target) === currencies.get(row.account_id)) {
      change.transferAccountId = target;
      delete change.categoryId;
    }
    if (change.categoryId || change.payee || change.addTags || change.transferAccountId) changes.push({ row, change });
  }

  if (!input.dryRun && changes.length > 0) {
    const touched = await db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      const now = new Date().toISOString();
      for (const { row, change } of changes) {
        ids.push(row.id);
        if (change.categoryId || change.payee) {
          const payee = change.payee?.to ?? row.payee;
          if (change.categoryId) await addActivity(trx, userId, [row.id], -1);
          await trx
            .updateTable('finance_transactions')
            .set({ category_id: change.categoryId?.to ?? row.category_id, payee, search_key: searchKey(payee, row.notes), updated_at: now })
            .where('id', '=', row.id)
            .where('user_id', '=', userId)
            .execute();
          if (change.categoryId) await addActivity(trx, userId, [row.id], 1);
        }
        if (change.addTags) {
          await trx.insertInto('finance_transaction_tags').values(change.addTags.map((tag) => ({ transaction_id: row.id, user_id: userId, tag, tag_key: tag.toLowerCase() }))).execute();
        }
        if (change.transferAccountId) {
          const link = await linkTransfer(trx, ctx, userId, { ...row, payee: change.payee?.to ?? row.payee }, change.transferAccountId);
          if (link) ids.push(link.otherId);
        }
      }
      return ids;
    });
    for (let i = 0; i < touched.length; i += CHUNK) {
      const fresh = await db.selectFrom('finance_transactions').selectAll().where('user_id', '=', userId).where('id', 'in', touched.slice(i, i + CHUNK)).execute();
      for (const transaction of await presentTransactions(db, codec, userId, fresh)) ctx.events.emit('transaction.updated', { userId, transaction, changed: ['rules'] });
    }
  }
  return { dryRun: input.dryRun, examined: rows.length, changes: changes.map((c) => c.change) };
}
