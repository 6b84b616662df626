import type { RuleSuggestionList } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { normalisePayee, ruleMatches } from './apply-rules.js';
import { loadRules } from './rules.js';

const LOOKED_AT = 5000;
const MIN_MATCHES = 2;

/** The longest start all payees share (lower case), cut back to whole words. */
function commonStart(payees: string[]): string {
  const folded = payees.map((p) => p.toLowerCase().replace(/\s+/g, ' ').trim());
  let prefix = folded[0]!;
  for (const p of folded) while (!p.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const whole = folded.every((p) => p.length === prefix.length || /\W/.test(p[prefix.length]!));
  return (whole ? prefix : prefix.replace(/\S*$/, '')).replace(/[\s\W]+$/u, '').trim();
}

/**
 * "You categorised these alike: make it a rule?" Among recently categorised plain
 * transactions that no rule categorises, payees that normalise alike and went to the same
 * category at least twice become a suggested rule `payee contains <their common start>`.
 */
export async function suggestRules(ctx: AppContext, actor: Actor): Promise<RuleSuggestionList> {
  const { db, codec } = ctx.database;
  const userId = actor.user.id;
  const rules = (await loadRules(db, codec, userId)).filter((r) => r.actions.some((a) => a.type === 'setCategory'));
  const rows = await db
    .selectFrom('finance_transactions as t')
    .innerJoin('finance_categories as c', 'c.id', 't.category_id')
    .select(['t.id', 't.account_id', 't.date', 't.amount', 't.payee', 't.notes', 't.category_id', 'c.name as category_name'])
    .where('t.user_id', '=', userId)
    .where('t.transfer_id', 'is', null)
    .where('t.deleted_at', 'is', null)
    .where('t.payee', '<>', '')
    .orderBy('t.date', 'desc')
    .limit(LOOKED_AT)
    .execute();
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const subject = { accountId: r.account_id, date: r.date, amount: r.amount, payee: r.payee, notes: r.notes, categoryId: r.category_id, tags: [] };
    if (rules.some((rule) => ruleMatches(rule, subject))) continue;
    const key = `${normalisePayee(r.payee)}\u0000${r.category_id}`;
    if (!normalisePayee(r.payee)) continue;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const items = [...groups.values()]
    .filter((g) => g.length >= MIN_MATCHES)
    .flatMap((g) => {
      const value = commonStart(g.map((r) => r.payee));
      if (value.length < 3) return [];
      const first = g[0]!;
      return [
        {
          name: `${value} → ${first.category_name}`,
          conditions: [{ field: 'payee' as const, op: 'contains' as const, value }],
          actions: [{ type: 'setCategory' as const, categoryId: first.category_id! }],
          matches: g.length,
          transactionIds: g.map((r) => r.id).slice(0, 50),
        },
      ];
    })
    .sort((a, b) => b.matches - a.matches || a.name.localeCompare(b.name))
    .slice(0, 20);
  return { items };
}
