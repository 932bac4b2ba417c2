/// <reference lib="dom" />
// The sequences analytics page in a real Chromium against the real API, Temporal worker and
// database. Five inbound leads go through the expected-callback cadence, each a different way (a
// meeting, "not interested" with an objection, a voicemail then stopped, a voicemail then a reply,
// an opt-out before the voicemail); the page shows those figures, per sequence then per step, its
// funnel chart is drawn with an accessible name that says the figures, a figure drills down to its
// enrollments, and the CSV links download the figures. The objections trend chart too. Every page
// passes axe-core, fits 1280×800, works by keyboard and raises no console error.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { type asContext, type ConsoleStack } from '../support/console-browser.js';
import { enrollments, touches } from '../../db/schema.js';
import { eq } from 'drizzle-orm';
import { leadsOf } from '../support/console-leads.js';
import { checkPage, consoleTeam, openRowsByKeyboard, type Browsing, withConsoleStack } from '../support/console-team.js';

let stack: ConsoleStack;
const opened: Browsing[] = [];
let claire: Browsing;
let admin: ReturnType<typeof asContext>;
let samId = '';
let sequenceId = '';
const leads: Record<'meeting' | 'negative' | 'voicemail' | 'replied' | 'optout', string> = { meeting: '', negative: '', voicemail: '', replied: '', optout: '' };

withConsoleStack(opened, (s) => (stack = s));

/** A link's download, as the browser saves it. */
async function download(page: Page, link: Locator): Promise<string[][]> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync((await file.path())!, 'utf8').trim().split('\n').map((l) => l.split(','));
}
const column = (csv: string[][], name: string) => csv[0]!.indexOf(name);

describe('sequences analytics in Chromium', () => {
  it('a history through the API: five inbound leads of Sam, each leaving the cadence a different way', async () => {
    const { api, add: person, signIn } = await consoleTeam(stack, opened);
    admin = api;
    const { inboundCall, openTask, complete } = leadsOf(stack, api);
    const claireId = await person({ email: 'claire@acme.test', name: 'Claire Manager', role: 'manager' });
    const sam = await person({ email: 'sam@acme.test', name: 'Sam Rep', role: 'rep', managerId: claireId });
    samId = sam;
    const call = async (name: keyof typeof leads) => {
      const lead = await inboundCall(sam, name[0]!.toUpperCase() + name.slice(1));
      leads[name] = lead.prospectId;
      return lead;
    };
    const event = async (name: keyof typeof leads, body: Record<string, unknown>) => expect((await api('POST', `/v1/prospects/${leads[name]}/events`, body)).status).toBe(202);
    await complete((await call('meeting')).taskId, { outcome: 'meeting_booked' });
    await complete((await call('negative')).taskId, { outcome: 'not_interested', objections: ['price: over budget'] });
    // No answer: the voicemail step comes next, planned in the lead's business hours; it is moved
    // to a moment from now (the real clock cannot wait) and done.
    const leaveVoicemail = async (enrollmentId: string) => {
      const moved = async () => (await api('POST', `/v1/enrollments/${enrollmentId}/reschedule`, { at: new Date(Date.now() + 2_000).toISOString(), reason: 'the test cannot wait', ignoreTimingRules: true })).status;
      // 409 while the workflow still takes the call's outcome in.
      await expect.poll(moved, { timeout: 15_000 }).toBe(200);
      await complete(await openTask(sam, enrollmentId, 5, 'voicemail'), { outcome: 'voicemail_left' });
    };
    const voicemail = await call('voicemail');
    await complete(voicemail.taskId, { outcome: 'no_answer' });
    await leaveVoicemail(voicemail.enrollmentId);
    // Stopped after its voicemail, so its follow-up email (10 minutes later) cannot go out during the test.
    expect((await api('POST', `/v1/enrollments/${voicemail.enrollmentId}/stop`, { reason: 'end of test' })).status).toBe(200);
    const replied = await call('replied');
    await complete(replied.taskId, { outcome: 'no_answer' });
    await leaveVoicemail(replied.enrollmentId);
    await event('replied', { type: 'reply' });
    const optout = await call('optout');
    await complete(optout.taskId, { outcome: 'no_answer' });
    await event('optout', { type: 'opt_out' });
    const sequences = await api<{ data: Array<{ sequenceId: string; key: string }> }>('GET', '/v1/sequences');
    sequenceId = sequences.body.data.find((s) => s.key === 'expected-callback')!.sequenceId;
    claire = await signIn(claireId);
  });

  it("every sequence's totals over the period, each a drill-down, and their CSV", async () => {
    const page = claire.page;
    await page.getByRole('link', { name: 'Sequences analytics', exact: true }).click();
    await page.getByRole('heading', { name: 'Sequences analytics' }).waitFor();
    expect(await page.getByLabel('Period').inputValue()).toBe('last30');
    const cell = (label: string) => page.getByRole('button', { name: new RegExp(`^Expected callback: ${label} \\d+, show the rows$`) });
    await expect.poll(() => cell('meetings').textContent(), { timeout: 15_000 }).toBe('1');
    const row = page.getByRole('row', { name: /^Expected callback/ });
    // Enrollments, replied, not interested, out of office, unsubscribed, meetings, opted out, bounced, broken announcements.
    expect(await row.locator('td').allTextContents()).toEqual(['5', '1', '1', '0', '0', '1', '1', '0', '0']);
    expect(await page.getByRole('row', { name: /^Announced call/ }).locator('td').allTextContents()).toEqual(['0', '0', '0', '0', '0', '0', '0', '0', '0']);
    await checkPage(page, 'sequences analytics', 'sequences-analytics');

    await cell('opted out').click();
    const rows = page.getByRole('region', { name: 'Opted out: Expected callback' });
    await rows.waitFor();
    await expect.poll(() => rows.locator('tbody tr').count()).toBe(1);
    expect(await rows.getByRole('link', { name: 'Lead Optout' }).getAttribute('href')).toBe(`#/prospects/${leads.optout}`);
    // The prospect's local time beside their name.
    expect(await rows.locator('tbody tr').textContent()).toMatch(/Lead Optout \d\d:\d\d their time \(America\/New_York\)/);
    await rows.getByRole('button', { name: 'Close the rows' }).click();

    const csv = await download(page, page.getByRole('link', { name: "Download every sequence's totals (CSV)" }));
    const line = csv.find((l) => l[column(csv, 'key')] === 'expected-callback')!;
    expect(['enrollments', 'replied', 'notInterested', 'meetings', 'optedOut', 'bounced'].map((f) => line[column(csv, f)])).toEqual(['5', '1', '1', '1', '1', '0']);
  });

  it('one sequence per step: figures, the funnel chart and its accessible summary, a drill-down by keyboard, the CSV', async () => {
    const page = claire.page;
    const open = page.getByRole('link', { name: 'Expected callback' });
    expect(await open.getAttribute('href')).toBe(`#/sequence-analytics/${sequenceId}?period=last30`);
    await open.click();
    await page.getByRole('heading', { name: 'Expected callback', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Version 1 · 5 enrollments' }).waitFor();
    const cell = (step: string, label: string) => page.getByRole('button', { name: new RegExp(`^Version 1, ${step}: ${label} \\d+, show the rows$`) });
    const figures = async (step: string) => Object.fromEntries(await Promise.all(['reached', 'replied', 'not interested', 'meetings', 'opted out', 'went on'].map(async (f) => [f, await cell(step, f).textContent()])));
    expect(await figures('inbound-call')).toEqual({ reached: '5', replied: '0', 'not interested': '1', meetings: '1', 'opted out': '1', 'went on': '2' });
    expect(await figures('voicemail')).toEqual({ reached: '2', replied: '1', 'not interested': '0', meetings: '0', 'opted out': '0', 'went on': '0' });
    expect(await page.getByRole('row', { name: /^inbound-call/ }).locator('td').last().textContent()).toBe('40%');
    expect(await page.getByRole('row', { name: /^voicemail/ }).locator('td').last().textContent()).toBe('0%');

    // The funnel: a figure named by its caption, a drawn canvas whose accessible name says the figures.
    const figure = page.getByRole('figure', { name: 'Version 1: prospects reached at each step, and how many went on to the next' });
    const chart = figure.getByRole('img');
    await chart.waitFor();
    expect(await chart.evaluate((e) => e.tagName)).toBe('CANVAS');
    expect(await chart.getAttribute('aria-label')).toMatch(/inbound-call: 5 reached, 40% went on to the next step; voicemail: 2 reached, 0% went on to the next step; follow-up-email: 0 reached/);
    const painted = await chart.evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) n++;
      return { width: canvas.width, n };
    });
    expect(painted.width).toBeGreaterThan(300);
    expect(painted.n).toBeGreaterThan(1000);
    await checkPage(page, 'sequence analytics', 'sequence-analytics');

    // By keyboard: from the version's CSV link, Tab reaches the first figure (the chart holds no stop), Enter opens its rows.
    await page.getByRole('link', { name: "Download version 1's figures (CSV)" }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Version 1, inbound-call: reached 5, show the rows');
    const rows = await openRowsByKeyboard(page, cell('voicemail', 'reached'), 'Reached: Expected callback, version 1, step voicemail', 2);
    expect(await rows.getByRole('link', { name: 'Lead Voicemail' }).getAttribute('href')).toBe(`#/prospects/${leads.voicemail}`);
    expect(await rows.getByRole('link', { name: 'Lead Replied' }).getAttribute('href')).toBe(`#/prospects/${leads.replied}`);
    await checkPage(page, 'sequence analytics rows', 'sequence-analytics-rows');
    const drilled = await download(page, rows.getByRole('link', { name: 'Download these rows (CSV)' }));
    expect(drilled.slice(1).map((l) => l[column(drilled, 'prospectId')]).sort()).toEqual([leads.voicemail, leads.replied].sort());

    const csv = await download(page, page.getByRole('link', { name: "Download version 1's figures (CSV)" }));
    const step = (id: string) => csv.find((l) => l[column(csv, 'stepId')] === id)!;
    expect(['reached', 'meetings', 'notInterested', 'optedOut', 'continued', 'conversionToNext'].map((f) => step('inbound-call')[column(csv, f)])).toEqual(['5', '1', '1', '1', '2', '0.4']);
    expect(['reached', 'replied', 'continued'].map((f) => step('voicemail')[column(csv, f)])).toEqual(['2', '1', '0']);
  });

  it('the objections page draws the weekly trend, its figures in a table beside it', async () => {
    const page = claire.page;
    await page.getByRole('link', { name: 'Objections' }).click();
    const figure = page.getByRole('figure', { name: 'Objections heard per week, the 1 most heard' });
    await figure.waitFor();
    expect(await figure.getByRole('img').getAttribute('aria-label')).toMatch(/week of \d{4}-\d\d-\d\d: price 1$/);
    const table = page.getByRole('table', { name: "Objections heard per week (the chart's figures)" });
    expect(await table.locator('thead th').allTextContents()).toEqual(['Week of', 'price']);
    expect(await table.locator('tbody td').allTextContents()).toEqual(['1']);
    await checkPage(page, 'objections trend', 'objections-trend');
  });

  it('the team activity page draws the calls of the last six weeks, this week holding the five inbound calls', async () => {
    const page = claire.page;
    await page.getByRole('link', { name: 'Team activity' }).click();
    const figure = page.getByRole('figure', { name: 'Calls made, announced calls kept and broken per week, the last 6 weeks' });
    await figure.waitFor();
    const table = page.getByRole('table', { name: "Calls per week (the chart's figures)" });
    const weeks = await table.locator('tbody tr').allTextContents();
    expect(weeks).toHaveLength(6);
    // This week (the last row): the five inbound calls made, no announced call; the weeks before, nothing.
    expect(await table.locator('tbody tr').last().locator('td').allTextContents()).toEqual(['5', '0', '0']);
    for (const row of await table.locator('tbody tr').all().then((r) => r.slice(0, -1))) expect(await row.locator('td').allTextContents()).toEqual(['0', '0', '0']);
    expect(await figure.getByRole('img').getAttribute('aria-label')).toMatch(/: 5 calls made, 0 announced calls kept, 0 broken$/);
    await checkPage(page, 'team activity trend', 'team-activity-trend');
  });
  it("an A/B email step: each variant's sample and the verdict beside the sequence's figures", async () => {
    // Open every day and hour, so the first email leaves now whatever day the test runs.
    const timing = { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' } };
    const variants = [
      { key: 'short', weight: 1, subject: 'Quick question, {{prospect.firstName}}', body: 'Hi {{prospect.firstName}}, a quick question.' },
      { key: 'story', weight: 1, subject: 'How Initech did it', body: 'Hi {{prospect.firstName}}, a short story.' },
    ];
    const definition = { schemaVersion: 1, key: 'ab-intro', name: 'A/B intro', coldCallReason: 'which first email starts more conversations', timing, steps: [{ id: 'intro', type: 'email', timing: { kind: 'immediately' }, variants }] };
    const created = await admin<{ sequenceId: string }>('POST', '/v1/sequences', { definition });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const abId = created.body.sequenceId;
    for (const name of ['Ava', 'Ben', 'Cleo', 'Dan', 'Eve', 'Finn']) {
      const prospect = await admin<{ id: string }>('POST', '/v1/prospects', { firstName: name, lastName: 'Test', email: `${name.toLowerCase()}@initech.test`, timeZone: 'Europe/Paris' });
      expect((await admin('POST', '/v1/enrollments', { prospectId: prospect.body.id, sequenceId: abId, repId: samId })).status).toBe(201);
    }
    const sent = async () => (await stack.db.db.select({ variant: touches.variant, status: touches.status }).from(touches).innerJoin(enrollments, eq(enrollments.id, touches.enrollmentId)).where(eq(enrollments.sequenceId, abId))).filter((t) => t.status === 'sent');
    await expect.poll(async () => (await sent()).length, { timeout: 60_000 }).toBe(6);
    const perVariant = (await sent()).reduce<Record<string, number>>((n, t) => ({ ...n, [t.variant!]: (n[t.variant!] ?? 0) + 1 }), {});

    const page = claire.page;
    await page.goto(`${stack.server.url}/#/sequence-analytics/${abId}?period=last30`);
    await page.getByRole('heading', { name: 'A/B variants' }).waitFor({ timeout: 15_000 });
    const table = page.getByRole('table', { name: /^Version 1, step intro: no winner yet/ });
    for (const v of ['short', 'story']) {
      const row = table.getByRole('row', { name: new RegExp(`^${v}`) });
      expect(await row.locator('td').first().textContent(), v).toBe(String(perVariant[v] ?? 0));
    }
    await checkPage(page, 'A/B variants');
  });
});
