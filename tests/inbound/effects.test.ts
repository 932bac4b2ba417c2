// What inbound deliveries do, with a real worker on the dev server: a lead is enrolled in the
// "Expected callback" cadence and its call tops the rep's queue; telephony completes the call
// task through the workflow; an email reply stops the cadence.
import { createHmac, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../api/server.js';
import { enrollments, events, handoffs, prospects, sequences, tasks } from '../../db/schema.js';
import { handoffWorkflowId } from '../../workflows/handoff/messages.js';
import { bookCrmMeeting } from '../../application/handoffs/crm-meeting.js';
import { createKeyedWorkspace, type KeyedWorkspace, createTestApp } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestWorker, type TestTemporal } from '../support/temporal.js';

let db: TestDatabase;
let temporal: TestTemporal;
let server: RunningServer;
let ws: KeyedWorkspace;
let repId: string;
const secrets: Record<string, string> = {};

const alwaysOpen = { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0 };
/** A cadence whose only task is due in two hours: already in the rep's queue, behind an inbound call. */
const laterTask = { schemaVersion: 1, key: 'research-later', name: 'Research later', timing: alwaysOpen, steps: [{ id: 'research', type: 'task', title: 'Research the account', timing: { kind: 'after', minutes: 120 } }] };

async function deliver(source: string, body: unknown, id = `msg_${randomUUID()}`) {
  const raw = JSON.stringify(body);
  const ts = Math.floor(Date.now() / 1000);
  const key = Buffer.from(secrets[source]!.slice('whsec_'.length), 'base64');
  const signature = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${raw}`).digest('base64')}`;
  const res = await fetch(`${server.url}/v1/inbound/${ws.workspaceId}/${source}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': signature },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

type QueueTask = { id: string; enrollmentId: string; stepKey: string; kind: string; dueAt: string };
async function queue(min: number): Promise<QueueTask[]> {
  for (let i = 0; i < 100; i++) {
    const res = await ws.call<{ data: QueueTask[] }>('GET', `/v1/reps/${repId}/tasks`);
    expect(res.status).toBe(200);
    if (res.body.data.length >= min) return res.body.data;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the queue never held ${min} tasks`);
}

async function enrollmentStatus(id: string, wanted: string) {
  for (let i = 0; i < 100; i++) {
    const [row] = await db.db.select().from(enrollments).where(eq(enrollments.id, id));
    if (row?.status === wanted) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`enrollment ${id} never became ${wanted}`);
}

beforeAll(async () => {
  db = await createTestDatabase();
  temporal = await startTestWorker(db.db);
  server = await startHttpServer(createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue }), '127.0.0.1', 0);
  ws = await createKeyedWorkspace({ request: (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init) } as never, { timeZone: 'UTC' });
  expect((await ws.call('PUT', '/v1/timing-rules', alwaysOpen)).status).toBe(200);
  const rep = await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep', phone: '+33 1 23 45 67 89' });
  expect(rep.status).toBe(201);
  repId = rep.body.id;
  for (const source of ['lead', 'telephony', 'email', 'linkedin', 'crm']) {
    const put = await ws.call<{ secret: string }>('PUT', `/v1/inbound-sources/${source}`);
    expect(put.status).toBe(201);
    secrets[source] = put.body.secret;
  }
});
afterAll(async () => {
  await server?.close();
  await temporal?.stop();
  await db?.drop();
});

describe('inbound effects', () => {
  it('a lead is enrolled in expected-callback, called within minutes, its call completed by telephony, its reply stops the cadence', async () => {
    // Another cadence already put a later task in the rep's queue.
    const other = await ws.call<{ id: string }>('POST', '/v1/prospects', { email: 'other@initech.test', firstName: 'Olga' });
    const seq = await ws.call<{ sequenceId: string }>('POST', '/v1/sequences', { definition: laterTask });
    expect([other.status, seq.status]).toEqual([201, 201]);
    const enrolled = await ws.call('POST', '/v1/enrollments', { prospectId: other.body.id, sequenceId: seq.body.sequenceId, repId });
    expect(enrolled.status).toBe(201);
    await queue(1);

    const lead = { email: 'Jane.Doe@Globex.test', firstName: 'Jane', lastName: 'Doe', company: 'Globex', phone: '+33 6 12 34 56 78', message: 'pricing for 50 seats' };
    const before = Date.now();
    const res = await deliver('lead', lead);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ applied: true, duplicate: false, prospectCreated: true, enrollmentCreated: true, repId });
    const prospectId = res.body.prospectId as string;
    const enrollmentId = res.body.enrollmentId as string;

    const [p] = await db.db.select().from(prospects).where(eq(prospects.id, prospectId));
    expect(p).toMatchObject({ email: 'jane.doe@globex.test', firstName: 'Jane', lastName: 'Doe', phone: '+33 6 12 34 56 78', workspaceId: ws.workspaceId });
    expect(p!.accountId).not.toBeNull();
    const [e] = await db.db.select({ key: sequences.key, context: enrollments.context, repId: enrollments.repId }).from(enrollments).innerJoin(sequences, eq(sequences.id, enrollments.sequenceId)).where(eq(enrollments.id, enrollmentId));
    expect(e).toEqual({ key: 'expected-callback', context: 'pricing for 50 seats', repId });

    // The inbound call is due within 5 minutes and tops the queue, ahead of the older task.
    const q = await queue(2);
    expect(q[0]).toMatchObject({ enrollmentId, kind: 'call' });
    expect(q[0]!.stepKey).toMatch(/^inbound-call#/);
    const due = Date.parse(q[0]!.dueAt);
    expect(due).toBeGreaterThanOrEqual(before);
    expect(due).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    expect(q[1]!.enrollmentId).toBe(enrolled.body.id);

    // The same person fills the form again: same prospect, same enrollment, nothing duplicated.
    const again = await deliver('lead', { email: 'jane.doe@globex.test', message: 'still interested' });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ applied: true, prospectId, prospectCreated: false, enrollmentId, enrollmentCreated: false });
    expect(await db.db.select().from(prospects).where(eq(prospects.email, 'jane.doe@globex.test'))).toHaveLength(1);

    // Telephony reports the call: no answer, which moves the cadence to the voicemail step.
    const callId = `call_${randomUUID()}`;
    const call = await deliver('telephony', { type: 'call.completed', taskId: q[0]!.id, disposition: 'no_answer', durationSeconds: 31, recordingUrl: 'https://tel.example/rec/1.mp3' }, callId);
    expect(call.status, JSON.stringify(call.body)).toBe(202);
    expect(call.body).toMatchObject({ applied: true, taskId: q[0]!.id, outcome: 'no_answer', enrollmentStatus: 'active', next: { stepId: 'voicemail' } });
    const [t] = await db.db.select().from(tasks).where(eq(tasks.id, q[0]!.id));
    expect(t).toMatchObject({ status: 'done', outcome: expect.objectContaining({ outcome: 'no_answer' }) });
    // A replay of the call report changes nothing (the task is no longer open).
    expect((await deliver('telephony', { type: 'call.completed', taskId: q[0]!.id, disposition: 'no_answer' }, callId)).body).toEqual({ duplicate: true });
    const reported = await db.db.select().from(events).where(and(eq(events.enrollmentId, enrollmentId), eq(events.type, 'call.reported')));
    expect(reported.map((r) => r.payload)).toEqual([expect.objectContaining({ recordingUrl: 'https://tel.example/rec/1.mp3', durationSeconds: 31 })]);

    // The voicemail task opened; then the lead replies by email.
    const [voicemail] = (await queue(2)).filter((x) => x.enrollmentId === enrollmentId);
    expect(voicemail!.stepKey).toMatch(/^voicemail#/);
    const stopped = await deliver('email', { type: 'reply', email: 'jane.doe@globex.test', subject: 'Re: your call' });
    expect(stopped.status).toBe(202);
    expect(stopped.body).toMatchObject({ applied: true, prospectId, enrollmentsSignalled: 1 });
    expect(await enrollmentStatus(enrollmentId, 'stopped')).toMatchObject({ stopReason: 'replied' });
    // The other prospect's cadence is untouched.
    expect((await db.db.select().from(enrollments).where(eq(enrollments.id, enrolled.body.id as string)))[0]!.status).toBe('active');
  });

  it('telephony finds the open task by enrollment and step; an unknown task is 404', async () => {
    const res = await deliver('lead', { email: 'bob@hooli.test', firstName: 'Bob' });
    expect(res.status).toBe(202);
    const enrollmentId = res.body.enrollmentId as string;
    await queue(1);
    const missing = await deliver('telephony', { type: 'call.completed', taskId: randomUUID(), disposition: 'connected' });
    expect(missing.status).toBe(404);
    const noKey = await deliver('telephony', { type: 'call.completed', disposition: 'connected' });
    expect(noKey.status).toBe(422);
    expect((noKey.body.errors as Array<{ field: string }>)[0]!.field).toBe('body.taskId');
    let done: Awaited<ReturnType<typeof deliver>> | undefined;
    for (let i = 0; i < 50 && done?.status !== 202; i++) {
      done = await deliver('telephony', { type: 'call.completed', enrollmentId, stepId: 'inbound-call', disposition: 'connected', note: 'Booked a demo' });
      if (done.status !== 202) await new Promise((r) => setTimeout(r, 100));
    }
    expect(done!.status, JSON.stringify(done!.body)).toBe(202);
    expect(done!.body).toMatchObject({ outcome: 'connected', enrollmentStatus: 'completed' });
    await enrollmentStatus(enrollmentId, 'completed');
  });

  it('LinkedIn events go on the timeline; a CRM meeting becomes a handoff and stops the cadence', async () => {
    const res = await deliver('lead', { email: 'carla@umbrella.test', firstName: 'Carla' });
    expect(res.status).toBe(202);
    const { prospectId, enrollmentId } = res.body as { prospectId: string; enrollmentId: string };
    await queue(1);
    const invite = await deliver('linkedin', { type: 'invite.accepted', email: 'carla@umbrella.test' });
    expect(invite.body).toMatchObject({ applied: true, prospectId, enrollmentsSignalled: 0 });
    const fieldRep = await ws.call<{ id: string }>('POST', '/v1/users', { email: 'Alex.AE@acme.test', name: 'Alex Account Exec', fieldRep: true });
    expect(fieldRep.status, JSON.stringify(fieldRep.body)).toBe(201);
    const meetingAt = new Date(Date.now() + 86_400_000).toISOString();
    const crmMeeting = { type: 'meeting_booked', email: 'carla@umbrella.test', meetingAt, location: 'Umbrella HQ', note: 'Demo for the ops team', fieldRepEmail: 'alex.ae@acme.test' };
    const meeting = await deliver('crm', crmMeeting, 'crm_meeting_1');
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(202);
    expect(meeting.body).toMatchObject({ applied: true, prospectId, enrollmentsStopped: 1, handoffId: expect.any(String) });
    // The meeting is a handoff: credited to the rep whose cadence ran, held by the field rep named, followed up.
    const handoffId = meeting.body.handoffId as string;
    const [handoff] = await db.db.select().from(handoffs).where(eq(handoffs.id, handoffId));
    expect(handoff).toMatchObject({ prospectId, enrollmentId, setterId: repId, fieldRepId: fieldRep.body.id, status: 'scheduled', location: 'Umbrella HQ', notes: 'Demo for the ops team' });
    expect(handoff!.meetingAt!.toISOString()).toBe(meetingAt);
    expect((await temporal.client.workflow.getHandle(handoffWorkflowId(handoffId)).describe()).status.name).toBe('RUNNING');
    // The CRM sends it again (same message): the same handoff, nothing twice.
    const again = await deliver('crm', crmMeeting, 'crm_meeting_1');
    expect(again.status).toBe(200);
    expect(await db.db.select({ id: handoffs.id }).from(handoffs).where(eq(handoffs.prospectId, prospectId))).toEqual([{ id: handoffId }]);
    // The same message applied twice past the receipt (two API processes at once): one handoff.
    const twice = { workspaceId: ws.workspaceId, prospectId, dedupeKey: `crm-twice:${prospectId}`, meetingAt: null, location: null, note: null, setterEmail: null, fieldRepEmail: null };
    const [first, second] = [await bookCrmMeeting(db.db, twice), await bookCrmMeeting(db.db, twice)];
    expect(second.handoffId).toBe(first.handoffId);
    expect(await db.db.select({ id: handoffs.id }).from(handoffs).where(eq(handoffs.prospectId, prospectId))).toHaveLength(2);
    // A field rep the workspace does not have: the handoff waits for one, and the answer says so.
    const unknownRep = await deliver('crm', { ...crmMeeting, fieldRepEmail: 'nobody@acme.test' });
    expect(unknownRep.body).toMatchObject({ applied: true, fieldRep: 'no field rep with this email: assign one on the handoff' });
    const [waiting] = await db.db.select().from(handoffs).where(eq(handoffs.id, unknownRep.body.handoffId as string));
    expect(waiting).toMatchObject({ fieldRepId: null, status: 'to_schedule' });
    expect(await enrollmentStatus(enrollmentId, 'stopped')).toMatchObject({ stopReason: 'stopped: meeting booked in the CRM' });
    const types = (await db.db.select().from(events).where(eq(events.prospectId, prospectId))).map((x) => x.type);
    expect(types).toEqual(expect.arrayContaining(['lead.received', 'linkedin.invite_accepted', 'meeting.booked']));
    const unknown = await deliver('linkedin', { type: 'message.replied', linkedinUrl: 'https://www.linkedin.com/in/nobody/' });
    expect(unknown.body).toMatchObject({ applied: false });
  });
});
