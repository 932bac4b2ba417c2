// A booked meeting becomes a handoff, followed up by its own workflow on the time-skipping server:
// the field rep is asked for the outcome once the meeting is over (a task and an event), reminded
// a day later, then their manager is told; a reschedule keeps the same handoff; the outcome ends it.
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events, handoffs, tasks } from '../../db/schema.js';
import { handoffWorkflowId } from '../../workflows/handoff/messages.js';
import { complete, enroll, openTaskOf, type CadenceHarness, type Seed, withSeededHarness } from '../support/cadence.js';
import { at, iso, nextWorkingMonday } from '../support/dates.js';
import { recordHistory } from '../support/histories.js';
import { actingAs, addUser } from '../support/people.js';

const PARIS = 'Europe/Paris';
let h: CadenceHarness;
let s: Seed;
withSeededHarness({ timeZone: PARIS }, (started) => ({ h, s } = started));

type Handoff = { id: string; status: string; fieldRepId: string | null; setterId: string; meetingAt: string | null; reschedules: number; notes: string | null; recordingUrl: string | null; context: string | null; pretext: string | null; location: string | null };

const handoffEvents = async (handoffId: string) =>
  (await h.db.db.select({ type: events.type, payload: events.payload }).from(events).where(and(eq(events.workspaceId, s.workspaceId), like(events.type, 'handoff.%'))).orderBy(events.id))
    .filter((e) => (e.payload as { handoffId?: string }).handoffId === handoffId)
    .map((e) => e.type);
const handoffTasks = async (handoffId: string) =>
  h.db.db.select({ kind: tasks.kind, repId: tasks.repId, status: tasks.status, title: tasks.title }).from(tasks).where(like(tasks.stepKey, `handoff:${handoffId}:%`)).orderBy(tasks.createdAt);

/** Polls the database (in real time) until the handoff's row satisfies the predicate. */
async function until(handoffId: string, pred: (row: typeof handoffs.$inferSelect) => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    const [row] = await h.db.db.select().from(handoffs).where(eq(handoffs.id, handoffId));
    if (row && pred(row)) return row;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('handoff follow-up', () => {
  let fieldManager: string;
  let fieldRep: string;

  it('books a meeting into a handoff, asks, reminds, tells the manager, follows a reschedule to its outcome', async () => {
    fieldManager = await addUser(h, { email: 'fm@acme.test', name: 'Fiona Field Manager', role: 'manager' });
    fieldRep = await addUser(h, { email: 'ae@acme.test', name: 'Alex Account Exec', fieldRep: true, managerId: fieldManager });
    const monday = nextWorkingMonday(await h.now(), PARIS, 'FR');
    await h.advanceTo(iso(monday));
    const e = await enroll(h, s, { sequence: 'expected-callback', context: 'asked for a demo', pretext: 'pricing page' });
    const call = await openTaskOf(h, e, 'inbound-call');

    // A meeting for someone who is not a field rep is refused, naming the field.
    const notField = await complete(h, s, call.taskId, { outcome: 'meeting_booked', meeting: { fieldRepId: s.repId } });
    expect(notField.status).toBe(422);
    expect(JSON.stringify(notField.body)).toContain('body.meeting.fieldRepId');

    const meetingAt = at(monday.plus({ days: 2 }), '14:00');
    const booked = await complete(h, s, call.taskId, {
      outcome: 'meeting_booked',
      note: 'Wants a pilot for 12 reps',
      objections: ['Too expensive'],
      meeting: { fieldRepId: fieldRep, startsAt: iso(meetingAt), location: 'Their office, Lyon', recordingUrl: 'https://calls.example.test/r/1' },
    });
    expect(booked.status).toBe(200);
    const list = await h.api<{ data: Handoff[] }>('GET', '/v1/handoffs');
    expect(list.body.data).toHaveLength(1);
    const handoff = list.body.data[0]!;
    expect(handoff).toMatchObject({
      setterId: s.repId,
      fieldRepId: fieldRep,
      meetingAt: iso(meetingAt),
      status: 'scheduled',
      location: 'Their office, Lyon',
      notes: 'Wants a pilot for 12 reps',
      recordingUrl: 'https://calls.example.test/r/1',
      context: 'asked for a demo',
      pretext: 'pricing page',
    });
    // Out of reach of a rep who neither set nor holds it, nor manages either.
    const asOther = await actingAs(h, await addUser(h, { email: 'other@acme.test', name: 'Olga Other' }));
    expect((await asOther<{ data: unknown[] }>('GET', '/v1/handoffs')).body.data).toEqual([]);
    expect((await asOther('GET', `/v1/handoffs/${handoff.id}`)).status).toBe(404);
    const wf = h.env.client.workflow.getHandle(handoffWorkflowId(handoff.id));
    expect((await wf.describe()).status.name).toBe('RUNNING');

    // Nothing asked before the meeting is over (default length 60 minutes).
    await h.advanceTo(iso(meetingAt.plus({ minutes: 59 })));
    expect(await handoffTasks(handoff.id)).toEqual([]);
    await h.advanceTo(iso(meetingAt.plus({ minutes: 61 })));
    await until(handoff.id, (r) => r.status === 'awaiting_outcome', 'the outcome to be asked');
    expect(await handoffTasks(handoff.id)).toEqual([expect.objectContaining({ kind: 'meeting_outcome', repId: fieldRep, status: 'open' })]);
    const asFieldRep = await actingAs(h, fieldRep);
    const queue = await asFieldRep<{ data: Array<{ kind: string; prep: { handoffId: string } }> }>('GET', `/v1/reps/${fieldRep}/tasks`);
    expect(queue.body.data.map((t) => [t.kind, t.prep.handoffId])).toEqual([['meeting_outcome', handoff.id]]);

    // Completing the question as a call task is refused: the outcome is the handoff's.
    const [question] = await h.db.db.select({ id: tasks.id }).from(tasks).where(like(tasks.stepKey, `handoff:${handoff.id}:%`));
    expect((await complete(h, s, question!.id, { outcome: 'done' })).status).toBe(409);

    // A day unanswered: the reminder; another day: the manager is told.
    await h.advanceTo(iso(meetingAt.plus({ minutes: 61, hours: 24 })));
    await until(handoff.id, (r) => r.remindedAt !== null, 'the reminder');
    expect((await handoffTasks(handoff.id))[0]!.title).toMatch(/^Reminder: Meeting outcome/);
    await h.advanceTo(iso(meetingAt.plus({ minutes: 62, hours: 48 })));
    await until(handoff.id, (r) => r.managerAlertedAt !== null, 'the manager to be told');
    expect((await handoffTasks(handoff.id)).map((t) => [t.kind, t.repId, t.status])).toEqual([
      ['meeting_outcome', fieldRep, 'open'],
      ['meeting_outcome_overdue', fieldManager, 'open'],
    ]);
    expect(await handoffEvents(handoff.id)).toEqual(['handoff.created', 'handoff.outcome_requested', 'handoff.outcome_reminder', 'handoff.outcome_overdue']);

    // The SDR may not report the outcome; the field rep reports a reschedule with its new time.
    const asSetter = await actingAs(h, s.repId);
    expect((await asSetter('POST', `/v1/handoffs/${handoff.id}/outcome`, { outcome: 'held' })).status).toBe(403);
    const newTime = at(meetingAt.plus({ days: 7 }), '11:00');
    const moved = await asFieldRep<Handoff>('POST', `/v1/handoffs/${handoff.id}/outcome`, { outcome: 'rescheduled', meetingAt: iso(newTime), note: 'Their CFO was ill' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: handoff.id, status: 'scheduled', meetingAt: iso(newTime), reschedules: 1 });
    expect((await handoffTasks(handoff.id)).map((t) => t.status)).toEqual(['done', 'done']);

    // The new time is followed up in turn; the manager reports it held, and the follow-up ends.
    await h.advanceTo(iso(newTime.plus({ minutes: 61 })));
    await until(handoff.id, (r) => r.status === 'awaiting_outcome', 'the second question');
    const asManager = await actingAs(h, fieldManager);
    const held = await asManager<Handoff>('POST', `/v1/handoffs/${handoff.id}/outcome`, { outcome: 'held', note: 'Pilot agreed' });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', reschedules: 1 });
    expect(await wf.result()).toEqual({ status: 'held' });
    await recordHistory(h.env.client, handoffWorkflowId(handoff.id), 'handoff-rescheduled-held');
    expect((await handoffTasks(handoff.id)).map((t) => [t.kind, t.status])).toEqual([
      ['meeting_outcome', 'done'],
      ['meeting_outcome_overdue', 'done'],
      ['meeting_outcome', 'done'],
    ]);
    expect(await handoffEvents(handoff.id)).toEqual([
      'handoff.created',
      'handoff.outcome_requested',
      'handoff.outcome_reminder',
      'handoff.outcome_overdue',
      'handoff.rescheduled',
      'handoff.outcome_requested',
      'handoff.outcome_recorded',
    ]);
    const again = await asManager<{ type: string }>('POST', `/v1/handoffs/${handoff.id}/outcome`, { outcome: 'no_show' });
    expect(again.status).toBe(409);
  });

  it('keeps a meeting booked without details to be scheduled, then follows it once given a time and a field rep', async () => {
    const e = await enroll(h, s, { sequence: 'expected-callback', prospectId: await newProspect('noel@initech.test') });
    const call = await openTaskOf(h, e, 'inbound-call');
    expect((await complete(h, s, call.taskId, { outcome: 'meeting_booked', note: 'Call me to fix a date' })).status).toBe(200);
    const [row] = await h.db.db.select().from(handoffs).where(eq(handoffs.sourceTaskId, call.taskId));
    expect(row).toMatchObject({ status: 'to_schedule', fieldRepId: null, meetingAt: null });

    const bad = await h.api<{ errors: Array<{ field: string }> }>('POST', `/v1/handoffs/${row!.id}/reschedule`, { meetingAt: 'tomorrow', reason: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((x) => x.field)).toContain('body.meetingAt');
    const notField = await h.api<{ errors: Array<{ field: string }> }>('POST', `/v1/handoffs/${row!.id}/reschedule`, { meetingAt: new Date((await h.now()) + 86_400_000).toISOString(), reason: 'x', fieldRepId: s.repId });
    expect(notField.status).toBe(422);
    expect(notField.body.errors.map((x) => x.field)).toEqual(['body.fieldRepId']);

    const when = new Date((await h.now()) + 2 * 86_400_000).toISOString();
    const given = await h.api<Handoff>('POST', `/v1/handoffs/${row!.id}/reschedule`, { meetingAt: when, reason: 'date agreed', fieldRepId: fieldRep, location: 'Video call' });
    expect(given.status).toBe(200);
    // A first time is not a reschedule.
    expect(given.body).toMatchObject({ status: 'scheduled', meetingAt: when, fieldRepId: fieldRep, reschedules: 0, location: 'Video call' });
    const noShow = await h.api<Handoff>('POST', `/v1/handoffs/${row!.id}/outcome`, { outcome: 'no_show' });
    expect(noShow.body.status).toBe('no_show');
    expect(await h.env.client.workflow.getHandle(handoffWorkflowId(row!.id)).result()).toEqual({ status: 'no_show' });
    expect((await h.api('GET', `/v1/handoffs/${row!.id}`)).status).toBe(200);
    // A handoff whose follow-up is not running (written by hand): a conflict about the handoff.
    const [orphan] = await h.db.db.insert(handoffs).values({ workspaceId: s.workspaceId, prospectId: s.prospectId, setterId: s.repId, fieldRepId: fieldRep, status: 'scheduled', meetingAt: new Date() }).returning();
    const stray = await h.api<{ detail: string }>('POST', `/v1/handoffs/${orphan!.id}/outcome`, { outcome: 'held' });
    expect([stray.status, stray.body.detail]).toEqual([409, "the handoff's follow-up is not running"]);
    const badPolicy = await h.api<{ errors: Array<{ field: string }> }>('PUT', '/v1/handoff-policy', { reminderAfterHours: 0 });
    expect(badPolicy.status).toBe(422);
    expect(badPolicy.body.errors.map((x) => x.field)).toEqual(['body.reminderAfterHours']);
    expect((await h.api('PUT', '/v1/handoff-policy', { reminderAfterHours: 4 })).status).toBe(200);
    expect((await h.api<{ effective: Record<string, number> }>('GET', '/v1/handoff-policy')).body.effective).toEqual({ meetingMinutes: 60, reminderAfterHours: 4, managerAfterHours: 24 });
    expect((await h.api('GET', `/v1/handoffs/00000000-0000-7000-8000-000000000000`)).status).toBe(404);
  });
});

async function newProspect(email: string): Promise<string> {
  const p = await h.api<{ id: string }>('POST', '/v1/prospects', { email, firstName: 'Noël', lastName: 'Petit', timeZone: PARIS });
  return p.body.id;
}
