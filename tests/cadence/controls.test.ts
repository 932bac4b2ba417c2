// Rep and ops controls on a running cadence, through the API's enrollment actions (workflow
// Updates): what GET shows is coming and when, pause and resume (an email due during the pause
// is not sent, then planned again), skip, reschedule, and stop (tasks cancelled, call slots
// released).
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events, tasks, touches } from '../../db/schema.js';
import { addProspect, complete, dueOf, enroll, local, openTaskOf, status, waitFor, type CadenceHarness, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso } from '../support/dates.js';
import { enrollmentPath, resultOf } from '../support/cadence-api.js';
import { nextWorkday, PARIS, toAnnouncedCall } from '../support/cadence-paths.js';
import { enrollmentRow, eventTypes, reservedSlots, taskRow } from '../support/cadence-rows.js';

let h: CadenceHarness;
let s: Seed;

withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

type EnrollmentJson = {
  id: string;
  status: string;
  stopReason: string | null;
  live?: {
    phase: string;
    dueAt: string | null;
    pausedUntil: string | null;
    currentTask: { taskId: string; stepId: string; dueAt: string } | null;
    upcoming: Array<{ stepId: string; type: string; dueAt: string }>;
    history: Array<{ at: string; type: string; stepId?: string; detail?: string }>;
  } | null;
};

const day = (d: { toFormat: (f: string) => string }) => d.toFormat('yyyy-MM-dd');
const dow = (d: { toFormat: (f: string) => string }) => d.toFormat('ccc');

async function enrolledWithNoteOpen(email: string) {
  const monday = await nextWorkday(h);
  await h.advanceTo(iso(monday));
  const prospectId = await addProspect(h, s, email);
  const e = await enroll(h, s, { prospectId });
  const note = await openTaskOf(h, e, 'linkedin-note');
  return { e, note, start: monday, prospectId };
}

describe('enrollment controls', () => {
  it('GET shows the upcoming steps with their due times, and the history', async () => {
    const { e, note, start } = await enrolledWithNoteOpen('upcoming@initech.test');
    const next = start.plus({ days: 1 });
    const res = await h.api<EnrollmentJson>('GET', enrollmentPath(s, e));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: e.id, status: 'active' });
    const live = res.body.live!;
    expect(live.phase).toBe('task_open');
    expect(live.currentTask).toMatchObject({ taskId: note.taskId, stepId: 'linkedin-note' });
    expect(local(live.currentTask!.dueAt, PARIS)).toBe(`${day(start)} 10:00 (${dow(start)})`);
    expect(live.upcoming.map((u) => [u.stepId, u.type, local(u.dueAt, PARIS)])).toEqual([
      ['linkedin-note', 'linkedin_note', `${day(start)} 10:00 (${dow(start)})`],
      ['announce-email', 'email', `${day(next)} 08:00 (${dow(next)})`],
      ['announced-call', 'call', `${day(next)} 09:15 (${dow(next)})`],
      ['voicemail', 'voicemail', `${day(next)} 09:15 (${dow(next)})`],
      ['callback', 'callback', `${day(next)} 12:30 (${dow(next)})`],
    ]);
    expect(live.history.map((x) => x.type)).toEqual(['enrollment.started', 'task.created']);
    expect(live.history[1]).toMatchObject({ stepId: 'linkedin-note', detail: note.taskId });

    // After the note, the upcoming list starts at the email, and the history grew.
    expect((await complete(h, s, note.taskId, { outcome: 'done' })).status).toBe(200);
    await dueOf(h, e, 'announce-email');
    const after = (await h.api<EnrollmentJson>('GET', enrollmentPath(s, e))).body.live!;
    expect(after.phase).toBe('waiting');
    expect(after.dueAt).toBe(iso(at(next, '08:00')));
    expect(after.upcoming.map((u) => u.stepId)).toEqual(['announce-email', 'announced-call', 'voicemail', 'callback']);
    expect(after.history.map((x) => x.type)).toEqual(['enrollment.started', 'task.created', 'outcome']);
    expect(after.history[2]).toMatchObject({ stepId: 'linkedin-note', detail: 'done' });
    expect((await h.api('POST', enrollmentPath(s, e, 'stop'), { reason: 'end of test' })).status).toBe(200);
  });

  it('pause holds the 08:00 email; resume plans it again for the next 08:00', async () => {
    const { e, note, start } = await enrolledWithNoteOpen('pause@initech.test');
    expect((await complete(h, s, note.taskId, { outcome: 'done' })).status).toBe(200);
    const tuesday = start.plus({ days: 1 });
    expect(await dueOf(h, e, 'announce-email')).toBe(iso(at(tuesday, '08:00')));

    const paused = await h.api<EnrollmentJson>('POST', enrollmentPath(s, e, 'pause'), { reason: 'prospect at a trade show' });
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('paused');
    expect(paused.body.live?.pausedUntil).toBeNull();
    expect((await enrollmentRow(h, e)).status).toBe('paused');
    expect(await eventTypes(h, e)).toContain('enrollment.paused');

    // The email's time passes: nothing is sent while paused.
    await h.advanceTo(iso(at(tuesday, '09:00')));
    expect(await h.db.db.select().from(touches).where(eq(touches.enrollmentId, e.id))).toHaveLength(0);
    expect((await status(h, e)).status).toBe('paused');
    expect(await h.db.db.select().from(tasks).where(eq(tasks.enrollmentId, e.id))).toHaveLength(1);

    const resumed = await h.api<EnrollmentJson>('POST', enrollmentPath(s, e, 'resume'), { reason: 'back from the show' });
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('active');
    expect((await enrollmentRow(h, e)).status).toBe('active');
    // Not fired late at 09:00: planned again for the next morning at 08:00.
    const wednesday = tuesday.plus({ days: 1 });
    const replanned = await waitFor(h, e, (v) => v.phase === 'waiting' && v.dueAt !== iso(at(tuesday, '08:00')), 'the email to be planned again');
    expect(replanned.stepId).toBe('announce-email');
    expect(replanned.dueAt).toBe(iso(at(wednesday, '08:00')));
    expect(await h.db.db.select().from(touches).where(eq(touches.enrollmentId, e.id))).toHaveLength(0);

    await h.advanceTo(iso(at(wednesday, '08:01')));
    const callTask = await openTaskOf(h, e, 'announced-call');
    expect(callTask.dueAt).toBe(iso(at(wednesday, '09:15')));
    const sent = await h.db.db.select().from(touches).where(eq(touches.enrollmentId, e.id));
    expect(sent).toHaveLength(1);
    expect(local(sent[0]!.sentAt!.toISOString(), PARIS)).toBe(`${day(wednesday)} 08:00 (${dow(wednesday)})`);
    expect(await eventTypes(h, e)).toEqual(expect.arrayContaining(['enrollment.paused', 'enrollment.resumed', 'email.sent']));
    expect((await h.api('POST', enrollmentPath(s, e, 'stop'), { reason: 'end of test' })).status).toBe(200);
  });

  it('skip cancels the LinkedIn note task and moves on to the email', async () => {
    const { e, note, start } = await enrolledWithNoteOpen('skip@initech.test');
    const res = await h.api<EnrollmentJson>('POST', enrollmentPath(s, e, 'skip'), { reason: 'no LinkedIn profile' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('active');

    const due = await dueOf(h, e, 'announce-email');
    expect(due).toBe(iso(at(start.plus({ days: 1 }), '08:00')));
    const skippedTask = await taskRow(h, note.taskId);
    expect(skippedTask.status).toBe('cancelled');
    expect(skippedTask.outcome).toBeNull();
    const skipped = await h.db.db.select().from(events).where(and(eq(events.enrollmentId, e.id), eq(events.type, 'step.skipped')));
    expect(skipped.map((x) => x.payload)).toEqual([{ stepId: 'linkedin-note', reason: 'no LinkedIn profile' }]);
    expect((await status(h, e)).history.map((x) => x.type)).toContain('step.skipped');
    // Besides the skipped note, only the call the email will announce, shown as upcoming.
    const rows = await h.db.db.select().from(tasks).where(eq(tasks.enrollmentId, e.id)).orderBy(tasks.createdAt);
    expect(rows.map((t) => [t.stepKey, t.status])).toEqual([['linkedin-note#1', 'cancelled'], ['announced-call#1', 'upcoming']]);
    expect((await h.api('POST', enrollmentPath(s, e, 'stop'), { reason: 'end of test' })).status).toBe(200);
  });

  it('reschedule moves the open task (row and status) to the new time', async () => {
    const { e, note, start } = await enrolledWithNoteOpen('reschedule@initech.test');
    const newDue = at(start, '15:00');
    const res = await h.api<EnrollmentJson>('POST', enrollmentPath(s, e, 'reschedule'), { at: iso(newDue), reason: 'prospect posts in the afternoon' });
    expect(res.status).toBe(200);
    expect(res.body.live?.dueAt).toBe(iso(newDue));

    // The same task, still open, now due at 15:00.
    const moved = await waitFor(h, e, (v) => v.phase === 'task_open' && v.currentTask?.dueAt === iso(newDue), 'the moved task');
    expect(moved.currentTask?.taskId).toBe(note.taskId);
    expect(moved.dueAt).toBe(iso(newDue));
    const row = await taskRow(h, note.taskId);
    expect(row.status).toBe('open');
    expect(row.dueAt.toISOString()).toBe(iso(newDue));
    expect(await h.db.db.select().from(tasks).where(eq(tasks.enrollmentId, e.id))).toHaveLength(1);
    const ev = await h.db.db.select().from(events).where(and(eq(events.enrollmentId, e.id), eq(events.type, 'step.rescheduled')));
    expect(ev.map((x) => x.payload)).toEqual([{ taskId: note.taskId, dueAt: iso(newDue), reason: 'prospect posts in the afternoon' }]);

    // Completing it later moves on as usual.
    await h.advanceTo(iso(at(start, '15:05')));
    const done = await complete(h, s, note.taskId, { outcome: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.next).toEqual({ stepId: 'announce-email', dueAt: iso(at(start.plus({ days: 1 }), '08:00')) });
    expect((await h.api('POST', enrollmentPath(s, e, 'stop'), { reason: 'end of test' })).status).toBe(200);
  });

  it('stop ends the cadence: result stopped with the reason, tasks cancelled, call slot released', async () => {
    const { e, call } = await toAnnouncedCall(h, s, 'stop@initech.test');
    const [slot] = await reservedSlots(h, e);
    expect(slot?.startsAt.toISOString()).toBe(call.dueAt);

    const res = await h.api<EnrollmentJson>('POST', enrollmentPath(s, e, 'stop'), { reason: 'account signed with a competitor' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('stopped');
    expect(res.body.stopReason).toContain('account signed with a competitor');
    expect(res.body.live?.phase).toBe('finished');
    expect(res.body.live?.upcoming).toEqual([]);

    const result = await resultOf(h, e);
    expect(result.status).toBe('stopped');
    expect(result.reason).toContain('account signed with a competitor');
    expect(await enrollmentRow(h, e)).toMatchObject({ status: 'stopped', stopReason: result.reason });
    expect((await taskRow(h, call.taskId)).status).toBe('cancelled');
    expect(await h.db.db.select().from(tasks).where(and(eq(tasks.enrollmentId, e.id), eq(tasks.status, 'open')))).toHaveLength(0);
    expect(await reservedSlots(h, e)).toHaveLength(0);
    expect(await eventTypes(h, e)).toContain('enrollment.stopped');
  });
});

describe('pause holds human steps', () => {
  it('a paused cadence puts no new task in the queue; resuming opens it', async () => {
    const { e, call: callTask } = await toAnnouncedCall(h, s, 'held@globex.test');
    const paused = await h.api('POST', enrollmentPath(s, e, 'pause'), { reason: 'prospect on holiday' });
    expect(paused.status).toBe(200);
    // The rep logs the call made before the pause took effect: allowed, but the voicemail waits.
    const logged = await complete(h, s, callTask.taskId, { outcome: 'no_answer' });
    expect(logged.status).toBe(200);
    await waitFor(h, e, (v) => v.stepId === 'voicemail', 'the voicemail step');
    const openTasks = await h.db.db.select().from(tasks).where(and(eq(tasks.enrollmentId, e.id), eq(tasks.status, 'open')));
    expect(openTasks).toHaveLength(0);
    expect((await status(h, e)).phase).not.toBe('task_open');

    const resumed = await h.api('POST', enrollmentPath(s, e, 'resume'), {});
    expect(resumed.status).toBe(200);
    const vm = await openTaskOf(h, e, 'voicemail');
    expect((await taskRow(h, vm.taskId))?.status).toBe('open');
    await h.api('POST', enrollmentPath(s, e, 'stop'), { reason: 'end of test' });
  });
});
