/// <reference lib="dom" />
// The ops pages in a real Chromium against the real API, Temporal worker and database: ops read the
// 30-day calendar of France from a fixed day (the holidays expected from date-holidays itself), change
// a timing rule and a by-pass window (a bad value refused beside its field, then a good one stored), set an escalation
// quota, change a rep's capacity, and declare and remove a rep's time off; a manager reads the timing
// rules without changing them and declares her team's time off, a rep sees no ops page. Every page passes axe-core and fits 1280×800.
import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type ConsoleStack } from '../support/console-browser.js';
import { checkPage, consoleTeam, type Browsing, withConsoleStack } from '../support/console-team.js';

let stack: ConsoleStack;
const opened: Browsing[] = [];
let team: Awaited<ReturnType<typeof consoleTeam>>;
let olga: Browsing;
const people = { olga: '', claire: '', sam: '', rita: '' };
// A fixed first day, so the window's holidays are known: France's Christmas and New Year's Day.
const FIRST_DAY = '2026-12-14';

withConsoleStack(opened, (s) => (stack = s));

/** A refusal the page asked for (Chromium logs the 4xx answer): it happened, once, and is no console error. */
function refused(b: Browsing, status: number) {
  const i = b.errors.findIndex((e) => e.includes(`status of ${status}`));
  expect(i, `a ${status} answer`).toBeGreaterThanOrEqual(0);
  b.errors.splice(i, 1);
}

const api = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => team.api<T>(method, path, body);

/** The holidays date-holidays gives for France over the 30 days from FIRST_DAY. */
function expectedHolidays(): Array<[string, string]> {
  const last = DateTime.fromISO(FIRST_DAY).plus({ days: 29 }).toISODate()!;
  const fr = new Holidays('FR', { types: ['public'], timezone: 'UTC' });
  return [...fr.getHolidays(2026), ...fr.getHolidays(2027)]
    .map((h): [string, string] => [h.date.slice(0, 10), h.name])
    .filter(([date]) => date >= FIRST_DAY && date <= last);
}
const dayLabel = (date: string) => `${DateTime.fromISO(date).setLocale('en').toFormat('ccc')} ${date}`;

describe('the ops pages in Chromium', () => {
  it('a workspace with an ops user, a manager and two reps', async () => {
    team = await consoleTeam(stack, opened);
    people.olga = await team.add({ email: 'olga@acme.test', name: 'Olga Ops', role: 'ops' });
    people.claire = await team.add({ email: 'claire@acme.test', name: 'Claire Manager', role: 'manager', timeZone: 'Europe/Paris' });
    people.sam = await team.add({ email: 'sam@acme.test', name: 'Sam Rep', role: 'rep', managerId: people.claire, timeZone: 'Europe/Paris' });
    people.rita = await team.add({ email: 'rita@acme.test', name: 'Rita Rep', role: 'rep', managerId: people.claire, timeZone: 'Europe/Paris' });
    olga = await team.signIn(people.olga);
  });

  it("the 30-day calendar of France from a fixed day: the holidays by name, closed, and the windows of open days; by keyboard", async () => {
    const page = olga.page;
    await page.getByRole('link', { name: 'Timing' }).click();
    await page.getByRole('heading', { name: 'Timing rules and holidays' }).waitFor();
    await page.getByLabel('First day').fill(FIRST_DAY);
    await page.getByLabel('Country (ISO code)').focus();
    await page.keyboard.type('FR');
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: /^FR, times in Europe\/Paris, from 2026-12-14$/ });
    await table.waitFor({ timeout: 10_000 }).catch(async (e: unknown) => {
      throw new Error(`${String(e)}\n${await page.locator('main').innerText()}`);
    });
    expect(await table.locator('tbody tr').count()).toBe(30);
    const holidays = expectedHolidays();
    expect(holidays.map(([date]) => date)).toEqual(['2026-12-25', '2027-01-01']);
    for (const [date, name] of holidays) {
      const row = table.getByRole('row', { name: new RegExp(`^${dayLabel(date)}`) });
      expect(await row.textContent(), date).toBe(`${dayLabel(date)}${name} Closed: holiday––––`);
    }
    expect(await table.getByRole('row', { name: /^Sat 2026-12-19/ }).textContent()).toBe('Sat 2026-12-19 Closed: weekend––––');
    // A Wednesday: the send and call windows, the by-pass windows with the Wednesday afternoon one.
    expect(await table.getByRole('row', { name: /^Wed 2026-12-16/ }).textContent()).toBe(
      'Wed 2026-12-16' + '07:30–19:00' + '08:00–19:30' + '08:00–08:30 (before 08:30), 12:30–13:30 (lunch break), 18:30–19:30 (after 18:30), 14:00–18:00 (Wednesday afternoon)' + '08:00–09:30 (early morning), 14:00–14:30 (early afternoon)',
    );
    await checkPage(page, 'timing calendar', 'ops-timing');
  });

  it('a timing rule: a send window ending before it starts is refused beside the field, a good one is stored and shown', async () => {
    const page = olga.page;
    const until = page.getByLabel('Emails and LinkedIn until');
    await until.fill('07:00');
    await page.getByRole('button', { name: 'Save the timing rules' }).click();
    await expect.poll(() => until.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await until.getAttribute('aria-describedby'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/end must be after start/);
    refused(olga, 422);
    expect((await api<{ timingRules: Record<string, unknown> }>('GET', '/v1/timing-rules')).body.timingRules).toEqual({});
    await checkPage(page, 'timing rules error');

    await until.fill('18:00');
    await until.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Timing rules saved' }).waitFor();
    expect(await until.getAttribute('aria-invalid')).toBeNull();
    // Only the changed field joins the overrides.
    const rules = await api<{ timingRules: Record<string, unknown>; effective: { sendWindow: unknown } }>('GET', '/v1/timing-rules');
    expect(rules.body.timingRules).toEqual({ sendWindow: { start: '07:30', end: '18:00' } });
    const wednesday = page.getByRole('row', { name: /^Wed 2026-12-16/ });
    await expect.poll(() => wednesday.textContent()).toMatch(/^Wed 2026-12-1607:30–18:0008:00–19:30/);
  });

  it('a by-pass window added: refused without a label (beside it), then stored and shown on Fridays only', async () => {
    const page = olga.page;
    await page.getByRole('button', { name: 'Add a by-pass window' }).click();
    const added = page.getByRole('group', { name: 'By-pass window 5', exact: true });
    await page.getByRole('button', { name: 'Save the timing rules' }).click();
    const label = added.getByLabel('Label');
    await expect.poll(() => label.getAttribute('aria-invalid')).toBe('true');
    refused(olga, 422);
    await label.fill('Friday late');
    await added.getByLabel('Fri').check();
    await added.getByLabel('From').fill('17:00');
    await added.getByLabel('Until').fill('18:00');
    await checkPage(page, 'timing rules, by-pass windows');
    await page.getByRole('button', { name: 'Save the timing rules' }).click();
    await expect.poll(async () => (await api<{ timingRules: { bypassWindows?: unknown[] } }>('GET', '/v1/timing-rules')).body.timingRules.bypassWindows?.at(-1)).toEqual({
      days: [5],
      start: '17:00',
      end: '18:00',
      label: 'Friday late',
    });
    await expect.poll(() => page.getByRole('row', { name: /^Fri 2026-12-18/ }).textContent()).toContain('18:30–19:30 (after 18:30), 17:00–18:00 (Friday late)');
    expect(await page.getByRole('row', { name: /^Thu 2026-12-17/ }).textContent()).not.toContain('Friday late');
  });

  it("an escalation quota set per rep, each rep's use shown against it", async () => {
    const page = olga.page;
    await page.getByRole('link', { name: 'Escalations' }).click();
    await page.getByRole('heading', { name: 'Escalations', exact: true }).waitFor();
    const perRep = page.getByLabel('Escalations per rep, at most');
    await perRep.fill('-1');
    await perRep.press('Enter');
    await expect.poll(() => perRep.getAttribute('aria-invalid')).toBe('true');
    refused(olga, 422);
    await perRep.fill('2');
    await perRep.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Quotas saved' }).waitFor();
    const policy = await api<{ escalationPolicy: Record<string, unknown>; effective: Record<string, number> }>('GET', '/v1/escalation-policy');
    expect(policy.body.escalationPolicy).toEqual({ perRep: 2 });
    expect(policy.body.effective).toEqual({ perAccount: 1, perRep: 2, windowDays: 90 });
    await expect.poll(() => page.getByRole('row', { name: /^Sam Rep/ }).textContent()).toBe('Sam Rep022');
    await checkPage(page, 'escalations', 'ops-escalations');
  });

  it("a rep's capacity: calls per hour and a call block", async () => {
    const page = olga.page;
    await page.getByRole('link', { name: 'Capacity' }).click();
    await page.getByRole('button', { name: 'Edit Sam Rep' }).click();
    const form = page.getByRole('form', { name: 'Capacity of Sam Rep' });
    await form.getByLabel('Announced calls per hour').fill('3');
    await form.getByRole('button', { name: 'Add a call block' }).click();
    await form.getByRole('group', { name: 'Call block 1' }).getByLabel('Until').fill('10:30');
    await checkPage(page, 'capacity form', 'ops-capacity');
    await form.getByRole('button', { name: 'Save the capacity of Sam Rep' }).click();
    await page.getByRole('status').filter({ hasText: 'Capacity of Sam Rep saved' }).waitFor();
    const sam = await api<{ callsPerHour: number; callBlocks: unknown }>('GET', `/v1/users/${people.sam}`);
    expect(sam.body).toMatchObject({ callsPerHour: 3, callBlocks: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '10:30' }] });
    expect(await page.getByRole('row', { name: /^Sam Rep/ }).textContent()).toMatch(/3Mon, Tue, Wed, Thu, Fri 09:00–10:30/);
  });

  it("a rep's time off covered by another rep: listed, what it changed shown, stored; then removed", async () => {
    const page = olga.page;
    await page.getByRole('link', { name: 'Time off' }).click();
    await page.getByRole('heading', { name: 'Time off', exact: true }).waitFor();
    await page.getByText('No time off declared.').waitFor();
    const today = DateTime.now().setZone('Europe/Paris');
    const startsOn = today.plus({ days: 10 }).toISODate()!;
    const endsOn = today.plus({ days: 12 }).toISODate()!;
    await page.getByLabel('Who').selectOption({ label: 'Sam Rep' });
    await page.getByLabel('First day away').fill(startsOn);
    await page.getByLabel('Last day away').fill(endsOn);
    await page.getByLabel('Covered by').selectOption({ label: 'Rita Rep (takes their tasks and announced calls)' });
    await page.getByLabel('Note for the team (optional)').fill('Family trip');
    await page.getByRole('button', { name: 'Declare the time off' }).click();
    const changed = page.getByRole('status', { name: 'What the time off changed' });
    await changed.waitFor();
    expect(await changed.textContent()).toMatch(new RegExp(`Time off of Sam Rep from ${startsOn} to ${endsOn} saved\\. 0 tasks and 0 announced calls pass to Rita Rep\\.`));
    const row = page.getByRole('row', { name: /^Sam Rep/ });
    await expect.poll(() => row.textContent()).toBe(`Sam Rep${startsOn}${endsOn}Rita RepFamily tripRemove the time off of Sam Rep from ${startsOn}`);
    const stored = await api<{ data: Array<{ id: string; startsOn: string; endsOn: string; coveringUserId: string; note: string }> }>('GET', `/v1/users/${people.sam}/absences`);
    expect(stored.body.data).toEqual([expect.objectContaining({ startsOn, endsOn, coveringUserId: people.rita, note: 'Family trip' })]);
    await checkPage(page, 'time off', 'ops-time-off');

    // Overlapping it is refused beside the first day.
    await page.getByLabel('Covered by').selectOption({ label: 'Nobody: their cadences wait for the return' });
    await page.getByRole('button', { name: 'Declare the time off' }).click();
    await expect.poll(() => page.getByLabel('First day away').getAttribute('aria-invalid')).toBe('true');
    refused(olga, 409);

    // Removed by keyboard.
    await page.getByRole('button', { name: `Remove the time off of Sam Rep from ${startsOn}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('No time off declared.').waitFor();
    expect((await api<{ data: unknown[] }>('GET', `/v1/users/${people.sam}/absences`)).body.data).toEqual([]);
  });

  it("a manager reads the timing rules without changing them, has no capacity page, declares her team's time off; a rep sees no ops page", async () => {
    const claire = await team.signIn(people.claire);
    await claire.page.getByRole('link', { name: 'Timing' }).click();
    await claire.page.getByText('Only ops and admins change the timing rules.').waitFor();
    expect(await claire.page.getByLabel('Emails and LinkedIn until').isDisabled()).toBe(true);
    expect(await claire.page.getByLabel('Emails and LinkedIn until').inputValue()).toBe('18:00');
    expect(await claire.page.getByRole('button', { name: 'Save the timing rules' }).count()).toBe(0);
    expect(await claire.page.getByRole('link', { name: 'Capacity' }).count()).toBe(0);
    await checkPage(claire.page, 'timing (manager)');

    // Her team's time off: only her people to choose from; Rita covers Sam.
    await claire.page.getByRole('link', { name: 'Time off' }).click();
    const who = claire.page.getByLabel('Who');
    await expect.poll(async () => (await who.locator('option').allTextContents()).sort()).toEqual(['Choose a person', 'Claire Manager', 'Rita Rep', 'Sam Rep']);
    const startsOn = DateTime.now().setZone('Europe/Paris').plus({ days: 20 }).toISODate()!;
    await who.selectOption({ label: 'Sam Rep' });
    await claire.page.getByLabel('First day away').fill(startsOn);
    await claire.page.getByLabel('Last day away').fill(startsOn);
    await claire.page.getByLabel('Covered by').selectOption({ label: 'Rita Rep (takes their tasks and announced calls)' });
    await claire.page.getByRole('button', { name: 'Declare the time off' }).click();
    await claire.page.getByRole('status', { name: 'What the time off changed' }).waitFor();
    const stored = await api<{ data: Array<{ startsOn: string; coveringUserId: string }> }>('GET', `/v1/users/${people.sam}/absences`);
    expect(stored.body.data).toEqual([expect.objectContaining({ startsOn, endsOn: startsOn, coveringUserId: people.rita })]);
    await checkPage(claire.page, 'time off (manager)');
    const sam = await team.signIn(people.sam);
    for (const name of ['Timing', 'Escalations', 'Capacity', 'Time off']) expect(await sam.page.getByRole('link', { name }).count(), name).toBe(0);
  });
});
