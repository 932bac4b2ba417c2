// Exits and pauses driven by what the prospect does, reported through
// POST /v1/prospects/{id}/events: a reply, a bounce and an opt-out stop the
// cadence mid-way (an opt-out stops every cadence of the prospect, for good); an
// out-of-office reply pauses it until the return date, then the pending step is planned again.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enrollments, events, touches } from '../../db/schema.js';
import { addProspect, complete, dueOf, enroll, local, openTaskOf, status, waitFor, type CadenceHarness, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextLocal } from '../support/dates.js';
import { eventsPath, expectProblem, resultOf } from '../support/cadence-api.js';
import { nextWorkday, PARIS, toAnnouncedCall, toLinkedInNote } from '../support/cadence-paths.js';
import { enrollmentRow, prospectActivity, prospectRow, reservedSlots, taskRow } from '../support/cadence-rows.js';

let h: CadenceHarness;
let s: Seed;

withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

describe('prospect events', () => {
  it('a reply while the announced call is open stops the cadence as replied', async () => {
    const { e, prospectId, call } = await toAnnouncedCall(h, s, 'reply@initech.test');
    expect(await reservedSlots(h, e)).toHaveLength(1);

    const res = await h.api<{ enrollmentsSignalled: number }>('POST', eventsPath(s, prospectId), { type: 'reply', detail: 'Call me next week' });
    expect(res.status).toBe(202);
    expect(res.body.enrollmentsSignalled).toBe(1);

    expect(await resultOf(h, e)).toMatchObject({ status: 'stopped', reason: 'replied' });
    expect(await enrollmentRow(h, e)).toMatchObject({ status: 'stopped', stopReason: 'replied' });
    expect((await taskRow(h, call.taskId)).status).toBe('cancelled');
    expect(await reservedSlots(h, e)).toHaveLength(0);
    // A reply is not an opt-out: the prospect can be enrolled again later.
    expect((await prospectRow(h, prospectId)).status).toBe('active');
  });

  it('a bounce while the 08:00 email waits stops the cadence as bounced, the email never leaves', async () => {
    const { day, prospectId, e, note } = await toLinkedInNote(h, s, 'bounce@initech.test');
    expect((await complete(h, s, note.taskId, { outcome: 'done' })).status).toBe(200);
    expect(local(await dueOf(h, e, 'announce-email'), PARIS)).toMatch(/ 08:00 /);

    const res = await h.api<{ enrollmentsSignalled: number }>('POST', eventsPath(s, prospectId), { type: 'bounce', detail: '550 mailbox unknown' });
    expect(res.status).toBe(202);
    expect(res.body.enrollmentsSignalled).toBe(1);
    expect(await resultOf(h, e)).toMatchObject({ status: 'stopped', reason: 'bounced' });
    expect(await enrollmentRow(h, e)).toMatchObject({ status: 'stopped', stopReason: 'bounced' });
    expect((await prospectRow(h, prospectId)).status).toBe('invalid_email');

    await h.advanceTo(iso(at(day.plus({ days: 1 }), '09:00')));
    expect(await h.db.db.select().from(touches).where(eq(touches.enrollmentId, e.id))).toHaveLength(0);
  });

  it('an opt-out stops the cadence for good: task cancelled, slot released, no touch or task afterwards', async () => {
    const { e, prospectId, call, callDay } = await toAnnouncedCall(h, s, 'optout@initech.test');
    const before = await prospectActivity(h, prospectId);
    expect(before).toEqual({ touches: 1, tasks: 2, openTasks: 1 });

    const res = await h.api<{ enrollmentsSignalled: number }>('POST', eventsPath(s, prospectId), { type: 'opt_out' });
    expect(res.status).toBe(202);
    expect(res.body.enrollmentsSignalled).toBe(1);
    expect(await resultOf(h, e)).toMatchObject({ status: 'stopped', reason: 'opted_out' });

    expect((await taskRow(h, call.taskId)).status).toBe('cancelled');
    expect(await reservedSlots(h, e)).toHaveLength(0);
    expect(await enrollmentRow(h, e)).toMatchObject({ status: 'stopped', stopReason: 'opted_out' });
    expect((await prospectRow(h, prospectId)).status).toBe('opted_out');
    const optedOut = await h.db.db.select().from(events).where(and(eq(events.prospectId, prospectId), eq(events.type, 'prospect.opted_out')));
    expect(optedOut).toHaveLength(1);

    // A week later: nothing new was sent or queued for this prospect.
    await h.advanceTo(iso(at(callDay.plus({ days: 7 }), '12:00')));
    expect(await prospectActivity(h, prospectId)).toEqual({ touches: 1, tasks: 2, openTasks: 0 });

    // Enrolling them again is refused, and leaves no enrollment behind.
    const count = async () => (await h.db.db.select().from(enrollments).where(eq(enrollments.prospectId, prospectId))).length;
    expect(await count()).toBe(1);
    for (const sequence of ['announced-call', 'expected-callback']) {
      const problem = await expectProblem(h, 'POST', `/v1/enrollments`, { prospectId, sequenceId: s.sequences[sequence], repId: s.repId }, 409);
      expect(problem.type).toBe('/problems/conflict');
      expect(problem.detail).toMatch(/opted out/);
    }
    expect(await count()).toBe(1);
  });

  it('an opt-out stops every enrollment of the prospect', async () => {
    const day = await nextWorkday(h);
    await h.advanceTo(iso(day));
    const prospectId = await addProspect(h, s, 'twice@initech.test');
    const announced = await enroll(h, s, { prospectId, sequence: 'announced-call' });
    const inbound = await enroll(h, s, { prospectId, sequence: 'expected-callback' });
    const note = await openTaskOf(h, announced, 'linkedin-note');
    const inboundCall = await openTaskOf(h, inbound, 'inbound-call');

    const res = await h.api<{ enrollmentsSignalled: number }>('POST', eventsPath(s, prospectId), { type: 'opt_out' });
    expect(res.status).toBe(202);
    expect(res.body.enrollmentsSignalled).toBe(2);

    for (const e of [announced, inbound]) {
      expect(await resultOf(h, e)).toMatchObject({ status: 'stopped', reason: 'opted_out' });
      expect(await enrollmentRow(h, e)).toMatchObject({ status: 'stopped', stopReason: 'opted_out' });
    }
    expect((await taskRow(h, note.taskId)).status).toBe('cancelled');
    expect((await taskRow(h, inboundCall.taskId)).status).toBe('cancelled');
    const after = await prospectActivity(h, prospectId);
    await h.advanceTo(iso(at(day.plus({ days: 3 }), '12:00')));
    expect(await prospectActivity(h, prospectId)).toEqual({ ...after, openTasks: 0 });
    expect(after.touches).toBe(0);
  });

  it('an out-of-office reply pauses the cadence until the return date, then the email is planned again', async () => {
    const { day, prospectId, e, note } = await toLinkedInNote(h, s, 'ooo@initech.test');
    expect((await complete(h, s, note.taskId, { outcome: 'done' })).status).toBe(200);
    const firstDue = await dueOf(h, e, 'announce-email');
    expect(firstDue).toBe(iso(at(day.plus({ days: 1 }), '08:00')));

    // Back in two days at noon (the email was due the morning after the enrollment).
    const returnAt = at(day.plus({ days: 2 }), '12:00');
    const res = await h.api<{ enrollmentsSignalled: number }>('POST', eventsPath(s, prospectId), { type: 'auto_reply', returnAt: iso(returnAt) });
    expect(res.status).toBe(202);
    expect(res.body.enrollmentsSignalled).toBe(1);
    const paused = await waitFor(h, e, (v) => v.status === 'paused', 'the pause');
    expect(paused.pausedUntil).toBe(iso(returnAt));
    await expect.poll(async () => (await enrollmentRow(h, e)).status, { timeout: 5000 }).toBe('paused');
    const pausedEvents = await h.db.db.select().from(events).where(and(eq(events.enrollmentId, e.id), eq(events.type, 'enrollment.paused')));
    expect(pausedEvents.map((x) => x.payload)).toEqual([expect.objectContaining({ status: 'paused', until: iso(returnAt), source: 'auto_reply' })]);

    // The 08:00 email comes due during the pause: it does not go out.
    await h.advanceTo(iso(at(day.plus({ days: 1 }), '08:30')));
    expect(await h.db.db.select().from(touches).where(eq(touches.enrollmentId, e.id))).toHaveLength(0);
    expect((await status(h, e)).status).toBe('paused');
    await h.advanceTo(iso(at(returnAt, '11:59')));
    expect(await h.db.db.select().from(touches).where(eq(touches.enrollmentId, e.id))).toHaveLength(0);

    // Back at noon: the email is planned again for the next 08:00, and sent then.
    await h.advanceTo(iso(at(returnAt, '12:01')));
    const resumed = await waitFor(h, e, (v) => v.phase === 'waiting' && v.dueAt !== firstDue, 'the email to be planned again');
    const sendDay = nextLocal(returnAt.toMillis(), PARIS, '08:00', (d) => d.weekday <= 5);
    expect(resumed.stepId).toBe('announce-email');
    expect(resumed.dueAt).toBe(iso(at(sendDay, '08:00')));
    expect(resumed.status).toBe('active');
    expect(resumed.pausedUntil).toBeNull();
    expect(resumed.history.map((x) => x.type)).toEqual(expect.arrayContaining(['enrollment.paused', 'enrollment.resumed']));
    expect((await enrollmentRow(h, e)).status).toBe('active');

    await h.advanceTo(iso(at(sendDay, '08:01')));
    await openTaskOf(h, e, 'announced-call');
    const sent = await h.db.db.select().from(touches).where(eq(touches.enrollmentId, e.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.status).toBe('sent');
    expect(local(sent[0]!.sentAt!.toISOString(), PARIS)).toBe(`${sendDay.toFormat('yyyy-MM-dd')} 08:00 (${sendDay.toFormat('ccc')})`);
    expect(sent[0]!.announcedCallAt!.toISOString()).toBe(iso(at(sendDay, '09:15')));

    await h.api('POST', `/v1/enrollments/${e.id}/stop`, { reason: 'end of test' });
  });
});
