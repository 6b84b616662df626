import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureAdmin, type Account } from './support/accounts';
import { logIn } from './support/app';
import { checkA11y, launchBrowser, newPage, shot } from './support/browser';
import { apiAs, createMember, dragTo } from './support/tasks';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const TIME_ZONE = 'Europe/London';

interface Scheduled {
  id: string;
  payee: string;
  nextDate: string | null;
}

const todayInLondon = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());

/** The month before a plain date, on day `day`. */
function dayOfMonth(date: string, monthsAhead: number, day: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + monthsAhead, day));
  return d.toISOString().slice(0, 10);
}

const longDate = (date: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('finance bills, currencies and rule order', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let member: Account;
  let checkingId: string;
  const today = todayInLondon();
  // A monthly bill on a day every month has, started last month: last month's is overdue.
  const day = Math.min(Number(today.slice(8, 10)), 28);
  const first = dayOfMonth(today, -1, day);
  const second = dayOfMonth(today, 0, day);
  const third = dayOfMonth(today, 1, day);

  const schedules = () => apiAs<{ items: Scheduled[] }>(page, 'GET', '/finance/scheduled').then((r) => r.items);
  const ruleNames = async () => (await page.getByTestId('rule').locator('p').filter({ hasText: /rule$/ }).allInnerTexts()).map((t) => t.trim());

  beforeAll(async () => {
    await ensureAdmin(baseUrl, admin);
    member = await createMember(baseUrl, admin, 'Bill Payer', TIME_ZONE);
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, baseUrl));
    await logIn(page, member);
    const group = await apiAs<{ id: string }>(page, 'POST', '/finance/category-groups', { name: 'Home' });
    const rent = await apiAs<{ id: string }>(page, 'POST', '/finance/categories', { groupId: group.id, name: 'Rent' });
    const opened = dayOfMonth(today, -2, 1);
    checkingId = (await apiAs<{ id: string }>(page, 'POST', '/finance/accounts', { name: 'Checking', type: 'checking', currency: 'USD', openingBalance: 500_000, openingDate: opened })).id;
    await apiAs(page, 'POST', '/finance/accounts', { name: 'Travel money', type: 'cash', currency: 'EUR', openingBalance: 100_000, openingDate: opened });
    for (const name of ['Coffee rule', 'Groceries rule']) {
      await apiAs(page, 'POST', '/finance/rules', { name, conditions: [{ field: 'payee', op: 'contains', value: name.split(' ')[0] }], actions: [{ type: 'setCategory', categoryId: rent.id }] });
    }
  });

  afterAll(async () => {
    await browser.close();
  });

  it('schedules a monthly bill in a dialog and lists it as upcoming, the overdue one marked', async () => {
    await page.goto('/finance');
    await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Bills' }).click();
    await page.waitForURL('**/finance/bills');
    await page.getByText('No scheduled transactions yet').waitFor();
    await page.getByRole('button', { name: 'New schedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New schedule' });
    await dialog.getByLabel('Payee').fill('Landlord');
    await dialog.getByRole('textbox', { name: 'Amount' }).fill('1200');
    await pick(page, dialog, 'Account', 'Checking (USD)');
    await pick(page, dialog, 'Category', 'Rent');
    await dialog.getByLabel('First date').fill(first);
    // Monthly on a day is the default choice; the day follows today's (up to the 28th).
    await dialog.getByRole('textbox', { name: 'Day of the month' }).waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Day of the month' }).inputValue()).toBe(String(day));
    await dialog.getByTestId('repeat-summary').getByText(`Monthly on day ${day}`).waitFor();
    await shot(page, '01-new-schedule');
    await checkA11y(page, 'the new schedule dialog');
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const upcoming = page.getByTestId('upcoming-bill');
    await upcoming.first().waitFor();
    expect(await upcoming.first().getAttribute('data-date')).toBe(first);
    expect(await upcoming.first().getAttribute('data-overdue')).not.toBeNull();
    await page.getByRole('region', { name: /Overdue/ }).getByText('Landlord').first().waitFor();
    expect(await upcoming.filter({ hasText: 'Landlord' }).first().innerText()).toContain('Checking · Rent');
    expect(await upcoming.filter({ hasText: 'Landlord' }).first().innerText()).toMatch(/-US\$1,200\.00/);
    const schedule = page.getByTestId('schedule').filter({ hasText: 'Landlord' });
    await schedule.getByText(`Monthly on day ${day} · Checking · Rent`).waitFor();
    expect(await schedule.getByTestId('schedule-next').innerText()).toContain(longDate(first));
    // Only the first of a schedule's occurrences can be confirmed: the next waits for it.
    await expect.poll(() => page.getByRole('button', { name: `Confirm Landlord on ${longDate(second)}` }).count()).toBe(0);
    await shot(page, '02-bills-upcoming', { fullPage: true });
    await checkA11y(page, 'the bills page');

    // The overview and the home page say a bill is waiting.
    await page.goto('/finance');
    const dueSoon = page.getByTestId('due-soon');
    await dueSoon.getByText('Landlord').first().waitFor();
    expect(await dueSoon.innerText()).toMatch(new RegExp(`\\d+ days overdue · ${longDate(first)}`));
    await shot(page, '02b-overview-due-soon');
    await checkA11y(page, 'the overview with bills due');
    await page.goto('/');
    await expect.poll(() => page.getByTestId('finance-summary').innerText()).toMatch(/\d+ bills? due this week$/);
    await page.goto('/finance/bills');
    await upcoming.first().waitFor();
  });

  it('confirms the overdue bill: a toast links the transaction, the register has it, the next date moves on', async () => {
    await page.getByRole('button', { name: `Confirm Landlord on ${longDate(first)}` }).click();
    const toast = page.getByTestId('posted-toast');
    await toast.waitFor();
    expect(await toast.innerText()).toContain(`Landlord -US$1,200.00 on ${longDate(first)} is in Checking. Next: ${longDate(second)}.`);
    await shot(page, '03-posted-toast');
    const schedule = page.getByTestId('schedule').filter({ hasText: 'Landlord' });
    await expect.poll(() => schedule.getByTestId('schedule-next').innerText()).toContain(longDate(second));
    expect((await schedules())[0]!.nextDate).toBe(second);

    await toast.getByRole('link', { name: 'Checking' }).click();
    await page.waitForURL(`**/finance/accounts/${checkingId}`);
    const row = page.getByTestId('transaction-row').filter({ hasText: 'Landlord' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Rent');
    expect(await page.getByTestId('transaction-row').count()).toBeGreaterThanOrEqual(1);
  });

  it('skips the next occurrence without posting it', async () => {
    await page.goto('/finance/bills');
    await page.getByRole('button', { name: `Skip Landlord on ${longDate(second)}` }).click();
    await page.getByText(`Landlord of ${longDate(second)} is skipped. Next: ${longDate(third)}.`).waitFor();
    const schedule = page.getByTestId('schedule').filter({ hasText: 'Landlord' });
    await expect.poll(() => schedule.getByTestId('schedule-next').innerText()).toContain(longDate(third));
    expect((await schedules())[0]!.nextDate).toBe(third);
    const posted = await apiAs<{ items: { payee: string; date: string }[] }>(page, 'GET', `/finance/transactions?accountId=${checkingId}`);
    expect(posted.items.filter((t) => t.payee === 'Landlord').map((t) => t.date)).toEqual([first]);
    await shot(page, '04-bills-after-skip', { fullPage: true });
  });

  it('edits a schedule to post automatically; its next date is kept', async () => {
    await page.getByRole('button', { name: 'Actions for Landlord' }).click();
    await page.getByRole('menuitem', { name: 'Edit schedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit schedule' });
    expect(await dialog.getByRole('textbox', { name: 'Amount' }).inputValue()).toBe('1200.00');
    await pick(page, dialog, 'Repeats', 'Every 2 weeks');
    await dialog.getByRole('switch', { name: 'Post automatically' }).check();
    await pick(page, dialog, 'Repeats', 'Monthly on a day');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const schedule = page.getByTestId('schedule').filter({ hasText: 'Landlord' });
    await schedule.getByText('Auto-post').waitFor();
    // Same rule: the next date is kept, nothing reposted.
    expect((await schedules())[0]!.nextDate).toBe(third);
  });

  it('takes a custom RRULE, refusing a wrong one next to the field, and deletes a schedule after asking', async () => {
    await page.getByRole('button', { name: 'New schedule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New schedule' });
    await dialog.getByLabel('Payee').fill('Gym');
    await dialog.getByRole('textbox', { name: 'Amount' }).fill('35');
    await pick(page, dialog, 'Repeats', 'Custom (RRULE)');
    await dialog.getByRole('textbox', { name: 'RRULE' }).fill('FREQ=FORTNIGHTLY');
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    await dialog.getByText(/^Repeat rule .*FREQ/).waitFor();
    await dialog.getByRole('textbox', { name: 'RRULE' }).fill('FREQ=MONTHLY;BYDAY=1MO');
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const gym = page.getByTestId('schedule').filter({ hasText: 'Gym' });
    await gym.getByText('Every month on the first Monday · Checking').waitFor();

    await page.getByRole('button', { name: 'Actions for Gym' }).click();
    await page.getByRole('menuitem', { name: 'Delete schedule' }).click();
    await page.getByRole('dialog', { name: 'Delete the schedule for Gym?' }).getByRole('button', { name: 'Delete schedule' }).click();
    await gym.waitFor({ state: 'detached' });
    expect((await schedules()).map((x) => x.payee)).toEqual(['Landlord']);
  });

  it('links a missing rate in reports to the Currencies screen, adds a rate by hand and imports a CSV', async () => {
    await page.goto('/finance/reports?tab=networth');
    const missing = page.getByTestId('missing-rates');
    await missing.getByText('EUR → USD', { exact: false }).waitFor();
    await missing.getByRole('link', { name: 'Add exchange rates' }).click();
    await page.waitForURL('**/finance/currencies');
    await page.getByTestId('unconverted').getByText('Nothing converts EUR to USD', { exact: false }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Base currency' }).inputValue()).toBe('USD');
    await shot(page, '05-currencies-empty');

    await page.getByRole('button', { name: 'Add rate' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New exchange rate' });
    expect(await dialog.getByRole('textbox', { name: 'From' }).inputValue()).toBe('EUR');
    expect(await dialog.getByRole('textbox', { name: 'To' }).inputValue()).toBe('USD');
    await dialog.getByRole('textbox', { name: 'Rate' }).fill('abc');
    await dialog.getByRole('button', { name: 'Add rate' }).click();
    await dialog.getByText('Rate must be a positive decimal', { exact: false }).waitFor();
    await dialog.getByRole('textbox', { name: 'Rate' }).fill('1,10');
    await dialog.getByRole('button', { name: 'Add rate' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const rows = page.getByTestId('rate-row');
    await rows.filter({ hasText: '1 EUR = 1.10 USD' }).waitFor();
    expect(await rows.filter({ hasText: '1 EUR = 1.10 USD' }).innerText()).toMatch(/by hand/i);
    await page.getByTestId('unconverted').waitFor({ state: 'detached' });

    // A CSV with a bad line imports nothing and names the line; a good file imports all.
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const importer = page.getByRole('dialog', { name: 'Import exchange rates' });
    await importer.getByLabel('Or paste the lines').fill('date,base,quote,rate\n2026-01-01,EUR,USD,1.08\n2026-01-02,EUR,USD,1,09\n');
    await importer.getByRole('button', { name: 'Import rates' }).click();
    const errors = importer.getByTestId('rates-import-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toContain('Line 3: expected 4 values (date,base,quote,rate), found 5');
    await shot(page, '06-rates-import-error');
    await checkA11y(page, 'the rates import with an error');
    const dir = await mkdtemp(path.join(tmpdir(), 'atom-rates-'));
    const file = path.join(dir, 'ecb-rates.csv');
    await writeFile(file, `date,base,quote,rate\n2020-01-01,EUR,USD,1.05\n2020-01-01,GBP,USD,1.25\n`);
    await importer.locator('input[type="file"]').setInputFiles(file);
    await importer.getByTestId('rates-file-name').getByText('ecb-rates.csv').waitFor();
    await importer.getByRole('button', { name: 'Import rates' }).click();
    await importer.getByTestId('rates-import-result').getByText('2 rates imported.').waitFor();
    await importer.getByRole('button', { name: 'Done' }).click();
    await rows.filter({ hasText: '1 GBP = 1.25 USD' }).waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.filter({ hasText: '1 EUR = 1.05 USD' }).innerText()).toMatch(/imported/i);

    // Edit an imported rate, then delete another.
    await page.getByRole('button', { name: /^Actions for EUR to USD on 1 Jan 2020/ }).click();
    await page.getByRole('menuitem', { name: 'Edit rate' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit exchange rate' });
    expect(await editor.getByRole('textbox', { name: 'Rate' }).inputValue()).toBe('1.05');
    await editor.getByRole('textbox', { name: 'Rate' }).fill('1.06');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'hidden' });
    await rows.filter({ hasText: '1 EUR = 1.06 USD' }).waitFor();
    await page.getByRole('button', { name: /^Actions for GBP to USD/ }).click();
    await page.getByRole('menuitem', { name: 'Delete rate' }).click();
    await page.getByRole('dialog', { name: 'Delete this rate?' }).getByRole('button', { name: 'Delete rate' }).click();
    await rows.filter({ hasText: 'GBP' }).waitFor({ state: 'detached' });
    await shot(page, '07-currencies', { fullPage: true });
    await checkA11y(page, 'the currencies page');
  });

  it('changes the base currency and the net-worth report converts to it', async () => {
    await page.goto('/finance/reports?tab=networth');
    const summary = page.locator('#networth-summary');
    // 5,000 − 1,200 USD plus 1,000 EUR at 1.10.
    await expect.poll(() => summary.innerText()).toContain('US$4,900.00');
    await page.getByTestId('rates-used').getByText('1 EUR = 1.10 USD', { exact: false }).waitFor();

    await page.goto('/finance/currencies');
    await pick(page, page.locator('body'), 'Base currency', 'EUR');
    await page.getByText('Budgets and reports now count in EUR.').waitFor();
    await page.goto('/finance/reports?tab=networth');
    await page.getByTestId('rates-used').getByText('In EUR.', { exact: false }).waitFor();
    // 3,800 USD at the inverse of 1.10 is €3,454.55; plus €1,000.
    await expect.poll(() => summary.innerText()).toContain('€4,454.55');
    await shot(page, '08-networth-in-eur');
  });

  it('reorders rules by dragging and by keyboard, and the order persists', async () => {
    await page.goto('/finance/rules');
    await page.getByTestId('rule').nth(1).waitFor();
    expect(await ruleNames()).toEqual(['Coffee rule', 'Groceries rule']);
    const handle = (name: string) => page.getByRole('button', { name: new RegExp(`^Reorder ${name}`) });
    const from = (await handle('Groceries rule').boundingBox())!;
    const to = (await handle('Coffee rule').boundingBox())!;
    await dragTo(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: to.x + to.width / 2, y: to.y + 2 });
    await expect.poll(ruleNames).toEqual(['Groceries rule', 'Coffee rule']);
    await page.reload();
    await page.getByTestId('rule').nth(1).waitFor();
    expect(await ruleNames()).toEqual(['Groceries rule', 'Coffee rule']);
    await shot(page, '09-rules-reordered');

    // Keyboard: Space picks the rule up, the arrow moves it, Space drops it.
    await handle('Groceries rule').focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await expect.poll(ruleNames).toEqual(['Coffee rule', 'Groceries rule']);
    await page.reload();
    await page.getByTestId('rule').nth(1).waitFor();
    expect(await ruleNames()).toEqual(['Coffee rule', 'Groceries rule']);

    // And from the menu: Move down.
    await page.getByRole('button', { name: 'Actions for Coffee rule' }).click();
    await page.getByRole('menuitem', { name: 'Move down' }).click();
    await expect.poll(ruleNames).toEqual(['Groceries rule', 'Coffee rule']);
    await page.reload();
    await page.getByTestId('rule').nth(1).waitFor();
    expect(await ruleNames()).toEqual(['Groceries rule', 'Coffee rule']);
    await checkA11y(page, 'the rules page with handles');
  });

  it('fits a 375 px phone and reads well in dark mode', async () => {
    // An overdue weekly bill, so the phone and dark pictures show the overdue marking too.
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const tenDaysAgo = new Date(Date.UTC(y, m - 1, d - 10)).toISOString().slice(0, 10);
    await apiAs(page, 'POST', '/finance/scheduled', { accountId: checkingId, payee: 'Water board', amount: -2_500, rrule: 'FREQ=WEEKLY', startDate: tenDaysAgo });
    const state = await context.storageState();
    const { context: phone, page: mobile } = await newPage(browser, baseUrl, { phone: true, timezoneId: TIME_ZONE, storageState: state });
    for (const [url, ready, name] of [
      ['/finance/bills', '[data-testid="schedule"]', '10-phone-bills'],
      ['/finance/currencies', '[data-testid="rate-row"]', '11-phone-currencies'],
      ['/finance/rules', '[data-testid="rule"]', '12-phone-rules'],
    ] as const) {
      await mobile.goto(url);
      await mobile.locator(ready).first().waitFor();
      expect(await mobile.evaluate(() => window.innerWidth)).toBe(375);
      const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow of ${url} at 375 px`).toBeLessThanOrEqual(0);
      await shot(mobile, name, { fullPage: true });
    }
    await mobile.goto('/finance/bills');
    await mobile.getByTestId('schedule').first().waitFor();
    await mobile.getByRole('button', { name: 'New schedule' }).click();
    await mobile.getByRole('dialog', { name: 'New schedule' }).waitFor();
    await shot(mobile, '13-phone-new-schedule');
    await phone.close();

    const { context: dark, page: night } = await newPage(browser, baseUrl, { dark: true, timezoneId: TIME_ZONE, storageState: state });
    for (const [url, ready, name] of [
      ['/finance/bills', '[data-testid="schedule"]', '14-dark-bills'],
      ['/finance/currencies', '[data-testid="rate-row"]', '15-dark-currencies'],
      ['/finance/rules', '[data-testid="rule"]', '16-dark-rules'],
    ] as const) {
      await night.goto(url);
      await night.waitForFunction(() => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark');
      await night.locator(ready).first().waitFor();
      await shot(night, name, { fullPage: true });
      await checkA11y(night, `${url} in dark mode`);
    }
    await dark.close();
  });
});
