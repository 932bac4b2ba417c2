// A cadence on a Microsoft 365 mailbox end to end: the real API, a real worker on the dev server
// (the outbox dispatcher sending through the real Graph SDK and MSAL to the local Graph), and the
// delta poller. The emails leave with our MIME (Message-ID, In-Reply-To on the follow-up,
// one-click unsubscribe) in one Outlook conversation; a reply delivered into the mailbox stops
// the cadence within the poll interval, applied once though seen twice; the refresh token is
// sealed at rest (Microsoft's rotated one too), never in an answer or a log line; revoked consent
// holds the next email and tells the rep; an announced call is held in the Outlook calendar and
// the hold moves with the call.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { enrollments, events, mailboxes, tasks, touches } from '../../db/schema.js';
import { logTo } from '../../logging/log.js';
import { createKeyedWorkspace, createTestApp, type KeyedWorkspace } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';
import { testSecurity } from '../support/security.js';
import { startTestWorker, testChannelRegistry, type TestTemporal } from '../support/temporal.js';
import { until as waitUntil } from '../support/until.js';

const ALWAYS_OPEN = { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0 };
const POLL_MS = 200;
let db: TestDatabase;
let fake: FakeGraph;
let temporal: TestTemporal;
let app: RelanceApp;
let ws: KeyedWorkspace;
const logged: string[] = [];
let stopLogging: () => void;

// The worker's poller and the cadence both run on real timers here: up to 30 s on a busy machine.
const until = <T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean) => waitUntil(what, read, ok, 30_000);

const definition = (key: string) => ({
  schemaVersion: 1,
  key,
  name: key,
  timing: ALWAYS_OPEN,
  steps: [
    { id: 'intro', type: 'email', timing: { kind: 'immediately' }, template: { subject: 'A quick call, {{prospect.firstName}}?', body: 'Ten minutes on Tuesday?' } },
    { id: 'nudge', type: 'email', timing: { kind: 'after', minutes: 0 }, template: { subject: 'Re: A quick call, {{prospect.firstName}}?', body: 'Just checking this reached you.' } },
    { id: 'research', type: 'task', title: 'Research the account', timing: { kind: 'after', minutes: 2880 } },
  ],
});

/** An email announcing a call at 09:15, then the call at the announced time. */
const announcing = (key: string) => ({
  schemaVersion: 1,
  key,
  name: key,
  timing: ALWAYS_OPEN,
  coldCallReason: 'The call is announced by the email before it.',
  steps: [
    { id: 'announce', type: 'email', timing: { kind: 'immediately' }, announce: { callStep: 'call', at: '09:15' }, template: { subject: 'Our call on {{announcedCall.weekday}}', body: 'I will call you at {{announcedCall.time}}.' } },
    { id: 'call', type: 'call', timing: { kind: 'announced_time' }, graceMinutes: 15, onBroken: 'end', on: { connected: 'end', no_answer: 'end' }, template: { body: 'Call {{prospect.fullName}}.' } },
  ],
});

async function repWithMailbox(name: string) {
  const address = `${name}.${randomBytes(3).toString('hex')}@contoso.test`;
  const account = fake.addAccount(address);
  const rep = (await ws.call<{ id: string }>('POST', '/v1/users', { email: address, name })).body.id;
  const created = await ws.call<Record<string, unknown> & { id: string }>('POST', '/v1/mailboxes', { userId: rep, address, provider: 'microsoft', microsoft: { refreshToken: account.refreshToken }, minGapSeconds: 0 });
  expect(created.status).toBe(201);
  return { rep, address, account, mailboxId: created.body.id, created: created.body };
}

async function enroll(rep: string, email: string, steps: (key: string) => object = definition) {
  const prospect = (await ws.call<{ id: string }>('POST', '/v1/prospects', { email, firstName: 'Marie', timeZone: 'UTC' })).body.id;
  const key = `m365-${randomBytes(3).toString('hex')}`;
  const created = await ws.call<{ sequenceId: string }>('POST', '/v1/sequences', { definition: steps(key) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const sequenceId = created.body.sequenceId;
  const enrolled = await ws.call<{ id: string }>('POST', '/v1/enrollments', { prospectId: prospect, sequenceId, repId: rep });
  expect(enrolled.status).toBe(201);
  return { prospect, enrollmentId: enrolled.body.id };
}

const touchesOf = (enrollmentId: string) => db.db.select().from(touches).where(eq(touches.enrollmentId, enrollmentId)).orderBy(touches.scheduledAt, touches.stepKey);

beforeAll(async () => {
  stopLogging = logTo({ write: (line: string) => logged.push(line) });
  [db, fake] = await Promise.all([createTestDatabase(), startFakeGraph()]);
  const channels = testChannelRegistry({ localOutboxDir: null, microsoft: fake.config(), tokenStore: { db: db.db } });
  // The worker's channel services as in production: the outbox, the delta poller, the calendar sync.
  temporal = await startTestWorker(db.db, { channels, microsoft: fake.config(), pollIntervalMs: POLL_MS });
  app = createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
  ws = await createKeyedWorkspace(app, { timeZone: 'UTC' });
  expect((await ws.call('PUT', '/v1/timing-rules', ALWAYS_OPEN)).status).toBe(200);
});
afterAll(async () => {
  stopLogging?.();
  await temporal?.stop();
  await fake?.close();
  await db?.drop();
});

describe('a cadence on a Microsoft 365 mailbox', () => {
  it('leaves through Graph with our MIME in one conversation; a reply stops it once; the refresh token stays sealed', async () => {
    const sam = await repWithMailbox('sam');
    expect(sam.created).toMatchObject({ provider: 'microsoft', status: 'connected', hasCredentials: true });
    expect(JSON.stringify(sam.created)).not.toContain(sam.account.refreshToken);
    const { prospect, enrollmentId } = await enroll(sam.rep, 'marie@globex.test');

    const sent = await until('both emails sent', () => touchesOf(enrollmentId), (t) => t.filter((x) => x.status === 'sent').length === 2);
    const [intro, nudge] = sent;
    const outlook = sam.account.outlook;
    expect(outlook.sent()).toHaveLength(2);
    const sentAs = (messageId: string) => outlook.sent().find((m) => m.headers['message-id'] === messageId)!;
    const first = await simpleParser(sentAs(intro!.messageId!).raw);
    const second = await simpleParser(sentAs(nudge!.messageId!).raw);
    expect(first.subject).toBe('A quick call, Marie?');
    expect(first.text).toContain('Ten minutes on Tuesday?');
    expect(sentAs(intro!.messageId!).headers).toMatchObject({ 'list-unsubscribe-post': 'List-Unsubscribe=One-Click', 'list-unsubscribe': expect.stringMatching(/^<http:\/\/relance\.test\/v1\/unsubscribe\/[^>]+>$/) });
    expect(first.from?.value[0]?.address).toBe(sam.address);
    expect(second.inReplyTo).toBe(intro!.messageId);
    expect(second.references).toBe(intro!.messageId);
    // One Outlook conversation, kept as the touches' thread.
    const conversation = outlook.sent()[0]!.conversationId;
    expect(outlook.sent().every((m) => m.conversationId === conversation)).toBe(true);
    expect(sent.map((t) => [t.provider, t.threadId])).toEqual([['microsoft', conversation], ['microsoft', conversation]]);

    // Sealed at rest: the stored secret is the rotated refresh token, sealed; the one given is nowhere in clear.
    const [box] = await db.db.select().from(mailboxes).where(eq(mailboxes.id, sam.mailboxId));
    expect(box!.sealedSecret).not.toContain(sam.account.refreshToken);
    const stored = testSecurity.secrets.open(box!.sealedSecret!);
    expect(stored).not.toBe(sam.account.refreshToken);
    expect(sam.account.refreshTokens.has(stored)).toBe(true);

    // The reply arrives, then the same message is copied into junk by a rule.
    const reply = [`From: Marie <marie@globex.test>`, `To: ${sam.address}`, 'Subject: Re: A quick call, Marie?', `Message-ID: <r.${Date.now()}@globex.test>`, `In-Reply-To: ${nudge!.messageId}`, `References: ${intro!.messageId} ${nudge!.messageId}`, 'Content-Type: text/plain; charset=utf-8', '', 'Happy to talk, call me at 10.', ''].join('\r\n');
    const arrived = Date.now();
    outlook.deliver(reply);
    outlook.deliver(reply, 'junkemail');
    const stopped = await until('enrollment stopped', async () => (await db.db.select().from(enrollments).where(eq(enrollments.id, enrollmentId)))[0]!, (e) => e.status === 'stopped');
    expect(stopped.stopReason).toBe('replied');
    // Within a few poll rounds of its arrival (the bound is generous: a shared machine).
    expect(Date.now() - arrived).toBeLessThan(POLL_MS * 50);
    await new Promise((r) => setTimeout(r, POLL_MS * 3));
    const replied = await db.db.select().from(events).where(and(eq(events.prospectId, prospect), eq(events.type, 'prospect.replied')));
    expect(replied).toHaveLength(1);

    const secrets = [...sam.account.refreshTokens];
    expect(logged.filter((line) => secrets.some((t) => line.includes(t)))).toEqual([]);
  }, 90_000);

  it('revoked consent holds the email, disconnects the mailbox and tells the rep; a new refresh token releases it', async () => {
    const ann = await repWithMailbox('ann');
    fake.revoke(ann.address);
    const { enrollmentId } = await enroll(ann.rep, 'pierre@globex.test');
    const [held] = await until('email held', () => touchesOf(enrollmentId), (t) => t[0]?.status === 'held');
    expect(held!.detail).toBe('Microsoft 365 access revoked: reconnect the mailbox');
    const view = await ws.call<{ status: string; statusDetail: string }>('GET', `/v1/mailboxes/${ann.mailboxId}`);
    expect(view.body).toMatchObject({ status: 'disconnected', statusDetail: 'Microsoft 365 access revoked: reconnect the mailbox' });
    const reconnect = await db.db.select().from(tasks).where(and(eq(tasks.repId, ann.rep), eq(tasks.kind, 'mailbox_disconnected')));
    expect(reconnect).toHaveLength(1);
    expect(ann.account.outlook.messages).toHaveLength(0);

    const token = fake.regrant(ann.address);
    const wrong = await ws.call<{ errors: Array<{ field: string }> }>('PUT', `/v1/mailboxes/${ann.mailboxId}/credentials`, { password: 'not-for-graph' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]!.field).toBe('body.password');
    const again = await ws.call<Record<string, unknown>>('PUT', `/v1/mailboxes/${ann.mailboxId}/credentials`, { refreshToken: token });
    expect(again.status).toBe(200);
    expect(JSON.stringify(again.body)).not.toContain(token);
    await until('email sent after reconnecting', () => touchesOf(enrollmentId), (t) => t[0]?.status === 'sent');
    expect(ann.account.outlook.sent()).toHaveLength(1);
  }, 90_000);

  it('an announced call is held in Outlook, and the hold moves when the call is rescheduled', async () => {
    const lea = await repWithMailbox('lea');
    const { enrollmentId } = await enroll(lea.rep, 'jules@globex.test', announcing);
    const [email] = await until('announcement sent', () => touchesOf(enrollmentId), (t) => t[0]?.status === 'sent');
    const outlook = lea.account.outlook;
    const [event] = await until('hold in Outlook', async () => outlook.live(), (e) => e.length === 1);
    const callAt = email!.announcedCallAt!;
    expect(event).toMatchObject({ subject: expect.stringContaining('Announced call'), start: { dateTime: callAt.toISOString().slice(0, 19), timeZone: 'UTC' }, showAs: 'busy' });
    expect(event!.attendees).toBeUndefined();

    const later = new Date(callAt.getTime() + 2 * 3_600_000);
    // Once the cadence waits at the call (409 while the email step is still finishing).
    const moved = await until('call rescheduled', () => ws.call('POST', `/v1/enrollments/${enrollmentId}/reschedule`, { at: later.toISOString(), reason: 'prospect asked for later' }), (r) => r.status !== 409);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const [movedEvent] = await until('hold moved', async () => outlook.live(), (e) => e[0]?.start.dateTime === later.toISOString().slice(0, 19));
    expect(movedEvent!.id).toBe(event!.id);
    expect(outlook.live()).toHaveLength(1);
  }, 90_000);
});
