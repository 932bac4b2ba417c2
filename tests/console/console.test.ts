/// <reference lib="dom" />
// The console in a real Chromium against the real API, Temporal worker and database: the first
// sign-in through the setup link, an invitation accepted, the rep's live queue, a call block,
// the announced-call cadence up to its promised call (logged early as gatekeeper, the callback at
// the time the assistant gave), a LinkedIn task, prospects searched, a
// prospect's page, CSRF refused, another rep's tasks hidden, an expired session. Every page
// passes axe-core (no serious or critical violation), fits 1280×800, and raises no console error
// (a CSP violation is one); the main flows are also run by keyboard alone.
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { simpleParser } from 'mailparser';
import { listOutbox, readOutboxMessage } from '../../channels/email/local-outbox.js';
import { userSessions } from '../../db/auth-schema.js';
import { tasks, touches, users } from '../../db/schema.js';
import { startOidcProvider } from '../support/oidc-provider.js';
import { asContext, newConsolePage, startConsoleStack, type ConsoleStack } from '../support/console-browser.js';
import { checkPage, setUpWorkspace } from '../support/console-team.js';

let stack: ConsoleStack;
let base: string;
let admin: { context: BrowserContext; page: Page; errors: string[] };
let sam: { context: BrowserContext; page: Page; errors: string[] };
let samId: string;
const PASSWORD = 'correct horse battery';
const sequenceIds: Record<string, string> = {};
let curie: string;

beforeAll(async () => {
  stack = await startConsoleStack();
  base = stack.server.url;
}, 180_000);
afterAll(async () => {
  expect(admin?.errors ?? [], 'console errors (admin)').toEqual([]);
  expect(sam?.errors ?? [], 'console errors (rep)').toEqual([]);
  await stack?.stop();
});

async function enroll(repId: string, who: { firstName: string; lastName: string; email: string }, sequence: 'expected-callback' | 'announced-call', sameAccountAs?: string) {
  const call = asContext(admin.context, base);
  if (!sequenceIds[sequence]) {
    const list = await call<{ data: Array<{ sequenceId: string; key: string }> }>('GET', '/v1/sequences');
    for (const s of list.body.data) sequenceIds[s.key] = s.sequenceId;
  }
  const accountId = sameAccountAs ?? (await call<{ id: string }>('POST', '/v1/accounts', { name: `${who.lastName} Corp`, domain: `${who.lastName.toLowerCase()}.test` })).body.id;
  const prospect = await call<{ id: string }>('POST', '/v1/prospects', { ...who, title: 'Head of Sales', phone: '+1 212 555 0100', timeZone: 'America/New_York', accountId, linkedinUrl: `https://www.linkedin.com/in/${who.lastName.toLowerCase()}` });
  expect(prospect.status, JSON.stringify(prospect.body)).toBe(201);
  const enrollment = await call<{ id: string }>('POST', '/v1/enrollments', { prospectId: prospect.body.id, sequenceId: sequenceIds[sequence], repId, context: 'your new office in Boston' });
  expect(enrollment.status, JSON.stringify(enrollment.body)).toBe(201);
  return { prospectId: prospect.body.id, enrollmentId: enrollment.body.id, accountId };
}

async function tasksOf(repId: string) {
  const res = await asContext(admin.context, base)<{ data: Array<{ id: string; kind: string; title: string; dueAt: string; status: string }> }>('GET', `/v1/reps/${repId}/tasks?limit=100`);
  return res.body.data;
}

describe('the console in Chromium', () => {
  it('first sign-in: the setup link creates the workspace and its admin, who lands on the queue', async () => {
    admin = await setUpWorkspace(stack, {
      onSetupPage: async (page) => {
        await page.getByRole('heading', { name: 'Set up Relance' }).waitFor();
        await checkPage(page, 'setup');
      },
    });
    expect(await admin.page.locator('.who').textContent()).toContain('Ada Admin');
  });

  it('an invitation made on the Team page is emailed (and shown once), and the link in the email is accepted in another browser', async () => {
    await admin.page.goto(`${base}/#/team`);
    await admin.page.getByRole('heading', { name: 'Team' }).waitFor();
    await admin.page.getByLabel('Name').fill('Sam Rep');
    await admin.page.getByLabel('Email', { exact: true }).fill('sam@acme.test');
    await admin.page.getByRole('button', { name: 'Add and invite' }).click();
    const linkBox = admin.page.getByRole('textbox', { name: 'Invitation link' });
    await linkBox.waitFor();
    const shown = await linkBox.inputValue();
    expect(shown).toMatch(new RegExp(`^${base}/#/accept\\?token=`));
    // Sent by email too (Ada has no mailbox: the local outbox), and shown once to copy.
    expect(await admin.page.getByRole('status', { name: 'Invitation link' }).textContent()).toMatch(/Emailed to sam@acme.test through the local outbox\./);
    await checkPage(admin.page, 'team', 'team');
    const [row] = await stack.db.db.select().from(users).where(eq(users.email, 'sam@acme.test'));
    samId = row!.id;
    // Sam follows the link in the email.
    const invitation = async () => (await listOutbox(stack.outboxDir)).find((m) => m.to.includes('sam@acme.test'));
    await expect.poll(invitation, { timeout: 5_000 }).toBeTruthy();
    const entry = (await invitation())!;
    expect(entry.subject).toBe('Ada Admin invites you to Acme Sales on Relance');
    const mail = await simpleParser((await readOutboxMessage(stack.outboxDir, entry.workspaceId, entry.touchId))!);
    const link = /http\S+#\/accept\?token=[\w-]+/.exec(mail.text ?? '')?.[0];
    expect(link).toBe(shown);

    sam = await newConsolePage(stack.browser);
    await sam.page.goto(link!);
    await sam.page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await checkPage(sam.page, 'accept');
    await sam.page.getByLabel(/^Password/).fill(PASSWORD);
    await sam.page.getByRole('button', { name: 'Set password and sign in' }).click();
    await sam.page.getByRole('heading', { name: 'My queue' }).waitFor();
    expect(await sam.page.locator('.who').textContent()).toContain('Sam Rep');
    // Used once: the same link no longer works.
    const again = await newConsolePage(stack.browser);
    await again.page.goto(link!);
    await again.page.getByLabel(/^Password/).fill(PASSWORD);
    await again.page.getByRole('button', { name: 'Set password and sign in' }).click();
    await expect.poll(() => again.page.getByRole('alert').textContent()).toMatch(/expired or was used/);
    await again.context.close();
    // The admin sends Sam a password reset link from the same page.
    await admin.page.getByRole('button', { name: 'Reset password of Sam Rep' }).click();
    await expect.poll(() => admin.page.getByRole('status', { name: 'Password reset link' }).textContent()).toMatch(/Password reset for Sam Rep, valid until .*Emailed to sam@acme.test through the local outbox\./);
    await expect.poll(async () => (await listOutbox(stack.outboxDir)).map((m) => m.subject)).toContain('Reset your Relance password for Acme Sales');
  });

  it("the queue updates live: an inbound lead's call appears without a reload; counts and the type filter", async () => {
    await sam.page.getByText('Nothing in your queue.').waitFor();
    curie = (await enroll(samId, { firstName: 'Marie', lastName: 'Curie', email: 'marie@curie.test' }, 'expected-callback')).accountId;
    // No reload: the server-sent event brings it.
    await sam.page.getByRole('link', { name: /Call within 5 minutes.*Marie Curie/ }).waitFor({ timeout: 10_000 });
    await enroll(samId, { firstName: 'Jean', lastName: 'Moulin', email: 'jean@moulin.test' }, 'announced-call');
    await sam.page.getByRole('link', { name: /Jean Moulin/ }).waitFor({ timeout: 10_000 });
    const counts = sam.page.getByLabel('Counts');
    await expect.poll(() => counts.textContent()).toMatch(/Open2/);
    await sam.page.getByLabel('Type').selectOption('linkedin note');
    await expect.poll(() => sam.page.locator('.tasks li').count()).toBe(1);
    await sam.page.getByLabel('Type').selectOption('');
    await checkPage(sam.page, 'queue', 'queue');
  });

  it('a call block: prep, local time, script; gatekeeper logged with a callback time; the next call comes; the callback appears at that time', async () => {
    await enroll(samId, { firstName: 'Pierre', lastName: 'Curie', email: 'pierre@curie.test' }, 'expected-callback', curie);
    await expect.poll(async () => (await tasksOf(samId)).filter((t) => t.kind === 'call').length, { timeout: 10_000 }).toBe(2);
    await sam.page.getByRole('link', { name: 'Call block', exact: true }).click();
    await sam.page.getByRole('heading', { name: 'Call block' }).waitFor();
    const card = sam.page.locator('article.call');
    await expect.poll(() => card.textContent()).toMatch(/Prospect's local time: \d\d:\d\d \(America\/New_York\)/);
    expect(await card.textContent()).toMatch(/your new office in Boston/);
    // The account's other contact, with their status.
    await expect.poll(() => card.textContent()).toMatch(/Other contacts at the account(Marie|Pierre) Curie, Head of Sales \(active\)/);
    await checkPage(sam.page, 'call block', 'call-block');
    const first = await sam.page.locator('#call-title').textContent();
    // Gatekeeper, with the assistant's name and the time she gave, in the prospect's zone.
    await sam.page.getByRole('radio', { name: /Gatekeeper/ }).check();
    await sam.page.getByLabel("Assistant's name").fill('Claire');
    const monday = nextMonday();
    await sam.page.getByLabel(/Callback time/).fill(`${monday}T10:30`);
    await sam.page.getByLabel(/Objections/).fill('already have a vendor');
    await sam.page.getByRole('button', { name: 'Log outcome and next call' }).click();
    await expect.poll(() => sam.page.getByRole('status').first().textContent()).toMatch(/Logged gatekeeper/);
    const next = await sam.page.locator('#call-title').textContent();
    expect(next).not.toBe(first);
    expect(next).toMatch(/Curie/);
    // The workflow scheduled the callback at the time given (10:30 in New York).
    await expect.poll(async () => (await tasksOf(samId)).find((t) => t.kind === 'callback')?.dueAt, { timeout: 15_000 }).toBe(new Date(`${monday}T10:30:00-05:00`).toISOString());
  });

  it('keyboard alone: an outcome picked by its key, the form filled and sent without the mouse', async () => {
    const page = sam.page;
    await page.reload();
    await page.getByRole('heading', { name: 'Call block' }).waitFor();
    const title = await page.locator('#call-title').textContent();
    await page.locator('main').focus();
    await page.keyboard.press('3'); // No answer
    expect(await page.getByRole('radio', { name: /No answer/ }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Rang eight times');
    await page.keyboard.press('Tab');
    await page.keyboard.type('timing');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Logged no answer/);
    expect(await page.locator('#call-title').count() === 0 || (await page.locator('#call-title').textContent()) !== title).toBe(true);
    // A page puts the focus on its content; the navigation is reachable backwards by Tab, and Enter follows a link.
    await page.goto(`${base}/#/queue`);
    await page.getByRole('heading', { name: 'My queue' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The page links sit between the header and the content: a rep's last one is their mailboxes, after the objections report.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Mailboxes');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sequences analytics');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Objections');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Call block');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Call block' }).waitFor();
  });

  it('a LinkedIn task: the rendered note, copied, the profile link, done', async () => {
    const linkedin = (await tasksOf(samId)).find((t) => t.kind === 'linkedin_note')!;
    await sam.page.goto(`${base}/#/tasks/${linkedin.id}`);
    await sam.page.getByRole('heading', { name: linkedin.title }).waitFor();
    await checkPage(sam.page, 'linkedin task', 'linkedin-task');
    await sam.page.getByRole('button', { name: 'Copy to clipboard' }).click();
    const copied = await sam.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/Jean/);
    expect(await sam.page.getByRole('link', { name: 'Open the LinkedIn profile' }).getAttribute('href')).toBe('https://www.linkedin.com/in/moulin');
    await sam.page.getByRole('button', { name: 'Done' }).click();
    await sam.page.getByRole('heading', { name: 'My queue' }).waitFor();
    await expect.poll(async () => (await tasksOf(samId)).some((t) => t.id === linkedin.id)).toBe(false);
  });

  it("a prospect's page: details, the enrollment's upcoming steps and timeline, paused with a reason", async () => {
    const { prospectId } = await enroll(samId, { firstName: 'Lise', lastName: 'Meitner', email: 'lise@meitner.test' }, 'announced-call');
    // Once its workflow has begun (its first task is in the queue).
    await expect.poll(async () => (await tasksOf(samId)).some((t) => t.title.includes('Lise Meitner')), { timeout: 10_000 }).toBe(true);
    await sam.page.goto(`${base}/#/prospects/${prospectId}`);
    await sam.page.getByRole('heading', { name: 'Lise Meitner' }).waitFor();
    await sam.page.getByRole('heading', { name: 'Upcoming steps' }).waitFor();
    await expect.poll(() => sam.page.locator('.timeline li').count()).toBeGreaterThan(0);
    await checkPage(sam.page, 'prospect', 'prospect');
    await sam.page.getByLabel('Reason').fill('on holiday until January');
    await sam.page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => sam.page.locator('.enrollment h3').textContent()).toMatch(/paused: on holiday until January/);
    // Enrolled in the inbound cadence from the page, then its call rescheduled to a Saturday: the rules move it.
    await sam.page.getByLabel('Sequence').selectOption({ label: 'Expected callback' });
    await sam.page.getByRole('button', { name: 'Enroll' }).click();
    const active = sam.page.locator('.enrollment').filter({ has: sam.page.locator('h3', { hasText: /active/ }) });
    await active.waitFor({ timeout: 10_000 });
    await active.getByLabel('Reason').fill('she asked for the weekend');
    await active.getByLabel(/Next step at/).fill(`${nextSaturday()}T10:00`);
    await active.getByRole('button', { name: 'Reschedule' }).click();
    await expect.poll(() => active.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/moved from the time asked because/);
  });

  it('prospects: a CSV imported by ops with a preview and its per-row errors, then searched by name and by email', async () => {
    const page = admin.page;
    await page.goto(`${base}/#/prospects`);
    await page.getByRole('heading', { name: 'Prospects' }).waitFor();
    const csv = 'email,firstName,lastName,title,country\nada@babbage.test,Ada,Byron,CTO,GB\nnot-an-email,Bad,Row,,FR\ngrace@hopper.test,Grace,Hopper,Admiral,NL\n';
    await page.getByLabel(/CSV file/).setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('heading', { name: 'Preview (3 rows)' }).waitFor();
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    const result = page.locator('.import [role="status"]');
    await expect.poll(() => result.textContent()).toMatch(/2 created, 0 updated, 0 skipped, 1 row error/);
    expect(await result.locator('tbody tr').first().textContent()).toMatch(/2email/);
    await checkPage(page, 'prospects', 'prospects');
    const rows = page.locator('table').filter({ has: page.locator('caption', { hasText: /prospect\(s\)/ }) }).locator('tbody tr');
    // A part of the name, whatever the case.
    await page.getByLabel('Name or email').fill('HOPP');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringMatching(/^Grace Hoppergrace@hopper.test/)]);
    await page.getByLabel('Name or email').fill('babbage.test');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringMatching(/^Ada Byronada@babbage.test/)]);
    await page.getByLabel('Name or email').fill('grace hopper');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('link', { name: 'Grace Hopper' }).click();
    await page.getByRole('heading', { name: 'Grace Hopper' }).waitFor();
  });

  it('CSRF: a change without the token is refused with 403 and a problem naming the header', async () => {
    await sam.page.goto(`${base}/#/queue`);
    const refused = await sam.page.evaluate(async () => {
      const res = await fetch('/v1/auth/sign-out-everywhere', { method: 'POST' });
      return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as { detail: string } };
    });
    expect(refused.status).toBe(403);
    expect(refused.type).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: '/problems/csrf-refused', status: 403 });
    expect(refused.body.detail).toMatch(/X-CSRF-Token/);
    // The session lives on: nothing was signed out.
    expect(await sam.page.evaluate(async () => (await fetch('/v1/auth/session')).status)).toBe(200);
  });

  it("a rep cannot see another rep's tasks", async () => {
    const kim = await asContext(admin.context, base)<{ id: string }>('POST', '/v1/users', { email: 'kim@acme.test', name: 'Kim Rep' });
    await enroll(kim.body.id, { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@lovelace.test' }, 'expected-callback');
    await expect.poll(async () => (await tasksOf(kim.body.id)).length, { timeout: 10_000 }).toBe(1);
    const kimTask = (await tasksOf(kim.body.id))[0]!;
    const seen = await sam.page.evaluate(
      async ([repId, taskId]) => Promise.all([`/v1/reps/${repId}/tasks`, `/v1/tasks/${taskId}`, `/v1/reps/${repId}/tasks/events`].map(async (p) => (await fetch(p)).status)),
      [kim.body.id, kimTask.id] as const,
    );
    expect(seen).toEqual([404, 404, 404]);
    expect(await sam.page.content()).not.toContain('Lovelace');
  });

  it('the announced-call cadence from the browser: the note done, the email leaves, the call promised in the queue at the time the email gives; the assistant answers early, the callback appears at the time she gave', async () => {
    const call = asContext(admin.context, base);
    const zone = zoneAtWorkingHour();
    // The shipped cadence's shape on a clock the real-time server reaches at once: the email
    // leaves right after the note, announcing a call as soon as the notice rule allows.
    const callAt = DateTime.now().setZone(zone).plus({ minutes: 2 }).startOf('minute');
    const definition = {
      schemaVersion: 1,
      key: 'announced-call-now',
      name: 'Announced call (now)',
      timing: { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0, warmBeforeCall: { emails: 1, linkedin: 1 } },
      steps: [
        { id: 'linkedin-note', type: 'linkedin_note', title: 'LinkedIn note announcing the call', timing: { kind: 'immediately' }, template: { body: 'Hello {{prospect.firstName}}, I will call you soon. {{rep.name}}' } },
        { id: 'announce-email', type: 'email', title: 'Email announcing the call', timing: { kind: 'immediately' }, announce: { callStep: 'announced-call', at: callAt.toFormat('HH:mm') }, template: { subject: '{{announcedCall.time}}: quick call', body: 'Hello {{prospect.firstName}}, I will call you at {{announcedCall.time}} sharp. {{rep.name}}' } },
        { id: 'announced-call', type: 'call', title: 'Call at the announced time', timing: { kind: 'announced_time' }, on: { gatekeeper: 'callback', connected: 'end', no_answer: 'end', voicemail_left: 'end' }, template: { body: 'Call {{prospect.fullName}}{{#announcement}}, as announced in the email that left {{announcement.sent}}{{/announcement}}.' } },
        { id: 'callback', type: 'callback', title: 'Callback at the time given', timing: { kind: 'callback' }, next: 'end', template: { body: 'Call back {{prospect.fullName}}{{#assistant}}, greet {{assistant.name}}{{/assistant}}.' } },
      ],
    };
    const sequence = await call<{ sequenceId: string }>('POST', '/v1/sequences', { definition });
    expect(sequence.status, JSON.stringify(sequence.body)).toBe(201);
    const prospect = await call<{ id: string }>('POST', '/v1/prospects', { firstName: 'Rosalind', lastName: 'Franklin', email: 'rosalind@franklin.test', title: 'VP Sales', phone: '+1 212 555 0101', timeZone: zone, linkedinUrl: 'https://www.linkedin.com/in/franklin' });
    expect(prospect.status, JSON.stringify(prospect.body)).toBe(201);
    const enrollment = await call<{ id: string }>('POST', '/v1/enrollments', { prospectId: prospect.body.id, sequenceId: sequence.body.sequenceId, repId: samId });
    expect(enrollment.status, JSON.stringify(enrollment.body)).toBe(201);
    const enrollmentId = enrollment.body.id;
    const openOf = async (kind: string) => (await stack.db.db.select().from(tasks).where(and(eq(tasks.enrollmentId, enrollmentId), eq(tasks.kind, kind), eq(tasks.status, 'open'))))[0];

    // 1. The rep marks the LinkedIn note done in the browser.
    await expect.poll(() => openOf('linkedin_note'), { timeout: 15_000 }).toBeTruthy();
    const note = (await openOf('linkedin_note'))!;
    await sam.page.goto(`${base}/#/tasks/${note.id}`);
    await sam.page.getByRole('link', { name: 'Open the LinkedIn profile' }).waitFor();
    await sam.page.getByRole('button', { name: 'Done' }).click();
    await sam.page.getByRole('heading', { name: 'My queue' }).waitFor();

    // 2. The email leaves (the rep has no mailbox: the local outbox), announcing the call.
    const sentEmail = async () => (await stack.db.db.select().from(touches).where(and(eq(touches.enrollmentId, enrollmentId), eq(touches.channel, 'email'))))[0];
    await expect.poll(async () => (await sentEmail())?.status, { timeout: 30_000 }).toBe('sent');
    const email = (await sentEmail())!;

    // 3. The announced call is in the queue at the time promised: an hour at least after the email
    // left (domain/cadence/plan.ts), later than this real-time test waits.
    const upcomingCall = async () => (await stack.db.db.select().from(tasks).where(and(eq(tasks.enrollmentId, enrollmentId), eq(tasks.kind, 'call'))))[0];
    await expect.poll(async () => (await upcomingCall())?.dueAt.toISOString(), { timeout: 15_000 }).toBe(email.announcedCallAt!.toISOString());
    const promised = DateTime.fromJSDate(email.announcedCallAt!).setZone(zone);
    expect(promised.diff(DateTime.fromJSDate(email.sentAt!), 'minutes').minutes).toBeGreaterThanOrEqual(60);
    expect(email.subject).toContain(promised.toFormat('HH:mm'));
    await sam.page.goto(`${base}/#/queue`);
    const line = sam.page.locator('.tasks li').filter({ hasText: 'Rosalind Franklin' }).filter({ has: sam.page.locator('.kind', { hasText: /^call$/ }) });
    await expect.poll(() => line.locator('.local').textContent(), { timeout: 10_000 }).toBe(` · ${promised.toFormat('HH:mm')} prospect's time`);
    // Its page: the call and its script (the prep says when the email left once the call falls due).
    await line.getByRole('link').click();
    await expect.poll(async () => (await sam.page.locator('pre.script').textContent()) ?? '', { timeout: 10_000 }).toContain('Call Rosalind Franklin');
    const task = await asContext(sam.context, base)<{ prep: { announcedCallAt: string | null } }>('GET', `/v1/tasks/${(await upcomingCall())!.id}`);
    expect(task.body.prep.announcedCallAt).toBe(email.announcedCallAt!.toISOString());

    // 4. The prospect's assistant picks up before the promised time: the rep logs the gatekeeper in
    // the call block, with her name and the callback time she gave, in the prospect's zone.
    // Its task opens as soon as the email has left (the call step begins then); the workflow
    // takes an outcome from then on, and records a broken announcement only 15 minutes after.
    await expect.poll(async () => (await upcomingCall())?.status, { timeout: 15_000 }).toBe('open');
    const callTask = (await upcomingCall())!;
    // Opened with today's prep: the announcement and when it really left.
    const opened = await asContext(sam.context, base)<{ prep: { announcement: { sentAt: string | null } | null; script: string } }>('GET', `/v1/tasks/${callTask.id}`);
    expect(opened.body.prep.announcement?.sentAt).toBe(email.sentAt!.toISOString());
    expect(opened.body.prep.script).toMatch(/as announced in the email that left/);
    await sam.page.goto(`${base}/#/call?task=${callTask.id}`);
    await expect.poll(() => sam.page.locator('#call-title').textContent(), { timeout: 10_000 }).toMatch(/Rosalind Franklin/);
    await sam.page.getByRole('radio', { name: /Gatekeeper/ }).check();
    await sam.page.getByLabel("Assistant's name").fill('Maud');
    const callbackAt = DateTime.now().setZone(zone).plus({ minutes: 5 }).startOf('minute');
    await sam.page.getByLabel(/Callback time/).fill(callbackAt.toFormat("yyyy-MM-dd'T'HH:mm"));
    await sam.page.getByRole('button', { name: 'Log outcome and next call' }).click();
    await expect.poll(() => sam.page.getByRole('status').first().textContent()).toMatch(/Logged gatekeeper for .*Rosalind Franklin/);
    // 5. The callback is in the queue at that time: in the viewer's zone (Paris), the prospect's beside it.
    await expect.poll(async () => (await openOf('callback'))?.dueAt.toISOString(), { timeout: 15_000 }).toBe(callbackAt.toJSDate().toISOString());
    await sam.page.goto(`${base}/#/queue`);
    const callback = sam.page.locator('.tasks li').filter({ hasText: 'Rosalind Franklin' }).filter({ has: sam.page.locator('.kind', { hasText: /^callback$/ }) });
    await expect.poll(() => callback.locator('.local').textContent(), { timeout: 10_000 }).toBe(` · ${callbackAt.toFormat('HH:mm')} prospect's time`);
    expect(await callback.locator('.when').textContent()).toContain(callbackAt.setZone('Europe/Paris').toFormat('HH:mm'));
    expect(await asContext(sam.context, base)<{ prep: { assistantName: string | null } }>('GET', `/v1/tasks/${(await openOf('callback'))!.id}`).then((r) => r.body.prep.assistantName)).toBe('Maud');
  }, 300_000);

  it('single sign-on through a local OpenID Connect provider opens a session for the member with that verified email', async () => {
    const provider = await startOidcProvider(`${base}/auth/sso/callback`);
    try {
      const saved = await asContext(admin.context, base)<{ redirectUri: string }>('PUT', '/v1/sso', { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.redirectUri).toBe(`${base}/auth/sso/callback`);
      const viaSso = await newConsolePage(stack.browser);
      await viaSso.page.goto(`${base}/`);
      await viaSso.page.getByRole('heading', { name: 'Sign in to Relance' }).waitFor();
      await viaSso.page.getByLabel('Work email').fill('sam@acme.test');
      await viaSso.page.getByRole('button', { name: 'Continue with single sign-on' }).click();
      // The provider's own pages (its development login and consent).
      await viaSso.page.waitForURL(new RegExp(`^${provider.issuer}/`));
      await viaSso.page.locator('input[name="login"]').fill('sam@acme.test');
      await viaSso.page.locator('input[name="password"]').fill('anything');
      await viaSso.page.locator('button[type="submit"]').click();
      await viaSso.page.locator('button[type="submit"]').click();
      await viaSso.page.getByRole('heading', { name: 'My queue' }).waitFor();
      expect(await viaSso.page.locator('.who').textContent()).toContain('Sam Rep');
      // A domain no workspace signs on with goes back to the sign-in page, saying so.
      await viaSso.context.clearCookies();
      await viaSso.page.goto(`${base}/auth/sso/start?email=someone@elsewhere.test`);
      await expect.poll(() => viaSso.page.getByRole('alert').textContent()).toMatch(/no single sign-on for elsewhere.test/);
      await viaSso.context.close();
    } finally {
      await provider.stop();
    }
  });

  it('an expired session shows the sign-in page; signing in again works by keyboard alone', async () => {
    await stack.db.db.update(userSessions).set({ lastSeenAt: new Date(Date.now() - 3 * 3600_000) }).where(eq(userSessions.userId, samId));
    await sam.page.reload();
    await sam.page.getByRole('heading', { name: 'Sign in to Relance' }).waitFor();
    await checkPage(sam.page, 'sign-in', 'sign-in');
    // The email field has the focus; type, Tab, type, Enter.
    await sam.page.keyboard.type('sam@acme.test');
    await sam.page.keyboard.press('Tab');
    await sam.page.keyboard.type(PASSWORD);
    await sam.page.keyboard.press('Enter');
    await sam.page.getByRole('heading', { name: 'My queue' }).waitFor();
  });
});

/** A zone where it is now between 01:00 and 21:00, so the announced call falls on the same local day. */
function zoneAtWorkingHour(): string {
  const zones = ['America/New_York', 'Europe/Paris', 'Asia/Tokyo', 'Pacific/Honolulu', 'Asia/Kolkata'];
  return zones.find((z) => DateTime.now().setZone(z).hour >= 1 && DateTime.now().setZone(z).hour < 21)!;
}

/** The next Monday (YYYY-MM-DD), at least two days ahead, in New York. */
function nextMonday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 2);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function nextSaturday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 2);
  while (d.getUTCDay() !== 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
