import type { Page } from 'playwright-core';
import type { Account } from './accounts';

/** Logs in through the login form; resolves once the page left /login. */
export async function logIn(page: Page, account: Account, path = '/login'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Email').fill(account.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/** The text of the one-time secret box (a new token or an invitation link). */
export async function readSecret(page: Page): Promise<string> {
  const box = page.getByTestId('secret-value');
  await box.waitFor();
  return (await box.innerText()).trim();
}
