// The announced-call cadence in the prospect's own zone and around the prospect's public
// holidays (PLAYBOOK §1): New York around Thanksgiving, Kolkata around Republic Day, a weekend
// skip; and the inbound "expected callback" cadence at the top of the rep's queue (PLAYBOOK §6).
// Expected days come from the date-holidays data and weekday arithmetic, not from the engine.
import { and, eq, ne } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { touches } from '../../db/schema.js';
import { complete, dueOf, enroll, local, openTaskOf, seed, waitFor, type CadenceHarness, type Enrolled, type Seed, withCadenceHarness } from '../support/cadence.js';
import { at, iso, nextLocal, ymd } from '../support/dates.js';
import { queueOf, stopEnrollment } from '../support/cadence-api.js';
import { addProspectAt } from '../support/cadence-paths.js';
import { holidaysOn, isWorkingDay } from '../support/holidays.js';

const NY = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';
let h: CadenceHarness;

withCadenceHarness((started) => (h = started));

const day = (d: DateTime) => `${ymd(d)} (${d.toFormat('ccc')})`;
const working = (country: string, region: string | undefined) => (d: DateTime) => isWorkingDay(country, region, ymd(d), d.weekday);

/** First working day strictly after `d` per the data. */
function nextWorking(d: DateTime, isWorking: (x: DateTime) => boolean): DateTime {
  let x = d.plus({ days: 1 });
  while (!isWorking(x)) x = x.plus({ days: 1 });
  return x;
}

/** Emails that left or were refused; a row still `scheduled` is only staged ahead of its time. */
async function emailsOf(e: Enrolled) {
  return h.db.db.select().from(touches).where(and(eq(touches.enrollmentId, e.id), ne(touches.status, 'scheduled')));
}

/** Enrolls at the current time, completes the LinkedIn note, returns the planned email time. */
async function noteDone(s: Seed, zone: string, noteAt: DateTime, prospectId?: string): Promise<{ e: Enrolled; emailDue: string }> {
  const e = await enroll(h, s, prospectId ? { prospectId } : {});
  const note = await openTaskOf(h, e, 'linkedin-note');
  expect(local(note.dueAt, zone)).toBe(`${ymd(noteAt)} ${noteAt.toFormat('HH:mm')} (${noteAt.toFormat('ccc')})`);
  const done = await complete(h, s, note.taskId, { outcome: 'done' });
  expect(done.status).toBe(200);
  expect(done.body.next?.stepId).toBe('announce-email');
  return { e, emailDue: done.body.next!.dueAt };
}

/** At 08:01 on the email day: the email went at 08:00 local and announces 09:15; the call task is due then. */
async function checkEmailAndCall(e: Enrolled, zone: string, emailDay: DateTime) {
  const callDue = await dueOf(h, e, 'announced-call');
  expect(callDue).toBe(iso(at(emailDay, '09:15')));
  const [email, ...more] = await emailsOf(e);
  expect(more).toEqual([]);
  expect(email).toMatchObject({ status: 'sent', channel: 'email', stepKey: 'announce-email#1' });
  // Sent when the 08:00 timer fired (a few ms later, never before).
  const late = email!.sentAt!.getTime() - Date.parse(iso(at(emailDay, '08:00')));
  expect(late).toBeGreaterThanOrEqual(0);
  expect(late).toBeLessThan(5_000);
  expect(local(email!.sentAt!.toISOString(), zone)).toBe(`${ymd(emailDay)} 08:00 (${emailDay.toFormat('ccc')})`);
  expect(email!.announcedCallAt!.toISOString()).toBe(callDue);
  expect(email!.subject).toBe(`${emailDay.toFormat('cccc')} 09:15: quick call about your Series B`);
  expect(email!.body).toContain('I will call you at 09:15 sharp about your Series B.');
  const call = await openTaskOf(h, e, 'announced-call');
  expect(call.dueAt).toBe(callDue);
  return callDue;
}

/** The rep's queue shows the call's prep in the prospect's zone; then the enrollment is stopped. */
async function prepInZoneThenStop(s: Seed, e: Enrolled, zone: string) {
  const prep = (await queueOf(h, s, s.repId)).find((t) => t.enrollmentId === e.id)!.prep;
  expect(prep.timeZone).toBe(zone);
  await stopEnrollment(h, s, e);
}

describe('prospect-local time and public holidays', () => {
  it('New York: the note the day before Thanksgiving sends the email the next business day at 08:00 EST, call 09:15', async () => {
    // Thanksgiving: the fourth Thursday of November. Note on the Wednesday before, 10:00 New York.
    const wednesday = nextLocal(await h.now(), NY, '10:00', (d) => d.month === 11 && d.weekday === 3 && d.day + 1 >= 22 && d.day + 1 <= 28);
    const thanksgiving = wednesday.plus({ days: 1 });
    expect(thanksgiving.weekday).toBe(4);
    expect(holidaysOn('US', 'NY', ymd(thanksgiving))).toContainEqual({ name: 'Thanksgiving Day', type: 'public' });
    // The day after is listed as an observance only (not a public holiday): the email goes on Friday.
    const emailDay = nextWorking(thanksgiving, working('US', 'NY'));
    expect(holidaysOn('US', 'NY', ymd(thanksgiving.plus({ days: 1 }))).filter((x) => x.type === 'public')).toEqual([]);
    expect(day(emailDay)).toBe(day(thanksgiving.plus({ days: 1 })));
    expect(emailDay.weekday).toBe(5);

    // Two ways to place the prospect: country + region (zone derived), explicit zone + country.
    const byRegion = await seed(h, { country: 'US', region: 'NY' });
    const byZone = await seed(h, { timeZone: NY, country: 'US' });
    await h.advanceTo(iso(wednesday));
    const runs: Array<{ s: Seed; e: Enrolled }> = [];
    for (const s of [byRegion, byZone]) {
      const { e, emailDue } = await noteDone(s, NY, wednesday);
      // Not on Thanksgiving: Friday 08:00 EST = 13:00Z (late November is always EST).
      expect(emailDue).toBe(iso(at(emailDay, '08:00')));
      expect(emailDue).toMatch(/T13:00:00\.000Z$/);
      expect(local(emailDue, NY)).toBe(`${ymd(emailDay)} 08:00 (Fri)`);
      runs.push({ s, e });
    }

    // Nothing leaves on Thanksgiving.
    await h.advanceTo(iso(at(thanksgiving, '23:59')));
    for (const { e } of runs) expect(await emailsOf(e)).toEqual([]);

    await h.advanceTo(iso(at(emailDay, '08:01')));
    for (const { s, e } of runs) {
      expect(await checkEmailAndCall(e, NY, emailDay)).toMatch(/T14:15:00\.000Z$/);
      await prepInZoneThenStop(s, e, NY);
    }
  });

  it('Kolkata: around Republic Day (Jan 26) the email is at 08:00 IST on the next business day (02:30Z), the call 09:15 IST (03:45Z)', async () => {
    const isWorkingIN = working('IN', undefined);
    // The business day whose next weekday is a Jan 26 falling on a weekday.
    const noteDay = nextLocal(await h.now(), KOLKATA, '10:00', (d) => {
      const next = d.plus({ days: d.weekday === 5 ? 3 : 1 });
      return isWorkingIN(d) && next.month === 1 && next.day === 26;
    });
    const republicDay = noteDay.plus({ days: noteDay.weekday === 5 ? 3 : 1 });
    expect(holidaysOn('IN', undefined, ymd(republicDay))).toContainEqual({ name: 'Republic Day', type: 'public' });
    const emailDay = nextWorking(republicDay, isWorkingIN);
    expect(emailDay.weekday).toBeLessThanOrEqual(5);

    const s = await seed(h, { country: 'IN' });
    await h.advanceTo(iso(noteDay));
    const { e, emailDue } = await noteDone(s, KOLKATA, noteDay);
    expect(emailDue).toBe(iso(at(emailDay, '08:00')));
    expect(emailDue).toMatch(/T02:30:00\.000Z$/); // IST is UTC+05:30, no DST

    await h.advanceTo(iso(at(republicDay, '23:59')));
    expect(await emailsOf(e)).toEqual([]);

    await h.advanceTo(iso(at(emailDay, '08:01')));
    expect(await checkEmailAndCall(e, KOLKATA, emailDay)).toMatch(/T03:45:00\.000Z$/);
    await prepInZoneThenStop(s, e, KOLKATA);
  });

  it('skips the weekend: a note completed on Friday sends the email on Monday at 08:00', async () => {
    const isWorkingNY = working('US', 'NY');
    const friday = nextLocal(await h.now(), NY, '10:00', (d) => d.weekday === 5 && isWorkingNY(d) && isWorkingNY(d.plus({ days: 3 })));
    const monday = friday.plus({ days: 3 });
    const s = await seed(h, { country: 'US', region: 'NY' });
    await h.advanceTo(iso(friday));
    const { e, emailDue } = await noteDone(s, NY, friday);
    expect(emailDue).toBe(iso(at(monday, '08:00')));
    expect(local(emailDue, NY)).toBe(`${ymd(monday)} 08:00 (Mon)`);

    await h.advanceTo(iso(at(monday, '07:59')));
    expect(await emailsOf(e)).toEqual([]);
    await h.advanceTo(iso(at(monday, '08:01')));
    await checkEmailAndCall(e, NY, monday);
    await stopEnrollment(h, s, e);
  });

  it('expected callback: an inbound signal in business hours puts the call, due within 5 minutes, first in the queue', async () => {
    const isWorkingNY = working('US', 'NY');
    const monday = nextLocal(await h.now(), NY, '10:00', (d) => d.weekday === 1 && isWorkingNY(d) && isWorkingNY(d.plus({ days: 1 })) && isWorkingNY(d.plus({ days: 2 })));
    const tuesday = monday.plus({ days: 1 });
    const s = await seed(h, { country: 'US', region: 'NY' });

    // Already in the queue: an announced call due at 09:15 today (task opened at 08:00).
    await h.advanceTo(iso(monday));
    const { e: announced } = await noteDone(s, NY, monday);
    await h.advanceTo(iso(at(tuesday, '08:30')));
    const announcedCall = await openTaskOf(h, announced, 'announced-call');
    expect(local(announcedCall.dueAt, NY)).toBe(`${ymd(tuesday)} 09:15 (Tue)`);

    // 08:30: a prospect fills the pricing form.
    const inbound = await addProspectAt(h, s, 'jordan@hooli.test', { country: 'US', region: 'NY', firstName: 'Jordan', lastName: 'Lee', account: { name: 'Hooli', domain: 'hooli.test' } });
    expect(inbound.timeZone).toBe(NY);
    const t0 = await h.now();
    const e = await enroll(h, s, { prospectId: inbound.id, sequence: 'expected-callback', context: 'pricing for 50 seats', pretext: '' });
    const call = await openTaskOf(h, e, 'inbound-call');
    const lead = Date.parse(call.dueAt) - t0;
    expect(lead).toBeGreaterThan(0);
    expect(lead).toBeLessThanOrEqual(5 * 60_000 + 2_000);
    expect(local(call.dueAt, NY)).toBe(`${ymd(tuesday)} 08:35 (Tue)`);

    const queue = await queueOf(h, s, s.repId);
    expect(queue.map((t) => [t.id, t.stepKey])).toEqual([
      [call.taskId, 'inbound-call#1'],
      [announcedCall.taskId, 'announced-call#1'],
    ]);
    expect(queue[0]).toMatchObject({ kind: 'call', dueAt: call.dueAt, repId: s.repId });
    expect(queue[0]!.prep.decisionMaker.name).toBe('Jordan Lee');
    expect(queue[0]!.prep.script).toContain('You asked about pricing for 50 seats on our site a few minutes ago');

    // The same signal after the call window (19:30) waits for the window: next business day 08:00.
    await stopEnrollment(h, s, e);
    await stopEnrollment(h, s, announced);
    await h.advanceTo(iso(at(tuesday, '20:00')));
    const late = await addProspectAt(h, s, 'riley@hooli.test', { country: 'US', region: 'NY', account: { name: 'Hooli', domain: 'hooli.test' } });
    const e2 = await enroll(h, s, { prospectId: late.id, sequence: 'expected-callback', context: 'a demo' });
    const v = await waitFor(h, e2, (x) => x.phase === 'task_open', 'the late inbound task');
    expect(local(v.currentTask!.dueAt, NY)).toBe(`${ymd(tuesday.plus({ days: 1 }))} 08:00 (Wed)`);
    await stopEnrollment(h, s, e2);
  });
});
