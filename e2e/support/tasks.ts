import type { Page } from 'playwright-core';
import type { Account } from './accounts';
import { uniqueAccount } from './accounts';

/** The cookies a Set-Cookie list sets, as one Cookie header, plus the CSRF token among them. */
function cookieJar(res: Response): { cookie: string; csrf: string | undefined } {
  const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = pairs.find((p) => p.startsWith('atom_csrf='))?.slice('atom_csrf='.length);
  return { cookie: pairs.join('; '), csrf: csrf ? decodeURIComponent(csrf) : undefined };
}

/**
 * A fresh member of the test server (invited by the administrator through the API), so the
 * tasks spec starts from an empty task list whichever specs ran before it.
 */
export async function createMember(baseUrl: string, admin: Account, name: string, timeZone: string): Promise<Account> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  if (!login.ok) throw new Error(`Admin login answered ${login.status}: ${await login.text()}`);
  const jar = cookieJar(login);
  const invite = await fetch(`${baseUrl}/api/v1/invites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: jar.cookie, 'x-csrf-token': jar.csrf ?? '' },
    body: JSON.stringify({}),
  });
  if (invite.status !== 201) throw new Error(`Creating an invitation answered ${invite.status}: ${await invite.text()}`);
  const { token } = (await invite.json()) as { token: string };
  const account = uniqueAccount(name);
  const signup = await fetch(`${baseUrl}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...account, inviteToken: token, timeZone }),
  });
  if (signup.status !== 201) throw new Error(`Signing up the member answered ${signup.status}: ${await signup.text()}`);
  return account;
}

/** Calls the API as the user signed in on `page` (cookie session + CSRF header), for checks. */
export async function apiAs<T>(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'atom_csrf')?.value;
  const res = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {},
    ...(body !== undefined ? { data: body } : {}),
  });
  if (!res.ok()) throw new Error(`${method} ${path} answered ${res.status()}: ${await res.text()}`);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

/**
 * Drags with real mouse events in small steps: dnd-kit's mouse sensor starts a drag only
 * after the pointer moved a few pixels, then follows every move.
 */
export async function dragTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await page.waitForTimeout(150);
  await page.mouse.move(to.x, to.y + 2, { steps: 2 });
  await page.mouse.up();
}

/** "2026-12-01" → the first day of the next month after a plain date. */
export function firstOfNextMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(y, m, 1));
  return next.toISOString().slice(0, 10);
}
