// Every outcome of the announced call that the Paris end-to-end test does not cover, on the
// time-skipping server through the real API: connected ends the cadence as connected, not
// interested and wrong number stop it; and the broken announcement (nobody logs the 09:15 call
// within its grace window) marks the task missed and falls back to the next by-pass callback; the
// prospect's out-of-office past the announced time voids the call instead of breaking it.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { callSlots, events, tasks } from '../../db/schema.js';
import { complete, local, openTaskOf, status, waitFor, type CadenceHarness, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso } from '../support/dates.js';
import { recordHistory } from '../support/histories.js';
import { enrollmentPath, eventsPath, resultOf } from '../support/cadence-api.js';
import { PARIS, toAnnouncedCall } from '../support/cadence-paths.js';
import { enrollmentRow, eventTypes, reservedSlots, taskRow } from '../support/cadence-rows.js';

let h: CadenceHarness;
let s: Seed;

withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

describe('announced call outcomes', () => {
  it('connected: the cadence completes as connected, nothing left open or reserved', async () => {
    const { e, call } = await toAnnouncedCall(h, s, 'connected@initech.test');
    expect(await reservedSlots(h, e)).toHaveLength(1);

    const res = await complete(h, s, call.taskId, { outcome: 'connected', note: 'Spoke with her, sending the case study' });
    expect(res.status).toBe(200);
    expect(res.body.enrollmentStatus).toBe('completed');
    expect(res.body.next).toBeNull();
    expect(res.body.task).toMatchObject({ status: 'done', outcome: { outcome: 'connected', note: 'Spoke with her, sending the case study' } });

    expect(await resultOf(h, e)).toMatchObject({ status: 'completed', reason: 'connected', stepsRun: 3 });
    expect(await enrollmentRow(h, e)).toMatchObject({ status: 'completed', stopReason: 'connected' });
    const rows = await h.db.db.select().from(tasks).where(eq(tasks.enrollmentId, e.id));
    expect(rows.map((t) => [t.stepKey, t.status])).toEqual(
      expect.arrayContaining([
        ['linkedin-note#1', 'done'],
        ['announced-call#1', 'done'],
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(await reservedSlots(h, e)).toHaveLength(0);
    expect(await eventTypes(h, e)).toEqual(expect.arrayContaining(['call.logged', 'note.added', 'enrollment.completed']));
  });

  it.each([
    ['not_interested', 'notinterested@initech.test'],
    ['wrong_number', 'wrongnumber@initech.test'],
  ] as const)('%s: the cadence stops with that reason', async (outcome, email) => {
    const { e, call } = await toAnnouncedCall(h, s, email);
    const res = await complete(h, s, call.taskId, { outcome, objections: ['Not a priority this year'] });
    expect(res.status).toBe(200);
    expect(res.body.enrollmentStatus).toBe('stopped');
    expect(res.body.next).toBeNull();
    expect(res.body.task.status).toBe('done');

    expect(await resultOf(h, e)).toMatchObject({ status: 'stopped', reason: outcome });
    expect(await enrollmentRow(h, e)).toMatchObject({ status: 'stopped', stopReason: outcome });
    const rows = await h.db.db.select().from(tasks).where(eq(tasks.enrollmentId, e.id));
    expect(rows).toHaveLength(2);
    expect(rows.filter((t) => t.status === 'open')).toHaveLength(0);
    expect(await reservedSlots(h, e)).toHaveLength(0);
    const types = await eventTypes(h, e);
    expect(types).toEqual(expect.arrayContaining(['call.logged', 'objection.heard', 'enrollment.stopped']));
  });

  it('broken announcement: the 09:15 call not logged by 09:30 is missed and the callback goes to 12:30', async () => {
    const { e, call, callDay } = await toAnnouncedCall(h, s, 'broken@initech.test');
    const callDate = callDay.toFormat('yyyy-MM-dd');
    const weekday = callDay.toFormat('ccc');

    // Within the grace window the task is still open and nothing is broken.
    await h.advanceTo(iso(at(callDay, '09:29')));
    expect((await taskRow(h, call.taskId)).status).toBe('open');
    expect(await eventTypes(h, e)).not.toContain('announcement.broken');

    await h.advanceTo(iso(at(callDay, '09:31')));
    const callback = await openTaskOf(h, e, 'callback');
    const missed = await taskRow(h, call.taskId);
    expect(missed.status).toBe('missed');
    expect(missed.outcome).toBeNull();
    expect(local(missed.completedAt!.toISOString(), PARIS)).toBe(`${callDate} 09:30 (${weekday})`);

    const broken = await h.db.db.select().from(events).where(and(eq(events.enrollmentId, e.id), eq(events.type, 'announcement.broken')));
    expect(broken).toHaveLength(1);
    expect(broken[0]!.payload).toEqual({ taskId: call.taskId, announcedCallAt: iso(at(callDay, '09:15')) });
    expect(await eventTypes(h, e)).toContain('task.missed');
    // The broken announcement's slot is given back, not left reserved.
    const slots = await h.db.db.select().from(callSlots).where(eq(callSlots.enrollmentId, e.id));
    expect(slots.map((x) => [x.stepKey, x.status])).toEqual([['announced-call#1', 'released']]);

    // Not called late: the next by-pass window, lunch.
    expect(local(callback.dueAt, PARIS)).toBe(`${callDate} 12:30 (${weekday})`);
    const cbRow = await taskRow(h, callback.taskId);
    expect(cbRow).toMatchObject({ status: 'open', stepKey: 'callback#1', kind: 'callback' });
    expect(cbRow.dueAt.toISOString()).toBe(callback.dueAt);
    const live = await status(h, e);
    expect(live.announcedCallAt).toBeNull();
    expect(live.history.map((x) => x.type)).toContain('announcement.broken');

    // The missed task cannot be logged any more.
    const late = await complete(h, s, call.taskId, { outcome: 'connected' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('missed');

    const stop = await h.api('POST', enrollmentPath(s, e, 'stop'), { reason: 'end of test' });
    expect(stop.status).toBe(200);
  });
  it("the prospect's out-of-office past the announced 09:15: the call is void, not broken; the callback waits for their return", async () => {
    const { e, prospectId, call, callDay } = await toAnnouncedCall(h, s, 'away@initech.test');
    const returnAt = at(callDay.plus({ days: 2 }), '12:00');
    const ooo = await h.api('POST', eventsPath(s, prospectId), { type: 'auto_reply', returnAt: iso(returnAt) });
    expect(ooo.status).toBe(202);

    await expect.poll(async () => (await taskRow(h, call.taskId)).status, { timeout: 10_000 }).toBe('cancelled');
    const voided = async () => (await h.db.db.select().from(events).where(and(eq(events.enrollmentId, e.id), eq(events.type, 'announcement.voided')))).map((v) => v.payload);
    await expect.poll(voided, { timeout: 10_000 }).toEqual([{ taskId: call.taskId, announcedCallAt: iso(at(callDay, '09:15')), reason: 'out_of_office', until: iso(returnAt) }]);
    const slots = async () => (await h.db.db.select().from(callSlots).where(eq(callSlots.enrollmentId, e.id))).map((x) => [x.stepKey, x.status]);
    await expect.poll(slots, { timeout: 10_000 }).toEqual([['announced-call#1', 'released']]);

    // 09:31 comes and goes while they are away: nothing is missed, nothing broken, no callback due.
    await h.advanceTo(iso(at(callDay, '09:31')));
    expect(await eventTypes(h, e)).not.toContain('announcement.broken');
    expect((await h.db.db.select().from(tasks).where(eq(tasks.enrollmentId, e.id))).filter((t) => t.status === 'missed' || t.status === 'open')).toEqual([]);
    expect((await status(h, e)).status).toBe('paused');

    // Back at noon two days later: the callback comes at the next by-pass window after their return.
    await h.advanceTo(iso(at(returnAt, '12:01')));
    const callback = await openTaskOf(h, e, 'callback');
    expect(Date.parse(callback.dueAt)).toBeGreaterThanOrEqual(returnAt.toMillis());
    expect((await status(h, e)).status).toBe('active');
    expect((await h.api('POST', enrollmentPath(s, e, 'stop'), { reason: 'end of test' })).status).toBe(200);
    await resultOf(h, e);
    await recordHistory(h.env.client, e.workflowId, 'announced-call-away-voided');
  });

  it('an out-of-office ending before the announced call leaves the call open', async () => {
    const { e, prospectId, call, callDay } = await toAnnouncedCall(h, s, 'backsoon@initech.test');
    const ooo = await h.api('POST', eventsPath(s, prospectId), { type: 'auto_reply', returnAt: iso(at(callDay, '09:00')) });
    expect(ooo.status).toBe(202);
    await waitFor(h, e, (v) => v.status === 'paused', 'the pause');
    expect((await taskRow(h, call.taskId)).status).toBe('open');
    expect(await eventTypes(h, e)).not.toContain('announcement.voided');
    expect((await complete(h, s, call.taskId, { outcome: 'connected' })).status).toBe(200);
  });
});
