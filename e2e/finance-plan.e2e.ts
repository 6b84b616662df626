import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureAdmin, type Account } from './support/accounts';
import { logIn } from './support/app';
import { checkA11y, launchBrowser, newPage, shot } from './support/browser';
import { apiAs, createMember } from './support/tasks';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const TIME_ZONE = 'Europe/London';

interface Transaction {
  id: string;
  payee: string;
  amount: number;
  categoryId: string | null;
}

/** The first day of the current month in London: every row of the file lands in this budget month. */
function firstOfThisMonth(): string {
  return `${new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date()).slice(0, 7)}-01`;
}

describe('finance planning: import a CSV, budget the month, a goal, reports, undo the import', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let member: Account;
  let accountId: string;
  let csvPath: string;
  const day = firstOfThisMonth();
  const category: Record<string, string> = {};

  const transactions = () => apiAs<{ items: Transaction[] }>(page, 'GET', `/finance/transactions?accountId=${accountId}`).then((r) => r.items);
  const importRow = (payee: string) => page.getByTestId('import-row').filter({ hasText: payee });
  const budgetRow = (name: string) => page.locator(`[data-testid="budget-category"][data-name="${name}"]`);
  const overflowAt375 = async (url: string) => {
    const { context: phone, page: mobile } = await newPage(browser, baseUrl, { phone: true });
    await phone.addCookies(await context.cookies());
    await mobile.goto(url);
    await mobile.getByRole('heading', { level: 1 }).waitFor();
    await mobile.waitForTimeout(500);
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await shot(mobile, `phone-${url.split('/').pop()!.replace(/\W/g, '-')}`, { fullPage: true });
    await phone.close();
    return overflow;
  };

  beforeAll(async () => {
    await ensureAdmin(baseUrl, admin);
    member = await createMember(baseUrl, admin, 'Paula Planner', TIME_ZONE);
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, baseUrl));
    await logIn(page, member);
    const group = await apiAs<{ id: string }>(page, 'POST', '/finance/category-groups', { name: 'Everyday' });
    for (const name of ['Groceries', 'Coffee', 'Holiday']) {
      category[name] = (await apiAs<{ id: string }>(page, 'POST', '/finance/categories', { groupId: group.id, name })).id;
    }
    accountId = (
      await apiAs<{ id: string }>(page, 'POST', '/finance/accounts', { name: 'Card', type: 'checking', currency: 'USD', openingBalance: 100_000, openingDate: day, onBudget: true })
    ).id;
    // A card export: purchases positive, a refund negative, a reference per row.
    const dir = await mkdtemp(path.join(tmpdir(), 'atom-import-'));
    csvPath = path.join(dir, 'card-export.csv');
    await writeFile(csvPath, ['Date,Description,Amount,Reference', `${day},Corner Grocer,42.50,R-1`, `${day},Coffee Bar,3.20,R-2`, `${day},Shoe Shop refund,-15.00,R-3`, ''].join('\n'));
  });

  afterAll(async () => {
    await browser.close();
  });

  it('previews a CSV, maps its columns and imports it', async () => {
    await page.goto(`/finance/accounts/${accountId}`);
    await page.getByRole('link', { name: 'Import' }).click();
    await page.waitForURL(`**/finance/accounts/${accountId}/import`);
    await page.getByText('Drop a bank file here, or browse').waitFor();
    await shot(page, '01-import-empty');

    await page.getByLabel('Bank file').setInputFiles(csvPath);
    const mapping = page.getByTestId('csv-mapping');
    await mapping.waitFor();
    await expect.poll(() => page.getByTestId('import-row').count()).toBe(3);
    // Mostly positive amounts: Atom reads it as a card export and proposes inverting the signs.
    await mapping.getByText('the sign was inverted', { exact: false }).waitFor();
    const invert = mapping.getByRole('switch', { name: 'Purchases are positive (invert signs)' });
    expect(await invert.isChecked()).toBe(true);
    await expect.poll(() => importRow('Corner Grocer').textContent()).toContain('-US$42.50');
    // Switching it off previews the file again with the signs as written, and back on.
    await invert.click({ force: true });
    await expect.poll(() => importRow('Corner Grocer').textContent()).toMatch(/[^-]US\$42\.50/);
    await expect.poll(() => importRow('Shoe Shop refund').textContent()).toContain('-US$15.00');
    await invert.click({ force: true });
    await expect.poll(() => importRow('Corner Grocer').textContent()).toContain('-US$42.50');
    await expect.poll(() => importRow('Shoe Shop refund').textContent()).toMatch(/[^-]US\$15\.00/);

    // A wrong column is refused by line, and the columns stay editable to put it right.
    const pickColumn = async (label: string, option: string) => {
      await mapping.getByRole('textbox', { name: label }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await pickColumn('Date column', 'Description');
    await page.getByTestId('import-error').getByText('line 2', { exact: false }).waitFor();
    await pickColumn('Date column', 'Date');
    await expect.poll(() => page.getByTestId('import-row').count()).toBe(3);
    expect(await page.getByTestId('import-error').count()).toBe(0);

    await mapping.getByRole('textbox', { name: 'Bank id column' }).click();
    await page.getByRole('option', { name: 'Reference', exact: true }).click();
    await expect.poll(() => mapping.getByRole('textbox', { name: 'Bank id column' }).inputValue()).toBe('Reference');
    await expect.poll(() => page.getByTestId('import-counts').textContent()).toContain('New3');
    await mapping.getByRole('table', { name: 'First rows of the file' }).getByText('Corner Grocer').waitFor();
    await shot(page, '02-import-preview', { fullPage: true });

    await page.getByRole('button', { name: 'Import 3 transactions' }).click();
    await page.getByTestId('import-done').waitFor();
    await expect.poll(async () => (await transactions()).map((t) => `${t.payee}:${t.amount}`).sort()).toEqual(['Coffee Bar:-320', 'Corner Grocer:-4250', 'Shoe Shop refund:1500']);
    await page.getByTestId('past-import').filter({ hasText: 'card-export.csv' }).waitFor();
    await shot(page, '03-import-done');

    // A file with a date that does not read: refused as a whole, naming the line.
    const broken = path.join(path.dirname(csvPath), 'broken.csv');
    await writeFile(broken, ['Date,Description,Amount,Reference', `${day},Fine row,1.00,B-1`, 'yesterday,Bad row,2.00,B-2', ''].join('\n'));
    await page.getByRole('button', { name: 'Import another file' }).click();
    await page.getByLabel('Bank file').setInputFiles(broken);
    const problem = page.getByTestId('import-error');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/line 3/i);
    await shot(page, '03b-import-error');
    expect(await transactions()).toHaveLength(3);

    // A QIF file whose dates could be either order: the user says which.
    const qif = path.join(path.dirname(csvPath), 'old-bank.qif');
    await writeFile(qif, ['!Type:Bank', 'D03/04/2026', 'T-12.00', 'PPizza Place', '^', 'D05/06/2026', 'T-8.00', 'PNoodle Bar', '^', ''].join('\n'));
    await page.getByLabel('Bank file').setInputFiles(qif);
    await importRow('Pizza Place').waitFor();
    await page.getByRole('textbox', { name: 'Dates are written' }).click();
    await page.getByRole('option', { name: 'Day first (DD/MM)' }).click();
    await expect.poll(() => importRow('Pizza Place').textContent()).toContain('2026-04-03');
    await page.getByRole('textbox', { name: 'Dates are written' }).click();
    await page.getByRole('option', { name: 'Month first (MM/DD)' }).click();
    await expect.poll(() => importRow('Pizza Place').textContent()).toContain('2026-03-04');
    await shot(page, '03d-import-qif');

    // A row like one already imported but without a reference: a probable duplicate, imported only when confirmed.
    const probable = path.join(path.dirname(csvPath), 'card-export-2.csv');
    await writeFile(probable, ['Date,Description,Amount,Reference', `${day},Corner Grocer,42.50,`, `${day},Book Nook,12.00,R-10`, ''].join('\n'));
    await page.getByLabel('Bank file').setInputFiles(probable);
    const likely = page.locator('[data-testid="import-row"][data-decision="probable"]');
    await likely.filter({ hasText: 'Corner Grocer' }).waitFor();
    expect(await likely.textContent()).toContain('Matches');
    await page.getByRole('button', { name: 'Import 1 transaction' }).waitFor();
    await likely.getByRole('checkbox', { name: 'Import anyway' }).check();
    await shot(page, '03c-import-probable', { fullPage: true });
    await page.getByRole('button', { name: 'Import 2 transactions' }).click();
    await page.getByTestId('import-done').waitFor();
    await expect.poll(async () => (await transactions()).length).toBe(5);
    // Undone at once: only the first file's rows stay.
    await page.getByTestId('import-done').getByRole('button', { name: 'Undo import' }).click();
    await page.getByText('Drop a bank file here, or browse').waitFor();
    await expect.poll(async () => (await transactions()).length).toBe(3);

    // The same file again: the saved mapping is used and every row is already there.
    await page.getByRole('link', { name: 'Back to account' }).click();
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Bank file').setInputFiles(csvPath);
    await expect.poll(() => page.getByTestId('import-counts').textContent()).toContain('Duplicates3');
    await page.getByText('The columns saved from the last CSV import into this account.').waitFor();
    expect(await page.getByRole('button', { name: 'Import 0 transactions' }).isDisabled()).toBe(true);
  });

  it('budgets the month: assigning updates available and to budget', async () => {
    for (const t of await transactions()) {
      if (t.payee === 'Corner Grocer') await apiAs(page, 'PATCH', `/finance/transactions/${t.id}`, { categoryId: category.Groceries });
      if (t.payee === 'Coffee Bar') await apiAs(page, 'PATCH', `/finance/transactions/${t.id}`, { categoryId: category.Coffee });
    }
    await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Budget' }).click();
    await page.waitForURL('**/finance/budget');
    await page.getByRole('heading', { name: 'Budget', level: 1 }).waitFor();
    // Income: the opening balance and the uncategorised refund.
    await expect.poll(() => page.getByTestId('budget-income').textContent()).toBe('US$1,015.00');
    await expect.poll(() => page.getByTestId('to-budget').textContent()).toBe('US$1,015.00');
    const groceries = budgetRow('Groceries');
    expect(await groceries.getByTestId('spent').textContent()).toBe('-US$42.50');
    expect(await groceries.getByTestId('available').getAttribute('data-state')).toBe('negative');
    await page.getByText('2 overspent categories').waitFor();
    await shot(page, '04-budget-overspent');

    const assigned = groceries.getByRole('textbox', { name: 'Assigned to Groceries' });
    await assigned.fill('100');
    await assigned.press('Enter');
    await expect.poll(() => groceries.getByTestId('available').textContent()).toBe('US$57.50');
    expect(await groceries.getByTestId('available').getAttribute('data-state')).toBe('positive');
    await expect.poll(() => page.getByTestId('to-budget').textContent()).toBe('US$915.00');

    // Tab away instead of Enter: saved on blur.
    const holiday = budgetRow('Holiday').getByRole('textbox', { name: 'Assigned to Holiday' });
    await holiday.fill('50');
    await holiday.press('Tab');
    await expect.poll(() => budgetRow('Holiday').getByTestId('available').textContent()).toBe('US$50.00');
    await expect.poll(() => page.getByTestId('to-budget').textContent()).toBe('US$865.00');
    // Coffee is still overspent.
    await page.getByText('1 overspent category').waitFor();

    // A typo is refused in place, not sent.
    const coffee = budgetRow('Coffee').getByRole('textbox', { name: 'Assigned to Coffee' });
    await coffee.fill('1.2.3');
    await coffee.press('Enter');
    await page.getByText('Assigned has more than one "."').waitFor();
    await coffee.press('Escape');
    await shot(page, '05-budget-assigned', { fullPage: true });
    await checkA11y(page, 'the budget month');

    const thisMonth = await page.getByTestId('budget-month').textContent();
    await page.getByRole('link', { name: 'Previous month' }).click();
    await expect.poll(() => page.getByTestId('budget-month').textContent()).not.toBe(thisMonth);
    await page.getByRole('link', { name: 'This month' }).click();
    await expect.poll(() => page.getByTestId('budget-month').textContent()).toBe(thisMonth);

    // Next month starts empty; copying this month's amounts fills it.
    await page.getByRole('link', { name: 'Next month' }).click();
    await expect.poll(() => budgetRow('Groceries').getByRole('textbox', { name: 'Assigned to Groceries' }).inputValue()).toBe('0.00');
    await page.getByRole('button', { name: 'Copy last month' }).click();
    await expect.poll(() => budgetRow('Groceries').getByRole('textbox', { name: 'Assigned to Groceries' }).inputValue()).toBe('100.00');
    await expect.poll(() => budgetRow('Holiday').getByRole('textbox', { name: 'Assigned to Holiday' }).inputValue()).toBe('50.00');
    // Groceries carries its 57.50 over: 57.50 + 100.
    await expect.poll(() => budgetRow('Groceries').getByTestId('available').textContent()).toBe('US$157.50');
    await page.getByRole('link', { name: 'This month' }).click();
    await expect.poll(() => page.getByTestId('to-budget').textContent()).toBe('US$865.00');
    await expect.poll(() => page.getByTestId('to-budget').textContent()).toBe('US$865.00');
  });

  it('tracks a savings goal for a category', async () => {
    await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Goals' }).click();
    await page.getByText('Set a goal').waitFor();
    await page.getByRole('button', { name: 'New goal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New goal' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Lisbon trip');
    await dialog.getByRole('textbox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Holiday', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Target' }).fill('200');
    await dialog.getByRole('button', { name: 'Create goal' }).click();
    const goal = page.getByTestId('goal').filter({ hasText: 'Lisbon trip' });
    await goal.waitFor();
    expect(await goal.getByTestId('goal-percent').textContent()).toBe('25%');
    expect(await goal.getByText('US$50.00').count()).toBeGreaterThan(0);
    await shot(page, '06-goals');
    await checkA11y(page, 'the goals page');

    // A bigger target: the same money is a smaller share of it.
    await goal.getByRole('button', { name: 'Actions for Lisbon trip' }).click();
    await page.getByRole('menuitem', { name: 'Edit goal' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit goal' });
    await edit.getByRole('textbox', { name: 'Target' }).fill('500');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => goal.getByTestId('goal-percent').textContent()).toBe('10%');

    // Keep a cushion in an account: its balance is well above it.
    await page.getByRole('button', { name: 'New goal' }).click();
    const keep = page.getByRole('dialog', { name: 'New goal' });
    await keep.getByRole('textbox', { name: 'Name' }).fill('Card cushion');
    await keep.getByRole('radiogroup', { name: 'Kind of goal' }).getByText('Keep at least').click();
    await keep.getByRole('radiogroup', { name: 'Track' }).getByText('An account').click();
    await keep.getByRole('textbox', { name: 'Account' }).click();
    await page.getByRole('option', { name: 'Card (USD)' }).click();
    await keep.getByRole('textbox', { name: 'Keep at least' }).fill('500');
    await keep.getByRole('button', { name: 'Create goal' }).click();
    const cushion = page.getByTestId('goal').filter({ hasText: 'Card cushion' });
    await cushion.waitFor();
    expect(await cushion.getByTestId('goal-percent').textContent()).toBe('100%');
    expect(await cushion.getByTestId('goal-status').textContent()).not.toBe('Below minimum');
  });

  it('draws every report', async () => {
    await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const spending = page.getByTestId('chart-spending');
    await spending.locator('svg .recharts-pie-sector').first().waitFor();
    expect(await spending.locator('svg .recharts-pie-sector').count()).toBe(2);
    expect(await page.getByText('US$45.70 spent in total; the most on Groceries (US$42.50).').count()).toBe(1);
    await shot(page, '07-report-spending');
    await checkA11y(page, 'the spending report');
    // By group: both categories are in Everyday, one slice.
    await page.getByRole('radiogroup', { name: 'Group spending by' }).getByText('Groups').click();
    await page.getByText('US$45.70 spent in total; the most on Everyday (US$45.70).').waitFor();
    expect(await spending.locator('svg .recharts-pie-sector').count()).toBe(1);

    await page.getByRole('tab', { name: 'Cash flow' }).click();
    const cashflow = page.getByTestId('chart-cashflow');
    await cashflow.locator('svg .recharts-bar-rectangle path').first().waitFor();
    expect(await cashflow.locator('svg .recharts-bar-rectangle path').count()).toBeGreaterThan(0);
    await shot(page, '08-report-cashflow');

    await page.getByRole('tab', { name: 'Net worth' }).click();
    const networth = page.getByTestId('chart-networth');
    await networth.locator('svg .recharts-line-curve').first().waitFor();
    expect(await networth.locator('svg .recharts-line-dot').count()).toBeGreaterThanOrEqual(6);
    await page.getByTestId('rates-used').getByText('No conversion was needed.', { exact: false }).waitFor();
    await shot(page, '09-report-networth');

    await page.getByRole('tab', { name: 'Budget vs actual' }).click();
    const bva = page.getByTestId('chart-budget-vs-actual');
    await bva.locator('svg .recharts-bar-rectangle path').first().waitFor();
    await page.getByText('US$150.00 assigned, US$45.70 spent', { exact: false }).waitFor();
    await shot(page, '10-report-budget-vs-actual');
    await checkA11y(page, 'the budget vs actual report');
  });

  it('categorises existing transactions with a rule, previewed first', async () => {
    await page.getByRole('navigation', { name: 'Finance' }).getByRole('link', { name: 'Rules' }).click();
    await page.getByText('No rules yet').waitFor();
    await page.getByRole('button', { name: 'New rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New rule' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Shoes');
    await dialog.getByRole('group', { name: 'Condition 1' }).getByRole('textbox', { name: 'Value' }).fill('shoe shop');
    await dialog.getByRole('group', { name: 'Action 1' }).getByRole('textbox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Groceries', exact: true }).click();
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    const rule = page.getByTestId('rule').filter({ hasText: 'Shoes' });
    await rule.getByText('When payee contains “shoe shop”: category → Groceries').waitFor();

    await page.getByRole('button', { name: 'Apply to existing' }).click();
    const apply = page.getByRole('dialog', { name: 'Apply rules to existing transactions' });
    await apply.getByTestId('rule-change').filter({ hasText: 'category none → Groceries' }).filter({ hasText: 'Shoe Shop refund' }).waitFor();
    await shot(page, '11-rules-apply-preview');
    // The preview changed nothing yet.
    expect((await transactions()).find((t) => t.payee === 'Shoe Shop refund')?.categoryId).toBeNull();
    await apply.getByRole('button', { name: 'Apply 1 change' }).click();
    await apply.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await transactions()).find((t) => t.payee === 'Shoe Shop refund')?.categoryId).toBe(category.Groceries);
    // Two bakery visits categorised by hand: Atom suggests the rule.
    const bakery: string[] = [];
    for (const amount of [-450, -620]) {
      bakery.push((await apiAs<{ id: string }>(page, 'POST', '/finance/transactions', { accountId, date: day, payee: 'Bakery Bloom', amount, categoryId: category.Groceries })).id);
    }
    await page.reload();
    const suggestion = page.getByTestId('rule-suggestion').filter({ hasText: 'bakery bloom' });
    await suggestion.waitFor();
    await shot(page, '12-rules');
    await checkA11y(page, 'the rules page');
    await suggestion.getByRole('button', { name: 'Create rule' }).click();
    const seeded = page.getByRole('dialog', { name: 'New rule' });
    expect(await seeded.getByRole('group', { name: 'Condition 1' }).getByRole('textbox', { name: 'Value' }).inputValue()).toMatch(/bakery bloom/i);
    await seeded.getByRole('button', { name: 'Create rule' }).click();
    await expect.poll(() => page.getByTestId('rule').count()).toBe(2);
    for (const id of bakery) await apiAs(page, 'DELETE', `/finance/transactions/${id}`);
  });

  it('reads well in dark mode', async () => {
    const { context: dark, page: night } = await newPage(browser, baseUrl, { dark: true });
    await dark.addCookies(await context.cookies());
    for (const url of ['/finance/budget', '/finance/reports?tab=cashflow']) {
      await night.goto(url);
      await night.getByRole('heading', { level: 1 }).waitFor();
      await night.locator('svg, [data-testid="to-budget"]').first().waitFor();
      await shot(night, `dark-${url.split('/').pop()!.replace(/\W/g, '-')}`);
      await checkA11y(night, `${url} in dark mode`);
    }
    await dark.close();
  });

  it('fits a 375 px phone on budget and reports', async () => {
    expect(await overflowAt375('/finance/budget'), 'horizontal overflow of the budget at 375 px').toBeLessThanOrEqual(0);
    expect(await overflowAt375('/finance/reports?tab=cashflow'), 'horizontal overflow of reports at 375 px').toBeLessThanOrEqual(0);
    for (const url of ['/finance/reports?tab=budget', '/finance/goals', '/finance/rules', `/finance/accounts/${accountId}/import`]) {
      expect(await overflowAt375(url), `horizontal overflow of ${url} at 375 px`).toBeLessThanOrEqual(0);
    }
  });

  it('undoes the import as a whole', async () => {
    await page.goto(`/finance/accounts/${accountId}/import`);
    await page.getByRole('button', { name: 'Undo import of card-export.csv' }).click();
    await page.getByTestId('past-import').filter({ hasText: 'card-export.csv' }).getByText('Undone').waitFor();
    await expect.poll(async () => (await transactions()).length).toBe(0);
    await shot(page, '13-import-undone');
  });

  it('says which amounts it cannot convert without an exchange rate', async () => {
    const euro = await apiAs<{ id: string }>(page, 'POST', '/finance/accounts', { name: 'Euro savings', type: 'savings', currency: 'EUR', openingBalance: 20_000, openingDate: day, onBudget: true });
    await page.goto('/finance/budget');
    await page.getByTestId('to-budget').waitFor();
    await page.getByTestId('missing-rates').getByText('No exchange rate between USD and EUR', { exact: false }).waitFor();
    await shot(page, '14-missing-rates-budget');
    await checkA11y(page, 'the budget with a missing rate');
    await page.goto('/finance/reports?tab=networth');
    await page.getByTestId('missing-rates').getByText('EUR → USD', { exact: false }).waitFor();
    await shot(page, '15-missing-rates-networth');
    await checkA11y(page, 'net worth with a missing rate');

    // A bank file with two accounts' statements: the savings one is chosen and only it is imported.
    const twoAccounts = fileURLToPath(new URL('../server/src/finance/import/parsers/fixtures/eu-two-accounts-sgml103.ofx', import.meta.url));
    await page.goto(`/finance/accounts/${euro.id}/import`);
    await page.getByLabel('Bank file').setInputFiles(twoAccounts);
    await importRow('MONOPRIX').first().waitFor();
    await page.getByRole('textbox', { name: 'Statement to import' }).click();
    await page.getByRole('option', { name: /^2\./ }).click();
    await importRow('INTERETS CREDITEURS').waitFor();
    expect(await page.getByTestId('import-row').count()).toBe(1);
    await page.getByRole('button', { name: 'Import 1 transaction' }).click();
    await page.getByTestId('import-done').waitFor();
    const euroRows = await apiAs<{ items: Transaction[] }>(page, 'GET', `/finance/transactions?accountId=${euro.id}`);
    expect(euroRows.items.map((t) => `${t.payee}:${t.amount}`)).toEqual(['INTERETS CREDITEURS:321']);
  });
});
