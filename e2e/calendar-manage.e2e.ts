import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startRadicale, type Radicale } from '../server/src/calendar/caldav/radicale';
import { ensureAdmin, type Account } from './support/accounts';
import { logIn } from './support/app';
import { checkA11y, launchBrowser, newPage, shot } from './support/browser';
import { apiAs, createMember, dragTo } from './support/tasks';

const baseUrl = inject('baseUrl');
const admin = inject('admin');
const TIME_ZONE = 'Europe/London';

interface Calendar {
  id: string;
  name: string;
  color: string;
  isDefault: boolean;
}
interface Event {
  title: string;
  start: { date?: string; at?: string };
  end: { date?: string; at?: string };
  allDay: boolean;
}

/** Today's date in a zone. */
function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The UTC instant of a wall time in London (GMT or BST), found by trying both offsets. */
function londonInstant(date: string, hhmm: string): string {
  for (const offset of [0, 1]) {
    const guess = new Date(Date.parse(`${date}T${hhmm}:00Z`) - offset * 3_600_000);
    const wall = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(guess);
    if (wall === hhmm) return guess.toISOString();
  }
  throw new Error(`no London instant for ${date} ${hhmm}`);
}

function ics(lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Atom e2e//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

describe('calendar management: calendars, time zones, all-day, import, CalDAV', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let member: Account;
  let radicale: Radicale;
  /** What beforeAll started, ended in reverse by afterAll (also when beforeAll failed half-way). */
  const cleanups: (() => Promise<void>)[] = [];
  const today = todayIn(TIME_ZONE);

  const row = (name: string) => page.getByTestId('calendar-row').filter({ hasText: name });
  const event = (title: string) => page.locator('.fc-event').filter({ hasText: title });

  async function openCalendarMenu(name: string) {
    await page.getByRole('button', { name: `More for ${name}` }).click();
  }

  beforeAll(async () => {
    await ensureAdmin(baseUrl, admin);
    member = await createMember(baseUrl, admin, 'Zoe Zones', TIME_ZONE);
    radicale = await startRadicale({ username: 'remy', password: 'remote-pass-123' });
    cleanups.push(() => radicale.stop());
    browser = await launchBrowser();
    cleanups.push(() => browser.close());
    ({ context, page } = await newPage(browser, baseUrl));
    await logIn(page, member);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('creates, renames, recolours, makes default and deletes calendars from the sidebar', async () => {
    await page.goto('/calendar');
    await page.locator('.fc-timeGridWeek-view').waitFor();
    await page.getByTestId('calendar-row').first().waitFor();

    await page.getByRole('button', { name: 'Add a calendar' }).click();
    await page.getByRole('menuitem', { name: 'New calendar…' }).click();
    const create = page.getByRole('dialog', { name: 'New calendar' });
    await create.getByLabel('Name').fill('Family');
    await create.getByRole('radio', { name: 'Green' }).click();
    await shot(page, '01-new-calendar-dialog');
    await create.getByRole('button', { name: 'Create calendar' }).click();
    await create.waitFor({ state: 'hidden' });
    await row('Family').waitFor();
    expect(await row('Family').getByTestId('calendar-colour').getAttribute('data-colour')).toBe('#40c057');

    await openCalendarMenu('Family');
    await page.getByRole('menuitem', { name: 'Rename or recolour…' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit calendar' });
    expect(await edit.getByLabel('Name').inputValue()).toBe('Family');
    await edit.getByLabel('Name').fill('Home life');
    await edit.getByRole('radio', { name: 'Orange' }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row('Home life').waitFor();
    await expect.poll(() => row('Home life').getByTestId('calendar-colour').getAttribute('data-colour')).toBe('#fd7e14');
    expect(await row('Family').count()).toBe(0);

    await openCalendarMenu('Home life');
    await page.getByRole('menuitem', { name: 'Make default' }).click();
    await row('Home life').getByText('Default').waitFor();
    const calendars = (await apiAs<{ items: Calendar[] }>(page, 'GET', '/calendars')).items;
    expect(calendars.find((c) => c.name === 'Home life')).toMatchObject({ color: '#fd7e14', isDefault: true });
    expect(calendars.filter((c) => c.isDefault)).toHaveLength(1);

    await page.getByRole('button', { name: 'Add a calendar' }).click();
    await page.getByRole('menuitem', { name: 'New calendar…' }).click();
    await page.getByRole('dialog', { name: 'New calendar' }).getByLabel('Name').fill('Scratch');
    await page.getByRole('dialog', { name: 'New calendar' }).getByRole('button', { name: 'Create calendar' }).click();
    await row('Scratch').waitFor();
    await openCalendarMenu('Scratch');
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this calendar?' });
    expect(await confirm.innerText()).toContain('“Scratch” and every event in it will be deleted');
    await shot(page, '02-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete calendar' }).click();
    await expect.poll(() => row('Scratch').count()).toBe(0);
    expect((await apiAs<{ items: Calendar[] }>(page, 'GET', '/calendars')).items.map((c) => c.name)).not.toContain('Scratch');
    await shot(page, '03-sidebar');
  });

  it('shows an event at another time when the viewer zone changes, and remembers the choice', async () => {
    await apiAs(page, 'POST', '/events', {
      title: 'London call',
      start: { at: londonInstant(today, '09:00'), timeZone: TIME_ZONE },
      end: { at: londonInstant(today, '10:00'), timeZone: TIME_ZONE },
    });
    await page.reload();
    await event('London call').waitFor();
    const londonTime = (await event('London call').locator('.fc-event-time').innerText()).trim();
    expect(londonTime).toMatch(/^09:00/);

    await page.getByRole('textbox', { name: 'Show times in' }).fill('New_York');
    await page.getByRole('option', { name: 'America/New_York' }).click();
    // London and New York are five hours apart except for a few weeks a year, when it is four.
    await expect.poll(async () => (await event('London call').locator('.fc-event-time').innerText()).trim()).toMatch(/^0[45]:00/);
    expect(await page.getByTestId('view-zone').locator('..').locator('..').innerText()).toContain('Your profile says Europe/London');

    await page.reload();
    await event('London call').waitFor();
    expect(await page.getByRole('textbox', { name: 'Show times in' }).inputValue()).toBe('America/New_York');
    expect((await event('London call').locator('.fc-event-time').innerText()).trim()).toMatch(/^0[45]:00/);
  });

  it('adds a second time zone beside the hours of the week view', async () => {
    await page.getByRole('textbox', { name: 'Second time zone' }).fill('Tokyo');
    await page.getByRole('option', { name: 'Asia/Tokyo' }).click();
    const nine = page.locator('.fc-timegrid-slot-label[data-time="09:00:00"]');
    await nine.scrollIntoViewIfNeeded();
    // 09:00 in New York is 23:00 in Tokyo in winter (22:00 in summer).
    await expect.poll(async () => (await nine.getByTestId('second-zone-label').innerText()).trim()).toMatch(/^2[23]:00$/);
    expect(await nine.innerText()).toContain('09:00');
    expect(await page.getByTestId('zone-corner').innerText()).toMatch(/GMT\+9|JST/);
    await shot(page, '04-two-zones-week');
    await checkA11y(page, 'the week view with two zones');

    // Back to the profile's zone: the label keeps its second zone, the event its London time.
    await page.getByRole('button', { name: 'Use it' }).click();
    await expect.poll(async () => (await event('London call').locator('.fc-event-time').innerText()).trim()).toMatch(/^09:00/);
    await expect.poll(async () => (await nine.getByTestId('second-zone-label').innerText()).trim()).toMatch(/^1[78]:00$/);
  });

  it('creates an all-day event by dragging across days in month view', async () => {
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await page.locator('.fc-dayGridMonth-view').waitFor();
    // Tuesday to Thursday of the second week row: always inside the month shown.
    const secondRow = page.locator('.fc-daygrid-body tr').nth(1);
    const days = secondRow.locator('.fc-daygrid-day[data-date]');
    const tuesday = (await days.nth(1).getAttribute('data-date'))!;
    const thursday = (await days.nth(3).getAttribute('data-date'))!;
    const from = (await days.nth(1).boundingBox())!;
    const to = (await days.nth(3).boundingBox())!;
    await dragTo(page, { x: from.x + from.width / 2, y: from.y + from.height * 0.7 }, { x: to.x + to.width / 2, y: to.y + to.height * 0.7 });
    const dialog = page.getByRole('dialog', { name: 'New event' });
    await dialog.waitFor();
    const when = await dialog.getByTestId('editor-when').innerText();
    expect(when).toContain(' – ');
    expect(await dialog.getByRole('textbox', { name: 'Calendar' }).inputValue()).toBe('Home life');
    await dialog.getByLabel('Title').fill('Conference');
    await shot(page, '05-all-day-editor');
    await dialog.getByRole('button', { name: 'Create event' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator(`.fc-daygrid-day[data-date="${tuesday}"]`).locator('.fc-event').filter({ hasText: 'Conference' }).waitFor();

    const from1 = `${plusDays(tuesday, -1)}T00:00:00Z`;
    const to1 = `${plusDays(thursday, 2)}T00:00:00Z`;
    const found = await apiAs<{ items: (Event & { eventId: string })[] }>(page, 'GET', `/events?from=${from1}&to=${to1}`);
    const conference = found.items.find((o) => o.title === 'Conference');
    // All-day events keep dates; the end is exclusive (the day after Thursday).
    expect(conference).toMatchObject({ allDay: true, start: { date: tuesday }, end: { date: plusDays(thursday, 1) } });
    await shot(page, '06-month-all-day');

    // The same from the all-day row of the week view.
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    const allDay = page.locator('.fc-timeGridWeek-view .fc-daygrid-body .fc-daygrid-day[data-date]');
    await allDay.first().waitFor();
    const monday = (await allDay.nth(0).getAttribute('data-date'))!;
    const a = (await allDay.nth(0).boundingBox())!;
    const b = (await allDay.nth(1).boundingBox())!;
    await dragTo(page, { x: a.x + a.width / 2, y: a.y + a.height / 2 }, { x: b.x + b.width / 2, y: b.y + b.height / 2 });
    const weekDialog = page.getByRole('dialog', { name: 'New event' });
    await weekDialog.getByLabel('Title').fill('Offsite');
    await weekDialog.getByRole('button', { name: 'Create event' }).click();
    await weekDialog.waitFor({ state: 'hidden' });
    await page.locator('.fc-timeGridWeek-view .fc-daygrid-body .fc-event').filter({ hasText: 'Offsite' }).waitFor();
    const week = await apiAs<{ items: Event[] }>(page, 'GET', `/events?from=${monday}T00:00:00Z&to=${plusDays(monday, 7)}T00:00:00Z`);
    expect(week.items.find((o) => o.title === 'Offsite')).toMatchObject({ allDay: true, start: { date: monday }, end: { date: plusDays(monday, 2) } });
  });

  it('imports an .ics file and lists its warnings with line numbers, or names the line that refused it', async () => {
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    const good = ics([
      'BEGIN:VEVENT',
      'UID:import-ok@e2e',
      'SUMMARY:Imported fine',
      `DTSTART:${today.replace(/-/g, '')}T140000Z`,
      `DTEND:${today.replace(/-/g, '')}T150000Z`,
      'DTSTAMP:20260101T000000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:import-backwards@e2e',
      'SUMMARY:Backwards',
      `DTSTART:${today.replace(/-/g, '')}T170000Z`,
      `DTEND:${today.replace(/-/g, '')}T160000Z`,
      'DTSTAMP:20260101T000000Z',
      'END:VEVENT',
    ]);
    await openCalendarMenu('Home life');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Import .ics file…' }).click();
    await (await chooser).setFiles({ name: 'team.ics', mimeType: 'text/calendar', buffer: Buffer.from(good) });
    const result = page.getByRole('dialog', { name: 'Import finished' });
    await result.waitFor();
    expect(await result.getByTestId('import-events-added').innerText()).toContain('2');
    const warnings = await result.getByTestId('import-warnings').innerText();
    expect(warnings).toContain('1 warning');
    expect(warnings).toMatch(/"Backwards" \(line 11\) ends before it starts/);
    await shot(page, '07-import-warnings');
    await result.getByRole('button', { name: 'Close' }).click();
    await event('Imported fine').waitFor();

    const broken = ics(['BEGIN:VEVENT', 'UID:no-start@e2e', 'SUMMARY:No start', 'DTSTAMP:20260101T000000Z', 'END:VEVENT']);
    await openCalendarMenu('Home life');
    const chooser2 = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Import .ics file…' }).click();
    await (await chooser2).setFiles({ name: 'broken.ics', mimeType: 'text/calendar', buffer: Buffer.from(broken) });
    const refused = page.getByRole('dialog', { name: 'Nothing was imported' });
    await refused.waitFor();
    expect(await refused.getByTestId('import-error').innerText()).toMatch(/line \d+/);
    await shot(page, '08-import-refused');
    await refused.getByRole('button', { name: 'Close' }).click();
    expect(await event('No start').count()).toBe(0);
  });

  it('connects a CalDAV account: a wrong password is refused clearly, then the right one syncs a remote event', async () => {
    const work = await radicale.makeCalendar('work', 'Work');
    const stamp = today.replace(/-/g, '');
    const remoteIcs = ics([
      'BEGIN:VEVENT',
      'UID:remote-1@radicale',
      'SUMMARY:Remote planning',
      `DTSTART:${stamp}T${londonInstant(today, '11:00').slice(11, 13)}0000Z`,
      `DTEND:${stamp}T${londonInstant(today, '12:00').slice(11, 13)}0000Z`,
      'DTSTAMP:20260101T000000Z',
      'END:VEVENT',
    ]);
    const put = await fetch(`${work}remote-1.ics`, {
      method: 'PUT',
      headers: { authorization: `Basic ${Buffer.from(`${radicale.username}:${radicale.password}`).toString('base64')}`, 'content-type': 'text/calendar' },
      body: remoteIcs,
    });
    expect(put.status).toBe(201);

    await page.goto('/calendar');
    await page.getByRole('link', { name: 'Connect a CalDAV account' }).click();
    await page.waitForURL('**/settings/connections');
    const form = page.getByRole('form', { name: 'Connect a CalDAV account' });
    await form.getByLabel('Server URL').fill('http://127.0.0.1:9/');
    await form.getByLabel('Username').fill(radicale.username);
    await form.getByRole('textbox', { name: 'Password' }).fill(radicale.password);
    await form.getByRole('button', { name: 'Connect account' }).click();
    await form.getByTestId('caldav-add-error').waitFor();
    expect(await form.getByTestId('caldav-add-error').innerText()).toContain('could not reach a CalDAV server at this address');
    expect(await form.getByText(/^Cannot reach 127\.0\.0\.1:9/).isVisible()).toBe(true);

    await form.getByLabel('Server URL').fill(radicale.url);
    await form.getByTestId('caldav-add-error').waitFor({ state: 'hidden' });
    await form.getByLabel('Username').fill(radicale.username);
    await form.getByRole('textbox', { name: 'Password' }).fill('not-the-password');
    await form.getByRole('button', { name: 'Connect account' }).click();
    await form.getByTestId('caldav-add-error').waitFor();
    expect(await form.getByTestId('caldav-add-error').innerText()).toContain('did not accept this username and password');
    // The server's own words sit under the password field.
    expect(await form.getByText('401 Unauthorized: wrong username or password').isVisible()).toBe(true);
    await shot(page, '09-caldav-wrong-password');
    expect(await page.getByTestId('caldav-connection').count()).toBe(0);

    await form.getByRole('textbox', { name: 'Password' }).fill(radicale.password);
    await form.getByRole('button', { name: 'Connect account' }).click();
    const card = page.getByTestId('caldav-connection');
    await card.waitFor();
    await form.getByTestId('caldav-add-error').waitFor({ state: 'hidden' });
    const workBox = card.getByRole('checkbox', { name: 'Work' });
    expect(await workBox.isChecked()).toBe(false);
    expect(await card.getByRole('button', { name: 'Sync now' }).isDisabled()).toBe(true);
    await workBox.check();
    await expect.poll(() => workBox.isChecked()).toBe(true);
    await card.getByRole('button', { name: 'Sync now' }).click();
    const result = card.getByTestId('caldav-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('From the server: 1 new');
    expect(await card.getByTestId('caldav-status').innerText()).toBe('Connected');
    await card.getByText(/^Last synced/).first().waitFor();
    await card.getByRole('button', { name: 'Sync log' }).click();
    await card.getByTestId('caldav-log').waitFor();
    // Background sync every hour, and the tasks of the Inbox as VTODOs in "Work".
    const connectionOf = async () => (await apiAs<{ items: { syncIntervalMinutes: number; taskCalendar: { remoteUrl: string; projectId: string } | null }[] }>(page, 'GET', '/connections/caldav')).items[0]!;
    await card.getByRole('textbox', { name: 'Sync in the background' }).click();
    await page.getByRole('option', { name: 'Every hour' }).click();
    await expect.poll(async () => (await connectionOf()).syncIntervalMinutes).toBe(60);
    await card.getByRole('textbox', { name: 'Task list on the server' }).click();
    await page.getByRole('option', { name: 'Work' }).click();
    await expect.poll(async () => (await connectionOf()).taskCalendar?.remoteUrl).toBe(work);
    await card.getByRole('textbox', { name: 'Atom project' }).waitFor();
    expect(await card.getByRole('textbox', { name: 'Atom project' }).inputValue()).toBe('Inbox');
    await shot(page, '10-caldav-connected', { fullPage: true });
    await checkA11y(page, 'the connections screen');

    await page.goto('/calendar');
    await page.locator('.fc-timeGridWeek-view').waitFor();
    await row('Work').waitFor();
    await event('Remote planning').waitFor();
    expect((await event('Remote planning').locator('.fc-event-time').innerText()).trim()).toMatch(/^11:00/);
  });

  it('marks the connection as failing with a clear message when the server cannot be reached', async () => {
    await radicale.stop();
    await page.goto('/settings/connections');
    const card = page.getByTestId('caldav-connection');
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => card.getByTestId('caldav-status').innerText()).toBe('Sync failing');
    const notice = card.getByTestId('caldav-error');
    expect(await notice.innerText()).toMatch(/Cannot reach 127\.0\.0\.1:\d+/);
    expect(await card.getByTestId('caldav-result').innerText()).toMatch(/1 error/);
    await card.getByRole('button', { name: 'Sync log' }).click();
    await expect.poll(() => card.getByTestId('caldav-log').innerText()).toMatch(/error[\s\S]*Cannot reach/i);
    await shot(page, '11-caldav-unreachable');
  });

  it('shows what is coming on the Home calendar card, and not what has ended', async () => {
    // Relative to now, so the test means the same at any hour of the day.
    const minute = 60_000;
    const now = Math.floor(Date.now() / minute) * minute;
    const at = (offset: number) => new Date(now + offset).toISOString();
    // The card shows four items: clear the week of earlier tests' events so the two below decide it.
    const week = await apiAs<{ items: { eventId: string }[] }>(page, 'GET', `/events?from=${at(-24 * 60 * minute)}&to=${at(8 * 24 * 60 * minute)}`);
    for (const id of new Set(week.items.map((o) => o.eventId))) await apiAs(page, 'DELETE', `/events/${id}`);
    await apiAs(page, 'POST', '/events', { title: 'Finished standup', start: { at: at(-90 * minute), timeZone: TIME_ZONE }, end: { at: at(-30 * minute), timeZone: TIME_ZONE } });
    await apiAs(page, 'POST', '/events', { title: 'Upcoming review', start: { at: at(120 * minute), timeZone: TIME_ZONE }, end: { at: at(150 * minute), timeZone: TIME_ZONE } });
    await page.goto('/');
    const summary = page.getByTestId('calendar-summary');
    await summary.waitFor();
    await summary.getByTestId('calendar-summary-item').filter({ hasText: 'Upcoming review' }).waitFor();
    const items = await summary.getByTestId('calendar-summary-item').allInnerTexts();
    const startsAt = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(now + 120 * minute));
    expect(items.find((t) => t.includes('Upcoming review'))).toContain(startsAt);
    expect(items.join('\n')).not.toContain('Finished standup');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(4);
    await shot(page, '12-home');
    await checkA11y(page, 'the home page with the calendar card');
  });

  it('subscribes to an outside .ics feed: read-only here, refreshed on demand', async () => {
    let feed = ics(['BEGIN:VEVENT', 'UID:feed-1@example.org', 'SUMMARY:Feed standup', `DTSTART:${londonInstant(today, '06:00').replace(/[-:]/g, '').slice(0, 15)}Z`, 'DURATION:PT30M', 'DTSTAMP:20260101T000000Z', 'END:VEVENT']);
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
      res.end(feed);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/team.ics`;

    await page.goto('/calendar');
    await page.getByRole('button', { name: 'Add a calendar' }).click();
    await page.getByRole('menuitem', { name: 'Subscribe to a URL…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe to a calendar' });
    await dialog.getByLabel('Calendar URL').fill('http://127.0.0.1:9/nothing.ics');
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    // An address nothing answers on is refused, named under the field; nothing is created.
    await dialog.getByText(/could not|refused|reach/i).first().waitFor();
    await dialog.getByLabel('Calendar URL').fill(url);
    await dialog.getByLabel('Name').fill('Team rota');
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row('Team rota').getByTestId('subscription-icon').waitFor();
    await event('Feed standup').waitFor();
    await shot(page, '13-subscribed');

    // Its events are read-only: a click explains where they come from. (Dispatched on the event
    // itself: what else is on the calendar at that hour, or a toast, must not take the click.)
    await event('Feed standup').dispatchEvent('click');
    await page.getByText(/a subscription: it changes when the feed does/).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    feed = feed.replace('SUMMARY:Feed standup', 'SUMMARY:Feed standup (moved room)');
    await openCalendarMenu('Team rota');
    await page.getByRole('menuitem', { name: 'Refresh now' }).click();
    await page.getByText('0 added, 1 changed, 0 removed.').waitFor();
    await event('Feed standup (moved room)').waitFor();
    const calendars = (await apiAs<{ items: (Calendar & { readOnly: boolean; subscription: { url: string } | null })[] }>(page, 'GET', '/calendars')).items;
    expect(calendars.find((c) => c.name === 'Team rota')).toMatchObject({ readOnly: true, subscription: { url } });
  });

  it('sets when “event starting” fires for automations', async () => {
    await page.goto('/settings/calendar');
    const lead = page.getByRole('textbox', { name: '“Event starting” fires' });
    await expect.poll(() => lead.inputValue()).toBe('10 minutes before');
    await lead.click();
    await page.getByRole('option', { name: '30 minutes before' }).click();
    await expect.poll(async () => (await apiAs<{ eventStartingLeadMinutes: number }>(page, 'GET', '/calendar/settings')).eventStartingLeadMinutes).toBe(30);
    await shot(page, '14-calendar-settings');
  });

  it('reads well in dark mode and at 375 px', async () => {
    const state = await context.storageState();
    const { context: dark, page: night } = await newPage(browser, baseUrl, { dark: true, timezoneId: TIME_ZONE, storageState: state });
    await night.goto('/calendar');
    await night.waitForFunction(() => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark');
    await night.locator('.fc-event').first().waitFor();
    await night.getByTestId('second-zone-label').first().waitFor();
    await shot(night, '13-week-two-zones-dark');
    await night.goto('/settings/connections');
    await night.getByTestId('caldav-connection').waitFor();
    await shot(night, '14-connections-dark', { fullPage: true });
    await dark.close();

    const { context: phone, page: mobile } = await newPage(browser, baseUrl, { phone: true, timezoneId: TIME_ZONE, storageState: state });
    for (const [path, ready, name] of [
      ['/calendar', '.fc-listWeek-view', '15-phone-calendar'],
      ['/settings/connections', '[data-testid="caldav-connection"]', '16-phone-connections'],
    ] as const) {
      await mobile.goto(path);
      await mobile.locator(ready).waitFor();
      const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at 375 px on ${path}`).toBeLessThanOrEqual(0);
      await shot(mobile, name, { fullPage: true });
    }
    // The day view on a phone keeps both clocks readable beside the grid.
    await mobile.goto('/calendar');
    await mobile.getByRole('button', { name: 'Time zone: London + Tokyo' }).click();
    await mobile.getByRole('textbox', { name: 'Second time zone' }).waitFor();
    await mobile.getByRole('button', { name: 'Day', exact: true }).click();
    await mobile.locator('.fc-timeGridDay-view').getByTestId('second-zone-label').first().waitFor();
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(mobile, '17-phone-day-two-zones');
    await phone.close();
  });

  it('disconnects the account after asking; the synced calendar stays as a local one', async () => {
    await page.goto('/settings/connections');
    const card = page.getByTestId('caldav-connection');
    await card.getByRole('button', { name: 'Disconnect' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disconnect this account?' });
    expect(await confirm.innerText()).toContain('stay in Atom as local calendars');
    await confirm.getByRole('button', { name: 'Disconnect' }).click();
    await expect.poll(() => card.count()).toBe(0);
    expect((await apiAs<{ items: unknown[] }>(page, 'GET', '/connections/caldav')).items).toEqual([]);
    expect((await apiAs<{ items: Calendar[] }>(page, 'GET', '/calendars')).items.map((c) => c.name)).toContain('Work');
  });
});
