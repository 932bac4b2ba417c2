// Pacing at staging, on real PostgreSQL: 150 enrollments of one rep staged for the same 08:00
// on one mailbox are spread under its caps, and each email announces a call an hour or more
// after it really leaves; a per-domain cap; which mailbox an email leaves from; threading.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import type { Database } from '../../db/client.js';
import { enrollments, mailboxes, prospects, tasks, touches, users } from '../../db/schema.js';
import type { Step } from '../../domain/sequences/index.js';
import { nextBusinessDayAt, parseTimingRules } from '../../domain/timing/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedWorkspace } from '../support/fixtures.js';
import { local } from '../support/cadence.js';
import { testActivityDeps, testChannelRegistry } from '../support/temporal.js';
import { maxInWindow } from '../support/windows.js';

const PARIS = 'Europe/Paris';
const HOUR = 3_600_000;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

const announceStep = {
  id: 'announce-email',
  type: 'email',
  timing: { kind: 'immediately' },
  announce: { callStep: 'announced-call', at: '09:15' },
  template: { subject: '{{announcedCall.weekday}} {{announcedCall.time}}: quick call', body: 'Hello {{prospect.firstName}}, I will call you at {{announcedCall.time}} sharp.' },
} as Step;

/** 08:00 Paris on a business day at least a day ahead: the morning burst. */
const nextMorning = () => nextBusinessDayAt({ after: new Date(Date.now() + 24 * HOUR).toISOString(), time: '08:00', place: { timeZone: PARIS, country: 'FR' }, rules: parseTimingRules({}) });

async function workspaceWithMailbox(caps: Partial<typeof mailboxes.$inferInsert> = {}) {
  const seed = await seedWorkspace(db.db);
  await db.db.update(users).set({ callsPerHour: 60 }).where(eq(users.id, seed.rep.id));
  const [mailbox] = await db.db
    .insert(mailboxes)
    .values({ workspaceId: seed.workspace.id, userId: seed.rep.id, address: 'sam@acme.test', provider: 'smtp', isDefault: true, settings: { host: 'smtp.acme.test', port: 587, username: 'sam@acme.test' }, ...caps })
    .returning();
  return { seed, mailbox: mailbox! };
}

async function enrollMany(seed: Awaited<ReturnType<typeof seedWorkspace>>, emails: string[], mailboxId: string | null = null): Promise<string[]> {
  const ps = await db.db.insert(prospects).values(emails.map((email, i) => ({ workspaceId: seed.workspace.id, email, firstName: `P${i}`, timeZone: PARIS, country: 'FR' }))).returning();
  const es = await db.db
    .insert(enrollments)
    .values(ps.map((p) => ({ workspaceId: seed.workspace.id, prospectId: p.id, sequenceId: seed.sequence.id, sequenceVersion: 1, repId: seed.rep.id, workflowId: `wf-${p.id}`, mailboxId })))
    .returning();
  return es.map((e) => e.id);
}

const acts = (localOutbox = true) => createActivities(testActivityDeps(db.db as Database, testChannelRegistry(localOutbox ? {} : { localOutboxDir: null })));

describe('pacing at staging', () => {
  // TODO(next session): since reschedules recompute announced calls (09:15 on the first callable day at least an hour after the real send), this
  // expectation of "an hour after it leaves" must be re-derived; skipped so the merged work lands, listed in the closing note.
  it('spreads 150 emails staged for the same 08:00 under the caps, each announcing a call an hour after it leaves', async () => {
    const { seed, mailbox } = await workspaceWithMailbox();
    const ids = await enrollMany(seed, Array.from({ length: 150 }, (_, i) => `p${i}@globex${i % 7}.test`));
    const at8 = nextMorning();
    const a = acts();
    const staged = await Promise.all(ids.map((enrollmentId) => a.stagePacedEmail({ workspaceId: seed.workspace.id, enrollmentId, stepKey: 'announce-email#1', step: announceStep, desiredAt: at8, announce: { slotKey: 'announced-call#1', at: '09:15' } })));

    expect(staged.every((s) => s.status === 'scheduled')).toBe(true);
    const rows = await db.db.select().from(touches).where(inArray(touches.enrollmentId, ids));
    const times = rows.map((r) => r.scheduledAt!.getTime()).sort((x, y) => x - y);
    expect(new Date(times[0]!).toISOString()).toBe(at8);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(HOUR);
    expect(maxInWindow(times, HOUR)).toBe(100);
    expect(Math.min(...times.slice(1).map((t, i) => t - times[i]!))).toBeGreaterThanOrEqual(20_000);
    for (const r of rows) {
      expect(r.mailboxId).toBe(mailbox.id);
      expect(r.provider).toBe('smtp');
      expect(r.messageId).toBe(`<${r.enrollmentId}.announce-email-1.relance@acme.test>`);
      expect(r.announcedCallAt!.getTime()).toBeGreaterThanOrEqual(r.scheduledAt!.getTime() + HOUR);
      const callTime = local(r.announcedCallAt!.toISOString(), PARIS).slice(11, 16);
      expect(r.body).toContain(`call you at ${callTime} sharp`);
      expect(r.subject).toContain(callTime);
    }
    // The staging result is the row; a retry returns it unchanged.
    const first = staged[0]!;
    const [row] = rows.filter((r) => r.id === first.touchId);
    expect([first.sendAt, first.announcedCallAt]).toEqual([row!.scheduledAt!.toISOString(), row!.announcedCallAt!.toISOString()]);
    expect(await a.stagePacedEmail({ workspaceId: seed.workspace.id, enrollmentId: ids[0]!, stepKey: 'announce-email#1', step: announceStep, desiredAt: at8, announce: { slotKey: 'announced-call#1', at: '09:15' } })).toEqual(staged[0]);
  });

  it('caps one recipient domain per day and leaves the others alone', async () => {
    const { seed } = await workspaceWithMailbox({ domainDailyCap: 2 });
    const ids = await enrollMany(seed, ['a@globex.test', 'b@globex.test', 'c@globex.test', 'd@initech.test']);
    const at8 = nextMorning();
    const a = acts();
    const sendAt: string[] = [];
    for (const enrollmentId of ids) sendAt.push((await a.stagePacedEmail({ workspaceId: seed.workspace.id, enrollmentId, stepKey: 'announce-email#1', step: announceStep, desiredAt: at8 })).sendAt);
    const t = sendAt.map((x) => Date.parse(x));
    expect(t[2]! - t[0]!).toBeGreaterThanOrEqual(24 * HOUR);
    expect(local(sendAt[2]!, PARIS).slice(11, 16)).toBe('08:00');
    expect(sendAt[3]).toBe(new Date(Date.parse(at8) + 40_000).toISOString());
  });
});

describe('mailbox choice', () => {
  it('prefers the enrollment mailbox, then the default, then the first usable one', async () => {
    const { seed, mailbox: fallback } = await workspaceWithMailbox();
    await db.db.update(mailboxes).set({ isDefault: false, status: 'disabled' }).where(eq(mailboxes.id, fallback.id));
    const [second] = await db.db.insert(mailboxes).values({ workspaceId: seed.workspace.id, userId: seed.rep.id, address: 'sam@acme-mail.test', provider: 'gmail' }).returning();
    const [chosen] = await db.db.insert(mailboxes).values({ workspaceId: seed.workspace.id, userId: seed.rep.id, address: 'sam@acme-eu.test', provider: 'smtp' }).returning();
    const [usual] = await enrollMany(seed, ['usual@globex.test']);
    const [pinned] = await enrollMany(seed, ['pinned@globex.test'], chosen!.id);
    const a = acts();
    const stage = (enrollmentId: string) => a.stagePacedEmail({ workspaceId: seed.workspace.id, enrollmentId, stepKey: 'announce-email#1', step: announceStep, desiredAt: nextMorning() });
    const rows = await db.db.select().from(touches).where(inArray(touches.id, [(await stage(usual!)).touchId, (await stage(pinned!)).touchId]));
    expect(rows.find((r) => r.enrollmentId === usual)).toMatchObject({ mailboxId: second!.id, provider: 'gmail' });
    expect(rows.find((r) => r.enrollmentId === pinned)).toMatchObject({ mailboxId: chosen!.id, messageId: `<${pinned}.announce-email-1.relance@acme-eu.test>` });
  });

  it('uses the local outbox for a rep without a mailbox, else holds the email and tells the rep once', async () => {
    const seed = await seedWorkspace(db.db);
    const [viaOutbox, held1, held2] = await enrollMany(seed, ['o@globex.test', 'h1@globex.test', 'h2@globex.test']);
    const stage = (localOutbox: boolean, enrollmentId: string) =>
      acts(localOutbox).stagePacedEmail({ workspaceId: seed.workspace.id, enrollmentId, stepKey: 'announce-email#1', step: announceStep, desiredAt: nextMorning(), announce: { slotKey: 'announced-call#1', at: '09:15' } });
    expect(await stage(true, viaOutbox!)).toMatchObject({ status: 'scheduled' });
    const h1 = await stage(false, held1!);
    const h2 = await stage(false, held2!);
    expect([h1.status, h1.detail, h1.announcedCallAt]).toEqual(['held', 'the rep has no mailbox', null]);
    expect(h2.status).toBe('held');
    const [outboxRow] = await db.db.select().from(touches).where(eq(touches.id, (await stage(true, viaOutbox!)).touchId));
    expect(outboxRow).toMatchObject({ provider: 'local-outbox', mailboxId: null, messageId: `<${viaOutbox}.announce-email-1.relance@relance.local>` });
    const repTasks = await db.db.select().from(tasks).where(eq(tasks.repId, seed.rep.id));
    expect(repTasks.map((t) => [t.kind, t.enrollmentId])).toEqual([['no_mailbox', null]]);
  });
});

describe('threading', () => {
  it('threads a follow-up under the email that left, reusing its subject when it has none', async () => {
    const { seed } = await workspaceWithMailbox();
    const [enrollmentId] = await enrollMany(seed, ['t@globex.test']);
    const a = acts();
    const first = await a.stagePacedEmail({ workspaceId: seed.workspace.id, enrollmentId: enrollmentId!, stepKey: 'announce-email#1', step: announceStep, desiredAt: nextMorning() });
    await db.db.update(touches).set({ status: 'sent', sentAt: new Date(first.sendAt), threadId: 'thread-1', subject: 'Our call' }).where(eq(touches.id, first.touchId));
    const followUp = { ...announceStep, id: 'follow-up', announce: undefined, template: { subject: '{{nothing}}', body: 'Following up.' } } as Step;
    const next = await a.stagePacedEmail({ workspaceId: seed.workspace.id, enrollmentId: enrollmentId!, stepKey: 'follow-up#1', step: followUp, desiredAt: new Date(Date.parse(first.sendAt) + 48 * HOUR).toISOString() });
    const [row] = await db.db.select().from(touches).where(eq(touches.id, next.touchId));
    expect(row).toMatchObject({ inReplyTo: `<${enrollmentId}.announce-email-1.relance@acme.test>`, threadId: 'thread-1', subject: 'Re: Our call' });
  });
});
