import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureAdmin, type Account } from './support/accounts';
import { logIn } from './support/app';
import { checkA11y, launchBrowser, newPage, shot } from './support/browser';
import { apiAs, createMember, dragTo, firstOfNextMonth } from './support/tasks';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const TIME_ZONE = 'Europe/London';

interface Column {
  id: string;
  name: string;
  done: boolean;
}
interface Project {
  id: string;
  name: string;
  columns: Column[];
}
interface Task {
  id: string;
  title: string;
  status: 'open' | 'done';
  columnId: string | null;
  dueDate: string | null;
  dueAt: string | null;
  recurrence: string | null;
}

describe('tasks: quick add, board, recurring tasks, bulk actions, today and upcoming', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let member: Account;
  let home: Project;

  const quickAdd = () => page.getByRole('textbox', { name: 'Add a task' });
  const chip = (kind: string) => page.locator(`[data-testid="quick-add-chip"][data-kind="${kind}"]`);
  const row = (title: string) => page.getByTestId('task-row').filter({ hasText: title });
  const column = (name: string) => page.locator(`[data-testid="board-column"][data-column-id="${home.columns.find((c) => c.name === name)!.id}"]`);
  const cardTitles = (name: string) => column(name).getByTestId('board-card').allInnerTexts();
  const tasksOfHome = () => apiAs<{ items: Task[] }>(page, 'GET', `/tasks?projectId=${home.id}&status=all&topLevel=true&sort=rank`).then((r) => r.items);

  async function typeInto(input: Locator, text: string) {
    await input.click();
    await input.pressSequentially(text, { delay: 12 });
  }

  beforeAll(async () => {
    await ensureAdmin(baseUrl, admin);
    member = await createMember(baseUrl, admin, 'Tess Tasks', TIME_ZONE);
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, baseUrl));
  });

  afterAll(async () => {
    await browser.close();
  });

  it('signs in, teaches with an empty Today, and creates the project "Home" from the UI', async () => {
    await logIn(page, member);
    await page.goto('/tasks');
    await page.waitForURL('**/tasks/today');
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    await page.getByText('Nothing due today').waitFor();
    await shot(page, '01-today-empty');

    await page.getByRole('navigation', { name: 'Task lists' }).getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Name').fill('Home');
    await dialog.getByRole('radio', { name: 'Teal' }).click();
    await shot(page, '02-new-project');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL('**/tasks/projects/**');
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Task lists' }).getByRole('link', { name: 'Home' }).waitFor();

    const projects = await apiAs<{ items: Project[] }>(page, 'GET', '/projects');
    home = projects.items.find((p) => p.name === 'Home')!;
    expect(home.columns.map((c) => c.name)).toEqual(['To do', 'Doing', 'Done']);
  });

  it('quick-adds three tasks, showing what it understood while typing', async () => {
    await typeInto(quickAdd(), 'Pay rent every month on the 1st #Home !1 @bills');
    await expect.poll(() => chip('recurrence').innerText()).toContain('every month on day 1');
    expect(await chip('project').innerText()).toContain('Home');
    expect(await chip('priority').innerText()).toContain('Priority 1');
    expect(await chip('label').innerText()).toContain('bills');
    // The parts are also highlighted inside the input itself.
    expect(await page.locator('mark[data-kind="recurrence"]').innerText()).toBe('every month on the 1st');
    await shot(page, '03-quick-add-understood');
    await checkA11y(page, 'quick add while typing');
    await page.keyboard.press('Enter');
    await row('Pay rent').waitFor();
    expect(await quickAdd().inputValue()).toBe('');

    await typeInto(quickAdd(), 'Buy milk tomorrow #Home @errands');
    await expect.poll(() => chip('date').innerText()).toMatch(/\w{3} \d{1,2} \w{3}/);
    expect(await chip('label').innerText()).toContain('errands');
    await shot(page, '04-quick-add-date');
    await page.keyboard.press('Enter');
    await row('Buy milk').waitFor();

    // An unknown project is flagged before submitting.
    await typeInto(quickAdd(), 'Call plumber #Hoem');
    await page.getByText('no project named "Hoem"').waitFor();
    await shot(page, '05-quick-add-unknown-project');
    await quickAdd().fill('');
    await typeInto(quickAdd(), 'Call plumber #Home');
    await expect.poll(() => chip('project').count()).toBe(1);
    await page.keyboard.press('Enter');
    await row('Call plumber').waitFor();
    expect(await page.getByTestId('task-row').count()).toBe(3);
    await shot(page, '06-project-list');

    const tasks = await tasksOfHome();
    const rent = tasks.find((t) => t.title === 'Pay rent')!;
    expect(rent.recurrence).toBe('FREQ=MONTHLY;BYMONTHDAY=1');
    expect(rent.dueDate?.endsWith('-01')).toBe(true);
  });

  it('moves cards on the board with the mouse and the keyboard, and the moves persist', async () => {
    await page.getByRole('radiogroup', { name: 'Layout' }).getByText('Board').click();
    await page.getByTestId('board').waitFor();
    await column('To do').getByTestId('board-card').nth(2).waitFor();
    expect(await cardTitles('To do')).toHaveLength(3);
    await shot(page, '07-board');
    await checkA11y(page, 'the board');

    // Mouse: drag "Call plumber" from To do into the empty Doing column.
    const card = column('To do').getByTestId('board-card').filter({ hasText: 'Call plumber' });
    const from = (await card.boundingBox())!;
    const target = (await column('Doing').getByText('Drop cards here').boundingBox())!;
    await dragTo(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: target.x + target.width / 2, y: target.y + target.height / 2 });
    await expect.poll(() => cardTitles('Doing')).toEqual([expect.stringContaining('Call plumber')]);
    await expect.poll(async () => (await tasksOfHome()).find((t) => t.title === 'Call plumber')?.columnId).toBe(home.columns[1]!.id);

    // Keyboard: Space picks "Buy milk" up, an arrow moves it right into Doing, Space drops it.
    const milk = column('To do').getByTestId('board-card').filter({ hasText: 'Buy milk' });
    await milk.focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(200);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await expect.poll(() => cardTitles('Doing')).toHaveLength(2);
    await expect.poll(async () => (await tasksOfHome()).find((t) => t.title === 'Buy milk')?.columnId).toBe(home.columns[1]!.id);
    const doingOrder = await cardTitles('Doing');

    await page.reload();
    await page.getByTestId('board').waitFor();
    await column('Doing').getByTestId('board-card').nth(1).waitFor();
    expect(await cardTitles('Doing')).toEqual(doingOrder);
    expect(await cardTitles('To do')).toEqual([expect.stringContaining('Pay rent')]);
    // The API agrees: the same columns and, within Doing, the same order.
    const tasks = await tasksOfHome();
    const doing = tasks.filter((t) => t.columnId === home.columns[1]!.id).map((t) => t.title);
    expect(doing).toEqual(doingOrder.map((text) => (text.includes('Buy milk') ? 'Buy milk' : 'Call plumber')));
    await shot(page, '08-board-after-moves');
  });

  it('completes the recurring task and shows its next occurrence', async () => {
    await page.getByRole('radiogroup', { name: 'Layout' }).getByText('List').click();
    await row('Pay rent').waitFor();
    const before = (await tasksOfHome()).find((t) => t.title === 'Pay rent' && t.status === 'open')!;
    await row('Pay rent').getByRole('checkbox', { name: 'Complete “Pay rent”' }).click();
    const toast = page.getByTestId('undo-toast').filter({ hasText: 'Next:' });
    await toast.waitFor();
    const nextDue = firstOfNextMonth(before.dueDate!);
    const expected = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(`${nextDue}T12:00:00Z`),
    );
    expect(await toast.innerText()).toContain(`Next: ${expected}`);
    await shot(page, '09-recurring-completed');

    await expect
      .poll(async () => (await tasksOfHome()).filter((t) => t.title === 'Pay rent').map((t) => `${t.status} ${t.dueDate}`).sort())
      .toEqual([`done ${before.dueDate}`, `open ${nextDue}`].sort());
    // The next occurrence is in the list again, open.
    await expect.poll(() => row('Pay rent').count()).toBe(1);
    expect(await row('Pay rent').getByRole('checkbox').getAttribute('aria-checked')).toBe('false');
  });

  it('bulk-completes two selected tasks, and Undo brings them back', async () => {
    await row('Buy milk').click({ modifiers: ['Control'] });
    await row('Call plumber').click({ modifiers: ['Control'] });
    const bar = page.getByRole('toolbar', { name: 'Selected tasks' });
    await bar.getByText('2 selected').waitFor();
    await shot(page, '10-bulk-selected');
    await bar.getByRole('button', { name: 'Complete' }).click();
    const toast = page.getByTestId('undo-toast');
    await page.getByText('Completed 2 tasks').waitFor();
    await expect.poll(() => page.getByTestId('task-row').count()).toBe(1);
    await shot(page, '11-bulk-completed');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await row('Buy milk').waitFor();
    await row('Call plumber').waitFor();
    const tasks = await tasksOfHome();
    expect(tasks.filter((t) => ['Buy milk', 'Call plumber'].includes(t.title)).map((t) => t.status)).toEqual(['open', 'open']);
  });

  it('opens a task in the detail drawer and edits it', async () => {
    await row('Buy milk').click();
    const drawer = page.getByRole('dialog', { name: /Task in Home/ });
    await drawer.waitFor();
    await drawer.getByRole('textbox', { name: 'Notes (Markdown)' }).fill('Semi-skimmed, **two** litres\n\n- from the corner shop\n- <b>not</b> the big one');
    await drawer.getByRole('textbox', { name: 'Title' }).click();
    await drawer.getByText('Preview').click();
    await drawer.locator('strong', { hasText: 'two' }).waitFor();
    // HTML in notes is shown as text, never rendered.
    await drawer.getByText('<b>not</b> the big one').waitFor();
    await drawer.getByLabel('Priority').click();
    await page.getByRole('option', { name: 'Priority 2' }).click();
    await drawer.getByRole('textbox', { name: 'Add a subtask' }).fill('Check the date');
    await page.keyboard.press('Enter');
    await drawer.getByRole('button', { name: 'Check the date' }).waitFor();
    await shot(page, '12-task-detail');
    await checkA11y(page, 'the task detail');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await row('Buy milk').getByText('0/1').waitFor();
  });

  it('shows the right tasks in Today and Upcoming', async () => {
    await page.getByRole('navigation', { name: 'Task lists' }).getByRole('link', { name: 'Today' }).click();
    await page.waitForURL('**/tasks/today');
    await typeInto(quickAdd(), 'Water the plants today #Home');
    await expect.poll(() => chip('date').count()).toBe(1);
    await page.keyboard.press('Enter');
    const todayGroup = page.getByRole('list', { name: 'Today: Today' });
    await todayGroup.getByTestId('task-row').filter({ hasText: 'Water the plants' }).waitFor();
    expect(await page.getByTestId('task-row').filter({ hasText: 'Buy milk' }).count()).toBe(0);
    await shot(page, '13-today');
    await checkA11y(page, 'the Today view');

    // Keyboard: j focuses the first task, Enter opens it, Escape closes.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: /Task in Home/ }).waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Task lists' }).getByRole('link', { name: 'Upcoming' }).click();
    await page.waitForURL('**/tasks/upcoming');
    await page.getByRole('list', { name: 'Upcoming: Tomorrow' }).getByTestId('task-row').filter({ hasText: 'Buy milk' }).waitFor();
    await page.getByRole('list', { name: 'Upcoming: Today' }).getByTestId('task-row').filter({ hasText: 'Water the plants' }).waitFor();
    await shot(page, '14-upcoming', { fullPage: true });
  });

  it('adds a task from anywhere with q, and the home page sums up the day', async () => {
    await page.goto('/');
    const summary = page.getByTestId('tasks-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toBe('1 due today');
    expect(await page.getByText('Not built yet').count()).toBe(3);
    await page.keyboard.press('q');
    const dialog = page.getByRole('dialog', { name: 'Add task' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Add a task' }).pressSequentially('Renew passport today !2', { delay: 10 });
    await expect.poll(() => dialog.locator('[data-testid="quick-add-chip"][data-kind="priority"]').count()).toBe(1);
    await shot(page, '15-quick-add-anywhere');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Added “Renew passport” to Inbox').waitFor();
    await expect.poll(() => summary.innerText()).toBe('2 due today');

    // The command palette offers it too.
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Search or jump to…').fill('add task');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('fits a 375 px phone (list and board) and reads well in dark mode', async () => {
    const state = await context.storageState();
    const { context: phone, page: mobile } = await newPage(browser, baseUrl, { phone: true, timezoneId: TIME_ZONE, storageState: state });
    await mobile.goto(`/tasks/projects/${home.id}?layout=list`);
    await mobile.getByTestId('task-row').first().waitFor();
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'horizontal overflow at 375 px').toBeLessThanOrEqual(0);
    await shot(mobile, '16-mobile-list', { fullPage: true });
    await mobile.getByTestId('task-row').filter({ hasText: 'Buy milk' }).click();
    await mobile.getByRole('dialog', { name: /Task in Home/ }).waitFor();
    await shot(mobile, '16b-mobile-detail');
    await mobile.getByRole('button', { name: 'Close task' }).click();
    await mobile.getByRole('dialog', { name: /Task in Home/ }).waitFor({ state: 'hidden' });
    await mobile.goto(`/tasks/projects/${home.id}?layout=board`);
    await mobile.getByTestId('board-card').first().waitFor();
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(mobile, '17-mobile-board');
    await phone.close();

    const { context: dark, page: night } = await newPage(browser, baseUrl, { dark: true, timezoneId: TIME_ZONE, storageState: state });
    await night.goto(`/tasks/projects/${home.id}?layout=board`);
    await night.getByTestId('board-card').first().waitFor();
    await night.waitForFunction(() => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark');
    await shot(night, '18-board-dark');
    await checkA11y(night, 'the board in dark mode');
    await night.goto(`/tasks/today`);
    await night.getByTestId('task-row').first().waitFor();
    await shot(night, '19-today-dark');
    await dark.close();
  });

  it('undoes a bulk move back into the board columns, says when a recurring card dropped into Done returns, and recolours a label', async () => {
    await page.goto(`/tasks/projects/${home.id}?layout=list`);
    await row('Buy milk').waitFor();
    const placeOf = async () =>
      (await tasksOfHome()).filter((t) => ['Buy milk', 'Call plumber'].includes(t.title)).map((t) => `${t.title} ${t.columnId} ${(t as Task & { rank: string }).rank}`);
    const before = await placeOf();
    expect(before).toHaveLength(2);
    await row('Buy milk').click({ modifiers: ['Control'] });
    await row('Call plumber').click({ modifiers: ['Control'] });
    const bar = page.getByRole('toolbar', { name: 'Selected tasks' });
    await bar.getByRole('button', { name: 'Move to…' }).click();
    await page.getByRole('menuitem', { name: 'Inbox' }).click();
    await page.getByText('Moved 2 tasks to Inbox').waitFor();
    await expect.poll(placeOf).toEqual([]);
    await page.getByTestId('undo-toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await placeOf()).sort()).toEqual([...before].sort());

    // The board: "Pay rent" repeats monthly; dropping it into Done completes it and names the next date.
    await page.goto(`/tasks/projects/${home.id}?layout=board`);
    const rent = column('To do').getByTestId('board-card').filter({ hasText: 'Pay rent' });
    await rent.waitFor();
    const openRent = (await tasksOfHome()).find((t) => t.title === 'Pay rent' && t.status === 'open')!;
    const from = (await rent.boundingBox())!;
    const done = (await column('Done').boundingBox())!;
    await dragTo(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, { x: done.x + done.width / 2, y: done.y + done.height - 40 });
    await page.getByText('Completed “Pay rent”').waitFor();
    await page.getByText(/^Next: /).waitFor();
    await shot(page, '20-board-recurring-dropped-in-done');
    await expect
      .poll(async () => (await tasksOfHome()).filter((t) => t.title === 'Pay rent' && t.status === 'open').map((t) => t.dueDate))
      .toEqual([firstOfNextMonth(openRent.dueDate!)]);

    // Labels: recolour @bills from its menu.
    await page.getByRole('navigation', { name: 'Task lists' }).getByRole('link', { name: 'Labels' }).click();
    await page.getByRole('button', { name: 'Actions for label bills' }).click();
    await page.getByRole('radio', { name: 'Red' }).click();
    await expect
      .poll(async () => (await apiAs<{ items: { name: string; color: string }[] }>(page, 'GET', '/labels')).items.find((l) => l.name === 'bills')?.color)
      .toBe('#fa5252');
    await shot(page, '21-label-recoloured');
  });
});
