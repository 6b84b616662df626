import { z } from 'zod';
import { DateOnly } from './dates.js';
import { Conversions, MonthText } from './finance-money.js';

/** Reports: aggregated in the database, converted to the base currency, naming the rates they used. */
const Range = { from: DateOnly, to: DateOnly };

export const SpendingQuery = z.object({ ...Range, groupBy: z.enum(['category', 'group']).default('category') }).meta({ id: 'SpendingQuery' });
export type SpendingQuery = z.infer<typeof SpendingQuery>;
export const SpendingReport = z
  .object({
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(['category', 'group']),
    items: z.array(z.object({ id: z.string().nullable().describe('Null for uncategorised'), name: z.string(), groupName: z.string().nullable(), spent: z.number().int().describe('Money out minus refunds, positive') })),
    total: z.number().int(),
    ...Conversions.shape,
  })
  .meta({ id: 'SpendingReport' });
export type SpendingReport = z.infer<typeof SpendingReport>;

export const CashflowQuery = z.object(Range).meta({ id: 'CashflowQuery' });
export type CashflowQuery = z.infer<typeof CashflowQuery>;
export const CashflowReport = z
  .object({
    from: z.string(),
    to: z.string(),
    months: z.array(z.object({ month: z.string(), income: z.number().int(), expense: z.number().int().describe('Positive'), net: z.number().int() })),
    ...Conversions.shape,
  })
  .meta({ id: 'CashflowReport' });
export type CashflowReport = z.infer<typeof CashflowReport>;

export const NetWorthQuery = z.object({ ...Range, interval: z.enum(['month']).default('month') }).meta({ id: 'NetWorthQuery' });
export type NetWorthQuery = z.infer<typeof NetWorthQuery>;
export const NetWorthReport = z
  .object({
    from: z.string(),
    to: z.string(),
    points: z.array(
      z.object({
        date: z.string().describe('Month end (or `to` for the last, partial month)'),
        total: z.number().int().describe('Sum of the converted balances'),
        accounts: z.array(z.object({ accountId: z.string(), name: z.string(), currency: z.string(), balance: z.number().int(), converted: z.number().int().nullable().describe('Null when no rate was found') })),
      }),
    ),
    ...Conversions.shape,
  })
  .meta({ id: 'NetWorthReport' });
export type NetWorthReport = z.infer<typeof NetWorthReport>;

export const BudgetVsActualQuery = z.object({ month: MonthText }).meta({ id: 'BudgetVsActualQuery' });
export type BudgetVsActualQuery = z.infer<typeof BudgetVsActualQuery>;
export const BudgetVsActualReport = z
  .object({
    month: z.string(),
    items: z.array(z.object({ categoryId: z.string(), name: z.string(), groupName: z.string(), assigned: z.number().int(), actual: z.number().int().describe('Spent, positive'), difference: z.number().int().describe('assigned - actual') })),
    assigned: z.number().int(),
    actual: z.number().int(),
    ...Conversions.shape,
  })
  .meta({ id: 'BudgetVsActualReport' });
export type BudgetVsActualReport = z.infer<typeof BudgetVsActualReport>;
