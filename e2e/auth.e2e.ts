import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serverHasUsers } from './support/accounts';
import { logIn, logOut, readSecret } from './support/app';
import { checkA11y, launchBrowser, newPage, shot } from './support/browser';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

async function meWithToken(token: string): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
}

describe('signing up, logging in and personal access tokens', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, baseUrl));
  });

  afterAll(async () => {
    await browser.close();
  });

  it('sends a signed-out visitor to an accessible login page', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Log in to Atom' }).waitFor();
    await shot(page, '01-login');
    await checkA11y(page, 'the login page');
  });

  it('creates the administrator on first run (or logs the administrator in)', async () => {
    if (!(await serverHasUsers(baseUrl))) {
      await page.goto('/signup');
      await page.getByRole('heading', { name: 'Create the administrator account' }).waitFor();
      await page.getByLabel('Name').fill(admin.name);
      await page.getByLabel('Email').fill(admin.email);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(admin.password);
      await shot(page, '02-signup-first-user');
      await page.getByRole('button', { name: 'Create administrator account' }).click();
      await page.waitForURL((url) => url.pathname === '/');
    } else {
      await logIn(page, admin);
    }
    await page.getByRole('heading', { name: new RegExp(`, ${admin.name}$`) }).waitFor();
    await page.getByRole('button', { name: `${admin.name} Account menu` }).waitFor();
    for (const area of ['Calendar', 'Tasks', 'Planner', 'Inbox', 'Finance', 'Automations']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area }).waitFor();
    }
    // Tasks is built; the other five areas still say what they will do.
    expect(await page.getByText('Not built yet').count()).toBe(3);
    await shot(page, '03-home-light');
    await checkA11y(page, 'the home page');
  });

  it('logs out, refuses a wrong password next to the form, then logs in and returns', async () => {
    await logOut(page);

    // A signed-out visit to a deep link comes back there after logging in.
    await page.goto('/settings/tokens');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/settings/tokens');

    await page.getByLabel('Email').fill(admin.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.getByRole('form', { name: 'Log in' }).getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Wrong email or password');
    await shot(page, '04-login-wrong-password');

    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/settings/tokens');
    await page.getByRole('heading', { name: 'Personal access tokens' }).waitFor();
  });

  it('creates a token shown once, which works until it is revoked', async () => {
    await checkA11y(page, 'the settings page (tokens)');
    const name = `E2E script ${Date.now()}`;
    await page.getByLabel('Token name').fill(name);
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await readSecret(page);
    expect(token.length).toBeGreaterThan(20);
    await page.getByText('You won’t see it again', { exact: false }).waitFor();
    await shot(page, '05-token-created');

    const me = await meWithToken(token);
    expect(me.status).toBe(200);
    const body = (await me.json()) as { user: { email: string }; auth: string };
    expect(body.user.email).toBe(admin.email);
    expect(body.auth).toBe('token');

    // Shown once: after "I have copied it" or a reload, the secret is gone for good.
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.reload();
    const row = page.getByTestId('token-row').filter({ hasText: name });
    await row.waitFor();
    expect(await page.content()).not.toContain(token);
    await shot(page, '06-token-list');

    await row.getByRole('button', { name: `Revoke token ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this token?' });
    await dialog.waitFor();
    await shot(page, '07-token-revoke-confirm');
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await meWithToken(token)).status).toBe(401);
  });

  it('shows the profile with name, email and role', async () => {
    await page.getByRole('tab', { name: 'Profile' }).click();
    await page.waitForURL('**/settings/profile');
    await page.getByText(admin.email).waitFor();
    await page.getByText('Administrator').waitFor();
    expect(await page.getByLabel('Name').inputValue()).toBe(admin.name);
    await shot(page, '08-settings-profile');
    await checkA11y(page, 'the settings page (profile)');
  });

  it('jumps to an area from the command palette (Ctrl+K)', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: new RegExp(`, ${admin.name}$`) }).waitFor();
    await page.keyboard.press('Control+K');
    const search = page.getByPlaceholder('Search or jump to…');
    await search.waitFor();
    await search.fill('tasks');
    await shot(page, '09-command-palette');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/tasks/today');
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await shot(page, '10-area-from-palette');

    // `?` lists the shortcuts; `/` opens the palette too (outside Tasks, which has its own search).
    await page.keyboard.press('Shift+?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    await page.goto('/settings/profile');
    await page.getByRole('tab', { name: 'Profile' }).waitFor();
    await page.keyboard.press('/');
    await search.waitFor();
    await page.keyboard.press('Escape');
    await search.waitFor({ state: 'hidden' });
  });

  it('switches to the dark theme', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark');
    await shot(page, '11-home-dark');
    await checkA11y(page, 'the home page in dark mode');
    await page.goto('/settings/tokens');
    await page.getByRole('heading', { name: 'Personal access tokens' }).waitFor();
    await page.getByLabel('Token name').fill('Home Assistant');
    await page.getByRole('button', { name: 'Create token' }).click();
    await readSecret(page);
    await shot(page, '12-settings-tokens-dark');
    await checkA11y(page, 'the settings page in dark mode');
    await page.getByRole('tab', { name: 'Appearance' }).click();
    await page.getByText('Auto follows your device').waitFor();
    await shot(page, '12b-settings-appearance-dark');
    // The choice is remembered across reloads.
    await page.reload();
    await page.getByText('Auto follows your device').waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).toBe('dark');
    await page.getByRole('button', { name: 'Switch to light theme' }).click();
  });

  it('fits a 375 px phone, with the navigation in a drawer', async () => {
    const { context: phone, page: mobile } = await newPage(browser, baseUrl, { phone: true, storageState: await context.storageState() });
    await mobile.goto('/');
    await mobile.getByRole('heading', { name: new RegExp(`, ${admin.name}$`) }).waitFor();
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal overflow at 375 px').toBeLessThanOrEqual(0);
    await shot(mobile, '13-mobile-home', { fullPage: true });

    await mobile.getByRole('button', { name: 'Open navigation' }).click();
    const drawer = mobile.getByRole('dialog', { name: 'Atom' });
    await drawer.waitFor();
    await shot(mobile, '14-mobile-drawer');
    await drawer.getByRole('link', { name: 'Settings' }).click();
    await mobile.waitForURL('**/settings/profile');
    await drawer.waitFor({ state: 'hidden' });
    await mobile.getByRole('tab', { name: 'Tokens' }).click();
    await mobile.getByRole('heading', { name: 'Personal access tokens' }).waitFor();
    await shot(mobile, '15-mobile-settings-tokens');
    await phone.close();
  });
});
