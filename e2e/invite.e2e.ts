import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureAdmin, uniqueAccount } from './support/accounts';
import { logIn, readSecret } from './support/app';
import { checkA11y, launchBrowser, newPage, shot } from './support/browser';

const baseUrl = inject('baseUrl');
const admin = inject('admin');

describe('inviting a member', () => {
  let browser: Browser;
  let adminPage: Page;
  const member = uniqueAccount('Max Member');
  let inviteUrl = '';

  beforeAll(async () => {
    await ensureAdmin(baseUrl, admin);
    browser = await launchBrowser();
    ({ page: adminPage } = await newPage(browser, baseUrl));
    await logIn(adminPage, admin);
  });

  afterAll(async () => {
    await browser.close();
  });

  it('lets the administrator create an invitation link, shown once', async () => {
    await adminPage.goto('/settings/invitations');
    await adminPage.getByRole('heading', { name: 'Invite people' }).waitFor();
    await adminPage.getByLabel('Email (optional)').fill(member.email);
    await adminPage.getByRole('button', { name: 'Create invitation link' }).click();
    inviteUrl = await readSecret(adminPage);
    expect(inviteUrl).toMatch(new RegExp(`^${baseUrl}/signup\\?invite=`));
    const row = adminPage.getByTestId('invite-row').filter({ hasText: member.email });
    await row.getByText('Pending', { exact: true }).waitFor();
    await shot(adminPage, '01-invitation-created');
    await checkA11y(adminPage, 'the invitations settings');
  });

  it('lets the invited person sign up as a member, without the Invitations section', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto(inviteUrl);
    await page.getByRole('heading', { name: 'Join Atom' }).waitFor();
    await page.getByLabel('Name').fill(member.name);
    await page.getByLabel('Email').fill(member.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(member.password);
    await shot(page, '02-signup-with-invitation');
    await checkA11y(page, 'the sign-up page');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: new RegExp(`, ${member.name}$`) }).waitFor();

    await page.goto('/settings/profile');
    await page.getByText('Member', { exact: true }).waitFor();
    const tabs = await page.getByRole('tab').allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(['Profile', 'Tokens', 'Appearance', 'Calendar', 'Connections']);
    await shot(page, '03-member-settings');

    // Typing the address does not reach it either.
    await page.goto('/settings/invitations');
    await page.waitForURL('**/settings/profile');
    expect(await page.getByRole('heading', { name: 'Invite people' }).count()).toBe(0);
    await context.close();
  });

  it('shows the invitation as used, and the link cannot be used twice', async () => {
    await adminPage.reload();
    const row = adminPage.getByTestId('invite-row').filter({ hasText: member.email });
    await row.getByText('Used', { exact: true }).waitFor();
    await shot(adminPage, '04-invitation-used');

    const { context, page } = await newPage(browser, baseUrl);
    const again = uniqueAccount('Second Try');
    await page.goto(inviteUrl);
    await page.getByLabel('Name').fill(again.name);
    await page.getByLabel('Email').fill(again.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(again.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    const alert = page.getByRole('form', { name: 'Create account' }).getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/invalid, used or expired/);
    await shot(page, '05-invitation-reused');
    await context.close();
  });

  it('lets the administrator withdraw a pending invitation', async () => {
    await adminPage.getByRole('button', { name: 'Create invitation link' }).click();
    await readSecret(adminPage);
    await adminPage.getByRole('button', { name: 'I have copied it' }).click();
    const open = adminPage.getByTestId('invite-row').filter({ hasText: 'Anyone with the link' }).filter({ hasText: 'Pending' });
    const before = await open.count();
    expect(before).toBeGreaterThan(0);
    await open.first().getByRole('button', { name: /Withdraw invitation/ }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Withdraw this invitation?' });
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => open.count()).toBe(before - 1);
  });
});
