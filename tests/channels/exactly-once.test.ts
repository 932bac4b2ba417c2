// Exactly once over real SMTP (smtp-server in the test, nodemailer in the sender): a worker
// killed in the middle of a burst leaves every email received exactly once or marked uncertain
// with a task for the rep, never twice, never silently lost. Then each way a send can end: 4xx
// retried then sent, 5xx failed and not retried, refused credentials (mailbox disconnected,
// its emails held, its owner told once), a stale announcement not sent, a Gmail-like provider
// asked whether a stopped send left.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueTouches, deliverClaimed, sweepStaleClaims } from '../../outbox/delivery.js';
import type { EmailProvider, MailboxRow } from '../../channels/types.js';
import { events, mailboxes, tasks, touches } from '../../db/schema.js';
import { startOutboxDispatcher } from '../../runtime/outbox-dispatcher.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { dueEmails as stageDueEmails } from '../support/due-emails.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { testChannelRegistry } from '../support/temporal.js';
import { LOOPBACK_ALLOWED, testSecurity } from '../support/security.js';

// The test SMTP server listens on loopback, which mailboxes may not reach unless allowed.
const { secrets } = testSecurity;
let db: TestDatabase;
let smtp: TestSmtpServer;
beforeAll(async () => {
  [db, smtp] = await Promise.all([createTestDatabase(), startTestSmtpServer()]);
});
afterAll(async () => {
  await smtp?.close();
  await db?.drop();
});

type Touch = typeof touches.$inferSelect;

/** A workspace whose rep sends from a mailbox on the test server, and `n` emails due on it. */
const dueEmails = (n: number, mailbox: Partial<MailboxRow> = {}, extra: Partial<typeof touches.$inferInsert> = {}) => stageDueEmails(db.db, smtp, n, mailbox, extra);

const rowsOf = (ws: string) => db.db.select().from(touches).where(eq(touches.workspaceId, ws));
const receivedIds = (from: number) => smtp.received.slice(from).map((m) => m.messageId);
const channels = () => testChannelRegistry({ localOutboxDir: null, allowList: LOOPBACK_ALLOWED });

async function sendDue(): Promise<void> {
  const reg = channels();
  await deliverClaimed(db.db, reg, await claimDueTouches(db.db, 100));
  await reg.close();
}

describe('a worker killed mid-burst', () => {
  it('leaves every email received exactly once or uncertain with a rep task, none twice, none lost', async () => {
    const before = smtp.received.length;
    const { ws, touches: staged } = await dueEmails(60);
    smtp.setDataDelay(150);
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../support/outbox-sender.ts', import.meta.url))], {
      // The test SMTP server listens on loopback, which the operator allows as for a private relay.
      env: { ...process.env, DATABASE_URL: db.url, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1/32' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Killed while the server holds a message it has received but not yet answered.
    await smtp.waitFor(before + 20, 60_000);
    child.kill('SIGKILL');
    await exited;
    smtp.setDataDelay(0);

    // A surviving worker sweeps the dead one's claims, then sends what is left.
    const reg = channels();
    const swept = await sweepStaleClaims(db.db, reg, { olderThanMs: 0 });
    const d = startOutboxDispatcher({ db: db.db, channels: reg });
    let rows: Touch[] = [];
    for (let i = 0; i < 150; i++) {
      rows = await rowsOf(ws);
      if (rows.every((r) => r.status === 'sent' || r.status === 'uncertain')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await d.stop();
    await reg.close();

    expect(rows.map((r) => r.status).filter((s) => s !== 'sent' && s !== 'uncertain')).toEqual([]);
    const ids = receivedIds(before);
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id!, (counts.get(id!) ?? 0) + 1);
    expect([...counts.values()].filter((c) => c > 1)).toEqual([]);
    const sent = rows.filter((r) => r.status === 'sent');
    const uncertain = rows.filter((r) => r.status === 'uncertain');
    for (const r of sent) expect(counts.get(r.messageId!), r.messageId!).toBe(1);
    expect(new Set(ids).size).toBeLessThanOrEqual(staged.length);
    expect(uncertain.length).toBeGreaterThanOrEqual(1);
    expect(swept.settled.filter((s) => s.status === 'uncertain').length).toBe(uncertain.length);
    expect(swept.resent).toBeGreaterThan(0);
    const repTasks = await db.db.select().from(tasks).where(and(eq(tasks.workspaceId, ws), eq(tasks.kind, 'email_uncertain')));
    expect(repTasks.map((t) => t.enrollmentId).sort()).toEqual(uncertain.map((r) => r.enrollmentId).sort());
    expect(repTasks.every((t) => t.stepKey === 'email#1~uncertain' && t.title.startsWith("Delivery uncertain: check your Sent folder for 'Hello P"))).toBe(true);
  }, 120_000);
});

describe('how a send ends', () => {
  it('retries an SMTP 4xx later, then sends it once', async () => {
    const before = smtp.received.length;
    const { ws } = await dueEmails(1);
    smtp.fail({ code: 451, stage: 'rcpt', message: '4.7.1 Try again later' });
    await sendDue();
    const [retrying] = await rowsOf(ws);
    expect(retrying).toMatchObject({ status: 'scheduled', attempts: 1 });
    expect(retrying!.detail).toContain('451');
    expect(retrying!.scheduledAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    await sendDue(); // not due yet: nothing leaves
    expect(smtp.received.length).toBe(before);

    await db.db.update(touches).set({ scheduledAt: new Date() }).where(eq(touches.id, retrying!.id));
    await sendDue();
    const [sent] = await rowsOf(ws);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
    expect(receivedIds(before)).toEqual([sent!.messageId]);
    const types = (await db.db.select().from(events).where(eq(events.workspaceId, ws))).map((e) => e.type).sort();
    expect(types).toEqual(['email.sent', 'touch.retrying']);
  });

  it('records an SMTP 5xx as failed with the reply and never retries it', async () => {
    const before = smtp.received.length;
    const { ws } = await dueEmails(1);
    smtp.fail({ code: 550, stage: 'rcpt', message: '5.1.1 No such user' });
    await sendDue();
    await sendDue();
    const [failed] = await rowsOf(ws);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.detail).toContain('550 5.1.1 No such user');
    expect(smtp.received.length).toBe(before);
    const [event] = await db.db.select().from(events).where(and(eq(events.workspaceId, ws), eq(events.type, 'touch.failed')));
    expect(event?.payload).toMatchObject({ touchId: failed!.id, reason: failed!.detail });
  });

  it('marks a send cut off after the data uncertain, tells the rep, and never sends it again', async () => {
    const before = smtp.received.length;
    const { ws } = await dueEmails(1);
    smtp.fail({ stage: 'drop-after-data' });
    await sendDue();
    await sendDue();
    const [row] = await rowsOf(ws);
    expect(row).toMatchObject({ status: 'uncertain', attempts: 1 });
    expect(receivedIds(before)).toEqual([row!.messageId]);
    const [task] = await db.db.select().from(tasks).where(eq(tasks.workspaceId, ws));
    expect(task).toMatchObject({ kind: 'email_uncertain', enrollmentId: row!.enrollmentId, stepKey: 'email#1~uncertain', status: 'open' });
  });

  it('marks a mailbox whose credentials are refused disconnected, holds its emails and tells its owner once', async () => {
    const { seed, ws, mailbox, touches: [due, later] } = await dueEmails(2, { sealedSecret: secrets.seal('wrong password') });
    await db.db.update(touches).set({ scheduledAt: new Date(Date.now() + 3_600_000) }).where(eq(touches.id, later!.id));
    await sendDue();
    await sendDue();
    const rows = await rowsOf(ws);
    expect(rows.map((r) => r.status)).toEqual(['held', 'held']);
    expect(rows.find((r) => r.id === due!.id)!.detail).toContain('SMTP authentication refused');
    const [box] = await db.db.select().from(mailboxes).where(eq(mailboxes.id, mailbox.id));
    expect(box).toMatchObject({ status: 'disconnected' });
    expect(box!.statusDetail).toContain('535');
    const repTasks = await db.db.select().from(tasks).where(eq(tasks.workspaceId, ws));
    expect(repTasks.map((t) => [t.kind, t.repId, t.enrollmentId, t.stepKey])).toEqual([['mailbox_disconnected', seed.rep.id, null, `mailbox:${mailbox.id}:${box!.statusChangedAt!.getTime()}`]]);
    expect((await db.db.select().from(events).where(and(eq(events.workspaceId, ws), eq(events.type, 'mailbox.disconnected')))).length).toBe(1);
  });

  it('does not send an email whose announced call is less than 30 minutes away', async () => {
    const before = smtp.received.length;
    const { ws } = await dueEmails(1, {}, { announcedCallAt: new Date(Date.now() + 10 * 60_000) });
    await sendDue();
    const [row] = await rowsOf(ws);
    expect(row).toMatchObject({ status: 'cancelled', detail: 'announcement expired' });
    expect(smtp.received.length).toBe(before);
  });

  it('asks a provider that can search its Sent folder whether a stopped send left', async () => {
    const { ws, touches: [found, missing] } = await dueEmails(2, { provider: 'gmail' }, { provider: 'gmail' });
    const inSent = new Set([found!.messageId]);
    const gmailLike: EmailProvider = { id: 'gmail', send: async () => ({ status: 'sent' }), findSent: async (id) => (inSent.has(id) ? { providerMessageId: 'gm-1', threadId: 'th-1' } : null) };
    // Both were handed over by a sender that then died.
    await db.db.update(touches).set({ status: 'sending', attempts: 1, claimedAt: new Date(Date.now() - 600_000), sentAt: new Date() }).where(inArray(touches.id, [found!.id, missing!.id]));
    const reg = testChannelRegistry({ localOutboxDir: null, allowList: LOOPBACK_ALLOWED, overrides: { email: () => gmailLike } });
    await sweepStaleClaims(db.db, reg, { olderThanMs: 120_000 });
    const rows = await rowsOf(ws);
    expect(rows.find((r) => r.id === found!.id)).toMatchObject({ status: 'sent', providerMessageId: 'gm-1', threadId: 'th-1' });
    expect(rows.find((r) => r.id === missing!.id)).toMatchObject({ status: 'scheduled', attempts: 1 });
  });
});
