import { z } from 'zod';
import { DateOnly } from './dates.js';

/**
 * Finance. Money travels as an integer of minor units with its ISO 4217 code beside it
 * (`{"amount": -1234, "currency": "USD"}` is -12.34 USD; JPY has no minor unit, KWD has
 * three), never as a float. Dates are `YYYY-MM-DD`.
 */
const Id = z.string().min(1).max(64);
const Name = z.string().trim().min(1, { error: 'is required' }).max(200, { error: 'must be at most 200 characters' });
const Notes = z.string().max(10_000, { error: 'must be at most 10,000 characters' });

export const MinorAmount = z
  .number({ error: 'must be an integer amount of minor units, e.g. -1234 for -12.34' })
  .int({ error: 'must be a whole number of minor units (cents): send 12.34 as 1234' })
  .min(-Number.MAX_SAFE_INTEGER, { error: 'is too large' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'is too large' })
  .describe('Integer minor units of the currency (cents for USD, yen for JPY, fils for KWD)');

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 currency code such as USD' })
  .describe('ISO 4217 code');

export const FinanceAccountType = z.enum(['checking', 'savings', 'credit_card', 'cash', 'loan', 'investment']);
export const ClearedState = z.enum(['uncleared', 'cleared', 'reconciled']);

export const FinanceAccount = z
  .object({
    id: z.string(),
    name: z.string(),
    type: FinanceAccountType,
    currency: z.string(),
    openingBalance: z.number().int(),
    openingDate: z.string(),
    closed: z.boolean(),
    onBudget: z.boolean(),
    notes: z.string(),
    balance: z.number().int().describe('Opening balance plus every transaction, in minor units of `currency`'),
    clearedBalance: z.number().int().describe('Opening balance plus cleared and reconciled transactions'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FinanceAccount' });
export type FinanceAccount = z.infer<typeof FinanceAccount>;
export const FinanceAccountList = z.object({ items: z.array(FinanceAccount) }).meta({ id: 'FinanceAccountList' });

const AccountFields = z.object({
  name: Name,
  type: FinanceAccountType,
  currency: CurrencyCode,
  openingBalance: MinorAmount,
  openingDate: DateOnly,
  closed: z.boolean(),
  onBudget: z.boolean(),
  notes: Notes,
});

export const CreateFinanceAccountInput = AccountFields.omit({ closed: true })
  .partial()
  .required({ name: true, type: true, currency: true })
  .describe('openingBalance defaults to 0, openingDate to today, onBudget to true (false for loans and investments)')
  .meta({ id: 'CreateFinanceAccountInput' });
export type CreateFinanceAccountInput = z.infer<typeof CreateFinanceAccountInput>;

/** The currency is fixed at creation: every stored amount is in its minor units. */
export const UpdateFinanceAccountInput = AccountFields.omit({ currency: true }).partial().meta({ id: 'UpdateFinanceAccountInput' });
export type UpdateFinanceAccountInput = z.infer<typeof UpdateFinanceAccountInput>;

export const ReconcileInput = z
  .object({
    statementBalance: MinorAmount.describe('The balance printed on the statement, in minor units of the account currency'),
    statementDate: DateOnly.optional().describe('Defaults to today'),
  })
  .meta({ id: 'ReconcileInput' });
export type ReconcileInput = z.infer<typeof ReconcileInput>;

export const ReconcileResult = z
  .object({ account: FinanceAccount, reconciledCount: z.number().int().describe('Cleared transactions now marked reconciled') })
  .meta({ id: 'ReconcileResult' });
export type ReconcileResult = z.infer<typeof ReconcileResult>;

export const FinanceCategory = z
  .object({
    id: z.string(),
    groupId: z.string(),
    name: z.string(),
    hidden: z.boolean(),
    rolloverOverspending: z.boolean().describe('Carry overspending into next month of this category instead of reducing "available to budget"'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FinanceCategory' });
export type FinanceCategory = z.infer<typeof FinanceCategory>;

export const FinanceCategoryGroup = z
  .object({ id: z.string(), name: z.string(), isIncome: z.boolean(), hidden: z.boolean(), categories: z.array(FinanceCategory), createdAt: z.string(), updatedAt: z.string() })
  .meta({ id: 'FinanceCategoryGroup' });
export type FinanceCategoryGroup = z.infer<typeof FinanceCategoryGroup>;
export const FinanceCategoryTree = z.object({ items: z.array(FinanceCategoryGroup) }).meta({ id: 'FinanceCategoryTree' });
export type FinanceCategoryTree = z.infer<typeof FinanceCategoryTree>;

export const CreateCategoryGroupInput = z
  .object({ name: Name, isIncome: z.boolean().optional(), hidden: z.boolean().optional() })
  .meta({ id: 'CreateCategoryGroupInput' });
export type CreateCategoryGroupInput = z.infer<typeof CreateCategoryGroupInput>;
export const UpdateCategoryGroupInput = z.object({ name: Name.optional(), hidden: z.boolean().optional() }).meta({ id: 'UpdateCategoryGroupInput' });
export type UpdateCategoryGroupInput = z.infer<typeof UpdateCategoryGroupInput>;

export const CreateCategoryInput = z
  .object({ groupId: Id, name: Name, hidden: z.boolean().optional(), rolloverOverspending: z.boolean().optional() })
  .meta({ id: 'CreateCategoryInput' });
export type CreateCategoryInput = z.infer<typeof CreateCategoryInput>;
export const UpdateCategoryInput = z
  .object({ groupId: Id.optional(), name: Name.optional(), hidden: z.boolean().optional(), rolloverOverspending: z.boolean().optional() })
  .meta({ id: 'UpdateCategoryInput' });
export type UpdateCategoryInput = z.infer<typeof UpdateCategoryInput>;

export const TransactionSplit = z
  .object({ id: z.string(), categoryId: z.string().nullable(), amount: z.number().int(), notes: z.string() })
  .meta({ id: 'TransactionSplit' });

export const TransferSide = z
  .object({ transactionId: z.string(), accountId: z.string(), amount: z.number().int(), currency: z.string() })
  .describe('The other side of a transfer')
  .meta({ id: 'TransferSide' });

export const Transaction = z
  .object({
    id: z.string(),
    accountId: z.string(),
    date: z.string(),
    payee: z.string(),
    amount: z.number().int().describe('Minor units of `currency`; negative = money out'),
    currency: z.string().describe("The account's currency"),
    categoryId: z.string().nullable().describe('Null for split, transfer or uncategorised transactions'),
    notes: z.string(),
    cleared: ClearedState,
    pending: z.boolean(),
    tags: z.array(z.string()),
    splits: z.array(TransactionSplit).describe('Empty unless split; the amounts add up to `amount`'),
    transfer: TransferSide.nullable(),
    importedId: z.string().nullable().describe("The bank's id (OFX FITID...) when imported"),
    importBatchId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Transaction' });
export type Transaction = z.infer<typeof Transaction>;

export const ListedTransaction = Transaction.extend({
  runningBalance: z
    .number()
    .int()
    .optional()
    .describe("Only when the list is filtered by accountId: the account's balance (opening balance included) just after this transaction, in list order (date, then creation order); minor units"),
}).meta({ id: 'ListedTransaction' });
export type ListedTransaction = z.infer<typeof ListedTransaction>;

export const TransactionPage = z
  .object({ items: z.array(ListedTransaction), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null at the end') })
  .meta({ id: 'TransactionPage' });
export type TransactionPage = z.infer<typeof TransactionPage>;

const Tag = z.string().trim().min(1, { error: 'must not be empty' }).max(60, { error: 'must be at most 60 characters' }).regex(/^[^,]+$/, { error: 'must not contain commas' });

export const SplitInput = z.object({ categoryId: Id.nullable().optional(), amount: MinorAmount, notes: Notes.optional() });
export type SplitInput = z.infer<typeof SplitInput>;

const TransactionFields = z.object({
  accountId: Id,
  date: DateOnly,
  amount: MinorAmount,
  payee: z.string().trim().max(500, { error: 'must be at most 500 characters' }),
  categoryId: Id.nullable(),
  notes: Notes,
  cleared: ClearedState,
  pending: z.boolean(),
  tags: z.array(Tag).max(50),
  splits: z.array(SplitInput).min(2, { error: 'needs at least two parts (or none)' }).max(100).nullable().describe('Parts whose amounts add up to `amount`; null removes the split'),
  transferAmount: MinorAmount.describe("For a transfer between accounts in different currencies: the amount on the other account, in its currency's minor units"),
});

export const CreateTransactionInput = TransactionFields.partial()
  .required({ accountId: true, date: true, amount: true })
  .extend({
    transferAccountId: Id.optional().describe('Makes this a transfer: the other account gets the opposite amount (or `transferAmount` across currencies)'),
    importedId: z.string().trim().min(1).max(200).optional(),
  })
  .meta({ id: 'CreateTransactionInput' });
export type CreateTransactionInput = z.infer<typeof CreateTransactionInput>;

export const UpdateTransactionInput = TransactionFields.partial().meta({ id: 'UpdateTransactionInput' });
export type UpdateTransactionInput = z.infer<typeof UpdateTransactionInput>;

/** An amount in a query string: empty means absent (z.coerce alone would read "" as 0). */
const queryAmount = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().pipe(MinorAmount).optional());

export const TransactionQuery = z
  .object({
    accountId: Id.optional(),
    categoryId: Id.optional().describe('Matches the category or any split part of it'),
    from: DateOnly.optional().describe('On or after this date'),
    to: DateOnly.optional().describe('On or before this date'),
    q: z.string().max(200).optional().describe('Text in payee or notes'),
    minAmount: queryAmount.describe('Minor units, inclusive'),
    maxAmount: queryAmount.describe('Minor units, inclusive'),
    tag: Tag.optional(),
    cleared: ClearedState.optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .meta({ id: 'TransactionQuery' });
export type TransactionQuery = z.infer<typeof TransactionQuery>;

export const TransactionExportQuery = TransactionQuery.omit({ cursor: true, limit: true }).meta({ id: 'TransactionExportQuery' });
export type TransactionExportQuery = z.infer<typeof TransactionExportQuery>;

export const Currency = z.object({ code: z.string(), exponent: z.number().int().describe('Digits after the decimal point: JPY 0, USD 2, KWD 3') }).meta({ id: 'Currency' });
export const CurrencyList = z.object({ items: z.array(Currency) }).meta({ id: 'CurrencyList' });
export type CurrencyList = z.infer<typeof CurrencyList>;

export const PayeeQuery = z
  .object({
    q: z.string().trim().max(200).optional().describe('Text the payee contains (any case); empty lists the top payees'),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .meta({ id: 'PayeeQuery' });
export type PayeeQuery = z.infer<typeof PayeeQuery>;

export const PayeeSuggestion = z
  .object({
    payee: z.string().describe('As last written'),
    count: z.number().int().describe('Transactions with this payee (any case) among the recent ones looked at'),
    lastDate: z.string(),
    categoryId: z.string().nullable().describe('The category of the latest categorised transaction with this payee, to prefill'),
  })
  .meta({ id: 'PayeeSuggestion' });
export type PayeeSuggestion = z.infer<typeof PayeeSuggestion>;

export const PayeeList = z.object({ items: z.array(PayeeSuggestion) }).meta({ id: 'PayeeList' });
export type PayeeList = z.infer<typeof PayeeList>;
