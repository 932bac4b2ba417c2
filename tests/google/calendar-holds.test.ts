// Announced-call holds on the rep's Google Calendar, against the local Google and a real
// database: the desired state written by the engine, reconciled by the calendar sync.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdAnnouncedCall, moveCallHold, releaseCallHolds } from '../../application/calendar-holds.js';
import { UNCONFIGURED_MICROSOFT } from '../../channels/config.js';
import { createGoogleAccounts, type GoogleAccounts } from '../../channels/google/clients.js';
import { createMicrosoftAccounts } from '../../channels/microsoft/clients.js';
import { calendarHolds, callSlots, mailboxes, tasks, touches } from '../../db/schema.js';
import { startCalendarSync, syncCalendarHolds } from '../../runtime/calendar-sync.js';
import { createSecretBox } from '../../security/secrets.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google.js';
import { seedGmailRep } from './seed.js';

const secrets = createSecretBox(Buffer.alloc(32, 9));
let db: TestDatabase;
let fake: FakeGoogle;
let accounts: GoogleAccounts;

const CALL_AT = new Date('2026-03-11T08:15:00Z');
const MIN = 60_000;

/** A rep's Gmail-sent email announcing a call at `callAt`, with the slot it reserved. */
async function announced(callAt = CALL_AT) {
  const s = await seedGmailRep(db.db, fake, secrets);
  await db.db.insert(callSlots).values({ workspaceId: s.workspace.id, repId: s.rep.id, enrollmentId: s.enrollment.id, stepKey: 'call#1', startsAt: callAt, endsAt: new Date(callAt.getTime() + 15 * MIN) });
  const [touch] = await db.db
    .insert(touches)
    .values({
      workspaceId: s.workspace.id, enrollmentId: s.enrollment.id, prospectId: s.prospect.id, stepKey: 'email#1', channel: 'email', provider: 'gmail', status: 'sent',
      scheduledAt: new Date(callAt.getTime() - 75 * MIN), sentAt: new Date(callAt.getTime() - 75 * MIN), toAddress: 'marie@globex.test', subject: 'Our call tomorrow',
      body: 'Bonjour Marie, I will call you at 09:15.', announcedCallAt: callAt, mailboxId: s.mailbox.id,
    })
    .returning();
  return { ...s, touch: touch!, calendar: s.account.calendar };
}

const holdOf = async (enrollmentId: string) => (await db.db.select().from(calendarHolds).where(eq(calendarHolds.enrollmentId, enrollmentId)))[0];
const sync = () => syncCalendarHolds(db.db, { google: accounts, microsoft: createMicrosoftAccounts(UNCONFIGURED_MICROSOFT, secrets) }, { retryBaseMs: 0 });
/** Lets a failed hold be retried now (its backoff has passed). */
const backoffOver = (enrollmentId: string) => db.db.update(calendarHolds).set({ nextAttemptAt: sql`now()` }).where(eq(calendarHolds.enrollmentId, enrollmentId));

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeGoogle();
  accounts = createGoogleAccounts(fake.config(), secrets);
});
afterAll(async () => {
  await fake?.close();
  await db?.drop();
});

describe('calendar holds', () => {
  it('holds the announced slot with the prospect, moves it with the call, removes it when released', async () => {
    const a = await announced();
    await db.db.insert(tasks).values({ workspaceId: a.workspace.id, enrollmentId: a.enrollment.id, repId: a.rep.id, stepKey: 'call#1', kind: 'call', title: 'Call: Marie Curie (Globex)', dueAt: CALL_AT, prep: { script: 'Ask how they chase late invoices today.', objectionsHeard: ['We already have a tool'] } });
    await holdAnnouncedCall(db.db, { touchId: a.touch.id });
    await sync();
    const [event] = a.calendar.live();
    expect(event).toMatchObject({ summary: 'Announced call: Marie Curie (Globex)', start: { dateTime: CALL_AT.toISOString() }, end: { dateTime: new Date(CALL_AT.getTime() + 15 * MIN).toISOString() } });
    expect(event!.description).toContain('Globex raised a Series B');
    expect(event!.description).toContain('Bonjour Marie, I will call you at 09:15.');
    expect(event!.description).toContain('Call prep:\nAsk how they chase late invoices today.');
    expect(event!.description).toContain('- We already have a tool');
    expect(await holdOf(a.enrollment.id)).toMatchObject({ version: 1, syncedVersion: 1, existsRemotely: true, attempts: 0 });

    // The same state again changes nothing: no new version, nothing to sync.
    await holdAnnouncedCall(db.db, { touchId: a.touch.id });
    expect((await holdOf(a.enrollment.id))!.version).toBe(1);

    const later = new Date(CALL_AT.getTime() + 90 * MIN);
    await moveCallHold(db.db, { enrollmentId: a.enrollment.id, stepKey: 'call#1', startsAt: later });
    await moveCallHold(db.db, { enrollmentId: a.enrollment.id, stepKey: 'call#1', startsAt: later });
    expect((await holdOf(a.enrollment.id))!.version).toBe(2);
    await sync();
    expect(a.calendar.live()).toHaveLength(1);
    expect(a.calendar.live()[0]).toMatchObject({ id: event!.id, start: { dateTime: later.toISOString() }, end: { dateTime: new Date(later.getTime() + 15 * MIN).toISOString() } });

    await releaseCallHolds(db.db, { enrollmentId: a.enrollment.id });
    await releaseCallHolds(db.db, { enrollmentId: a.enrollment.id, stepKey: 'call#1' });
    expect((await holdOf(a.enrollment.id))!.version).toBe(3);
    await sync();
    expect(a.calendar.live()).toHaveLength(0);
    expect(a.calendar.events.get(event!.id)!.status).toBe('cancelled');
    expect(await holdOf(a.enrollment.id)).toMatchObject({ desired: 'absent', syncedVersion: 3, existsRemotely: false });
  });

  it('an insert Google carried out but whose answer was lost is not made twice', async () => {
    const a = await announced();
    await holdAnnouncedCall(db.db, { touchId: a.touch.id });
    fake.dropResponse('calendar.insert');
    await sync();
    expect(await holdOf(a.enrollment.id)).toMatchObject({ syncedVersion: 0, attempts: 1, lastError: expect.stringContaining('no answer') });
    expect(a.calendar.events.size).toBe(1);
    await backoffOver(a.enrollment.id);
    await sync();
    expect(await holdOf(a.enrollment.id)).toMatchObject({ syncedVersion: 1, existsRemotely: true, attempts: 0, lastError: null });
    expect(a.calendar.events.size).toBe(1);

    // A sync that died after Google's answer but before its commit: the row still says "to do".
    await db.db.update(calendarHolds).set({ syncedVersion: 0, existsRemotely: false }).where(eq(calendarHolds.enrollmentId, a.enrollment.id));
    const inserts = fake.count('calendar.insert');
    await sync();
    expect(fake.count('calendar.insert')).toBe(inserts + 1); // answered 409: its own event
    expect(a.calendar.events.size).toBe(1);
    expect(a.calendar.live()).toHaveLength(1);
  });

  it('a hold released then announced again comes back on the same event', async () => {
    const a = await announced();
    await holdAnnouncedCall(db.db, { touchId: a.touch.id });
    await sync();
    await releaseCallHolds(db.db, { enrollmentId: a.enrollment.id });
    await sync();
    const again = new Date(CALL_AT.getTime() + 24 * 60 * MIN);
    await db.db.update(callSlots).set({ startsAt: again, endsAt: new Date(again.getTime() + 15 * MIN) }).where(eq(callSlots.enrollmentId, a.enrollment.id));
    await db.db.update(touches).set({ announcedCallAt: again }).where(eq(touches.id, a.touch.id));
    await holdAnnouncedCall(db.db, { touchId: a.touch.id });
    await sync();
    expect(a.calendar.events.size).toBe(1);
    expect(a.calendar.live()[0]).toMatchObject({ status: 'confirmed', start: { dateTime: again.toISOString() } });
  });

  it('a 503 is retried; a revoked grant disconnects the mailbox, tells the rep, and the hold waits', async () => {
    const a = await announced();
    await holdAnnouncedCall(db.db, { touchId: a.touch.id });
    fake.fail('calendar.insert', 503);
    await sync();
    expect(await holdOf(a.enrollment.id)).toMatchObject({ syncedVersion: 0, lastError: expect.stringContaining('503') });
    await backoffOver(a.enrollment.id);
    await sync();
    expect(a.calendar.live()).toHaveLength(1);

    fake.revoke(a.account.address);
    await releaseCallHolds(db.db, { enrollmentId: a.enrollment.id });
    await sync();
    const [box] = await db.db.select().from(mailboxes).where(eq(mailboxes.id, a.mailbox.id));
    expect(box).toMatchObject({ status: 'disconnected', statusDetail: 'Gmail access revoked: reconnect the mailbox' });
    const reconnect = await db.db.select().from(tasks).where(and(eq(tasks.workspaceId, a.workspace.id), eq(tasks.kind, 'mailbox_disconnected')));
    expect(reconnect).toHaveLength(1);
    expect(reconnect[0]).toMatchObject({ repId: a.rep.id, status: 'open' });
    expect(await holdOf(a.enrollment.id)).toMatchObject({ desired: 'absent', version: 2, syncedVersion: 1, lastError: 'Gmail access revoked: reconnect the mailbox' });
    // Waiting for the rep: not claimed again while disconnected.
    expect(await sync()).toBe(0);
    expect(a.calendar.live()).toHaveLength(1);

    // Reconnected with a new grant: the waiting change is applied.
    const token = fake.regrant(a.account.address);
    await db.db.update(mailboxes).set({ status: 'connected', sealedSecret: secrets.seal(token), updatedAt: sql`now()` }).where(eq(mailboxes.id, a.mailbox.id));
    await sync();
    expect(a.calendar.live()).toHaveLength(0);
    expect(await holdOf(a.enrollment.id)).toMatchObject({ syncedVersion: 2, lastError: null });
  });

  it('no hold without a Gmail calendar to put it on, or when the rep turned holds off', async () => {
    const off = await announced();
    await db.db.update(mailboxes).set({ calendarHolds: false }).where(eq(mailboxes.id, off.mailbox.id));
    await holdAnnouncedCall(db.db, { touchId: off.touch.id });
    expect(await holdOf(off.enrollment.id)).toBeUndefined();

    const smtp = await announced();
    await db.db.update(mailboxes).set({ provider: 'smtp' }).where(eq(mailboxes.id, smtp.mailbox.id));
    await holdAnnouncedCall(db.db, { touchId: smtp.touch.id });
    expect(await holdOf(smtp.enrollment.id)).toBeUndefined();
  });

  it('the running sync service applies holds as they are written', async () => {
    const a = await announced();
    const service = startCalendarSync({ db: db.db, google: fake.config(), secrets, intervalMs: 50 });
    try {
      await holdAnnouncedCall(db.db, { touchId: a.touch.id });
      for (let i = 0; i < 100 && a.calendar.live().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(a.calendar.live()).toHaveLength(1);
    } finally {
      await service.stop();
    }
  });
});
