import type { CreateExchangeRateInput, ExchangeRate, ExchangeRateList, FinanceSettings, RateImportResult, UpdateExchangeRateInput } from '@atom/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, apiUpload } from '../../app/api';
import { FINANCE_KEY } from '../../app/query-keys';

const SETTINGS_KEY = [...FINANCE_KEY, 'settings'] as const;
const RATES_KEY = [...FINANCE_KEY, 'rates'] as const;

/** The rates file goes as `text/csv` (the JSON `api` helper would quote it). */
function importRatesCsv(text: string): Promise<RateImportResult> {
  return apiUpload<RateImportResult>('/finance/rates/import', text, 'text/csv');
}

export const currenciesApi = {
  setBase: (baseCurrency: string) => api<FinanceSettings>('PUT', '/finance/settings', { baseCurrency }),
  createRate: (input: CreateExchangeRateInput) => api<ExchangeRate>('POST', '/finance/rates', input),
  updateRate: (rateId: string, input: UpdateExchangeRateInput) => api<ExchangeRate>('PATCH', `/finance/rates/${encodeURIComponent(rateId)}`, input),
  removeRate: (rateId: string) => api<undefined>('DELETE', `/finance/rates/${encodeURIComponent(rateId)}`),
  importRates: importRatesCsv,
};

export function useFinanceSettings() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api<FinanceSettings>('GET', '/finance/settings') });
}

/** Every stored rate, newest first. */
export function useRates() {
  return useQuery({ queryKey: RATES_KEY, queryFn: () => api<ExchangeRateList>('GET', '/finance/rates'), select: (d) => d.items });
}
