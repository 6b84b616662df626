import type { FinanceSettings, UpdateFinanceSettingsInput } from '@atom/contracts';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { assertCurrency, type Db } from '../queries.js';

/**
 * The currency budgets and reports are shown in. Until the user picks one, the currency
 * of their first account (else USD) stands in, so a one-currency user never has to choose.
 */
export async function baseCurrencyOf(db: Db, userId: string): Promise<FinanceSettings> {
  const row = await db.selectFrom('finance_settings').select('base_currency').where('user_id', '=', userId).executeTakeFirst();
  if (row) return { baseCurrency: row.base_currency, explicit: true };
  const first = await db.selectFrom('finance_accounts').select('currency').where('user_id', '=', userId).orderBy('rank').orderBy('id').limit(1).executeTakeFirst();
  return { baseCurrency: first?.currency ?? 'USD', explicit: false };
}

export async function updateSettings(ctx: AppContext, actor: Actor, input: UpdateFinanceSettingsInput): Promise<FinanceSettings> {
  assertCurrency(input.baseCurrency, 'baseCurrency');
  const now = new Date().toISOString();
  await ctx.database.db
    .insertInto('finance_settings')
    .values({ user_id: actor.user.id, base_currency: input.baseCurrency, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ base_currency: input.baseCurrency, updated_at: now }))
    .execute();
  return { baseCurrency: input.baseCurrency, explicit: true };
}
