// The announcing email on the paced outbox, on the time-skipping server with a real SMTP server:
// its mailbox is disconnected at 08:00, so the email is held and the workflow keeps asking; once
// the mailbox is reconnected the 09:15 it announced is past, so the outbox refuses to send it,
// the workflow stages it again with a fresh slot, a 4xx is retried, and the call task follows
// the announcement that really left.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { callSlots, mailboxes, touches } from '../../db/schema.js';
import { ANNOUNCE_FRESH_MS } from '../../domain/outbox/restage.js';
import { complete, dueOf, enroll, local, openTaskOf, status, type CadenceHarness, type Seed, withSmtpHarness } from '../support/cadence.js';
import { at, iso, nextWorkingMonday } from '../support/dates.js';
import { recordHistory } from '../support/histories.js';
import { smtpMailboxRow, type TestSmtpServer } from '../support/smtp.js';
import { testSecurity } from '../support/security.js';

const PARIS = 'Europe/Paris';
let h: CadenceHarness;
let s: Seed;
let smtp: TestSmtpServer;

withSmtpHarness((started) => ({ h, s, smtp } = started));

describe('announcing email on the paced outbox', () => {
  it('holds it while the mailbox is disconnected, then stages it again with a fresh slot and sends it once', async () => {
    const { id: _id, ...row } = smtpMailboxRow(smtp, testSecurity.secrets, { workspaceId: s.workspaceId, userId: s.repId, status: 'disconnected', statusDetail: 'SMTP authentication refused: 535' });
    const [mailbox] = await h.db.db.insert(mailboxes).values(row).returning();
    const monday = nextWorkingMonday(await h.now(), PARIS, 'FR');
    const tuesday = monday.plus({ days: 1 });
    await h.advanceTo(iso(monday));
    const e = await enroll(h, s);
    const note = await openTaskOf(h, e, 'linkedin-note');
    await complete(h, s, note.taskId, { outcome: 'done' });

    // 08:00: the mailbox is disconnected; the email waits, visibly, with its 09:15 slot.
    await h.advanceTo(iso(at(tuesday, '08:05')));
    const held = await waitForTouch(e.id, (t) => t.status === 'held');
    expect(held).toMatchObject({ mailboxId: mailbox!.id, detail: 'SMTP authentication refused: 535' });
    expect(local(held.announcedCallAt!.toISOString(), PARIS)).toMatch(/ 09:15 /);

    // Reconnected at 10:00 (the 09:15 is past); the next server answer is a 4xx. The workflow
    // asks again 1, 2, 4... minutes apart (and once before the announcement went stale).
    await h.advanceTo(iso(at(tuesday, '10:00')));
    await h.db.db.update(mailboxes).set({ status: 'connected', statusDetail: null, updatedAt: new Date() }).where(eq(mailboxes.id, mailbox!.id));
    smtp.fail({ code: 451, stage: 'rcpt', message: '4.7.1 Greylisted, try again' });
    await h.advanceTo(iso(at(tuesday, '12:30')));
    const sent = await waitForTouch(e.id, (t) => t.status === 'sent');

    // Sent once, announcing a call an hour after it was staged again (a retry may eat into that
    // lead, never below the 30 minutes an announcement must keep), in the prospect's zone.
    const received = smtp.received.filter((m) => m.messageId === sent.messageId);
    expect(received).toHaveLength(1);
    expect(sent.sentAt!.getTime()).toBeGreaterThan(Date.parse(iso(at(tuesday, '10:00'))));
    expect(sent.announcedCallAt!.getTime()).toBeGreaterThanOrEqual(sent.sentAt!.getTime() + ANNOUNCE_FRESH_MS);
    expect(sent.announcedCallAt!.getTime()).toBeGreaterThanOrEqual(Date.parse(iso(at(tuesday, '11:00'))));
    const callTime = local(sent.announcedCallAt!.toISOString(), PARIS).slice(11, 16);
    expect(received[0]!.parsed.text).toContain(`I will call you at ${callTime} sharp`);
    expect(received[0]!.raw.toString()).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(sent.attempts).toBeGreaterThanOrEqual(3);
    const callDue = await dueOf(h, e, 'announced-call');
    expect(callDue).toBe(sent.announcedCallAt!.toISOString());
    const slots = await h.db.db.select().from(callSlots).where(and(eq(callSlots.enrollmentId, e.id), eq(callSlots.status, 'reserved')));
    expect(slots.map((x) => x.startsAt.toISOString())).toEqual([callDue]);
    expect((await status(h, e)).history.map((x) => x.type)).toEqual(expect.arrayContaining(['email.restaged', 'email.sent']));

    // The call task tells the truth about the email: when it really left, in Paris, in words.
    const call = await openTaskOf(h, e, 'announced-call');
    const task = await h.api<{ prep: { script: string; announcement: { sentAt: string; sent: string }; warnings: string[] } }>('GET', `/v1/tasks/${call.taskId}`);
    const leftAt = new Intl.DateTimeFormat('en-US', { timeZone: PARIS, hour: 'numeric', minute: '2-digit', hour12: true }).format(sent.sentAt!).toLowerCase();
    expect(leftAt).not.toBe('8:00 am');
    expect(task.body.prep.announcement).toMatchObject({ sentAt: sent.sentAt!.toISOString(), sent: `at ${leftAt} today` });
    expect(task.body.prep.script).toContain(`I emailed Marie at ${leftAt} today about your Series B; Marie is expecting my call at ${callTime}.`);
    expect(task.body.prep.script).not.toMatch(/at 8 this morning|08:00 email/);
    expect(task.body.prep.warnings).toEqual([]);

    expect((await h.api('POST', `/v1/enrollments/${e.id}/stop`, { reason: 'end of test' })).status).toBe(200);
    await h.env.client.workflow.getHandle(e.workflowId).result();
    await recordHistory(h.env.client, e.workflowId, 'paced-outbox-held-restaged');
  }, 120_000);
});

/** Polls the enrollment's email touch (in real time) until it matches. */
async function waitForTouch(enrollmentId: string, pred: (t: typeof touches.$inferSelect) => boolean) {
  let last: typeof touches.$inferSelect | undefined;
  for (let i = 0; i < 200; i++) {
    [last] = await h.db.db.select().from(touches).where(eq(touches.enrollmentId, enrollmentId));
    if (last && pred(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the touch did not get there; last: ${JSON.stringify(last && { status: last.status, detail: last.detail, attempts: last.attempts })}`);
}
