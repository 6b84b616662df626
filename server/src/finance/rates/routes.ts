import {
  CreateExchangeRateInput,
  ExchangeRate,
  ExchangeRateList,
  ExchangeRateQuery,
  FinanceSettings,
  IdParams,
  RateImportResult,
  UpdateExchangeRateInput,
  UpdateFinanceSettingsInput,
} from '@atom/contracts';
import { z } from 'zod';
import { route, type RouteDef } from '../../platform/http/route.js';
import { createRate, deleteRate, importRates, listRates, updateRate } from './rates.js';
import { baseCurrencyOf, updateSettings } from './settings.js';

const tags = ['Finance rates and settings'];
const base = '/api/v1/finance';

export const rateRoutes: RouteDef[] = [
  route({ method: 'GET', url: `${base}/settings`, summary: 'Finance settings: the base currency of budgets and reports', tags, auth: 'user', response: FinanceSettings, handler: async ({ ctx, actor }) => baseCurrencyOf(ctx.database.db, actor.user.id) }),
  route({ method: 'PUT', url: `${base}/settings`, summary: 'Set the base currency', tags, auth: 'user', body: UpdateFinanceSettingsInput, response: FinanceSettings, handler: async ({ ctx, actor, body }) => updateSettings(ctx, actor, body) }),
  route({ method: 'GET', url: `${base}/rates`, summary: 'Exchange rates, newest first', tags, auth: 'user', query: ExchangeRateQuery, response: ExchangeRateList, handler: async ({ ctx, actor, query }) => ({ items: await listRates(ctx, actor, query) }) }),
  route({ method: 'POST', url: `${base}/rates`, summary: 'Add a rate ("1 base = rate quote" on a date)', tags, auth: 'user', body: CreateExchangeRateInput, response: ExchangeRate, status: 201, handler: async ({ ctx, actor, body }) => createRate(ctx, actor, body) }),
  route({
    method: 'POST',
    url: `${base}/rates/import`,
    summary: 'Import rates from CSV lines `date,base,quote,rate`; all or nothing, errors name the line',
    description: 'A header line is allowed. A rate already stored for the same pair and date is replaced.',
    tags,
    auth: 'user',
    bodyContentType: 'text/csv',
    body: z.string({ error: 'send the CSV as the request body' }).min(1, { error: 'the file is empty' }),
    response: RateImportResult,
    handler: async ({ ctx, actor, body }) => importRates(ctx, actor, body),
  }),
  route({ method: 'PATCH', url: `${base}/rates/:id`, summary: "Change a rate's value or date", tags, auth: 'user', params: IdParams, body: UpdateExchangeRateInput, response: ExchangeRate, handler: async ({ ctx, actor, params, body }) => updateRate(ctx, actor, params.id, body) }),
  route({ method: 'DELETE', url: `${base}/rates/:id`, summary: 'Delete a rate', tags, auth: 'user', params: IdParams, response: null, handler: async ({ ctx, actor, params }) => deleteRate(ctx, actor, params.id) }),
];
