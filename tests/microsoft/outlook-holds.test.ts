// Announced-call holds on the rep's Outlook calendar, against the local Graph and a real
// database: the desired state written by the engine (application/calendar-holds.ts), reconciled
// by the calendar sync through POST, PATCH and DELETE /me/events.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdAnnouncedCall, moveCallHold, releaseCallHolds } from '../../application/calendar-holds.js';
import { createGoogleAccounts } from '../../channels/google/clients.js';
import { createMicrosoftAccounts } from '../../channels/microsoft/clients.js';
import { calendarHolds, callSlots, mailboxes, tasks, touches } from '../../db/schema.js';
import { syncCalendarHolds, type HoldCalendars } from '../../runtime/calendar-sync.js';
import { createSecretBox } from '../../security/secrets.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';
import { UNCONFIGURED_GOOGLE } from '../support/temporal.js';
import { seedMicrosoftRep } from './seed.js';

const secrets = createSecretBox(Buffer.alloc(32, 17));
let db: TestDatabase;
let fake: FakeGraph;
let calendars: HoldCalendars;

const CALL_AT = new Date('2026-03-11T08:15:00Z');
const MIN = 60_000;
const utc = (d: Date) => ({ dateTime: d.toISOString().slice(0, 19), timeZone: 'UTC' });

/** A rep's Graph-sent email announcing a call at `callAt`, with the slot it reserved. */
async function announced(callAt = CALL_AT) {
  const s = await seedMicrosoftRep(db.db, fake, secrets);
  await db.db.insert(callSlots).values({ workspaceId: s.workspace.id, repId: s.rep.id, enrollmentId: s.enrollment.id, stepKey: 'call#1', startsAt: callAt, endsAt: new Date(callAt.getTime() + 15 * MIN) });
  const [touch] = await db.db
    .insert(touches)
    .values({
      workspaceId: s.workspace.id, enrollmentId: s.enrollment.id, prospectId: s.prospect.id, stepKey: 'email#1', channel: 'email', provider: 'microsoft', status: 'sent',
      scheduledAt: new Date(callAt.getTime() - 75 * MIN), sentAt: new Date(callAt.getTime() - 75 * MIN), toAddress: 'marie@globex.test', subject: 'Our call tomorrow',
      body: 'Bonjour Marie, I will call you at 09:15.', announcedCallAt: callAt, mailboxId: s.mailbox.id,
    })
    .returning();
  return { ...s, touch: touch!, outlook: s.account.outlook };
}

const holdOf = async (enrollmentId: string) => (await db.db.select().from(calendarHolds).where(eq(calendarHolds.enrollmentId, enrollmentId)))[0];
const sync = () => syncCalendarHolds(db.db, calendars, { retryBaseMs: 0 });
const backoffOver = (enrollmentId: string) => db.db.update(calendarHolds).set({ nextAttemptAt: sql`now()` }).where(eq(calendarHolds.enrollmentId, enrollmentId));

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeGraph();
  calendars = { google: createGoogleAccounts(UNCONFIGURED_GOOGLE, secrets), microsoft: createMicrosoftAccounts(fake.config(), secrets, { db: db.db }) };
});
afterAll(async () => {
  await fake?.close();
  await db?.drop();
});

describe('Outlook calendar holds', () => {
  it('holds the announced slot with the prospect, moves it with the call, removes it when released', async () => {
    const a = await announced();
    await db.db.insert(tasks).values({ workspaceId: a.workspace.id, enrollmentId: a.enrollment.id, repId: a.rep.id, stepKey: 'call#1', kind: 'call', title: 'Call: Marie Curie (Globex)', dueAt: CALL_AT, prep: { script: 'Ask how they chase late invoices today.', objectionsHeard: ['We already have a tool'] } });
    await holdAnnouncedCall(db.db, { touchId: a.touch.id });
    await sync();
    const [event] = a.outlook.live();
    expect(event).toMatchObject({ subject: 'Announced call: Marie Curie (Globex)', start: utc(CALL_AT), end: utc(new Date(CALL_AT.getTime() + 15 * MIN)), showAs: 'busy' });
    expect(event!.attendees).toBeUndefined();
    expect(event!.body!.content).toContain('Globex raised a Series B');
    expect(event!.body!.content).toContain('Bonjour Marie, I will call you at 09:15.');
    expect(event!.body!.content).toContain('Call prep:\nAsk how they chase late invoices today.');
    expect(await holdOf(a.enrollment.id)).toMatchObject({ version: 1, syncedVersion: 1, existsRemotely: true, remoteEventId: event!.id, attempts: 0 });

    const later = new Date(CALL_AT.getTime() + 90 * MIN);
    await moveCallHold(db.db, { enrollmentId: a.enrollment.id, stepKey: 'call#1', startsAt: later });
    await sync();
    expect(a.outlook.live()).toHaveLength(1);
    expect(a.outlook.live()[0]).toMatchObject({ id: event!.id, start: utc(later), end: utc(new Date(later.getTime() + 15 * MIN)) });
    expect(fake.count('events.patch')).toBeGreaterThanOrEqual(1);

    await releaseCallHolds(db.db, { enrollmentId: a.enrollment.id });
    await sync();
    expect(a.outlook.live()).toHaveLength(0);
    expect(a.outlook.events.get(event!.id)!.deleted).toBe(true);
    expect(await holdOf(a.enrollment.id)).toMatchObject({ desired: 'absent', syncedVersion: 3, existsRemotely: false });
  });

  it('a create Graph carried out but whose answer was lost is not made twice, even after the call moved', async () => {
    const a = await announced();
    await holdAnnouncedCall(db.db, { touchId: a.touch.id });
    fake.dropResponse('events.create');
    await sync();
    expect(await holdOf(a.enrollment.id)).toMatchObject({ syncedVersion: 0, remoteEventId: null, lastError: expect.stringContaining('no answer') });
    expect(a.outlook.events.size).toBe(1);
    const later = new Date(CALL_AT.getTime() + 30 * MIN);
    await moveCallHold(db.db, { enrollmentId: a.enrollment.id, stepKey: 'call#1', startsAt: later });
    await backoffOver(a.enrollment.id);
    await sync();
    expect(a.outlook.events.size).toBe(1);
    const [event] = a.outlook.live();
    expect(event).toMatchObject({ start: utc(later) });
    expect(await holdOf(a.enrollment.id)).toMatchObject({ syncedVersion: 2, remoteEventId: event!.id, existsRemotely: true, lastError: null });
  });

  it('an event the rep deleted by hand comes back when the call moves', async () => {
    const a = await announced();
    await holdAnnouncedCall(db.db, { touchId: a.touch.id });
    await sync();
    const [first] = a.outlook.live();
    a.outlook.events.get(first!.id)!.deleted = true;
    const later = new Date(CALL_AT.getTime() + 60 * MIN);
    await moveCallHold(db.db, { enrollmentId: a.enrollment.id, stepKey: 'call#1', startsAt: later });
    await sync();
    const live = a.outlook.live();
    expect(live).toHaveLength(1);
    expect(live[0]!.id).not.toBe(first!.id);
    expect(live[0]).toMatchObject({ start: utc(later) });
  });

  it('a 503 is retried; revoked consent disconnects the mailbox, tells the rep, and the hold waits', async () => {
    const a = await announced();
    await holdAnnouncedCall(db.db, { touchId: a.touch.id });
    fake.fail('events.create', 503);
    await sync();
    expect(await holdOf(a.enrollment.id)).toMatchObject({ syncedVersion: 0, lastError: expect.stringContaining('503') });
    await backoffOver(a.enrollment.id);
    await sync();
    expect(a.outlook.live()).toHaveLength(1);

    fake.revoke(a.account.address);
    await releaseCallHolds(db.db, { enrollmentId: a.enrollment.id });
    await sync();
    const [box] = await db.db.select().from(mailboxes).where(eq(mailboxes.id, a.mailbox.id));
    expect(box).toMatchObject({ status: 'disconnected', statusDetail: 'Microsoft 365 access revoked: reconnect the mailbox' });
    const reconnect = await db.db.select().from(tasks).where(and(eq(tasks.workspaceId, a.workspace.id), eq(tasks.kind, 'mailbox_disconnected')));
    expect(reconnect).toHaveLength(1);
    expect(await holdOf(a.enrollment.id)).toMatchObject({ desired: 'absent', version: 2, syncedVersion: 1, lastError: 'Microsoft 365 access revoked: reconnect the mailbox' });
    expect(await sync()).toBe(0);
    expect(a.outlook.live()).toHaveLength(1);

    const token = fake.regrant(a.account.address);
    await db.db.update(mailboxes).set({ status: 'connected', sealedSecret: secrets.seal(token), updatedAt: sql`now()` }).where(eq(mailboxes.id, a.mailbox.id));
    await sync();
    expect(a.outlook.live()).toHaveLength(0);
    expect(await holdOf(a.enrollment.id)).toMatchObject({ syncedVersion: 2, lastError: null });
  });
});
