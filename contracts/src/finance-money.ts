import { z } from 'zod';
import { DateOnly } from './dates.js';
import { CurrencyCode } from './finance.js';

/**
 * Exchange rates, the base currency, and the envelope budget. Amounts are integer minor
 * units of the base currency unless a field says otherwise; a rate is a decimal string
 * meaning "1 base = rate quote", never a float.
 */
export const MonthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month like 2026-03' });
/** A month in a path: anything that is not YYYY-MM names no budget month (404, like an unknown id). */
const MonthSegment = z.string().min(1).max(64).describe('YYYY-MM');
export const MonthParams = z.object({ month: MonthSegment }).meta({ id: 'MonthParams' });
export const MonthCategoryParams = z.object({ month: MonthSegment, categoryId: z.string().min(1).max(64) }).meta({ id: 'MonthCategoryParams' });

export const RateText = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,12})?$/, { error: 'must be a positive decimal like 1.0845 (at most 12 digits on each side of the point)' })
  .refine((s) => /[1-9]/.test(s), { error: 'must be greater than zero' })
  .describe('"1 base = rate quote" as a decimal string');

export const ExchangeRate = z
  .object({ id: z.string(), base: z.string(), quote: z.string(), date: z.string(), rate: z.string(), source: z.string(), createdAt: z.string() })
  .meta({ id: 'ExchangeRate' });
export type ExchangeRate = z.infer<typeof ExchangeRate>;
export const ExchangeRateList = z.object({ items: z.array(ExchangeRate) }).meta({ id: 'ExchangeRateList' });
export type ExchangeRateList = z.infer<typeof ExchangeRateList>;

export const CreateExchangeRateInput = z.object({ base: CurrencyCode, quote: CurrencyCode, date: DateOnly, rate: RateText }).meta({ id: 'CreateExchangeRateInput' });
export type CreateExchangeRateInput = z.infer<typeof CreateExchangeRateInput>;
export const UpdateExchangeRateInput = z.object({ date: DateOnly.optional(), rate: RateText.optional() }).meta({ id: 'UpdateExchangeRateInput' });
export type UpdateExchangeRateInput = z.infer<typeof UpdateExchangeRateInput>;
export const ExchangeRateQuery = z
  .object({ base: CurrencyCode.optional(), quote: CurrencyCode.optional(), from: DateOnly.optional(), to: DateOnly.optional() })
  .meta({ id: 'ExchangeRateQuery' });
export type ExchangeRateQuery = z.infer<typeof ExchangeRateQuery>;
export const RateImportResult = z.object({ imported: z.number().int().describe('Rates written (new or replacing the same base, quote and date)') }).meta({ id: 'RateImportResult' });
export type RateImportResult = z.infer<typeof RateImportResult>;

export const FinanceSettings = z
  .object({ baseCurrency: z.string().describe('Budgets and reports are in this currency'), explicit: z.boolean().describe('False while the base currency is only a default (the first account\'s currency, else USD)') })
  .meta({ id: 'FinanceSettings' });
export type FinanceSettings = z.infer<typeof FinanceSettings>;
export const UpdateFinanceSettingsInput = z.object({ baseCurrency: CurrencyCode }).meta({ id: 'UpdateFinanceSettingsInput' });
export type UpdateFinanceSettingsInput = z.infer<typeof UpdateFinanceSettingsInput>;

export const RateUsed = z.object({ base: z.string(), quote: z.string(), date: z.string(), rate: z.string() }).meta({ id: 'RateUsed' });
export const MissingRate = z
  .object({ base: z.string(), quote: z.string(), date: z.string().describe('The earliest date that needed a rate and found none on or before it') })
  .meta({ id: 'MissingRate' });
export const Conversions = z.object({
  baseCurrency: z.string(),
  ratesUsed: z.array(RateUsed).describe('Every stored rate a conversion used (the latest on or before each date; an inverted quote -> base rate is listed as stored)'),
  missingRates: z.array(MissingRate).describe('Currencies that could not be converted: their amounts are left out of the totals, not guessed'),
});

export const BudgetCategory = z
  .object({
    id: z.string(),
    name: z.string(),
    hidden: z.boolean(),
    rolloverOverspending: z.boolean(),
    carryover: z.number().int().describe('Brought in from last month: a positive leftover, or an overspending when rolloverOverspending'),
    assigned: z.number().int(),
    spent: z.number().int().describe('Net activity this month (negative = money spent; income categories: money received)'),
    available: z.number().int().describe('carryover + assigned + spent; negative = overspent'),
  })
  .meta({ id: 'BudgetCategory' });
export const BudgetGroup = z
  .object({ id: z.string(), name: z.string(), isIncome: z.boolean(), hidden: z.boolean(), assigned: z.number().int(), spent: z.number().int(), available: z.number().int(), categories: z.array(BudgetCategory) })
  .meta({ id: 'BudgetGroup' });
export const BudgetMonth = z
  .object({
    month: z.string(),
    income: z.number().int().describe('Income this month: income categories, uncategorised inflows and opening balances of budget accounts'),
    assigned: z.number().int(),
    spent: z.number().int(),
    available: z.number().int(),
    uncategorised: z.number().int().describe('Uncategorised outflows this month, negative (in no envelope until categorised)'),
    overspentLastMonth: z.number().int().describe('Overspending of last month in categories without rolloverOverspending (a positive number)'),
    toBudget: z.number().int().describe('Available to budget: income up to this month - everything assigned up to this month - overspending of earlier months'),
    groups: z.array(BudgetGroup),
    ...Conversions.shape,
  })
  .meta({ id: 'BudgetMonth' });
export type BudgetMonth = z.infer<typeof BudgetMonth>;

export const AssignInput = z.object({ assigned: z.number().int({ error: 'must be a whole number of minor units' }).min(-1e15).max(1e15) }).meta({ id: 'AssignInput' });
export type AssignInput = z.infer<typeof AssignInput>;
export const AverageInput = z.object({ months: z.number().int().min(1).max(24).default(3) }).meta({ id: 'AverageInput' });
export type AverageInput = z.infer<typeof AverageInput>;
