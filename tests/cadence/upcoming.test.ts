// What an enrollment says is coming tells the truth (issue 16.4 and 16.5), through the API on the
// time-skipping server: a pause until a date moves the upcoming steps after it (and the cadence
// then does exactly that), a pause until resumed gives no times, a reschedule and a skip show at
// once; the enrollment row follows the current step, and a pause's reason is not a stop's.
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addProspect, enroll, openTaskOf, type CadenceHarness, type Enrolled, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextLocal, ymd } from '../support/dates.js';
import { recordHistory } from '../support/histories.js';
import { enrollmentPath, stopEnrollment } from '../support/cadence-api.js';
import { PARIS, toEmailPlanned } from '../support/cadence-paths.js';
import { enrollmentRow } from '../support/cadence-rows.js';
import { isWorkingDay } from '../support/holidays.js';

let h: CadenceHarness;
let s: Seed;

withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

type Step = { stepId: string; type: string; dueAt: string | null };
type UpcomingAnswer = { status: string; pausedUntil: string | null; data: Step[] };
type EnrollmentJson = { status: string; stopReason: string | null; pauseReason: string | null; pausedUntil: string | null; currentStepId: string | null; live: { upcoming: Step[] } };

const fr = (d: DateTime) => isWorkingDay('FR', undefined, ymd(d), d.weekday);

/** A Monday 10:00 Paris followed by two weeks of French working days. */
async function quietMonday(): Promise<DateTime> {
  return nextLocal(await h.now(), PARIS, '10:00', (d) => d.weekday === 1 && [0, 1, 2, 3, 4, 7, 8, 9, 10, 11].every((n) => fr(d.plus({ days: n }))));
}


const upcoming = async (e: Enrolled) => {
  const res = await h.api<UpcomingAnswer>('GET', `${enrollmentPath(s, e)}/upcoming`);
  expect(res.status).toBe(200);
  return res.body;
};

/** The expected path from an email day: 08:00 email, 09:15 call, voicemail, 12:30 by-pass callback. */
const pathOn = (d: DateTime): Step[] => [
  { stepId: 'announce-email', type: 'email', dueAt: iso(at(d, '08:00')) },
  { stepId: 'announced-call', type: 'call', dueAt: iso(at(d, '09:15')) },
  { stepId: 'voicemail', type: 'voicemail', dueAt: iso(at(d, '09:15')) },
  { stepId: 'callback', type: 'callback', dueAt: iso(at(d, '12:30')) },
];

describe('upcoming steps follow pauses, reschedules and skips', () => {
  it('paused until a date: the steps come after its end, and the cadence then keeps to it; the row says why it paused', async () => {
    const monday = await quietMonday();
    await h.advanceTo(iso(monday));
    const e = await toEmailPlanned(h, s, 'until@initech.test');
    expect(await upcoming(e)).toEqual({ status: 'active', pausedUntil: null, data: pathOn(monday.plus({ days: 1 })) });
    expect((await enrollmentRow(h, e)).currentStepId).toBe('announce-email');

    // Paused until next Wednesday noon: the email is planned again for the next business day, Thursday.
    const until = at(monday.plus({ days: 9 }), '12:00');
    const thursday = monday.plus({ days: 10 });
    const paused = await h.api<EnrollmentJson>('POST', enrollmentPath(s, e, 'pause'), { reason: 'prospect at a trade show', until: iso(until) });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: 'paused', pauseReason: 'prospect at a trade show', pausedUntil: iso(until), stopReason: null, currentStepId: 'announce-email' });
    expect(paused.body.live.upcoming).toEqual(pathOn(thursday));
    expect(await upcoming(e)).toEqual({ status: 'paused', pausedUntil: iso(until), data: pathOn(thursday) });

    // The cadence does what the projection said.
    await h.advanceTo(iso(at(thursday, '08:01')));
    const call = await openTaskOf(h, e, 'announced-call');
    expect(call.dueAt).toBe(iso(at(thursday, '09:15')));
    expect(await enrollmentRow(h, e)).toMatchObject({ status: 'active', currentStepId: 'announced-call', pauseReason: null, pausedUntil: null, stopReason: null });

    const stopped = await stopEnrollment(h, s, e);
    await recordHistory(h.env.client, e.workflowId, 'upcoming-paused-until-reason');
    expect(await enrollmentRow(h, e)).toMatchObject({ status: 'stopped', stopReason: stopped.reason, pauseReason: null });
  });

  it('paused until resumed: no time can be given, and says so; resumed, the times come back', async () => {
    const monday = await quietMonday();
    await h.advanceTo(iso(monday));
    const e = await toEmailPlanned(h, s, 'indefinite@initech.test');
    const paused = await h.api<EnrollmentJson>('POST', enrollmentPath(s, e, 'pause'), { reason: 'on leave' });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ pauseReason: 'on leave', pausedUntil: null, stopReason: null });
    const held = pathOn(monday.plus({ days: 1 })).map((x) => ({ ...x, dueAt: null }));
    expect(await upcoming(e)).toEqual({ status: 'paused', pausedUntil: null, data: held });

    const resumed = await h.api<EnrollmentJson>('POST', enrollmentPath(s, e, 'resume'), {});
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'active', pauseReason: null });
    expect(await upcoming(e)).toEqual({ status: 'active', pausedUntil: null, data: pathOn(monday.plus({ days: 1 })) });
    await stopEnrollment(h, s, e);
    await recordHistory(h.env.client, e.workflowId, 'upcoming-paused-resumed');
  });

  it('a reschedule and a skip show in the answer and in upcoming at once', async () => {
    const monday = await quietMonday();
    await h.advanceTo(iso(monday));
    const prospectId = await addProspect(h, s, 'skip@initech.test');
    const e = await enroll(h, s, { prospectId });
    await openTaskOf(h, e, 'linkedin-note');
    const skipped = await h.api<EnrollmentJson>('POST', enrollmentPath(s, e, 'skip'), { reason: 'no LinkedIn profile' });
    expect(skipped.status).toBe(200);
    expect(skipped.body.live.upcoming).toEqual(pathOn(monday.plus({ days: 1 })));

    const wednesday = monday.plus({ days: 2 });
    const moved = await h.api<EnrollmentJson>('POST', enrollmentPath(s, e, 'reschedule'), { at: iso(at(wednesday, '08:00')), reason: 'prospect back on Wednesday' });
    expect(moved.status).toBe(200);
    expect(moved.body.live.upcoming).toEqual(pathOn(wednesday));
    expect(await upcoming(e)).toEqual({ status: 'active', pausedUntil: null, data: pathOn(wednesday) });
    await stopEnrollment(h, s, e);
    await recordHistory(h.env.client, e.workflowId, 'upcoming-skipped-rescheduled');
  });
});
