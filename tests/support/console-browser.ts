/// <reference lib="dom" />
// The console in a real Chromium (Debian's, scripts/ensure-chromium.sh) driven by playwright-core,
// against the real API on a port, a real Temporal worker and a fresh database. Pages are checked
// with axe-core and their CSP errors collected.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { startHttpServer, type RunningServer } from '../../api/server.js';
import { runProvisioningScript } from '../../scripts/lib/run-script.js';
import type { DnsResolve } from '../../channels/email/sender-dns.js';
import { createTestApp } from './api.js';
import { LOOPBACK_ALLOWED } from './security.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { startTestWorker, testChannelRegistry, type TestTemporal, type TestWorkerOptions } from './temporal.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** docs/screenshots when asked for (RELANCE_SCREENSHOTS=docs), else a scratch folder: a test run leaves the tree clean. */
export const SCREENSHOTS =
  process.env.RELANCE_SCREENSHOTS === 'docs' ? new URL('../../docs/screenshots/', import.meta.url) : pathToFileURL(join(tmpdir(), 'relance-screenshots') + '/');

/** `outboxDir`: the local outbox the worker and the API share (people without a mailbox). */
export type ConsoleStack = { db: TestDatabase; temporal: TestTemporal; server: RunningServer; browser: Browser; outboxDir: string; stop: () => Promise<void> };

/** `worker`: webhook delivery options (a loopback receiver, short retries) and the nudger, for pages that show deliveries; `dns`: the API's resolver (a test DNS server). */
export async function startConsoleStack(worker: Pick<TestWorkerOptions, 'webhooks' | 'webhookNudger'> = {}, dns?: DnsResolve): Promise<ConsoleStack> {
  const [db, executablePath] = await Promise.all([createTestDatabase(), runProvisioningScript('ensure-chromium.sh')]);
  const outboxDir = mkdtempSync(join(tmpdir(), 'relance-console-outbox-'));
  // The worker reaches the same loopback servers (SMTP, receivers) the API may: one allow-list for both.
  const channels = testChannelRegistry({ localOutboxDir: outboxDir, allowList: LOOPBACK_ALLOWED });
  const temporal = await startTestWorker(db.db, { channels, ...worker });
  const app = createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue, channels, consoleDir: inject('consoleDir'), signIn: { perMinute: 1000 }, allowList: LOOPBACK_ALLOWED, ...(dns ? { dns } : {}) });
  const server = await startHttpServer(app, '127.0.0.1', 0);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  return {
    db,
    temporal,
    server,
    browser,
    outboxDir,
    stop: async () => {
      await browser.close();
      await server.close();
      await temporal.stop();
      await db.drop();
    },
  };
}

/** A fresh browser profile (its own cookies) on a 1280×800 screen, failing on any console error (a CSP violation is one). */
export async function newConsolePage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Paris', locale: 'en-GB' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    // A 401 or 403 answer the page expects (the session check, a refused request) is logged by Chromium as a resource error.
    if (m.type() === 'error' && !/status of 40[134]/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** axe-core on the page as it is: no serious or critical violation. Evaluated through the DevTools protocol, so the page's CSP stays as served. */
export async function expectAccessible(page: Page, what: string) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, what).toEqual([]);
}

/** The page fits a 1280×800 screen horizontally: no sideways scrolling. */
export async function expectFitsScreen(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, what).toBeLessThanOrEqual(1280);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname });
}

/** The API as the signed-in person of a browser context: its cookies and CSRF token. */
export function asContext(context: BrowserContext, baseUrl: string) {
  return async <T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const cookies = await context.cookies(baseUrl);
    const csrf = cookies.find((c) => c.name === 'relance_csrf')?.value ?? '';
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
}
