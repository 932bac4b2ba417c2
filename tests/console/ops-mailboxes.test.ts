/// <reference lib="dom" />
// The console's ops pages in a real Chromium against the real API, Temporal worker and database:
// a mailbox the bounce guard paused (through its real code) shows first, marked, with the rate that
// tripped it and its held email, and ops resume it after confirming; an admin creates an API key
// (its secret shown once, gone on reload) and revokes it (the key then gets 401); a webhook to a
// real local receiver has a failed delivery in its log, and redelivery reaches the receiver once it
// answers 2xx. Every page passes axe-core, fits 1280×800, and is driven by the keyboard.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appendEvent } from '../../application/timeline.js';
import { recordDeliveryProblem } from '../../application/mailbox-pause.js';
import { mailboxes, touches, webhookDeliveries } from '../../db/schema.js';
import { asContext, startConsoleStack, type ConsoleStack } from '../support/console-browser.js';
import { checkPage, consoleTeam, type Browsing } from '../support/console-team.js';
import { LOOPBACK_ALLOWED } from '../support/security.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { startTestDnsServer, type TestDnsServer } from '../support/dns.js';
import { dnsResolverFor } from '../../channels/email/sender-dns.js';
import { startReceiver, type Receiver } from '../webhooks/receiver.js';

let stack: ConsoleStack;
let base: string;
let smtp: TestSmtpServer;
let receiver: Receiver;
let dns: TestDnsServer;
let receiverAnswers = 400;
const opened: Browsing[] = [];
let admin: Browsing;
let team: Awaited<ReturnType<typeof consoleTeam>>;
let ops: Browsing;
let workspaceId = '';

beforeAll(async () => {
  [dns, smtp, receiver] = await Promise.all([startTestDnsServer(), startTestSmtpServer({ username: 'sam@acme.test' }), startReceiver(() => receiverAnswers)]);
  const resolve = dnsResolverFor({ servers: [dns.server] });
  stack = await startConsoleStack({ webhooks: { allowList: LOOPBACK_ALLOWED, backoff: { initialMs: 100, maxMs: 400 } }, webhookNudger: true }, (name, type) => resolve(name, type));
  base = stack.server.url;
}, 180_000);
afterAll(async () => {
  for (const b of opened) expect(b.errors, 'console errors').toEqual([]);
  await receiver?.close();
  await smtp?.close();
  await dns?.close();
  await stack?.stop();
});

const api = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => team.api<T>(method, path, body);
const must = <T,>(res: { status: number; body: T }, status: number): T => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

/** Keyboard only: focus moves to the button as Tab would, Enter presses it. */
async function pressWithKeyboard(page: Page, name: string | RegExp) {
  await page.getByRole('button', { name }).focus();
  await page.keyboard.press('Enter');
}

describe('ops pages in Chromium', () => {
  it('an admin sets up the workspace and an ops person signs in; the nav shows each what they may use', async () => {
    team = await consoleTeam(stack, opened);
    admin = team.admin;
    workspaceId = must(await api<{ workspace: { id: string } }>('GET', '/v1/auth/session'), 200).workspace.id;

    const olga = must(await api<{ id: string }>('POST', '/v1/users', { email: 'olga@acme.test', name: 'Olga Ops', role: 'ops' }), 201);
    ops = await team.signIn(olga.id);

    const nav = (p: Page) => p.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    expect(await nav(ops.page)).toEqual(expect.arrayContaining(['Mailboxes', 'Team']));
    expect(await nav(ops.page)).not.toEqual(expect.arrayContaining(['API keys']));
    expect(await nav(ops.page)).not.toContain('Webhooks');
    expect(await nav(admin.page)).toEqual(expect.arrayContaining(['Mailboxes', 'API keys', 'Webhooks']));
  });

  it("a mailbox the bounce guard paused stands out with its rate and held email; ops resume it after confirming", async () => {
    const sam = must(await api<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep', role: 'rep', timeZone: 'Europe/Paris' }), 201);
    const healthy = must(await api<{ id: string }>('POST', '/v1/mailboxes', { userId: sam.id, address: 'sam.news@acme.test', provider: 'smtp', smtp: { host: smtp.host, port: smtp.port, secure: false, username: smtp.username, password: smtp.password } }), 201);
    const box = must(
      await api<{ id: string }>('POST', '/v1/mailboxes', {
        userId: sam.id,
        address: 'sam@acme.test',
        provider: 'smtp',
        isDefault: true,
        dailyCap: 200,
        warmup: { startCap: 20, step: 20 },
        smtp: { host: smtp.host, port: smtp.port, secure: false, username: smtp.username, password: smtp.password },
      }),
      201,
    );
    // A Gmail mailbox handed over without its refresh token: disconnected, and says why.
    must(await api('POST', '/v1/mailboxes', { userId: sam.id, address: 'sam.gmail@acme.test', provider: 'gmail' }), 201);
    // 100 emails sent from it, one waiting for tomorrow; three of the sent ones bounce hard: the real guard pauses it.
    const sequences = must(await api<{ data: Array<{ sequenceId: string; key: string }> }>('GET', '/v1/sequences'), 200);
    const prospect = must(await api<{ id: string }>('POST', '/v1/prospects', { firstName: 'Jane', lastName: 'Roe', email: 'jane@globex.test', timeZone: 'America/New_York' }), 201);
    const enrollment = must(await api<{ id: string }>('POST', '/v1/enrollments', { prospectId: prospect.id, sequenceId: sequences.data.find((s) => s.key === 'expected-callback')!.sequenceId, repId: sam.id }), 201);
    const common = { workspaceId, enrollmentId: enrollment.id, prospectId: prospect.id, channel: 'email', provider: 'smtp', toAddress: 'jane@globex.test', mailboxId: box.id, subject: 'A quick call?', body: 'Hello Jane' };
    const sent = await stack.db.db
      .insert(touches)
      .values(Array.from({ length: 100 }, (_, i) => ({ ...common, stepKey: `bulk#${i}`, status: 'sent' as const, messageId: `<bulk.${i}@relance.acme.test>`, sentAt: new Date(), scheduledAt: new Date() })))
      .returning({ id: touches.id });
    const [waiting] = await stack.db.db.insert(touches).values({ ...common, stepKey: 'follow-up#1', status: 'scheduled', scheduledAt: new Date(Date.now() + 86_400_000) }).returning();
    for (const t of sent.slice(0, 3)) await recordDeliveryProblem(stack.db.db, { workspaceId, touchId: t.id, problem: 'hard_bounce' });
    expect((await stack.db.db.select().from(mailboxes).where(eq(mailboxes.id, box.id)))[0]!.status).toBe('paused');

    // Sam, the rep, sees his own mailboxes, the paused one first, and that ops resume it: no button of his own.
    const samBrowser = await team.signIn(sam.id);
    await samBrowser.page.getByRole('link', { name: 'Mailboxes' }).click();
    const samsCard = samBrowser.page.getByRole('region', { name: /^sam@acme\.test/ });
    await expect.poll(() => samsCard.innerText()).toContain('1 held');
    expect(await samsCard.innerText()).toContain('Ops resume it once the list is checked.');
    expect(await samBrowser.page.getByRole('button', { name: /^Resume/ }).count()).toBe(0);
    expect(await samBrowser.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).count()).toBe(0);
    await checkPage(samBrowser.page, 'a rep\'s mailboxes');

    const page = ops.page;
    await page.getByRole('link', { name: 'Mailboxes' }).click();
    await page.getByRole('heading', { name: 'Mailboxes' }).waitFor();
    // The paused one comes first, announced, marked; the healthy one after it.
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('2 of 3 mailboxes cannot send or read replies: sam@acme.test, sam.gmail@acme.test');
    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings).toEqual([expect.stringMatching(/^sam@acme\.test Paused by the bounce guard/), expect.stringMatching(/^sam\.gmail@acme\.test Disconnected/), expect.stringMatching(/^sam\.news@acme\.test Sending/)]);
    const disconnected = page.getByRole('region', { name: /^sam\.gmail@acme\.test/ });
    expect(await disconnected.getAttribute('class')).toContain('attention');
    expect(await disconnected.innerText()).toMatch(/Disconnected since .* no credentials/);
    expect(await disconnected.innerText()).toContain('read through the Gmail API');
    expect(await disconnected.getByRole('button', { name: /^Resume/ }).count()).toBe(0);
    const card = page.getByRole('region', { name: /^sam@acme\.test/ });
    expect(await card.getAttribute('class')).toContain('attention');
    await expect.poll(() => card.innerText()).toContain('1 held');
    const text = await card.innerText();
    expect(text).toContain('paused: 3 hard bounces among its last 100 emails (the limit is 3 in 100)');
    expect(text).toContain('Sam Rep');
    expect(text).toContain('20 a day (configured 200)');
    expect(text).toContain('warming up: day 1');
    expect(text).toContain('Sending domain not checked yet.');
    await checkPage(page, 'mailboxes, one paused', 'console-mailboxes');

    // The sending domain checked against a real DNS server: SPF lets the SMTP host send, no DMARC record: said so.
    dns.set('acme.test', 'TXT', ['v=spf1 ip4:127.0.0.1 -all']);
    await pressWithKeyboard(page, 'Check the DNS of sam@acme.test');
    await expect.poll(() => card.innerText()).toMatch(/acme\.test, checked/);
    expect(await card.innerText()).toMatch(/SPF found\n/);
    expect(await card.innerText()).toMatch(/DMARC missing: /);
    expect((await stack.db.db.select().from(mailboxes).where(eq(mailboxes.id, box.id)))[0]!.dnsCheck).toMatchObject({ domain: 'acme.test' });

    // Resume by keyboard: the question takes the button's place with focus on Cancel; Shift+Tab reaches the confirmation.
    await pressWithKeyboard(page, 'Resume sam@acme.test');
    const confirm = page.getByRole('group', { name: 'Resume sam@acme.test' });
    expect(await confirm.innerText()).toContain('1 held emails will leave, paced');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await checkPage(page, 'resume confirmation');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, resume');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: /^sam@acme\.test/ }).innerText()).toMatch(/Sending$/);
    expect(await page.getByRole('alert').first().innerText()).toContain('1 of 3 mailboxes cannot send or read replies: sam.gmail@acme.test');
    const [resumed] = await stack.db.db.select().from(mailboxes).where(eq(mailboxes.id, box.id));
    expect(resumed).toMatchObject({ status: 'connected', statusDetail: null });
    expect(must(await api<{ status: string; statusDetail: string | null }>('GET', `/v1/mailboxes/${box.id}`), 200)).toMatchObject({ status: 'connected', statusDetail: null });
    // Its held email was released to leave again (paced), not lost.
    expect((await stack.db.db.select().from(touches).where(eq(touches.id, waiting!.id)))[0]!.status).not.toBe('held');
    expect(healthy.id).toBeTruthy();
  });

  it('an admin creates an API key, sees its secret once (not after a reload), and revokes it: the key then gets 401', async () => {
    const page = admin.page;
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.getByLabel('Name').fill('CRM sync');
    await page.getByLabel('Role').selectOption('integration');
    await page.getByLabel('Name').focus();
    await page.keyboard.press('Enter');
    const shown = page.getByRole('status', { name: 'key CRM sync' });
    await shown.waitFor();
    expect(await shown.innerText()).toContain('it is shown only this once');
    const key = await shown.getByRole('textbox').inputValue();
    expect(key).toMatch(/^rk_[a-z0-9]{12}_/);
    await page.getByRole('button', { name: 'Copy key CRM sync' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await checkPage(page, 'API keys with a new secret', 'console-api-keys');

    const call = (k: string) => fetch(`${base}/v1/prospects`, { headers: { authorization: `Bearer ${k}` } });
    expect((await call(key)).status).toBe(200);

    await page.reload();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.getByRole('cell', { name: 'CRM sync', exact: true }).waitFor();
    expect(await page.getByRole('status', { name: 'key CRM sync' }).count()).toBe(0);
    expect(await page.content()).not.toContain(key.slice(16));

    await pressWithKeyboard(page, 'Revoke CRM sync');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: /^revoked / }).waitFor();
    const refused = await call(key);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { detail: string }).detail).toBe('unknown or revoked API key');
    await checkPage(page, 'API keys, one revoked');
  });

  it('a webhook to a local receiver: a failed delivery shows in its log; redelivered once the receiver answers 2xx, it arrives', async () => {
    const page = admin.page;
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    // A URL webhooks may not reach (a private address the operator did not allow): said next to the field, nothing created.
    await page.getByLabel('URL').fill('http://10.1.2.3/hook');
    await pressWithKeyboard(page, 'Add webhook');
    await expect.poll(() => page.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
    const described = await page.getByLabel('URL').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).innerText()).toMatch(/private|not allowed|reach/i);
    expect(must(await api<{ data: unknown[] }>('GET', '/v1/webhooks'), 200).data).toEqual([]);
    // Chromium logs the refused request as a resource error: the one expected here, and only it.
    const refusal = admin.errors.findIndex((e) => e.includes('status of 422'));
    expect(refusal).toBeGreaterThanOrEqual(0);
    admin.errors.splice(refusal, 1);
    await page.getByLabel('URL').fill(receiver.url);
    await page.getByLabel(/^Event types/).fill('task.missed, meeting.booked');
    await pressWithKeyboard(page, 'Add webhook');
    const secret = page.getByRole('status', { name: `signing secret of ${receiver.url}` });
    await secret.waitFor();
    expect(await secret.getByRole('textbox').inputValue()).toMatch(/^whsec_/);

    await appendEvent(stack.db.db, { workspaceId, type: 'task.missed', payload: { n: 1 }, dedupeKey: 'ops-console-webhook-1' });
    const failed = async () => (await stack.db.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.status, 'failed'))))[0];
    await expect.poll(failed, { timeout: 20_000 }).toBeTruthy();
    const delivery = (await failed())!;

    await pressWithKeyboard(page, `Show the delivery log of ${receiver.url}`);
    const log = page.getByRole('table', { name: /^Delivery log/ });
    const row = log.getByRole('row').nth(1);
    await expect.poll(() => row.innerText()).toMatch(/msg_\d+.*failed\s+1\s+HTTP 400/s);
    await checkPage(page, 'webhook delivery log with a failure', 'console-webhooks');

    receiverAnswers = 204;
    await pressWithKeyboard(page, `Redeliver msg_${delivery.id}`);
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toMatch(/delivered\s+2\s+HTTP 204/);
    expect(receiver.received.map((r) => [r.id, r.status])).toEqual([
      [`msg_${delivery.id}`, 400],
      [`msg_${delivery.id}`, 204],
    ]);
    expect((await stack.db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery.id)))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    await checkPage(page, 'webhook delivery log after redelivery');
  });

  it('an admin changes a person\'s role, deactivates and reactivates a person on the Team page', async () => {
    const page = admin.page;
    await page.getByRole('link', { name: 'Team', exact: true }).click();
    await page.getByRole('heading', { name: 'Team' }).waitFor();
    await page.getByLabel('Role of Sam Rep').selectOption('manager');
    await pressWithKeyboard(page, 'Make Sam Rep manager');
    await expect.poll(async () => page.getByRole('button', { name: 'Make Sam Rep manager' }).count()).toBe(0);
    const people = must(await api<{ data: Array<{ name: string; role: string }> }>('GET', '/v1/users'), 200).data;
    expect(people.find((u) => u.name === 'Sam Rep')?.role).toBe('manager');
    await checkPage(page, 'team with role change');

    // Olga deactivated (after confirming): her open console is signed out at once; reactivated, she is shown active again.
    await pressWithKeyboard(page, 'Deactivate Olga Ops');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: /^Olga Ops deactivated/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Invite Olga Ops' }).count()).toBe(0);
    await checkPage(page, 'team with a deactivated person');
    await ops.page.reload();
    await ops.page.getByRole('button', { name: /^Sign in/ }).first().waitFor();
    expect((await asContext(ops.context, base)('GET', '/v1/auth/session')).status).toBe(401);
    await pressWithKeyboard(page, 'Reactivate Olga Ops');
    await page.getByRole('button', { name: 'Deactivate Olga Ops' }).waitFor();
    const olga = must(await api<{ data: Array<{ name: string; deactivatedAt: string | null }> }>('GET', '/v1/users'), 200).data.find((u) => u.name === 'Olga Ops');
    expect(olga?.deactivatedAt).toBeNull();
  });

  it("a rep who leaves: deactivated with their cadence and its task handed to the person the admin picks", async () => {
    const page = admin.page;
    const rita = must(await api<{ id: string }>('POST', '/v1/users', { email: 'rita@acme.test', name: 'Rita Rep', role: 'rep' }), 201);
    const sam = must(await api<{ data: Array<{ id: string; name: string }> }>('GET', '/v1/users'), 200).data.find((u) => u.name === 'Sam Rep')!;
    const prospect = must(await api<{ id: string }>('POST', '/v1/prospects', { email: 'nora@wayne.test', firstName: 'Nora', lastName: 'Fries', timeZone: 'Europe/Paris' }), 201);
    const sequence = must(await api<{ data: Array<{ sequenceId: string; key: string }> }>('GET', '/v1/sequences'), 200).data.find((x) => x.key === 'announced-call')!;
    const enrolled = must(await api<{ id: string }>('POST', '/v1/enrollments', { prospectId: prospect.id, sequenceId: sequence.sequenceId, repId: rita.id }), 201);
    const ritasTasks = async () => must(await api<{ data: Array<{ id: string }> }>('GET', `/v1/reps/${rita.id}/tasks`), 200).data.map((t) => t.id);
    await expect.poll(async () => (await ritasTasks()).length, { timeout: 15_000 }).toBe(1);
    const [note] = await ritasTasks();

    await page.reload();
    await pressWithKeyboard(page, 'Deactivate Rita Rep');
    const confirm = page.getByRole('group', { name: 'Deactivate Rita Rep' });
    await confirm.getByLabel('Their cadences, open tasks and promised calls go to').selectOption({ label: 'Sam Rep' });
    await checkPage(page, 'team: deactivating a rep with work');
    await confirm.getByRole('button', { name: 'Yes, deactivate' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: /^Rita Rep deactivated/ }).waitFor();
    expect(must(await api<{ repId: string }>('GET', `/v1/enrollments/${enrolled.id}`), 200).repId).toBe(sam.id);
    expect(await ritasTasks()).toEqual([]);
    expect(must(await api<{ data: Array<{ id: string }> }>('GET', `/v1/reps/${sam.id}/tasks`), 200).data.map((t) => t.id)).toContain(note);

    // A territory change: Sam stays, his work goes to Olga; the page says what moved.
    await pressWithKeyboard(page, "Hand over Sam Rep's work");
    const handOver = page.getByRole('group', { name: "Hand over Sam Rep's work" });
    await handOver.getByLabel('Their cadences, open tasks and promised calls go to').selectOption({ label: 'Olga Ops' });
    await handOver.getByRole('button', { name: 'Yes, hand it over' }).focus();
    await page.keyboard.press('Enter');
    const said = page.getByRole('status').filter({ hasText: /now Olga Ops's/ });
    await said.waitFor();
    expect(await said.textContent()).toMatch(/^ ?[1-9]\d* cadence\(s\), [1-9]\d* task\(s\) and \d+ promised call\(s\) now Olga Ops's/);
    const olgaId = must(await api<{ data: Array<{ id: string; name: string }> }>('GET', '/v1/users'), 200).data.find((u) => u.name === 'Olga Ops')!.id;
    expect(must(await api<{ repId: string }>('GET', `/v1/enrollments/${enrolled.id}`), 200).repId).toBe(olgaId);
    await checkPage(page, 'team: a hand-over done');
  });
});
