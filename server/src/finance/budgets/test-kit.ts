/** Request helpers shared by the finance planning tests (budgets, goals, rules, schedules, reports). */
import type { FinanceAccount, FinanceCategory, FinanceCategoryGroup, Transaction } from '@atom/contracts';
import { expect } from 'vitest';
import type { Session, TestApp } from '../../testing/test-app.js';

export interface ErrorResponse {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export function financeApi(t: TestApp) {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body type it expects
  async function api<T>(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, contentType?: string) {
    const headers = method === 'GET' ? { cookie: s.cookie } : { ...s.headers, ...(contentType ? { 'content-type': contentType } : {}) };
    const res = await t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as string }) });
    return { status: res.statusCode, body: (res.body && String(res.headers['content-type']).includes('json') ? res.json() : res.body) as T };
  }
  async function ok<T>(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<T> {
    const r = await api<T>(s, method, url, payload);
    expect(r.status, `${method} ${url}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  }
  return {
    api,
    ok,
    account: (s: Session, input: Record<string, unknown>) => ok<FinanceAccount>(s, 'POST', '/api/v1/finance/accounts', { type: 'checking', currency: 'USD', openingDate: '2026-01-01', ...input }),
    group: (s: Session, name: string, isIncome = false) => ok<FinanceCategoryGroup>(s, 'POST', '/api/v1/finance/category-groups', { name, isIncome }),
    category: (s: Session, groupId: string, name: string, extra: Record<string, unknown> = {}) => ok<FinanceCategory>(s, 'POST', '/api/v1/finance/categories', { groupId, name, ...extra }),
    tx: (s: Session, input: Record<string, unknown>) => ok<Transaction>(s, 'POST', '/api/v1/finance/transactions', input),
  };
}
