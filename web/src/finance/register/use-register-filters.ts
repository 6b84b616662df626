import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { TransactionFilters } from '../finance-api';
import { parseMoney } from '../money';

const CLEARED = ['uncleared', 'cleared', 'reconciled'] as const;
type Cleared = (typeof CLEARED)[number];

/** What the filter bar shows; amounts as typed. */
export interface FilterFields {
  q: string;
  categoryId: string;
  from: string;
  to: string;
  min: string;
  max: string;
  cleared: string;
}

const KEYS: (keyof FilterFields)[] = ['q', 'categoryId', 'from', 'to', 'min', 'max', 'cleared'];

/**
 * The register's filters live in the address (?q=...&from=...), so a reload or a shared link
 * shows the same list. Typed amounts become minor units here; one that does not read is
 * reported, not sent.
 */
export function useRegisterFilters(exponent: number | undefined) {
  const [params, setParams] = useSearchParams();
  const fields = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as FilterFields;
  // Two changes in quick succession (a date, then an amount) must both land: each builds on
  // the last one asked for, not on the address as it was at the last render.
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);

  const set = (patch: Partial<FilterFields>) => {
    const next = new URLSearchParams(latest.current);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    latest.current = next;
    setParams(next, { replace: true, preventScrollReset: true });
  };

  const problems: Partial<Record<'min' | 'max', string>> = {};
  const amount = (key: 'min' | 'max'): string | undefined => {
    if (fields[key].trim() === '' || exponent === undefined) return undefined;
    const parsed = parseMoney(fields[key], exponent);
    if (!parsed.ok) {
      problems[key] = `Amount ${parsed.problem}`;
      return undefined;
    }
    return String(parsed.minor);
  };

  const api: TransactionFilters = {
    ...(fields.q.trim() ? { q: fields.q.trim() } : {}),
    ...(fields.categoryId ? { categoryId: fields.categoryId } : {}),
    ...(fields.from ? { from: fields.from } : {}),
    ...(fields.to ? { to: fields.to } : {}),
    ...(CLEARED.includes(fields.cleared as Cleared) ? { cleared: fields.cleared as Cleared } : {}),
  };
  const minAmount = amount('min');
  const maxAmount = amount('max');
  if (minAmount !== undefined) api.minAmount = minAmount;
  if (maxAmount !== undefined) api.maxAmount = maxAmount;

  const active = KEYS.some((k) => fields[k] !== '');
  const clear = () => set(Object.fromEntries(KEYS.map((k) => [k, ''])));
  return { fields, set, clear, active, problems, api };
}
