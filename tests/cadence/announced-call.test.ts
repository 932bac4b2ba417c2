// The default "Announced call" cadence end to end on the time-skipping server, for a prospect in
// Europe/Paris: LinkedIn note, 08:00 email announcing 09:15, the call at 09:15, voicemail,
// callbacks at the by-pass window and at the time the gatekeeper gave; then across a DST change.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { callSlots, enrollments, events, touches } from '../../db/schema.js';
import type { EnrollmentResult } from '../../workflows/enrollment/input.js';
import { addProspect, complete, dueOf, enroll, local, openTaskOf, type CadenceHarness, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextSpringForward, nextWorkingMonday } from '../support/dates.js';
import { recordHistory } from '../support/histories.js';

const PARIS = 'Europe/Paris';
let h: CadenceHarness;
let s: Seed;

withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

describe('announced call, Europe/Paris', () => {
  it('runs note, 08:00 email announcing 09:15, call, voicemail, by-pass callback, gatekeeper callback, meeting', async () => {
    // Monday 10:00 Paris, the next one that is followed by a working Tuesday and Wednesday.
    const monday = nextWorkingMonday(await h.now(), PARIS, 'FR');
    await h.advanceTo(iso(monday));
    const e = await enroll(h, s);

    // 1. LinkedIn note, due now (inside the send window).
    const note = await openTaskOf(h, e, 'linkedin-note');
    expect(local(note.dueAt, PARIS)).toBe(`${monday.toFormat('yyyy-MM-dd')} 10:00 (Mon)`);
    const afterNote = await complete(h, s, note.taskId, { outcome: 'done' });
    expect(afterNote.status).toBe(200);
    expect(afterNote.body.next?.stepId).toBe('announce-email');
    expect(local(afterNote.body.next!.dueAt, PARIS)).toMatch(/ 08:00 \(Tue\)$/);

    // Double enrollment: same enrollment, same run.
    const runBefore = (await h.env.client.workflow.getHandle(e.workflowId).describe()).runId;
    const again = await enroll(h, s);
    expect(again.id).toBe(e.id);
    expect((await h.env.client.workflow.getHandle(e.workflowId).describe()).runId).toBe(runBefore);
    expect(await h.db.db.select().from(enrollments).where(eq(enrollments.prospectId, s.prospectId))).toHaveLength(1);

    // 2. Tuesday 08:00: the email announces the call at 09:15, and the slot is reserved.
    const tuesday = monday.plus({ days: 1 });
    await h.advanceTo(iso(at(tuesday, '08:01')));
    const callDue = await dueOf(h, e, 'announced-call');
    expect(local(callDue, PARIS)).toBe(`${tuesday.toFormat('yyyy-MM-dd')} 09:15 (Tue)`);
    const [email] = await h.db.db.select().from(touches).where(eq(touches.enrollmentId, e.id));
    expect(email).toMatchObject({ status: 'sent', channel: 'email', toAddress: 'marie@globex.test' });
    expect(local(email!.sentAt!.toISOString(), PARIS)).toBe(`${tuesday.toFormat('yyyy-MM-dd')} 08:00 (Tue)`);
    expect(email!.announcedCallAt!.toISOString()).toBe(callDue);
    expect(`${email!.subject}\n${email!.body}`).toContain('09:15');
    const slots = await h.db.db.select().from(callSlots).where(eq(callSlots.enrollmentId, e.id));
    expect(slots.map((x) => [x.startsAt.toISOString(), x.status])).toEqual([[callDue, 'reserved']]);

    // 3. The call task, due at the announced time, carries the preparation.
    await h.advanceTo(iso(at(tuesday, '09:14')));
    const call = await openTaskOf(h, e, 'announced-call');
    expect(call.dueAt).toBe(callDue);
    const queue = await h.api<{ data: Array<{ id: string; prep: Record<string, any> }> }>('GET', `/v1/reps/${s.repId}/tasks`);
    const prep = queue.body.data.find((t) => t.id === call.taskId)!.prep;
    expect(prep.decisionMaker.name).toBe('Marie Curie');
    expect(prep.announcement.announcedCallAt).toBe(callDue);
    expect(prep).toMatchObject({ context: 'your Series B', pretext: 'We helped Initech cut rep ramp-up by 30%.', timeZone: PARIS });
    expect(prep.script).toContain('Marie');

    // No answer: the voicemail right away.
    const noAnswer = await complete(h, s, call.taskId, { outcome: 'no_answer' });
    expect(noAnswer.body.next?.stepId).toBe('voicemail');
    const vm = await openTaskOf(h, e, 'voicemail');
    // Voicemail left: callback at the next by-pass window (12:30, lunch) after the minimum gap.
    const afterVm = await complete(h, s, vm.taskId, { outcome: 'voicemail_left' });
    expect(afterVm.body.next?.stepId).toBe('callback');
    expect(local(afterVm.body.next!.dueAt, PARIS)).toBe(`${tuesday.toFormat('yyyy-MM-dd')} 12:30 (Tue)`);

    // Gatekeeper at 12:30: Jeanne says call back Wednesday 11:00; an objection is noted.
    await h.advanceTo(iso(at(tuesday, '12:31')));
    const cb1 = await openTaskOf(h, e, 'callback');
    const wednesday11 = at(tuesday.plus({ days: 1 }), '11:00');
    const gk = await complete(h, s, cb1.taskId, { outcome: 'gatekeeper', assistantName: 'Jeanne', callbackAt: iso(wednesday11), objections: ['We already work with a vendor'] });
    expect(gk.status).toBe(200);
    expect(gk.body.next).toEqual({ stepId: 'callback', dueAt: iso(wednesday11) });

    // The second callback, at the time given, greets Jeanne and recalls the objection.
    await h.advanceTo(iso(at(tuesday.plus({ days: 1 }), '11:01')));
    const cb2 = await openTaskOf(h, e, 'callback');
    expect(cb2.dueAt).toBe(iso(wednesday11));
    const q2 = await h.api<{ data: Array<{ id: string; prep: Record<string, any> }> }>('GET', `/v1/reps/${s.repId}/tasks`);
    const prep2 = q2.body.data.find((t) => t.id === cb2.taskId)!.prep;
    expect(prep2.assistantName).toBe('Jeanne');
    expect(prep2.objectionsHeard).toEqual(['We already work with a vendor']);
    expect(prep2.script).toContain('Jeanne');

    const meeting = await complete(h, s, cb2.taskId, { outcome: 'meeting_booked', note: 'Demo on Friday' });
    expect(meeting.body.next).toBeNull();
    const result = (await h.env.client.workflow.getHandle(e.workflowId).result()) as EnrollmentResult;
    expect(result).toMatchObject({ status: 'completed', reason: 'meeting_booked' });
    await recordHistory(h.env.client, e.workflowId, 'announced-call-paris-meeting');

    const [row] = await h.db.db.select().from(enrollments).where(eq(enrollments.id, e.id));
    expect(row).toMatchObject({ status: 'completed', stopReason: 'meeting_booked' });
    const types = (await h.db.db.select({ type: events.type }).from(events).where(eq(events.enrollmentId, e.id))).map((x) => x.type);
    expect(types.filter((t) => t === 'task.created')).toHaveLength(5);
    expect(types).toEqual(expect.arrayContaining(['email.sent', 'call.logged', 'objection.heard', 'meeting.booked', 'enrollment.completed']));
    expect((await h.db.db.select().from(callSlots).where(and(eq(callSlots.enrollmentId, e.id), eq(callSlots.status, 'reserved'))))).toHaveLength(0);
  });

  it('keeps 08:00 and 09:15 local across the spring-forward change', async () => {
    const dst = nextSpringForward(await h.now(), PARIS, 'FR'); // a Sunday
    const friday = at(dst.minus({ days: 2 }), '10:00');
    await h.advanceTo(iso(friday));
    const prospectId = await addProspect(h, s, 'lea@initech.test', { firstName: 'Léa', lastName: 'Roux' });
    const e = await enroll(h, s, { prospectId });
    const note = await openTaskOf(h, e, 'linkedin-note');
    expect(local(note.dueAt, PARIS)).toBe(`${friday.toFormat('yyyy-MM-dd')} 10:00 (Fri)`);
    expect(friday.offset).toBe(60); // CET
    const done = await complete(h, s, note.taskId, { outcome: 'done' });
    // Next business day after Friday is Monday, after the change: 08:00 CEST is 06:00Z, not 07:00Z.
    const monday = at(dst.plus({ days: 1 }), '08:00');
    expect(monday.offset).toBe(120); // CEST
    expect(done.body.next?.dueAt).toBe(iso(monday));
    expect(iso(monday)).toMatch(/T06:00:00\.000Z$/);
    await h.advanceTo(iso(at(dst.plus({ days: 1 }), '08:01')));
    const callDue = await dueOf(h, e, 'announced-call');
    expect(callDue).toBe(iso(at(dst.plus({ days: 1 }), '09:15')));
    expect(callDue).toMatch(/T07:15:00\.000Z$/);
    const [email] = await h.db.db.select().from(touches).where(eq(touches.enrollmentId, e.id));
    expect(email!.body).toContain('09:15');
    const stopped = await h.api('POST', `/v1/enrollments/${e.id}/stop`, { reason: 'end of test' });
    expect(stopped.status).toBe(200);
    await h.env.client.workflow.getHandle(e.workflowId).result();
    await recordHistory(h.env.client, e.workflowId, 'announced-call-paris-dst-stopped');
  });
});
