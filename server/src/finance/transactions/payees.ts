import type { PayeeList, PayeeQuery } from '@atom/contracts';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { daysBetween } from '../../platform/time/calendar.js';
import { zonedDate } from '../../platform/time/zone.js';

/** Payees are ranked over the user's latest transactions only: autocomplete stays fast at a million rows. */
export const PAYEES_LOOKED_AT = 10_000;
/** A payee's weight halves for every this many days since it was last used. */
const HALF_LIFE_DAYS = 180;

const key = (payee: string) => payee.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The user's payees for autocomplete: spellings that differ only in case or spacing count
 * as one (shown as last written), ranked by how often they were used weighted by how
 * recently (a use counts half after HALF_LIFE_DAYS), payees starting with `q` before those
 * only containing it. Each comes with the category last used for it, so the form can
 * prefill it. Transfers and deleted transactions are left out.
 */
export async function suggestPayees(ctx: AppContext, actor: Actor, query: PayeeQuery): Promise<PayeeList> {
  const { db } = ctx.database;
  const userId = actor.user.id;
  const q = key(query.q ?? '');
  const recent = db
    .selectFrom('finance_transactions')
    .select(['payee', 'date', 'id', 'category_id'])
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .where('transfer_id', 'is', null)
    .where('payee', '<>', '')
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(PAYEES_LOOKED_AT)
    .as('r');
  // Grouped by exact spelling in SQL; case (beyond ASCII, which SQLite's lower() stops at) is folded here.
  const rows = await db
    .selectFrom(recent)
    .select(['r.payee', sql<number | string>`count(*)`.as('n'), sql<string>`max(r.date)`.as('last')])
    .groupBy('r.payee')
    .execute();

  const today = zonedDate(new Date(), actor.user.time_zone);
  const byKey = new Map<string, { payee: string; count: number; lastDate: string; score: number; spellings: string[] }>();
  for (const r of rows) {
    const k = key(r.payee);
    if (q && !k.includes(q)) continue;
    const last = r.last;
    const count = Number(r.n);
    const entry = byKey.get(k) ?? { payee: r.payee, count: 0, lastDate: last, score: 0, spellings: [] };
    entry.count += count;
    entry.score += count * 0.5 ** (daysBetween(last > today ? today : last, today) / HALF_LIFE_DAYS);
    entry.spellings.push(r.payee);
    if (last >= entry.lastDate) {
      entry.lastDate = last;
      entry.payee = r.payee;
    }
    byKey.set(k, entry);
  }
  const ranked = [...byKey.entries()]
    .sort(([ka, a], [kb, b]) => Number(kb.startsWith(q)) - Number(ka.startsWith(q)) || b.score - a.score || b.lastDate.localeCompare(a.lastDate) || ka.localeCompare(kb))
    .slice(0, query.limit);
  if (ranked.length === 0) return { items: [] };

  // The latest categorised use of each chosen payee: its category prefills the form.
  const spellings = ranked.flatMap(([, e]) => e.spellings);
  const categorised = await db
    .selectFrom(recent)
    .select(['r.payee', 'r.category_id'])
    .where('r.category_id', 'is not', null)
    .where('r.payee', 'in', spellings)
    .orderBy('r.date', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  const category = new Map<string, string>();
  for (const c of categorised) if (!category.has(key(c.payee))) category.set(key(c.payee), c.category_id!);
  return { items: ranked.map(([k, e]) => ({ payee: e.payee, count: e.count, lastDate: e.lastDate, categoryId: category.get(k) ?? null })) };
}
