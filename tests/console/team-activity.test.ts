/// <reference lib="dom" />
// The console's part 2 in a real Chromium against the real API, Temporal worker and database: a
// meeting booked through the API becomes a handoff whose outcome the field rep answers from their
// queue; then their manager reads the team's activity, figures matching the history built here,
// drills into one and sees its rows. Every page passes axe-core, fits 1280×800 and raises no
// console error.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { asContext, type ConsoleStack } from '../support/console-browser.js';
import { checkPage, openRowsByKeyboard, setUpWorkspace, teamOf, type Browsing, withConsoleStack } from '../support/console-team.js';
import { leadsOf } from '../support/console-leads.js';

type Figures = Record<string, number | null> & { id: string; name: string };

let stack: ConsoleStack;
let base: string;
const opened: Browsing[] = [];
let admin: Browsing;
let team: ReturnType<typeof teamOf>;
const people = { claire: '', sam: '', fiona: '' };
const taskIds = { onTime: '', late: '', booking: '' };
let handoffId = '';
let claire: Browsing;
let fiona: Browsing;

withConsoleStack(opened, (s) => ((stack = s), (base = s.server.url)));

const api = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => asContext(admin.context, base)<T>(method, path, body);

/** An inbound lead of Sam's, New York time, whose call task is open. */
const inboundCall = (lastName: string, dueMinutesAgo = 10) => leadsOf(stack, api).inboundCall(people.sam, lastName, dueMinutesAgo);
const complete = (taskId: string, outcome: Record<string, unknown>) => leadsOf(stack, api).complete(taskId, outcome);

describe('the console, part 2, in Chromium', () => {
  it('a history through the API: Sam calls three leads (one logged late) and books a meeting for Fiona', async () => {
    admin = await setUpWorkspace(stack);
    opened.push(admin);
    team = teamOf(stack, admin, opened);
    people.claire = await team.add({ email: 'claire@acme.test', name: 'Claire Manager', role: 'manager' });
    people.sam = await team.add({ email: 'sam@acme.test', name: 'Sam Rep', role: 'rep', managerId: people.claire });
    people.fiona = await team.add({ email: 'fiona@acme.test', name: 'Fiona Field', role: 'rep', fieldRep: true, managerId: people.claire });

    const onTime = await inboundCall('Ontime');
    taskIds.onTime = onTime.taskId;
    await complete(onTime.taskId, { outcome: 'not_interested', objections: ['price: over budget'] });
    // Logged 70 minutes after it was due (the grace is an hour): late.
    const late = await inboundCall('Late', 70);
    taskIds.late = late.taskId;
    await complete(late.taskId, { outcome: 'not_interested' });
    // A meeting that started 6 minutes ago and lasts 5 (the policy's shortest): its follow-up asks Fiona at once.
    expect((await api('PUT', '/v1/handoff-policy', { meetingMinutes: 5 })).status).toBe(200);
    const booked = await inboundCall('Booked');
    taskIds.booking = booked.taskId;
    await complete(booked.taskId, {
      outcome: 'meeting_booked',
      note: 'Wants a demo for the Boston team',
      meeting: { fieldRepId: people.fiona, startsAt: new Date(Date.now() - 6 * 60_000).toISOString(), location: 'Globex, 1 Main St, Boston', recordingUrl: 'https://calls.example/rec/42' },
    });
    const handoffs = await api<{ data: Array<{ id: string; setterName: string; fieldRepName: string }> }>('GET', `/v1/handoffs?fieldRepId=${people.fiona}`);
    expect(handoffs.body.data).toHaveLength(1);
    expect(handoffs.body.data[0]).toMatchObject({ setterName: 'Sam Rep', fieldRepName: 'Fiona Field' });
    handoffId = handoffs.body.data[0]!.id;
  });

  it("the field rep answers the meeting's outcome from their queue: the handoff shown, the outcome posted, the task gone", async () => {
    fiona = await team.signIn(people.fiona);
    const task = fiona.page.getByRole('link', { name: /Meeting outcome: how did it go with Lead Booked/ });
    await task.waitFor({ timeout: 20_000 });
    await task.click();
    const meeting = fiona.page.getByRole('region', { name: 'The meeting' });
    await meeting.waitFor();
    await expect.poll(() => meeting.textContent()).toMatch(/Prospect's local time\d\d:\d\d \(America\/New_York\)/);
    const text = (await meeting.textContent())!;
    expect(text).toMatch(/WhereGlobex, 1 Main St, Boston/);
    expect(text).toMatch(/Call notesWants a demo for the Boston team/);
    expect(text).toMatch(/Contexttheir new office in Boston/);
    expect(text).toMatch(/Pretextthe Boston launch/);
    expect(text).toMatch(/ProspectLead Booked/);
    expect(text).toMatch(/Set bySam Rep on /);
    expect(text).toMatch(/prospect's time/);
    expect(await meeting.getByRole('link', { name: 'Listen to the booking call' }).getAttribute('href')).toBe('https://calls.example/rec/42');
    // Rescheduled shows the new time's field, in the prospect's zone; held is what happened.
    await fiona.page.getByRole('radio', { name: 'Rescheduled' }).check();
    await fiona.page.getByLabel(/New time, in the prospect's zone \(America\/New_York\)/).waitFor();
    await checkPage(fiona.page, 'handoff', 'handoff');
    await fiona.page.getByRole('radio', { name: 'Held' }).check();
    await fiona.page.getByLabel('Note').fill('Demo went well, proposal next week');
    await fiona.page.getByRole('button', { name: 'Record the outcome' }).click();
    await fiona.page.getByRole('heading', { name: 'My queue' }).waitFor();
    await fiona.page.getByText('Nothing in your queue.').waitFor({ timeout: 10_000 });
    const handoff = await api<{ status: string; outcomeNote: string; outcomeById: string }>('GET', `/v1/handoffs/${handoffId}`);
    expect(handoff.body).toMatchObject({ status: 'held', outcomeNote: 'Demo went well, proposal next week', outcomeById: people.fiona });
  });

  it("the manager's view: Claire's reps' figures as the history says, a figure drilled down to its rows, CSV links", async () => {
    claire = await team.signIn(people.claire);
    const page = claire.page;
    await page.getByRole('link', { name: 'Team activity' }).click();
    await page.getByRole('heading', { name: 'Team activity' }).waitFor();
    // This week by default, Monday to Monday in the viewer's zone (the history is at most 70 minutes old: only Monday just after midnight would miss it).
    expect(await page.getByLabel('Period').inputValue()).toBe('thisWeek');
    const table = page.getByRole('table', { name: /Tasks, calls and meetings per person/ });
    await table.waitFor();
    const cell = (who: string, label: string) => page.getByRole('button', { name: new RegExp(`^${who}: ${label} \\d+, show the rows$`) });
    await expect.poll(() => cell('Sam Rep', 'late').textContent()).toBe('1');
    expect(await cell('Sam Rep', 'on time').textContent()).toBe('2');
    expect(await cell('Sam Rep', 'meetings set').textContent()).toBe('1');
    expect(await cell('Fiona Field', 'received').textContent()).toBe('1');
    expect(await cell('Fiona Field', 'held').textContent()).toBe('1');
    expect(await table.getByRole('row', { name: /Fiona Field/ }).textContent()).toMatch(/100%/);
    // Every figure shown is the API's, per person and for the team.
    const monday = DateTime.now().setZone('Europe/Paris').startOf('week');
    const period = new URLSearchParams({ from: monday.toISO()!, to: monday.plus({ weeks: 1 }).toISO()! });
    const report = await asContext(claire.context, base)<{ reps: Figures[]; team: Figures }>('GET', `/v1/reports/activity?${period.toString()}`);
    expect(report.body.reps.map((r) => r.name).sort()).toEqual(['Claire Manager', 'Fiona Field', 'Sam Rep']);
    for (const [who, figures] of [...report.body.reps.map((r) => [r.name, r] as const), ['Team', report.body.team] as const]) {
      for (const [label, figure] of [['due', 'tasksDue'], ['on time', 'doneOnTime'], ['late', 'doneLate'], ['calls', 'callsMade'], ['overdue now', 'overdueNow']] as const) {
        expect(await cell(who, label).textContent(), `${who} ${label}`).toBe(String(figures[figure]));
      }
    }
    await checkPage(page, 'team activity', 'team-activity');

    // Drill down, by keyboard: Sam's late task.
    const rows = await openRowsByKeyboard(page, cell('Sam Rep', 'late'), 'Late: Sam Rep', 1);
    expect(await rows.locator(`a[href="#/tasks/${taskIds.late}"]`).textContent()).toMatch(/Lead Late/);
    // The prospect by name, with their local time.
    const lead = rows.getByRole('link', { name: 'Lead Late', exact: true });
    expect(await lead.getAttribute('href')).toMatch(/^#\/prospects\//);
    expect(await rows.locator('tbody tr').textContent()).toMatch(/Lead Late \d\d:\d\d their time \(America\/New_York\)/);
    const csv = await rows.getByRole('link', { name: 'Download these rows (CSV)' }).getAttribute('href');
    expect(csv).toMatch(/^\/v1\/reports\/activity\/rows\?.*figure=doneLate.*format=csv/);
    const download = await fetch(`${base}${csv}`, { headers: { cookie: (await claire.context.cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(download.status).toBe(200);
    expect(await download.text()).toContain(taskIds.late);
    await checkPage(page, 'team activity rows', 'team-activity-rows');

    // Sam, a rep, has no Team activity link.
    const sam = await team.signIn(people.sam);
    expect(await sam.page.getByRole('link', { name: 'Team activity' }).count()).toBe(0);
  });

  it('the objections report: the tag heard, its share and trend, drilled down to the call where it was heard', async () => {
    const page = claire.page;
    await page.getByRole('link', { name: 'Objections' }).click();
    await page.getByRole('heading', { name: 'Objections', exact: true }).waitFor();
    const heard = page.getByRole('button', { name: 'price: heard 1 times, show the calls' });
    await heard.waitFor();
    const row = page.getByRole('row', { name: /^price/ });
    expect(await row.textContent()).toMatch(/price1100%price: over budget/);
    expect(await row.getByRole('img').getAttribute('aria-label')).toMatch(/^week of \d{4}-\d\d-\d\d: 1$/);
    await checkPage(page, 'objections', 'objections');
    await heard.click();
    const calls = page.getByRole('region', { name: 'Calls where “price” was heard' });
    await calls.waitFor();
    await expect.poll(() => calls.locator('tbody tr').count()).toBe(1);
    expect(await calls.locator('tbody tr').textContent()).toMatch(/price: over budget/);
    expect(await calls.getByRole('link', { name: 'The call' }).getAttribute('href')).toBe(`#/tasks/${taskIds.onTime}`);
    expect(await calls.locator('tbody tr').textContent()).toMatch(/Lead \w+ \d\d:\d\d their time \(America\/New_York\)/);
    expect(await calls.getByRole('link', { name: 'Download these calls (CSV)' }).getAttribute('href')).toMatch(/^\/v1\/reports\/objections\/calls\?.*tag=price.*format=csv/);
    await checkPage(page, 'objection calls');
  });

  it("a meeting rescheduled by its field rep: the new time read in the prospect's zone, the same handoff, the task gone", async () => {
    const booked = await inboundCall('Moved');
    await complete(booked.taskId, { outcome: 'meeting_booked', meeting: { fieldRepId: people.fiona, startsAt: new Date(Date.now() - 6 * 60_000).toISOString() } });
    const list = await api<{ data: Array<{ id: string; prospectId: string }> }>('GET', `/v1/handoffs?fieldRepId=${people.fiona}`);
    const id = list.body.data.find((h) => h.prospectId === booked.prospectId)!.id;
    const page = fiona.page;
    await page.goto(`${base}/#/queue`);
    const task = page.getByRole('link', { name: /Meeting outcome: how did it go with Lead Moved/ });
    await task.waitFor({ timeout: 20_000 });
    await task.click();
    await page.getByRole('region', { name: 'The meeting' }).waitFor();
    await page.getByRole('radio', { name: 'Rescheduled' }).check();
    const day = DateTime.now().setZone('America/New_York').plus({ days: 2 }).toISODate()!;
    const field = page.getByLabel("New time, in the prospect's zone (America/New_York)");
    await field.waitFor();
    await field.fill(`${day}T10:30`);
    await page.getByLabel('Note').fill('They asked for Thursday instead');
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    await page.getByRole('heading', { name: 'My queue' }).waitFor();
    await page.getByText('Nothing in your queue.').waitFor({ timeout: 10_000 });
    const handoff = await api<{ status: string; meetingAt: string; reschedules: number }>('GET', `/v1/handoffs/${id}`);
    expect(handoff.body).toMatchObject({ status: 'scheduled', reschedules: 1, meetingAt: new Date(DateTime.fromISO(`${day}T10:30`, { zone: 'America/New_York' }).toMillis()).toISOString() });
  });

  it("ops and admin see everyone, or one manager's team", async () => {
    const page = admin.page;
    await page.goto(`${base}/#/activity`);
    await page.getByRole('heading', { name: 'Team activity' }).waitFor();
    const shown = () => page.locator('table.activity tbody th[scope=row]').allTextContents();
    await expect.poll(shown).toEqual(['Ada Admin', 'Claire Manager', 'Fiona Field · field rep', 'Sam Rep']);
    // A manager's team: the people reporting to them.
    await page.getByLabel('People').selectOption({ label: "Claire Manager's team" });
    await expect.poll(shown).toEqual(['Fiona Field · field rep', 'Sam Rep']);
    expect(await page.getByRole('link', { name: 'Download the figures (CSV)' }).getAttribute('href')).toContain(`managerId=${encodeURIComponent(people.claire)}`);
    await checkPage(page, 'team activity (admin)');
  });
});
