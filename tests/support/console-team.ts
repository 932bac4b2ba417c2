// A workspace in the console for a Chromium test: its first admin through the one-time setup link,
// then people added by the admin who each accept their invitation in a browser of their own.
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { setupLinkIfNeeded } from '../../api/auth/links.js';
import { asContext, expectAccessible, expectFitsScreen, newConsolePage, screenshot, type ConsoleStack } from './console-browser.js';

export type Browsing = { context: BrowserContext; page: Page; errors: string[] };
export const CONSOLE_PASSWORD = 'correct horse battery';

/** axe-core clean, fits 1280×800, and a screenshot when named. */
export async function checkPage(page: Page, what: string, shot?: string) {
  await expectAccessible(page, what);
  await expectFitsScreen(page, what);
  if (shot) await screenshot(page, shot);
}

/** Acme Sales (Europe/Paris) and its admin Ada, signed in; every browser opened is kept in `opened` (its console errors checked after). */
export async function consoleTeam(stack: ConsoleStack, opened: Browsing[]) {
  const base = stack.server.url;
  const link = await setupLinkIfNeeded(stack.db.db, base);
  const admin = await newConsolePage(stack.browser);
  opened.push(admin);
  await admin.page.goto(link!);
  await admin.page.getByLabel('Workspace name').fill('Acme Sales');
  await admin.page.getByLabel('Time zone').fill('Europe/Paris');
  await admin.page.getByLabel('Your name').fill('Ada Admin');
  await admin.page.getByLabel('Email').fill('ada@acme.test');
  await admin.page.getByLabel(/^Password/).fill(CONSOLE_PASSWORD);
  await admin.page.getByRole('button', { name: 'Create workspace' }).click();
  await admin.page.getByRole('heading', { name: 'My queue' }).waitFor();
  /** The API as the admin. */
  const api = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => asContext(admin.context, base)<T>(method, path, body);
  return {
    admin,
    api,
    /** A person added by the admin; their id. */
    person: async (body: Record<string, unknown>): Promise<string> => {
      const user = await api<{ id: string }>('POST', '/v1/users', body);
      expect(user.status, JSON.stringify(user.body)).toBe(201);
      return user.body.id;
    },
    /** The person accepts their invitation in a browser of their own and lands on their queue. */
    signIn: async (userId: string): Promise<Browsing> => {
      const invitation = await api<{ url: string }>('POST', `/v1/users/${userId}/invitation`, { send: false });
      expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
      const b = await newConsolePage(stack.browser);
      opened.push(b);
      await b.page.goto(invitation.body.url);
      await b.page.getByLabel(/^Password/).fill(CONSOLE_PASSWORD);
      await b.page.getByRole('button', { name: 'Set password and sign in' }).click();
      await b.page.getByRole('heading', { name: 'My queue' }).waitFor();
      return b;
    },
  };
}
