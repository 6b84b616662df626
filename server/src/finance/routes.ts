import {
  CreateCategoryGroupInput,
  CreateCategoryInput,
  CreateFinanceAccountInput,
  CreateTransactionInput,
  CurrencyList,
  FinanceAccount,
  FinanceAccountList,
  FinanceCategory,
  FinanceCategoryGroup,
  FinanceCategoryTree,
  IdParams,
  PayeeList,
  PayeeQuery,
  ReconcileInput,
  ReconcileResult,
  Transaction,
  TransactionExportQuery,
  TransactionPage,
  TransactionQuery,
  UpdateCategoryGroupInput,
  UpdateCategoryInput,
  UpdateFinanceAccountInput,
  UpdateTransactionInput,
} from '@atom/contracts';
import { route, type RouteDef } from '../platform/http/route.js';
import { createAccount, deleteAccount, getAccount, listAccounts, updateAccount } from './accounts.js';
import {
  createCategory,
  createCategoryGroup,
  deleteCategory,
  deleteCategoryGroup,
  listCategoryTree,
  updateCategory,
  updateCategoryGroup,
} from './categories.js';
import { CURRENCY_CODES, exponentOf } from './money/index.js';
import { reconcileAccount } from './reconcile.js';
import { createTransaction } from './transactions/create-transaction.js';
import { deleteTransaction } from './transactions/delete-transaction.js';
import { exportTransactionsCsv } from './transactions/export-csv.js';
import { listTransactions } from './transactions/list-transactions.js';
import { restoreTransaction } from './transactions/restore-transaction.js';
import { suggestPayees } from './transactions/payees.js';
import { getTransactionRow, presentTransactions } from './transactions/present.js';
import { updateTransaction } from './transactions/update-transaction.js';

const accounts = ['Finance accounts'];
const categories = ['Finance categories'];
const transactions = ['Transactions'];
const base = '/api/v1/finance';

export const financeRoutes: RouteDef[] = [
  route({
    method: 'GET',
    url: `${base}/currencies`,
    summary: 'ISO 4217 currencies accepted for accounts, with their minor-unit exponents',
    tags: accounts,
    auth: 'user',
    response: CurrencyList,
    handler: async () => ({ items: CURRENCY_CODES.map((code) => ({ code, exponent: exponentOf(code) })) }),
  }),
  route({ method: 'GET', url: `${base}/accounts`, summary: 'List accounts with balance and cleared balance', tags: accounts, auth: 'user', response: FinanceAccountList, handler: async ({ ctx, actor }) => ({ items: await listAccounts(ctx, actor) }) }),
  route({ method: 'POST', url: `${base}/accounts`, summary: 'Create an account in a currency', tags: accounts, auth: 'user', body: CreateFinanceAccountInput, response: FinanceAccount, status: 201, handler: async ({ ctx, actor, body }) => createAccount(ctx, actor, body) }),
  route({ method: 'GET', url: `${base}/accounts/:id`, summary: 'One account with balances', tags: accounts, auth: 'user', params: IdParams, response: FinanceAccount, handler: async ({ ctx, actor, params }) => getAccount(ctx, actor, params.id) }),
  route({ method: 'PATCH', url: `${base}/accounts/:id`, summary: 'Rename, close, reopen or change an account (not its currency)', tags: accounts, auth: 'user', params: IdParams, body: UpdateFinanceAccountInput, response: FinanceAccount, handler: async ({ ctx, actor, params, body }) => updateAccount(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: `${base}/accounts/:id`, summary: 'Delete an account and its transactions (transfers keep their other side as plain transactions)', tags: accounts, auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteAccount(ctx, actor, params.id) }),
  route({
    method: 'POST',
    url: `${base}/accounts/:id/reconcile`,
    summary: 'Reconcile against a statement balance',
    description: 'When the cleared balance up to `statementDate` equals `statementBalance`, cleared transactions up to that date become reconciled. Otherwise 409 with the difference; nothing changes.',
    tags: accounts,
    auth: 'user',
    params: IdParams,
    body: ReconcileInput,
    response: ReconcileResult,
    handler: async ({ ctx, actor, params, body }) => reconcileAccount(ctx, actor, params.id, body),
  }),

  route({ method: 'GET', url: `${base}/categories`, summary: 'Category groups with their categories', tags: categories, auth: 'user', response: FinanceCategoryTree, handler: async ({ ctx, actor }) => ({ items: await listCategoryTree(ctx, actor) }) }),
  route({ method: 'POST', url: `${base}/categories`, summary: 'Create a category in a group', tags: categories, auth: 'user', body: CreateCategoryInput, response: FinanceCategory, status: 201, handler: async ({ ctx, actor, body }) => createCategory(ctx, actor, body) }),
  route({ method: 'PATCH', url: `${base}/categories/:id`, summary: 'Rename, hide or move a category', tags: categories, auth: 'user', params: IdParams, body: UpdateCategoryInput, response: FinanceCategory, handler: async ({ ctx, actor, params, body }) => updateCategory(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: `${base}/categories/:id`, summary: 'Delete a category (its transactions become uncategorised)', tags: categories, auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteCategory(ctx, actor, params.id) }),
  route({ method: 'POST', url: `${base}/category-groups`, summary: 'Create a category group', tags: categories, auth: 'user', body: CreateCategoryGroupInput, response: FinanceCategoryGroup, status: 201, handler: async ({ ctx, actor, body }) => createCategoryGroup(ctx, actor, body) }),
  route({ method: 'PATCH', url: `${base}/category-groups/:id`, summary: 'Rename or hide a category group', tags: categories, auth: 'user', params: IdParams, body: UpdateCategoryGroupInput, response: FinanceCategoryGroup, handler: async ({ ctx, actor, params, body }) => updateCategoryGroup(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: `${base}/category-groups/:id`, summary: 'Delete an empty category group', tags: categories, auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteCategoryGroup(ctx, actor, params.id) }),

  route({
    method: 'GET',
    url: `${base}/transactions`,
    summary: 'List transactions, newest first, with filters and cursor pagination',
    description: 'Pass `nextCursor` back as `cursor` for the next page. Amounts are minor units of each transaction\'s `currency`.',
    tags: transactions,
    auth: 'user',
    query: TransactionQuery,
    response: TransactionPage,
    handler: async ({ ctx, actor, query }) => listTransactions(ctx, actor, query),
  }),
  route({
    method: 'GET',
    url: `${base}/transactions/export.csv`,
    summary: 'Export the filtered transactions as CSV (one line per split part)',
    tags: transactions,
    auth: 'user',
    query: TransactionExportQuery,
    response: null,
    rawResponse: { contentType: 'text/csv; charset=utf-8', description: 'CSV with a header line' },
    handler: async ({ ctx, actor, query, reply }) => {
      void reply.header('content-disposition', 'attachment; filename="transactions.csv"');
      return exportTransactionsCsv(ctx, actor, query);
    },
  }),
  route({
    method: 'POST',
    url: `${base}/transactions`,
    summary: 'Create a transaction, a split, or a transfer (a linked pair)',
    description: 'With `splits`, the parts must add up to `amount`. With `transferAccountId`, the other account gets the opposite amount, or `transferAmount` (required) when its currency differs.',
    tags: transactions,
    auth: 'user',
    body: CreateTransactionInput,
    response: Transaction,
    status: 201,
    handler: async ({ ctx, actor, body }) => createTransaction(ctx, actor, body),
  }),
  route({
    method: 'GET',
    url: `${base}/transactions/:id`,
    summary: 'One transaction',
    tags: transactions,
    auth: 'user',
    params: IdParams,
    response: Transaction,
    handler: async ({ ctx, actor, params }) => {
      const { db, codec } = ctx.database;
      return (await presentTransactions(db, codec, actor.user.id, [await getTransactionRow(db, actor.user.id, params.id)]))[0]!;
    },
  }),
  route({ method: 'PATCH', url: `${base}/transactions/:id`, summary: "Update a transaction (a transfer's other side follows)", tags: transactions, auth: 'user', params: IdParams, body: UpdateTransactionInput, response: Transaction, handler: async ({ ctx, actor, params, body }) => updateTransaction(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: `${base}/transactions/:id`, summary: 'Delete a transaction (both sides of a transfer)', tags: transactions, auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteTransaction(ctx, actor, params.id) }),
  route({
    method: 'GET',
    url: `${base}/payees`,
    summary: 'Payees for autocomplete, ranked by frequency and recency, with the category last used for each',
    tags: transactions,
    auth: 'user',
    query: PayeeQuery,
    response: PayeeList,
    handler: async ({ ctx, actor, query }) => suggestPayees(ctx, actor, query),
  }),
  route({
    method: 'POST',
    url: `${base}/transactions/:id/restore`,
    summary: 'Undo a delete: the same transaction comes back with its splits, tags and transfer side (within 30 days)',
    tags: transactions,
    auth: 'user',
    params: IdParams,
    response: Transaction,
    handler: async ({ ctx, actor, params }) => restoreTransaction(ctx, actor, params.id),
  }),
];
