import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureAdmin, type Account } from './support/accounts';
import { logIn } from './support/app';
import { checkA11y, launchBrowser, newPage, shot } from './support/browser';
import { createMember, dragTo } from './support/tasks';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const TIME_ZONE = 'Europe/London';

/** A plain date plus whole days. */
function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describe('calendar: drag to create, weekly series, move and delete one occurrence, month view', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let member: Account;
  /** The Monday of the week the series starts in (the week shown first). */
  let monday: string;

  const column = (date: string) => page.locator(`.fc-timegrid-col[data-date="${date}"]`);
  const eventIn = (date: string) => column(date).locator('.fc-event').filter({ hasText: 'Standup' });

  async function center(locator: ReturnType<Page['locator']>) {
    await locator.scrollIntoViewIfNeeded();
    const box = (await locator.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
  }

  beforeAll(async () => {
    await ensureAdmin(baseUrl, admin);
    member = await createMember(baseUrl, admin, 'Cal Endar', TIME_ZONE);
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, baseUrl));
  });

  afterAll(async () => {
    await browser.close();
  });

  it('opens the week view with calendars and an empty state that teaches', async () => {
    await logIn(page, member);
    await page.goto('/calendar');
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    await page.locator('.fc-timeGridWeek-view').waitFor();
    await page.getByTestId('calendar-empty').waitFor();
    expect(await page.getByTestId('calendar-empty').innerText()).toContain('import an .ics');
    await page.getByTestId('calendar-row').first().waitFor();
    monday = (await page.locator('.fc-timegrid-col[data-date]').first().getAttribute('data-date'))!;
    expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  it('creates a weekly event by dragging across time slots', async () => {
    await page.locator('.fc-timegrid-slot-lane[data-time="10:00:00"]').scrollIntoViewIfNeeded();
    const from = (await page.locator('.fc-timegrid-slot-lane[data-time="09:00:00"]').boundingBox())!;
    const to = (await page.locator('.fc-timegrid-slot-lane[data-time="09:30:00"]').boundingBox())!;
    const colBox = (await column(monday).boundingBox())!;
    const col = { x: colBox.x + colBox.width / 2 };
    from.y += from.height / 2;
    to.y += to.height / 2;
    await dragTo(page, { x: col.x, y: from.y }, { x: col.x, y: to.y });
    const dialog = page.getByRole('dialog', { name: 'New event' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('editor-when').innerText()).toContain('09:00 – 10:00');
    await dialog.getByLabel('Title').fill('Standup');
    await dialog.getByRole('textbox', { name: 'Repeat' }).click();
    await page.getByRole('option', { name: 'Weekly' }).click();
    await shot(page, '02-quick-editor');
    await dialog.getByRole('button', { name: 'Create event' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventIn(monday).waitFor();
    expect(await eventIn(monday).innerText()).toContain('09:00');
    await page.getByTestId('calendar-empty').waitFor({ state: 'hidden' });
    await shot(page, '01-week');
    await checkA11y(page, 'the week view');
  });

  it('moves one occurrence by dragging it, for this event only', async () => {
    await page.getByRole('button', { name: 'Next week' }).click();
    const next = plusDays(monday, 7);
    await eventIn(next).waitFor();
    const ev = await center(eventIn(next));
    const wedBox = (await column(plusDays(next, 2)).boundingBox())!;
    const wed = { x: wedBox.x + wedBox.width / 2 };
    await dragTo(page, { x: ev.x, y: ev.box.y + 6 }, { x: wed.x, y: ev.box.y + 6 });
    const scope = page.getByRole('dialog', { name: 'Change a repeating event' });
    await scope.waitFor();
    await shot(page, '03-scope-dialog');
    await scope.getByRole('button', { name: 'This event', exact: true }).click();
    await eventIn(plusDays(next, 2)).waitFor();
    await expect.poll(() => eventIn(next).count()).toBe(0);
  });

  it('deletes another occurrence, for this event only', async () => {
    await page.getByRole('button', { name: 'Next week' }).click();
    const third = plusDays(monday, 14);
    await eventIn(third).click();
    const editor = page.getByRole('dialog', { name: 'Edit event' });
    await editor.waitFor();
    expect(await editor.getByRole('textbox', { name: 'Repeat' }).inputValue()).toBe('Weekly');
    await editor.getByRole('button', { name: 'Delete' }).click();
    const scope = page.getByRole('dialog', { name: 'Delete a repeating event' });
    await scope.getByRole('button', { name: 'This event', exact: true }).click();
    await expect.poll(() => eventIn(third).count()).toBe(0);
  });

  it('shows the series in month view: moved where it was moved, deleted one gone', async () => {
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await page.locator('.fc-dayGridMonth-view').waitFor();
    const expected = new Map<string, number>([
      [monday, 1],
      [plusDays(monday, 7), 0],
      [plusDays(monday, 9), 1],
      [plusDays(monday, 14), 0],
      [plusDays(monday, 21), 1],
      [plusDays(monday, 28), 1],
    ]);
    const seen = new Set<string>();
    // The month shown holds some of these days; the month before holds the rest.
    for (let pass = 0; pass < 2; pass++) {
      await page.locator('.fc-daygrid-day[data-date]').first().waitFor();
      await page.waitForTimeout(300);
      for (const [date, count] of expected) {
        const cell = page.locator(`.fc-daygrid-day[data-date="${date}"]`);
        if ((await cell.count()) === 0 || seen.has(date)) continue;
        await expect.poll(() => cell.locator('.fc-event').filter({ hasText: 'Standup' }).count(), { message: date }).toBe(count);
        seen.add(date);
      }
      if (pass === 0) {
        await shot(page, '04-month');
        await page.getByRole('button', { name: 'Previous month' }).click();
      }
    }
    expect([...seen].sort()).toEqual([...expected.keys()].sort());
  });

  it('reads well in dark mode and fits a 375 px phone as an agenda', async () => {
    const state = await context.storageState();
    const { context: dark, page: night } = await newPage(browser, baseUrl, { dark: true, timezoneId: TIME_ZONE, storageState: state });
    await night.goto('/calendar');
    await night.locator('.fc-event').first().waitFor();
    await night.waitForFunction(() => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark');
    await shot(night, '05-week-dark');
    await dark.close();

    const { context: phone, page: mobile } = await newPage(browser, baseUrl, { phone: true, timezoneId: TIME_ZONE, storageState: state });
    await mobile.goto('/calendar');
    await mobile.locator('.fc-listWeek-view').waitFor();
    await mobile.locator('.fc-list-event').filter({ hasText: 'Standup' }).first().waitFor();
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal overflow at 375 px').toBeLessThanOrEqual(0);
    await shot(mobile, '06-mobile-agenda', { fullPage: true });
    await phone.close();
  });
});
