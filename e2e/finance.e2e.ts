import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureAdmin, type Account } from './support/accounts';
import { logIn } from './support/app';
import { checkA11y, launchBrowser, newPage, shot } from './support/browser';
import { apiAs, createMember } from './support/tasks';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const TIME_ZONE = 'Europe/London';

interface FinanceAccount {
  id: string;
  name: string;
  currency: string;
  balance: number;
  clearedBalance: number;
}
interface Transaction {
  id: string;
  accountId: string;
  payee: string;
  amount: number;
  categoryId: string | null;
  cleared: string;
  splits: { categoryId: string | null; amount: number }[];
  transfer: { accountId: string; amount: number; currency: string } | null;
}
interface CategoryGroup {
  id: string;
  name: string;
  hidden: boolean;
  categories: { id: string; name: string; hidden: boolean; rolloverOverspending: boolean }[];
}

/** A plain date `days` before today in London, where the browser and the member live. */
function daysAgo(days: number): string {
  const now = new Date();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

describe('finance: accounts, register, splits, transfers across currencies, reconcile, filters', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let member: Account;
  let usd: FinanceAccount;
  let eur: FinanceAccount;

  const row = (payee: string) => page.getByTestId('transaction-row').filter({ hasText: payee });
  const rows = () => page.getByTestId('transaction-row');
  const addForm = () => page.getByRole('form', { name: 'Add a transaction' });
  const drawer = () => page.getByRole('dialog', { name: 'Transaction' });
  const accounts = () => apiAs<{ items: FinanceAccount[] }>(page, 'GET', '/finance/accounts').then((r) => r.items);
  const transactionsOf = (accountId: string) => apiAs<{ items: Transaction[] }>(page, 'GET', `/finance/transactions?accountId=${accountId}`).then((r) => r.items);
  const categories = () => apiAs<{ items: CategoryGroup[] }>(page, 'GET', '/finance/categories').then((r) => r.items);
  const categoryId = async (name: string) => (await categories()).flatMap((g) => g.categories).find((c) => c.name === name)!.id;

  async function pickOption(label: string | RegExp, option: string, scope: Page | Locator = page) {
    await scope.getByRole('textbox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Types a transaction into the inline add row and saves it with Enter, as a keyboard user would. */
  async function addTransaction(date: string, payee: string, category: string | null, amount: string) {
    const form = addForm();
    await form.getByRole('textbox', { name: 'Date' }).fill(date);
    await form.getByRole('textbox', { name: 'Payee' }).fill(payee);
    if (category) {
      const select = form.getByRole('textbox', { name: 'Category' });
      await select.click();
      await select.pressSequentially(category, { delay: 10 });
      await page.keyboard.press('Enter');
      await expect.poll(() => select.inputValue()).not.toBe(category);
    }
    const amountBox = form.getByRole('textbox', { name: /^Amount in/ });
    await amountBox.fill(amount);
    await amountBox.press('Enter');
    await row(payee).first().waitFor();
    // The row clears itself for the next one.
    await expect.poll(() => form.getByRole('textbox', { name: 'Payee' }).inputValue()).toBe('');
  }

  beforeAll(async () => {
    await ensureAdmin(baseUrl, admin);
    member = await createMember(baseUrl, admin, 'Fran Finance', TIME_ZONE);
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, baseUrl));
  });

  afterAll(async () => {
    await browser.close();
  });

  it('starts empty and builds categories on the Categories page', async () => {
    await logIn(page, member);
    await page.goto('/finance');
    await page.getByRole('heading', { name: 'Finance', level: 1 }).waitFor();
    await page.getByText('Add your first account').waitFor();
    await shot(page, '01-empty');
    await checkA11y(page, 'the empty finance overview');

    await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Categories' }).click();
    await page.waitForURL('**/finance/categories');
    await page.getByRole('textbox', { name: 'New group name' }).fill('Everyday');
    await page.getByRole('button', { name: 'Add group' }).click();
    const group = page.getByRole('region', { name: 'Everyday' });
    await group.waitFor();
    for (const name of ['Groceries', 'Eating out', 'Household stuff', 'Old hobby']) {
      const input = group.getByRole('textbox', { name: 'New category in Everyday' });
      await input.fill(name);
      await input.press('Enter');
      await group.getByRole('button', { name: `Rename category ${name}` }).waitFor();
    }
    // Rename in place, hide one, let another roll its overspending over.
    await group.getByRole('button', { name: 'Rename category Household stuff' }).click();
    const rename = group.getByRole('textbox', { name: 'New name for category Household stuff' });
    await rename.fill('Household');
    await rename.press('Enter');
    await group.getByRole('button', { name: 'Rename category Household' }).waitFor();
    await group.getByRole('button', { name: 'Hide Old hobby' }).click();
    await group.getByRole('button', { name: 'Show Old hobby' }).waitFor();
    await group.getByTestId('category-row').filter({ hasText: 'Eating out' }).getByRole('switch', { name: 'Roll over overspending' }).click({ force: true });
    await expect
      .poll(async () => (await categories())[0]?.categories.map((c) => `${c.name}:${c.hidden}:${c.rolloverOverspending}`))
      .toEqual(['Groceries:false:false', 'Eating out:false:true', 'Household:false:false', 'Old hobby:true:false']);
    await shot(page, '02-categories');
    await checkA11y(page, 'the categories page');
  });

  it('creates a USD checking and a EUR savings account', async () => {
    await page.getByRole('navigation', { name: 'Finance' }).getByRole('button', { name: 'New account' }).click();
    let dialog = page.getByRole('dialog', { name: 'New account' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Everyday checking');
    await dialog.getByRole('textbox', { name: 'Currency' }).fill('USD');
    await page.getByRole('option', { name: 'USD', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Opening balance' }).fill('1,000.00');
    await dialog.getByRole('textbox', { name: 'Opening date' }).fill(daysAgo(30));
    await shot(page, '03-new-account');
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Everyday checking', level: 1 }).waitFor();

    await page.getByRole('navigation', { name: 'Finance' }).getByRole('button', { name: 'New account' }).click();
    dialog = page.getByRole('dialog', { name: 'New account' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Euro savings');
    await pickOption('Type', 'Savings', dialog);
    await dialog.getByRole('textbox', { name: 'Currency' }).fill('EUR');
    await page.getByRole('option', { name: 'EUR', exact: true }).click();
    // A comma here would be ambiguous in an English locale: it is refused, not guessed.
    await dialog.getByRole('textbox', { name: 'Opening balance' }).fill('500,5');
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await dialog.getByText('Opening balance is ambiguous').waitFor();
    await dialog.getByRole('textbox', { name: 'Opening balance' }).fill('500');
    await dialog.getByRole('textbox', { name: 'Opening date' }).fill(daysAgo(30));
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Euro savings', level: 1 }).waitFor();

    const all = await accounts();
    usd = all.find((a) => a.currency === 'USD')!;
    eur = all.find((a) => a.currency === 'EUR')!;
    expect([usd.name, usd.balance, eur.name, eur.balance]).toEqual(['Everyday checking', 100000, 'Euro savings', 50000]);
    const nav = page.getByRole('navigation', { name: 'Finance' });
    expect(await nav.getByRole('group', { name: 'Checking' }).innerText()).toContain('Everyday checking');
    expect(await nav.getByRole('group', { name: 'Savings' }).innerText()).toContain('€500.00');
  });

  it('adds transactions by typing, categorises one and splits another', async () => {
    await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: /Everyday checking/ }).click();
    await page.getByRole('heading', { name: 'Everyday checking', level: 1 }).waitFor();
    await page.getByText('No transactions yet').waitFor();

    await addTransaction(daysAgo(5), 'Corner Grocer', 'Groc', '-45.20');
    await addTransaction(daysAgo(4), 'Pizza Place', null, '-18.5');
    await addTransaction(daysAgo(3), 'Big Box Store', null, '-120');
    expect(await row('Corner Grocer').getByTestId('category-cell').innerText()).toBe('Groceries');
    expect(await row('Pizza Place').getByTestId('category-cell').innerText()).toBe('Uncategorised');

    // Categorise in place, from the register.
    await row('Pizza Place').getByRole('button', { name: 'Category of Pizza Place: Uncategorised' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Category' }).pressSequentially('eat', { delay: 10 });
    await page.getByRole('option', { name: 'Eating out', exact: true }).click();
    await expect.poll(() => row('Pizza Place').getByTestId('category-cell').innerText()).toBe('Eating out');

    // Notes and tags in the drawer.
    await row('Pizza Place').getByRole('button', { name: /^Edit Pizza Place/ }).click();
    await drawer().getByRole('textbox', { name: 'Notes' }).fill('Friday with Sam');
    const tags = drawer().getByRole('textbox', { name: 'Tags' });
    await tags.fill('friends');
    await tags.press('Enter');
    await drawer().getByRole('button', { name: 'Save' }).click();
    await drawer().waitFor({ state: 'hidden' });
    await expect.poll(() => row('Pizza Place').innerText()).toContain('Friday with Sam');
    expect(await row('Pizza Place').innerText()).toContain('friends');

    // Split: it cannot be saved until the parts add up.
    await row('Big Box Store').getByRole('button', { name: /^Edit Big Box Store/ }).click();
    await drawer().getByRole('button', { name: 'Split' }).click();
    await drawer().getByRole('textbox', { name: 'Part 1 amount' }).fill('-80');
    await pickOption('Part 1 category', 'Groceries', drawer());
    await pickOption('Part 2 category', 'Household', drawer());
    await drawer().getByRole('textbox', { name: 'Part 2 amount' }).fill('-30');
    await expect.poll(() => drawer().getByTestId('split-remaining').innerText()).toContain('Remaining to assign: -US$10.00');
    expect(await drawer().getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await shot(page, '04-split-unbalanced');
    await drawer().getByRole('textbox', { name: 'Part 2 amount' }).fill('-40');
    await expect.poll(() => drawer().getByTestId('split-remaining').innerText()).toBe('Fully assigned');
    await drawer().getByRole('button', { name: 'Save' }).click();
    await drawer().waitFor({ state: 'hidden' });
    await expect.poll(() => row('Big Box Store').getByTestId('category-cell').innerText()).toBe('Split: Groceries, Household');

    const big = (await transactionsOf(usd.id)).find((t) => t.payee === 'Big Box Store')!;
    expect(big.splits.map((s) => s.amount)).toEqual([-8000, -4000]);
    expect(big.categoryId).toBeNull();
    const pizza = (await transactionsOf(usd.id)).find((t) => t.payee === 'Pizza Place')!;
    expect([pizza.amount, pizza.categoryId]).toEqual([-1850, await categoryId('Eating out')]);
  });

  it('transfers to the EUR account with both amounts', async () => {
    const form = addForm();
    await form.getByRole('textbox', { name: 'Date' }).fill(daysAgo(2));
    await form.getByRole('textbox', { name: 'Payee' }).fill('To savings');
    await pickOption('Category', 'Transfer: Euro savings (EUR)', form);
    await form.getByRole('textbox', { name: /^Amount in USD/ }).fill('-200.00');
    const other = form.getByRole('textbox', { name: 'Amount on Euro savings (EUR)' });
    await other.fill('184.50');
    await shot(page, '05-transfer');
    await other.press('Enter');
    await row('To savings').waitFor();
    expect(await row('To savings').getByTestId('category-cell').innerText()).toBe('To Euro savings');

    const [sent] = (await transactionsOf(usd.id)).filter((t) => t.payee === 'To savings');
    expect(sent?.amount).toBe(-20000);
    expect(sent?.transfer).toMatchObject({ accountId: eur.id, amount: 18450, currency: 'EUR' });
    const all = await accounts();
    expect(all.find((a) => a.id === usd.id)?.balance).toBe(100000 - 4520 - 1850 - 12000 - 20000);
    expect(all.find((a) => a.id === eur.id)?.balance).toBe(50000 + 18450);
    await expect.poll(() => page.getByTestId('account-balance').innerText()).toBe('US$616.30');

    await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: /Euro savings/ }).click();
    await page.getByRole('heading', { name: 'Euro savings', level: 1 }).waitFor();
    await row('To savings').waitFor();
    expect(await row('To savings').getByTestId('amount').innerText()).toBe('€184.50');
    expect(await row('To savings').getByTestId('category-cell').innerText()).toBe('From Everyday checking');
    expect(await page.getByTestId('account-balance').innerText()).toBe('€684.50');
  });

  it('clears and reconciles against a statement; reconciled rows are locked', async () => {
    await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: /Everyday checking/ }).click();
    await row('Corner Grocer').waitFor();
    await row('Corner Grocer').getByRole('button', { name: 'Cleared' }).click();
    await row('Pizza Place').getByRole('button', { name: 'Cleared' }).click();
    await expect.poll(() => page.getByTestId('account-cleared-balance').innerText()).toBe('US$936.30');

    await page.getByRole('button', { name: 'Reconcile' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reconcile Everyday checking' });
    await dialog.getByTestId('reconcile-cleared').waitFor();
    await dialog.getByRole('textbox', { name: 'Statement balance' }).fill('900');
    await expect.poll(() => dialog.getByTestId('reconcile-difference').innerText()).toBe('-US$36.30');
    expect(await dialog.getByRole('button', { name: 'Reconcile' }).isDisabled()).toBe(true);
    await shot(page, '06-reconcile-difference');
    await dialog.getByRole('textbox', { name: 'Statement balance' }).fill('936.30');
    await expect.poll(() => dialog.getByTestId('reconcile-difference').innerText()).toBe('US$0.00');
    await dialog.getByRole('button', { name: 'Reconcile' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('2 transactions are now reconciled.').waitFor();
    await row('Corner Grocer').getByTestId('reconciled-lock').waitFor();
    await row('Pizza Place').getByTestId('reconciled-lock').waitFor();
    expect(await row('Big Box Store').getByTestId('reconciled-lock').count()).toBe(0);
    const states = Object.fromEntries((await transactionsOf(usd.id)).map((t) => [t.payee, t.cleared]));
    expect(states).toEqual({ 'Corner Grocer': 'reconciled', 'Pizza Place': 'reconciled', 'Big Box Store': 'uncleared', 'To savings': 'uncleared' });
    await shot(page, '07-register-reconciled');
  });

  it('filters the register and exports what it shows', async () => {
    const search = page.getByRole('textbox', { name: 'Search payee or notes' });
    await search.fill('pizza');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toContain('q=pizza');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows().count()).toBe(4);

    // A category matches split parts too.
    await page.getByRole('search', { name: 'Filter transactions' }).getByRole('textbox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Groceries', exact: true }).click();
    await expect.poll(async () => (await rows().allInnerTexts()).map((t) => t.split('\n').find((l) => /Grocer|Big Box/.test(l))).sort()).toEqual([
      'Big Box Store',
      'Corner Grocer',
    ]);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows().count()).toBe(4);

    await page.getByRole('textbox', { name: 'Amount from (USD)' }).fill('-50');
    await page.getByRole('textbox', { name: 'Amount to (USD)' }).fill('-10');
    await expect.poll(() => rows().count()).toBe(2);
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(daysAgo(4));
    await expect.poll(() => rows().count()).toBe(1);
    await row('Pizza Place').waitFor();
    const href = (await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!;
    expect(href).toContain('minAmount=-5000');
    expect(href).toContain('maxAmount=-1000');
    const csv = await page.request.get(href);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Pizza Place');
    await shot(page, '08-filtered');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows().count()).toBe(4);
  });

  it('deletes with undo', async () => {
    await addTransaction(daysAgo(1), 'Coffee', 'Eating', '-3.20');
    const before = (await transactionsOf(usd.id)).find((t) => t.payee === 'Coffee')!;
    await row('Coffee').getByRole('button', { name: 'Transaction actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await row('Coffee').waitFor({ state: 'detached' });
    await page.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
    await row('Coffee').waitFor();
    const coffee = (await transactionsOf(usd.id)).find((t) => t.payee === 'Coffee')!;
    // The same transaction comes back, not a copy under a new id.
    expect([coffee.id, coffee.amount, coffee.categoryId]).toEqual([before.id, -320, await categoryId('Eating out')]);
    await checkA11y(page, 'an account register');
  });

  it('suggests payees with their last category, and shows the balance after each row', async () => {
    const form = addForm();
    await form.getByRole('textbox', { name: 'Date' }).fill(daysAgo(0));
    await form.getByRole('textbox', { name: 'Payee' }).pressSequentially('pizz', { delay: 20 });
    await page.getByRole('option', { name: 'Pizza Place', exact: true }).click();
    // Pizza Place was filed under Eating out by hand earlier: the category comes with it.
    await expect.poll(() => form.getByRole('textbox', { name: 'Category' }).inputValue()).toBe('Eating out');
    const amountBox = form.getByRole('textbox', { name: /^Amount in/ });
    await amountBox.fill('-9');
    await amountBox.press('Enter');
    await expect.poll(() => row('Pizza Place').count()).toBe(2);
    await expect.poll(() => row('Pizza Place').first().getByTestId('category-cell').innerText()).toBe('Eating out');

    // The newest row's balance is the account's balance; each row below is that minus what came after.
    await rows().first().getByTestId('running-balance').waitFor();
    const account = (await accounts()).find((a) => a.id === usd.id)!;
    const shown = await rows().evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-testid="running-balance"]')?.textContent ?? ''));
    const listed = await transactionsOf(usd.id);
    const toMinor = (text: string) => (/[-−]/.test(text) ? -1 : 1) * Number(text.replace(/[^0-9]/g, ''));
    const expected: number[] = [];
    let balance = account.balance;
    for (const t of listed) {
      expected.push(balance);
      balance -= t.amount;
    }
    expect(shown.map(toMinor)).toEqual(expected);
    await shot(page, '07b-payee-and-balance');
    // Leave the ledger as the later steps expect it.
    await apiAs(page, 'DELETE', `/finance/transactions/${listed[0]!.id}`);
    await page.reload();
    await expect.poll(() => row('Pizza Place').count()).toBe(1);
  });

  it('lists every account together under All transactions', async () => {
    await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'All transactions' }).click();
    await page.getByRole('heading', { name: 'All transactions', level: 1 }).waitFor();
    // Both sides of the transfer, each in its own currency, beside the USD purchases.
    await expect.poll(() => rows().count()).toBe(6);
    expect((await row('To savings').getByTestId('amount').allInnerTexts()).sort()).toEqual(['-US$200.00', '€184.50']);
    await shot(page, '08c-all-transactions');
    await checkA11y(page, 'all transactions');
  });

  it('sums up on the home page', async () => {
    await page.goto('/');
    const summary = page.getByTestId('finance-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toBe('Net worth €684.50 · US$613.10 · 2 accounts');
    expect(await page.getByText('Not built yet').count()).toBe(3);
    await shot(page, '08b-home');
  });

  it('loads a long register page by page as it scrolls', async () => {
    const cash = await apiAs<FinanceAccount>(page, 'POST', '/finance/accounts', { name: 'Wallet', type: 'cash', currency: 'JPY', openingBalance: 0 });
    for (let i = 0; i < 130; i++) {
      await apiAs(page, 'POST', '/finance/transactions', { accountId: cash.id, date: daysAgo(i % 60), payee: `Kiosk ${i}`, amount: -(100 + i) });
    }
    await page.goto(`/finance/accounts/${cash.id}`);
    await page.getByRole('heading', { name: 'Wallet', level: 1 }).waitFor();
    // A yen has no minor unit: 130 purchases of ¥100..¥229 make -¥21,385.
    expect(await page.getByTestId('account-balance').innerText()).toBe('-JP¥21,385');
    await expect.poll(() => rows().count()).toBe(100);
    await rows().nth(99).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => rows().count()).toBe(130);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    // Closing folds it away in the sidebar; deleting asks first.
    const nav = page.getByRole('navigation', { name: 'Finance' });
    await page.getByRole('button', { name: 'Account actions' }).click();
    await page.getByRole('menuitem', { name: 'Close account' }).click();
    await page.getByText('Wallet is closed.').waitFor();
    await nav.getByRole('button', { name: 'Closed (1)' }).waitFor();
    expect(await nav.getByRole('group', { name: 'Cash' }).count()).toBe(0);
    expect(await addForm().count()).toBe(0);
    await nav.getByRole('button', { name: 'Closed (1)' }).click();
    await nav.getByRole('link', { name: /Wallet/ }).waitFor();
    await page.getByRole('button', { name: 'Account actions' }).click();
    await page.getByRole('menuitem', { name: 'Reopen account' }).click();
    await nav.getByRole('group', { name: 'Cash' }).waitFor();
    await page.getByRole('button', { name: 'Account actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete account' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete Wallet?' });
    await confirm.getByRole('button', { name: 'Delete account' }).click();
    await page.waitForURL((url) => url.pathname === '/finance');
    expect((await accounts()).map((a) => a.name).sort()).toEqual(['Euro savings', 'Everyday checking']);
  });

  it('fits a 375 px phone and reads well in dark mode', async () => {
    const state = await context.storageState();
    const { context: phone, page: mobile } = await newPage(browser, baseUrl, { phone: true, timezoneId: TIME_ZONE, storageState: state });
    await mobile.goto(`/finance/accounts/${usd.id}`);
    await mobile.getByTestId('transaction-row').first().waitFor();
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal overflow at 375 px').toBeLessThanOrEqual(0);
    // A phone zooms out to fit wider content, which would hide overflow from the check above.
    expect(await mobile.evaluate(() => window.innerWidth)).toBe(375);
    const tableRight = await mobile.getByRole('table', { name: 'Transactions' }).evaluate((t) => t.getBoundingClientRect().right);
    expect(tableRight, 'the register fits the screen').toBeLessThanOrEqual(375);
    await shot(mobile, '09-mobile-register', { fullPage: true });
    await mobile.goto('/finance/categories');
    await mobile.getByTestId('category-group').first().waitFor();
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await mobile.evaluate(() => window.innerWidth)).toBe(375);
    await shot(mobile, '10-mobile-categories', { fullPage: true });
    await phone.close();

    const { context: dark, page: night } = await newPage(browser, baseUrl, { dark: true, timezoneId: TIME_ZONE, storageState: state });
    await night.goto(`/finance/accounts/${usd.id}`);
    await night.waitForFunction(() => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark');
    await night.getByTestId('transaction-row').first().waitFor();
    await shot(night, '11-register-dark');
    await checkA11y(night, 'the register in dark mode');
    await night.goto('/finance');
    await night.getByTestId('net-worth').waitFor();
    await shot(night, '12-overview-dark');
    await checkA11y(night, 'the finance overview in dark mode');
    await dark.close();
  });
});
