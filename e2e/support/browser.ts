import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumPath } from './chromium';

declare global {
  interface Window {
    axe: typeof axe;
  }
}

const outputRoot = path.resolve(import.meta.dirname, '../output');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A 375 px phone: touch, a 2x screen, and mobile viewport rules (so overflow would show, not zoom out). */
export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
} as const satisfies BrowserContextOptions;

export interface PageOptions extends BrowserContextOptions {
  /** The PHONE preset instead of a 1280 x 800 desktop window. */
  phone?: boolean;
  /** The system asks for the dark colour scheme (the app follows it until the user picks a theme). */
  dark?: boolean;
}

/**
 * A fresh context (own cookies and storage) and page: a desktop window in light mode, en-GB,
 * Europe/London, unless told otherwise (`phone`, `dark`, or any context option, which wins).
 */
export async function newPage(browser: Browser, baseURL: string, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const { phone = false, dark = false, ...contextOptions } = options;
  const context = await browser.newContext({
    baseURL,
    ...(phone ? PHONE : { viewport: { width: 1280, height: 800 } }),
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    colorScheme: dark ? 'dark' : 'light',
    ...contextOptions,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  // Surface app crashes in the test output instead of a silent blank page.
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  return { context, page };
}

/** Which spec is running, for the screenshot folder: e2e/output/<spec>/<name>.png. */
function currentSpec(): string {
  const testPath = expect.getState().testPath ?? 'unknown';
  return path.basename(testPath).replace(/\.e2e\.ts$/, '');
}

/**
 * Saves what the user sees (the viewport; `fullPage` for the whole scrollable page, though fixed
 * elements such as the sidebar then end where the viewport did).
 */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const dir = path.join(outputRoot, currentSpec());
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  // No hover tooltips in the picture; let transitions (drawers, toasts, themes) settle.
  await page.mouse.move(1, 1);
  await page.waitForTimeout(400);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  return file;
}

interface Violation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: unknown; html: string; summary: string | undefined }[];
}

/** Runs axe-core in the page; fails on any serious or critical violation, listing them. */
export async function checkA11y(page: Page, label: string): Promise<void> {
  // A toast fading in or out is half transparent: its text would be measured against a blend.
  // Judge what stays on screen, once every toast is fully shown (or gone).
  await page
    .waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.mantine-Notification-root')).every((el) => {
          let opacity = 1;
          for (let node: Element | null = el; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
          return opacity === 1;
        }),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axe.source });
  const violations: Violation[] = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    console.error(`axe found ${serious.length} serious problem(s) on ${label}:\n${JSON.stringify(serious, null, 2)}`);
  }
  expect(serious.map((v) => `${v.id}: ${v.help}`), `accessibility of ${label}`).toEqual([]);
}
