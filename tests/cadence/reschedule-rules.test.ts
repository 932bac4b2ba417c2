// A reschedule follows the rules planning follows (issue 16.3), through the API on the
// time-skipping server: onto a Saturday the email moves to Monday's send window and says why;
// onto the Italian holiday of 8 December for a prospect in Rome it moves to the next working day;
// an open task moves the same way; `ignoreTimingRules: true` keeps the time asked for, and the
// email sent on the Saturday still announces the call at 09:15 on Monday, not 08:00.
// Expected days come from date-holidays and weekday arithmetic, not from the engine.
import { and, eq } from 'drizzle-orm';
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { events, touches } from '../../db/schema.js';
import { addProspect, complete, dueOf, enroll, local, openTaskOf, type CadenceHarness, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextLocal, ymd } from '../support/dates.js';
import { recordHistory } from '../support/histories.js';
import { enrollmentPath, expectProblem, stopEnrollment } from '../support/cadence-api.js';
import { addProspectAt, PARIS, toEmailPlanned } from '../support/cadence-paths.js';
import { taskRow } from '../support/cadence-rows.js';
import { isWorkingDay } from '../support/holidays.js';

const ROME = 'Europe/Rome';
let h: CadenceHarness;
let s: Seed;

withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

type Rescheduled = { stepId: string; requestedAt: string; effectiveAt: string; moved: boolean; because: Array<{ rule: string; detail: string }>; timingRulesIgnored: boolean };
type Answer = { status: string; reschedule: Rescheduled; live: { dueAt: string; upcoming: Array<{ stepId: string; dueAt: string | null }> } };

const fr = (d: DateTime) => isWorkingDay('FR', undefined, ymd(d), d.weekday);

/** A Monday-to-Thursday at 10:00 Paris whose next day, the next Saturday and the Monday after are French working days or weekend as expected. */
async function weekWithSaturday(): Promise<{ enrolDay: DateTime; emailDay: DateTime; saturday: DateTime; monday: DateTime }> {
  const enrolDay = nextLocal(await h.now(), PARIS, '10:00', (d) => d.weekday <= 4 && fr(d) && fr(d.plus({ days: 1 })) && fr(d.plus({ days: 7 - d.weekday + 1 })));
  const saturday = enrolDay.plus({ days: 6 - enrolDay.weekday });
  return { enrolDay, emailDay: enrolDay.plus({ days: 1 }), saturday, monday: saturday.plus({ days: 2 }) };
}


describe('reschedule follows the timing rules', () => {
  it('onto a Saturday: the email moves to Monday 07:30, the answer says why, and it leaves then announcing 09:15', async () => {
    const { enrolDay, saturday, monday } = await weekWithSaturday();
    await h.advanceTo(iso(enrolDay));
    const e = await toEmailPlanned(h, s, 'saturday@initech.test');

    const asked = at(saturday, '10:00');
    const res = await h.api<Answer>('POST', enrollmentPath(s, e, 'reschedule'), { at: iso(asked), reason: 'prospect reads mail at the weekend' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.reschedule).toMatchObject({ stepId: 'announce-email', requestedAt: iso(asked), effectiveAt: iso(at(monday, '07:30')), moved: true, timingRulesIgnored: false });
    expect(res.body.reschedule.because.map((b) => b.rule)).toEqual(['weekend', 'weekend']);
    expect(res.body.reschedule.because[0]!.detail).toContain(`Saturday ${ymd(saturday)}`);
    expect(res.body.live.dueAt).toBe(iso(at(monday, '07:30')));
    expect(res.body.live.upcoming.slice(0, 2)).toEqual([
      { stepId: 'announce-email', type: 'email', dueAt: iso(at(monday, '07:30')) },
      { stepId: 'announced-call', type: 'call', dueAt: iso(at(monday, '09:15')) },
    ]);
    const [ev] = await h.db.db.select().from(events).where(and(eq(events.enrollmentId, e.id), eq(events.type, 'step.rescheduled')));
    expect(ev!.payload).toMatchObject({ stepId: 'announce-email', at: iso(at(monday, '07:30')), requestedAt: iso(asked), moved: true });

    // Nothing leaves on the Saturday; on Monday the email leaves at 07:30 and announces 09:15.
    await h.advanceTo(iso(at(saturday, '12:00')));
    expect((await h.db.db.select().from(touches).where(and(eq(touches.enrollmentId, e.id), eq(touches.status, 'sent'))))).toHaveLength(0);
    await h.advanceTo(iso(at(monday, '07:31')));
    const call = await openTaskOf(h, e, 'announced-call');
    expect(call.dueAt).toBe(iso(at(monday, '09:15')));
    const [email] = await h.db.db.select().from(touches).where(eq(touches.enrollmentId, e.id));
    expect(local(email!.sentAt!.toISOString(), PARIS)).toBe(`${ymd(monday)} 07:30 (Mon)`);
    expect(email!.announcedCallAt!.toISOString()).toBe(iso(at(monday, '09:15')));
    expect(email!.body).toContain('09:15');
    await stopEnrollment(h, s, e);
    await recordHistory(h.env.client, e.workflowId, 'reschedule-saturday-moved');
  });

  it('an open task moves into the next allowed time too', async () => {
    const { enrolDay, saturday, monday } = await weekWithSaturday();
    await h.advanceTo(iso(enrolDay));
    const prospectId = await addProspect(h, s, 'note@initech.test');
    const e = await enroll(h, s, { prospectId });
    const note = await openTaskOf(h, e, 'linkedin-note');
    const res = await h.api<Answer>('POST', enrollmentPath(s, e, 'reschedule'), { at: iso(at(saturday, '21:00')), reason: 'after the trade show' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // LinkedIn follows the send window: Saturday 21:00 is past it, on a weekend day.
    expect(res.body.reschedule.effectiveAt).toBe(iso(at(monday, '07:30')));
    expect(res.body.reschedule.because.map((b) => b.rule)).toEqual(['weekend', 'weekend']);
    expect((await taskRow(h, note.taskId)).dueAt.toISOString()).toBe(iso(at(monday, '07:30')));
    const [ev] = await h.db.db.select().from(events).where(and(eq(events.enrollmentId, e.id), eq(events.type, 'step.rescheduled')));
    expect(ev!.payload).toMatchObject({ taskId: note.taskId, dueAt: iso(at(monday, '07:30')), requestedAt: iso(at(saturday, '21:00')), moved: true });
    await stopEnrollment(h, s, e);
    await recordHistory(h.env.client, e.workflowId, 'reschedule-task-moved');
  });

  it('onto 8 December for a prospect in Rome: moved past the Italian holiday', async () => {
    // A working day before some 8 December whose next working day is still before it.
    const it8 = (d: DateTime) => isWorkingDay('IT', undefined, ymd(d), d.weekday);
    const enrolDay = nextLocal(await h.now(), ROME, '10:00', (d) => {
      if (!it8(d)) return false;
      let next = d.plus({ days: 1 });
      while (!it8(next)) next = next.plus({ days: 1 });
      return next.month === 12 && next.day < 8;
    });
    const holiday = enrolDay.set({ month: 12, day: 8 });
    let after = holiday.plus({ days: 1 });
    while (!it8(after)) after = after.plus({ days: 1 });
    await h.advanceTo(iso(enrolDay));
    const p = await addProspectAt(h, s, 'giulia@romana.test', { timeZone: ROME, country: 'IT', firstName: 'Giulia', lastName: 'Bianchi' });
    const e = await enroll(h, s, { prospectId: p.id });
    const note = await openTaskOf(h, e, 'linkedin-note');
    expect((await complete(h, s, note.taskId, { outcome: 'done' })).status).toBe(200);

    const res = await h.api<Answer>('POST', enrollmentPath(s, e, 'reschedule'), { at: iso(at(holiday, '08:00')), reason: 'after the long weekend' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.reschedule.effectiveAt).toBe(iso(at(after, '07:30')));
    expect(res.body.reschedule.because[0]).toMatchObject({ rule: 'public_holiday' });
    expect(res.body.reschedule.because[0]!.detail).toContain(ymd(holiday));
    expect(res.body.live.upcoming[1]).toMatchObject({ stepId: 'announced-call', dueAt: iso(at(after, '09:15')) });
    await h.advanceTo(iso(at(holiday, '12:00')));
    expect((await h.db.db.select().from(touches).where(and(eq(touches.enrollmentId, e.id), eq(touches.status, 'sent'))))).toHaveLength(0);
    await stopEnrollment(h, s, e);
  });

  it('ignoreTimingRules keeps the Saturday; the email then announces Monday 09:15, not 08:00', async () => {
    const { enrolDay, saturday, monday } = await weekWithSaturday();
    await h.advanceTo(iso(enrolDay));
    const e = await toEmailPlanned(h, s, 'override@initech.test');
    const asked = at(saturday, '10:00');
    const res = await h.api<Answer>('POST', enrollmentPath(s, e, 'reschedule'), { at: iso(asked), reason: 'prospect asked for it', ignoreTimingRules: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.reschedule).toEqual({ stepId: 'announce-email', requestedAt: iso(asked), effectiveAt: iso(asked), moved: false, because: [], timingRulesIgnored: true });
    expect(res.body.live.upcoming[1]).toMatchObject({ stepId: 'announced-call', dueAt: iso(at(monday, '09:15')) });

    await h.advanceTo(iso(at(saturday, '10:01')));
    const [email] = await h.db.db.select().from(touches).where(and(eq(touches.enrollmentId, e.id), eq(touches.status, 'sent')));
    // Sent when the Saturday 10:00 timer fired (the workflow's own send, a moment after).
    const late = email!.sentAt!.getTime() - Date.parse(iso(asked));
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(5_000);
    expect(email!.announcedCallAt!.toISOString()).toBe(iso(at(monday, '09:15')));
    expect(email!.body).toContain('09:15');
    expect(await dueOf(h, e, 'announced-call')).toBe(iso(at(monday, '09:15')));
    await stopEnrollment(h, s, e);
    await recordHistory(h.env.client, e.workflowId, 'reschedule-saturday-override');
  });

  it('refuses a time in the past, or an override that is not a boolean, naming the field', async () => {
    const { enrolDay } = await weekWithSaturday();
    await h.advanceTo(iso(enrolDay));
    const e = await toEmailPlanned(h, s, 'bad@initech.test');
    const past = await expectProblem(h, 'POST', enrollmentPath(s, e, 'reschedule'), { at: iso(enrolDay.minus({ hours: 1 })), reason: 'oops' }, 422);
    expect(past.errors?.map((x) => x.field)).toEqual(['body.at']);
    const notBool = await expectProblem(h, 'POST', enrollmentPath(s, e, 'reschedule'), { at: iso(enrolDay.plus({ days: 2 })), reason: 'oops', ignoreTimingRules: 'yes' }, 422);
    expect(notBool.errors?.map((x) => x.field)).toEqual(['body.ignoreTimingRules']);
    await stopEnrollment(h, s, e);
  });
});
