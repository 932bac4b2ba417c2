// A workspace in the console for a Chromium test: its first admin through the one-time setup link,
// then people added by the admin who each accept their invitation in a browser of their own.
import { afterAll, beforeAll, expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { setupLinkIfNeeded } from '../../api/auth/links.js';
import { asContext, expectAccessible, expectFitsScreen, newConsolePage, screenshot, startConsoleStack, type ConsoleStack } from './console-browser.js';

/** A person's browser: its context, its page, and the console errors it logged. */
export type Browsing = { context: BrowserContext; page: Page; errors: string[] };
export const CONSOLE_PASSWORD = 'correct horse battery';

/** axe-core clean and no wider than 1280×800; saved as a docs screenshot when `shot` names one. */
export async function checkPage(page: Page, what: string, shot?: string) {
  await expectAccessible(page, what);
  await expectFitsScreen(page, what);
  if (shot) await screenshot(page, shot);
}

/**
 * The one-time setup link opened in a fresh browser: workspace "Acme Sales" (Europe/Paris) and its
 * first admin, Ada, who lands on her queue. `onSetupPage` looks at the setup page before it is sent.
 */
export async function setUpWorkspace(stack: ConsoleStack, o: { onSetupPage?: (page: Page) => Promise<void> } = {}): Promise<Browsing> {
  const link = await setupLinkIfNeeded(stack.db.db, stack.server.url);
  const admin = await newConsolePage(stack.browser);
  await admin.page.goto(link!);
  await o.onSetupPage?.(admin.page);
  await admin.page.getByLabel('Workspace name').fill('Acme Sales');
  await admin.page.getByLabel('Time zone').fill('Europe/Paris');
  await admin.page.getByLabel('Your name').fill('Ada Admin');
  await admin.page.getByLabel('Email').fill('ada@acme.test');
  await admin.page.getByLabel(/^Password/).fill(CONSOLE_PASSWORD);
  await admin.page.getByRole('button', { name: 'Create workspace' }).click();
  await admin.page.getByRole('heading', { name: 'My queue' }).waitFor();
  return admin;
}

/** People the admin adds through the API, each invited and signed in a browser of their own (pushed to `opened`). */
export function teamOf(stack: ConsoleStack, admin: Browsing, opened: Browsing[]) {
  const api = asContext(admin.context, stack.server.url);
  return {
    async add(body: Record<string, unknown>): Promise<string> {
      const user = await api<{ id: string }>('POST', '/v1/users', body);
      expect(user.status, JSON.stringify(user.body)).toBe(201);
      return user.body.id;
    },
    async signIn(userId: string): Promise<Browsing> {
      const link = await api<{ url: string }>('POST', `/v1/users/${userId}/invitation`, { send: false });
      expect(link.status, JSON.stringify(link.body)).toBe(201);
      const b = await newConsolePage(stack.browser);
      opened.push(b);
      await b.page.goto(link.body.url);
      await b.page.getByLabel(/^Password/).fill(CONSOLE_PASSWORD);
      await b.page.getByRole('button', { name: 'Set password and sign in' }).click();
      await b.page.getByRole('heading', { name: 'My queue' }).waitFor();
      return b;
    },
  };
}

/** The workspace set up, its admin signed in (kept in `opened`), and the admin's team: the API as the admin, people added and signed in. */
export async function consoleTeam(stack: ConsoleStack, opened: Browsing[]) {
  const admin = await setUpWorkspace(stack);
  opened.push(admin);
  return { admin, api: asContext(admin.context, stack.server.url), ...teamOf(stack, admin, opened) };
}

/**
 * The console stack for a test file: started before its tests (handed to `started`), stopped
 * after them, once every browser in `opened` is checked for console errors (`ignore`: the ones a
 * test provokes on purpose).
 */
export function withConsoleStack(opened: Browsing[], started: (stack: ConsoleStack) => void, o: { ignore?: RegExp } = {}): void {
  let stack: ConsoleStack | undefined;
  beforeAll(async () => {
    stack = await startConsoleStack();
    started(stack);
  }, 180_000);
  afterAll(async () => {
    for (const b of opened) expect(b.errors.filter((e) => !o.ignore?.test(e)), 'console errors').toEqual([]);
    await stack?.stop();
  });
}

/** Opens a figure's rows from its cell by keyboard: the rows region, named `region`, takes the focus on its title and lists `count` rows. */
export async function openRowsByKeyboard(page: Page, figure: Locator, region: string, count: number): Promise<Locator> {
  await figure.focus();
  await page.keyboard.press('Enter');
  const rows = page.getByRole('region', { name: region });
  await rows.waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('rows-title');
  await expect.poll(() => rows.locator('tbody tr').count()).toBe(count);
  return rows;
}
