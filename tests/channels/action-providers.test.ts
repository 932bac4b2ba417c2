// Action providers end to end, on a real worker and the real outbox dispatcher: local HTTP
// servers play a LinkedIn automation and a telephony service. Relance POSTs each action signed
// with the provider's secret (the same webhook-id on a retry); the service reports back through
// the signed inbound webhook at the resultUrl it was given; the task closes and the cadence
// moves on. Without a provider, the step is a plain rep task.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { startHttpServer, type RunningServer } from '../../api/server.js';
import { createHttpActionProvider, type actionPayload } from '../../channels/actions/http.js';
import type { OutboundAction } from '../../channels/types.js';
import { createTaskActivities } from '../../activities/tasks.js';
import { actionProviders, calendarHolds, enrollments, events, mailboxes, tasks, touches } from '../../db/schema.js';
import { EMPTY_ALLOW_LIST, parseAllowList } from '../../security/ssrf.js';
import { createKeyedWorkspace, type KeyedWorkspace, createTestApp, type Problem } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestWorker, testChannelRegistry, type TestTemporal } from '../support/temporal.js';
import { startReceiver, waitFor, type Receiver } from '../webhooks/receiver.js';
import { testSecurity } from '../support/security.js';

const loopback = parseAllowList('127.0.0.1');
const alwaysOpen = { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0 };
// The warm-up rule (tests/work/warm-before-call.test.ts) is not what these tests are about.
const sequence = (key: string, steps: unknown[]) => ({ schemaVersion: 1, key, name: key, timing: alwaysOpen, coldCallReason: 'Channel tests: calls come first on purpose.', steps });
const NOTE = { id: 'note', type: 'linkedin_note', timing: { kind: 'immediately' }, template: { body: 'Hello {{prospect.firstName}}, {{rep.name}} here: I will call you shortly.' } };
const CALL = { id: 'call', type: 'call', timing: { kind: 'immediately' }, on: { connected: 'end', no_answer: 'end' }, template: { body: 'Call {{prospect.fullName}} about the pilot.' } };

let db: TestDatabase;
let temporal: TestTemporal;
let server: RunningServer;
let ws: KeyedWorkspace;
let repId: string;
let linkedin: Receiver;
let telephony: Receiver;
const inboundSecrets: Record<string, string> = {};
const providerSecrets: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  linkedin = await startReceiver(() => 202);
  // The telephony service is busy once, then takes the call.
  telephony = await startReceiver((_msg, n) => (n === 0 ? 503 : 200));
  // The HTTP server comes first: its URL is the public URL result webhooks are sent to.
  let app: RelanceApp | null = null;
  server = await startHttpServer({ fetch: (req: Request) => app!.fetch(req) } as unknown as RelanceApp, '127.0.0.1', 0);
  temporal = await startTestWorker(db.db, { channels: testChannelRegistry({ publicUrl: server.url, actions: { allowList: loopback } }) });
  app = createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue, allowList: loopback });
  ws = await createKeyedWorkspace(app, { timeZone: 'UTC' });
  expect((await ws.call('PUT', '/v1/timing-rules', alwaysOpen)).status).toBe(200);
  repId = (await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep', phone: '+33 1 23 45 67 89' })).body.id;
  for (const source of ['telephony', 'linkedin']) inboundSecrets[source] = (await ws.call<{ secret: string }>('PUT', `/v1/inbound-sources/${source}`)).body.secret;
});
afterAll(async () => {
  await server?.close();
  await temporal?.stop();
  await linkedin?.close();
  await telephony?.close();
  await db?.drop();
});

type Action = ReturnType<typeof actionPayload>;

/** What the external service does with the result: a signed POST to the resultUrl it was given. */
async function report(resultUrl: string, source: string, body: unknown, id = `msg_${randomUUID()}`) {
  const raw = JSON.stringify(body);
  const at = new Date();
  const res = await fetch(resultUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(inboundSecrets[source]!).sign(id, at, raw) },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The n-th request a service received, its signature checked with the provider's secret. */
async function nthRequest(r: Receiver, n: number, secret: string): Promise<Action & { webhookId: string }> {
  const msg = await waitFor(`request ${n + 1} to ${r.url}`, () => r.received[n]);
  const verified = new Webhook(secret).verify(msg.body, { 'webhook-id': msg.id, 'webhook-timestamp': msg.timestamp, 'webhook-signature': msg.signature }) as Action;
  return { ...verified, webhookId: msg.id };
}

async function enroll(email: string, definition: unknown) {
  const p = await ws.call<{ id: string }>('POST', '/v1/prospects', { email, firstName: 'Marie', lastName: 'Curie', phone: '+33 6 00 00 00 01', linkedinUrl: `https://www.linkedin.com/in/${email.split('@')[0]}` });
  const s = await ws.call<{ sequenceId: string }>('POST', '/v1/sequences', { definition });
  expect([p.status, s.status], JSON.stringify(s.body)).toEqual([201, 201]);
  const e = await ws.call<{ id: string }>('POST', '/v1/enrollments', { prospectId: p.body.id, sequenceId: s.body.sequenceId, repId });
  expect(e.status, JSON.stringify(e.body)).toBe(201);
  return e.body.id;
}

const taskOf = (enrollmentId: string, stepKey: string) =>
  waitFor(`task ${stepKey}`, async () => (await db.db.select().from(tasks).where(and(eq(tasks.enrollmentId, enrollmentId), eq(tasks.stepKey, stepKey))))[0]);
const touchRow = async (id: string) => (await db.db.select().from(touches).where(eq(touches.id, id)))[0]!;

describe('action providers API', () => {
  it('creates providers with a secret shown once and sealed at rest; one per channel; SSRF-checked URLs', async () => {
    for (const [channel, r] of [['linkedin', linkedin], ['call', telephony]] as const) {
      const res = await ws.call<{ id: string; secret: string; status: string }>('POST', '/v1/action-providers', { channel, url: r.url });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.secret).toMatch(/^whsec_/);
      providerSecrets[channel] = res.body.secret;
      const [row] = await db.db.select().from(actionProviders).where(eq(actionProviders.id, res.body.id));
      expect(row!.secret).not.toContain(res.body.secret.slice(6));
      expect(testSecurity.secrets.open(row!.secret)).toBe(res.body.secret);
      expect(JSON.stringify((await ws.call('GET', `/v1/action-providers/${res.body.id}`)).body)).not.toContain('whsec_');
    }
    const dup = await ws.call<Problem>('POST', '/v1/action-providers', { channel: 'call', url: telephony.url });
    expect([dup.status, dup.body.errors?.[0]?.field]).toEqual([409, 'body.channel']);
    const ssrf = await ws.call<Problem>('POST', '/v1/action-providers', { channel: 'voicemail', url: 'http://10.0.0.7/drop' });
    expect([ssrf.status, ssrf.body.errors?.[0]?.field]).toEqual([422, 'body.url']);
    const bad = await ws.call<Problem>('POST', '/v1/action-providers', { channel: 'fax', url: telephony.url });
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([422, 'body.channel']);
    const list = await ws.call<{ data: Array<{ channel: string }> }>('GET', '/v1/action-providers');
    expect(list.body.data.map((p) => p.channel)).toEqual(['linkedin', 'call']);
    // A voicemail provider created, rotated and deleted: nothing of it is left.
    const vm = await ws.call<{ id: string; secret: string }>('POST', '/v1/action-providers', { channel: 'voicemail', url: telephony.url });
    const rotated = await ws.call<{ secret: string }>('POST', `/v1/action-providers/${vm.body.id}/rotate-secret`);
    expect(rotated.body.secret).not.toBe(vm.body.secret);
    expect((await ws.call('DELETE', `/v1/action-providers/${vm.body.id}`)).status).toBe(204);
    expect((await ws.call('GET', `/v1/action-providers/${vm.body.id}`)).status).toBe(404);
  });

  it('maps the service answers: 2xx sent, 408/429/5xx and no answer retried, other 4xx and refused addresses failed', async () => {
    const statuses = [200, 503, 429, 408, 400, 301];
    const r = await startReceiver((_m, n) => statuses[n]!);
    const row = { id: randomUUID(), workspaceId: ws.workspaceId, channel: 'call' as const, kind: 'http' as const, url: r.url, secret: testSecurity.secrets.seal('whsec_dGVzdC1zZWNyZXQtMzItYnl0ZXMtbG9uZy4uLi4='), status: 'active' as const, createdAt: new Date(), updatedAt: new Date() };
    const action = { touchId: randomUUID() } as OutboundAction;
    const provider = createHttpActionProvider(row, { secrets: testSecurity.secrets, allowList: loopback });
    const got = [];
    for (let i = 0; i < statuses.length; i++) got.push((await provider.perform({ ...action, channel: 'call' })).status);
    expect(got).toEqual(['sent', 'retry', 'retry', 'retry', 'failed', 'failed']);
    await r.close();
    expect((await provider.perform(action)).status).toBe('retry');
    const guarded = createHttpActionProvider(row, { secrets: testSecurity.secrets, allowList: EMPTY_ALLOW_LIST });
    expect(await guarded.perform(action)).toMatchObject({ status: 'failed', detail: expect.stringContaining('may not be reached') });
  });
});

describe('actions performed by providers', () => {
  it('the automation sends the LinkedIn note, the dialer makes the call (retried once), and the results close the tasks', async () => {
    const enrollmentId = await enroll('marie@globex.test', sequence('automated', [NOTE, CALL]));

    // LinkedIn: the note is handed over right away, signed with the provider's secret.
    const note = await nthRequest(linkedin, 0, providerSecrets.linkedin!);
    const noteTask = await taskOf(enrollmentId, 'note#1');
    expect(note).toMatchObject({ type: 'linkedin.requested', channel: 'linkedin', taskId: noteTask.id, enrollmentId, webhookId: `act_${note.actionId}` });
    expect(note.message).toBe('Hello Marie, Sam Rep here: I will call you shortly.');
    expect(note.prospect).toMatchObject({ name: 'Marie Curie', linkedinUrl: 'https://www.linkedin.com/in/marie' });
    expect(note.resultUrl).toBe(`${server.url}/v1/inbound/${ws.workspaceId}/linkedin`);
    expect(noteTask.prep).toMatchObject({ automation: { provider: 'http', channel: 'linkedin' } });
    await waitFor('the note touch sent', async () => (await touchRow(note.actionId)).status === 'sent');

    const sent = await report(note.resultUrl, 'linkedin', { type: 'note.sent', actionId: note.actionId });
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect(sent.body).toMatchObject({ applied: true, taskCompleted: noteTask.id });
    expect((await taskOf(enrollmentId, 'note#1')).status).toBe('done');
    const accepted = await report(note.resultUrl, 'linkedin', { type: 'invite.accepted', actionId: note.actionId });
    expect(accepted.body).toMatchObject({ applied: true, taskCompleted: null });

    // The call: the service is busy (503), the retry carries the same webhook-id.
    const first = await nthRequest(telephony, 0, providerSecrets.call!);
    const callTask = await taskOf(enrollmentId, 'call#1');
    expect(first).toMatchObject({ type: 'call.requested', channel: 'call', taskId: callTask.id, message: 'Call Marie Curie about the pilot.' });
    expect(first.rep).toMatchObject({ id: repId, phone: '+33 1 23 45 67 89' });
    await waitFor('the retry to be planned', async () => {
      const t = await touchRow(first.actionId);
      return t.status === 'scheduled' && t.attempts === 1 && t.detail === 'HTTP 503';
    });
    // Skip the backoff: the retry comes due now.
    await db.db.update(touches).set({ scheduledAt: new Date() }).where(eq(touches.id, first.actionId));
    const second = await nthRequest(telephony, 1, providerSecrets.call!);
    expect(second.webhookId).toBe(first.webhookId);
    expect(second.actionId).toBe(first.actionId);
    await waitFor('the call touch sent', async () => (await touchRow(first.actionId)).status === 'sent');
    expect(telephony.received).toHaveLength(2);

    const recordingUrl = 'https://tel.example/rec/42.mp3';
    const done = await report(first.resultUrl, 'telephony', { type: 'call.completed', actionId: first.actionId, disposition: 'connected', recordingUrl, durationSeconds: 184 });
    expect(done.status, JSON.stringify(done.body)).toBe(202);
    expect(done.body).toMatchObject({ applied: true, taskId: callTask.id, outcome: 'connected', enrollmentStatus: 'completed' });
    expect((await taskOf(enrollmentId, 'call#1')).outcome).toMatchObject({ outcome: 'connected', recordingUrl });
    const timeline = await db.db.select().from(events).where(eq(events.enrollmentId, enrollmentId));
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['linkedin.note_sent', 'linkedin.invite_accepted', 'call.reported']));
    expect(timeline.find((e) => e.type === 'call.reported')!.payload).toMatchObject({ recordingUrl, outcome: 'connected' });
    await waitFor('the cadence to complete', async () => (await db.db.select().from(enrollments).where(eq(enrollments.id, enrollmentId)))[0]!.status === 'completed');
  });

  it('a rescheduled call moves its action; a disabled provider hands waiting actions back to the rep', async () => {
    const enrollmentId = await enroll('later@globex.test', sequence('later-call', [{ ...CALL, timing: { kind: 'after', minutes: 120 } }]));
    const task = await taskOf(enrollmentId, 'call#1');
    const [touch] = await db.db.select().from(touches).where(eq(touches.enrollmentId, enrollmentId));
    expect(touch).toMatchObject({ channel: 'call', provider: 'http', status: 'scheduled', stepKey: 'call#1' });
    expect(touch!.scheduledAt!.getTime()).toBe(task.dueAt.getTime());

    const at = new Date(Date.now() + 4 * 3600_000).toISOString();
    const moved = await ws.call('POST', `/v1/enrollments/${enrollmentId}/reschedule`, { at, reason: 'prospect travelling' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await waitFor('the action to move', async () => (await touchRow(touch!.id)).scheduledAt!.toISOString() === at);

    const provider = (await ws.call<{ data: Array<{ id: string; channel: string }> }>('GET', '/v1/action-providers')).body.data.find((p) => p.channel === 'call')!;
    expect((await ws.call('PATCH', `/v1/action-providers/${provider.id}`, { status: 'disabled' })).status).toBe(200);
    expect(await touchRow(touch!.id)).toMatchObject({ status: 'cancelled' });
    const [after] = await db.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(after).toMatchObject({ status: 'open' });
    expect(after!.prep).not.toHaveProperty('automation');
  });

  it("rescheduling an announced call's task moves its calendar hold, keeping its length", async () => {
    const enrollmentId = await enroll('announced@globex.test', sequence('announced-later', [{ ...CALL, timing: { kind: 'after', minutes: 240 } }]));
    const task = await taskOf(enrollmentId, 'call#1');
    const [e] = await db.db.select().from(enrollments).where(eq(enrollments.id, enrollmentId));
    await db.db.update(tasks).set({ prep: { ...(task.prep as object), announcedCallAt: task.dueAt.toISOString() } }).where(eq(tasks.id, task.id));
    const [box] = await db.db.insert(mailboxes).values({ workspaceId: ws.workspaceId, userId: repId, address: 'sam@acme.test', provider: 'gmail' }).returning();
    const startsAt = task.dueAt;
    const hold = { workspaceId: ws.workspaceId, enrollmentId, stepKey: 'call#1', mailboxId: box!.id, googleEventId: 'relance0001', desired: 'present' as const, summary: 'Call', description: 'Call' };
    await db.db.insert(calendarHolds).values({ ...hold, startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000) });
    const dueAt = new Date(startsAt.getTime() + 3600_000);
    await createTaskActivities({ db: db.db }).rescheduleTask({ workspaceId: ws.workspaceId, enrollmentId, prospectId: e!.prospectId, taskId: task.id, dueAt: dueAt.toISOString(), reason: 'moved' });
    const [moved] = await db.db.select().from(calendarHolds).where(eq(calendarHolds.enrollmentId, enrollmentId));
    expect([moved!.startsAt.toISOString(), moved!.endsAt.toISOString()]).toEqual([dueAt.toISOString(), new Date(dueAt.getTime() + 15 * 60_000).toISOString()]);
    expect((await taskOf(enrollmentId, 'call#1')).dueAt.toISOString()).toBe(dueAt.toISOString());
  });

  it('without a provider for the channel, the step is a plain rep task and no touch is written', async () => {
    const enrollmentId = await enroll('plain@globex.test', sequence('voicemail-only', [{ id: 'vm', type: 'voicemail', timing: { kind: 'immediately' }, template: { body: 'Leave a message' } }]));
    const task = await taskOf(enrollmentId, 'vm#1');
    expect(task).toMatchObject({ status: 'open', kind: 'voicemail' });
    expect(task.prep).not.toHaveProperty('automation');
    expect(await db.db.select().from(touches).where(eq(touches.enrollmentId, enrollmentId))).toEqual([]);
  });
});
