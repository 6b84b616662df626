import type { CreateExchangeRateInput, ExchangeRate, ExchangeRateList, FinanceSettings, RateImportResult, UpdateExchangeRateInput } from '@atom/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../app/api';
import { FINANCE_KEY } from '../../app/query-keys';

const SETTINGS_KEY = [...FINANCE_KEY, 'settings'] as const;
const RATES_KEY = [...FINANCE_KEY, 'rates'] as const;

function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === 'atom_csrf') return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The rates file goes as `text/csv` (the JSON `api` helper would quote it). */
async function importRatesCsv(text: string): Promise<RateImportResult> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'text/csv' };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch('/api/v1/finance/rates/import', { method: 'POST', headers, credentials: 'same-origin', body: text });
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach the Atom server. Check your connection and try again.');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | undefined)?.error;
    throw new ApiError(res.status, error?.code ?? 'http_error', error?.message ?? `The server answered ${res.status}`, error?.fields ?? {});
  }
  return body as RateImportResult;
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
