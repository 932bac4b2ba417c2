// Reply polling of Gmail mailboxes, against the local Google, a real database and the real
// inbound-mail service: a prospect's reply, an out-of-office and a mailer-daemon bounce in the
// thread of a cadence email reach the timeline once; our own messages and other threads do not.
// Every worker process runs the reply pollers: a mailbox's turn is taken in the database before it
// is read, so two workers polling at once read a Gmail mailbox once.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGmailSender } from '../../channels/email/gmail.js';
import { createGoogleAccounts, type GoogleAccounts } from '../../channels/google/clients.js';
import { enrollments, mailboxes, tasks } from '../../db/schema.js';
import { startChannelServices } from '../../runtime/channel-services.js';
import { pollGmailMailboxes } from '../../runtime/gmail-poller.js';
import { createSecretBox } from '../../security/secrets.js';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google.js';
import { expectHardBounce, firstEventsOf, timelineOf, usePollingWorld } from '../support/polling-world.js';
import { testChannelRegistry } from '../support/temporal.js';
import { seedGmailRep } from './seed.js';
import { sendCadenceEmail } from '../support/mail-rows.js';

const secrets = createSecretBox(Buffer.alloc(32, 5));
const world = usePollingWorld();
let fake: FakeGoogle;
let accounts: GoogleAccounts;

/** A rep's cadence email really sent through the Gmail API, recorded as its touch. */
async function cadenceEmailSent() {
  const s = await seedGmailRep(world.db.db, fake, secrets);
  const { messageId, threadId } = await sendCadenceEmail(world.db.db, s, createGmailSender(s.mailbox, secrets, fake.config()));
  return { ...s, messageId, threadId, gmail: s.account.gmail };
}

const reply = (to: string, inReplyTo: string, n = 1, extra = '', body = 'Thanks Sam, call me at 10:00 instead.') =>
  [`From: Marie Curie <marie@globex.test>`, `To: ${to}`, `Subject: Re: Our call tomorrow`, `Message-ID: <reply-${n}.${Date.now()}@globex.test>`, `In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`, `Date: ${new Date().toUTCString()}`, ...(extra ? [extra] : []), 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\r\n');

const bounce = (to: string, bounced: string) =>
  [
    'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>', `To: ${to}`, 'Subject: Delivery Status Notification (Failure)', `Message-ID: <dsn.${Date.now()}@mx.google.com>`,
    `References: ${bounced}`, `In-Reply-To: ${bounced}`, 'Auto-Submitted: auto-replied', 'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '',
    '--b1', 'Content-Type: text/plain; charset=utf-8', '', "Address not found: your message wasn't delivered to marie@globex.test.", '',
    '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; googlemail.com', '', 'Final-Recipient: rfc822; marie@globex.test', 'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: smtp; 550 5.1.1 The email account that you tried to reach does not exist.', '',
    '--b1', 'Content-Type: text/rfc822-headers', '', `From: Sam Rep <${to}>`, 'To: Marie Curie <marie@globex.test>', 'Subject: Our call tomorrow', `Message-ID: ${bounced}`, '',
    '--b1--', '',
  ].join('\r\n');

const timeline = (prospectId: string) => timelineOf(world, prospectId);
const poll = () => pollGmailMailboxes({ db: world.db.db, temporal: world.temporal }, accounts);
const historyIdOf = async (id: string) => (await world.db.db.select().from(mailboxes).where(eq(mailboxes.id, id)))[0]!.gmailHistoryId;

beforeAll(async () => {
  fake = await startFakeGoogle();
  accounts = createGoogleAccounts(fake.config(), secrets);
});
afterAll(async () => {
  await fake?.close();
});

describe('Gmail reply polling', () => {
  it('a reply that came before the first poll is found in the thread; then new mail comes through the history, once', async () => {
    const s = await cadenceEmailSent();
    s.gmail.deliver(reply(s.mailbox.address, s.messageId, 1));
    await poll();
    expect((await timeline(s.prospect.id)).map((e) => e.type)).toEqual(['prospect.replied']);
    expect(await historyIdOf(s.mailbox.id)).toBe(String(s.gmail.historyId));

    // Our own follow-up in the thread, a newsletter elsewhere, then an out-of-office in the thread.
    await createGmailSender(s.mailbox, secrets, fake.config()).send({
      workspaceId: s.workspace.id, touchId: 't2', enrollmentId: s.enrollment.id, prospectId: s.prospect.id, messageId: `<${s.enrollment.id}.email-2@relance.test>`, inReplyTo: s.messageId,
      references: [s.messageId], threadId: s.threadId, from: { name: 'Sam Rep', address: s.mailbox.address }, to: { name: 'Marie Curie', address: 'marie@globex.test' },
      subject: 'Re: Our call tomorrow', text: 'Noted, 10:00 it is.', unsubscribeUrl: 'https://relance.test/u/x', date: new Date(),
    });
    s.gmail.deliver('From: news@vendor.test\r\nTo: x@acme.test\r\nSubject: Weekly digest\r\nMessage-ID: <n1@vendor.test>\r\n\r\nhello\r\n');
    const ooo = s.gmail.deliver(reply(s.mailbox.address, s.messageId, 2, 'Auto-Submitted: auto-replied', 'I am out of the office until 20 March 2026 with limited access to email.'));
    expect(ooo.threadId).toBe(s.threadId);
    const gets = fake.count('gmail.get');
    await poll();
    // Only the out-of-office was fetched: our message is labelled SENT, the digest is in another thread.
    expect(fake.count('gmail.get')).toBe(gets + 1);
    expect((await timeline(s.prospect.id)).map((e) => e.type)).toEqual(['prospect.replied', 'prospect.auto_replied']);
    expect(await historyIdOf(s.mailbox.id)).toBe(String(ooo.historyId));

    await poll();
    expect(await timeline(s.prospect.id)).toHaveLength(2);
  });

  it("a mailer-daemon bounce in the thread marks the prospect's address invalid", async () => {
    const s = await cadenceEmailSent();
    await poll(); // first poll: starts from now
    const dsn = s.gmail.deliver(bounce(s.mailbox.address, s.messageId));
    expect(dsn.threadId).toBe(s.threadId);
    await poll();
    await expectHardBounce(world, s.prospect.id, s.mailbox.id);
  });

  it('history Gmail no longer keeps (404) is replaced by reading the known threads', async () => {
    const s = await cadenceEmailSent();
    await poll();
    const stale = await historyIdOf(s.mailbox.id);
    s.gmail.deliver(reply(s.mailbox.address, s.messageId, 3));
    s.gmail.forgetHistory();
    const threadReads = fake.count('gmail.threads.get');
    await poll();
    expect(fake.count('gmail.threads.get')).toBe(threadReads + 1);
    expect((await timeline(s.prospect.id)).map((e) => e.type)).toEqual(['prospect.replied']);
    expect(Number(await historyIdOf(s.mailbox.id))).toBeGreaterThan(Number(stale));
  });

  it('finished enrollments are not polled; a revoked grant disconnects the mailbox and tells the rep', async () => {
    const done = await cadenceEmailSent();
    await world.db.db.update(enrollments).set({ status: 'stopped' }).where(eq(enrollments.id, done.enrollment.id));
    done.gmail.deliver(reply(done.mailbox.address, done.messageId, 4));
    const revoked = await cadenceEmailSent();
    fake.revoke(revoked.account.address);
    await poll();
    expect(await timeline(done.prospect.id)).toHaveLength(0);
    expect(await historyIdOf(done.mailbox.id)).toBeNull();
    const [box] = await world.db.db.select().from(mailboxes).where(eq(mailboxes.id, revoked.mailbox.id));
    expect(box).toMatchObject({ status: 'disconnected', statusDetail: 'Gmail access revoked: reconnect the mailbox' });
    expect(await world.db.db.select().from(tasks).where(and(eq(tasks.workspaceId, revoked.workspace.id), eq(tasks.kind, 'mailbox_disconnected')))).toHaveLength(1);
    // The stopped enrollment's mailbox was never read (its only call was the send).
    expect(fake.requests.filter((r) => r.account === done.account.address).map((r) => r.endpoint)).toEqual(['gmail.send']);
  });

  it("the worker's channel services poll and apply replies as they arrive", async () => {
    const s = await cadenceEmailSent();
    const poller = startChannelServices({ db: world.db.db, temporal: world.temporal, channels: testChannelRegistry(), google: fake.config(), secrets, pollIntervalMs: 50 });
    try {
      s.gmail.deliver(reply(s.mailbox.address, s.messageId, 5));
      expect(await firstEventsOf(world, s.prospect.id)).toEqual(['prospect.replied']);
    } finally {
      await poller.stop();
    }
  });
});

describe('reply polling turns across workers', () => {
  const ROUND = 60_000;
  const worker = () => pollGmailMailboxes({ db: world.db.db, temporal: world.temporal, turnMs: ROUND }, accounts);
  /** Gmail reads of this account's mailbox (history, threads, messages; not the token). */
  const reads = (address: string) => fake.requests.filter((r) => r.account === address && r.endpoint.startsWith('gmail.') && r.endpoint !== 'gmail.send').length;

  it('two workers polling at once read the mailbox once; the reply is applied once; the next round reads it again', async () => {
    const s = await seedGmailRep(world.db.db, fake, secrets);
    const { messageId } = await sendCadenceEmail(world.db.db, s, createGmailSender(s.mailbox, secrets, fake.config()));
    s.account.gmail.deliver(
      [`From: Marie Curie <marie@globex.test>`, `To: ${s.mailbox.address}`, 'Subject: Re: Our call tomorrow', `Message-ID: <turn.${Date.now()}@globex.test>`, `In-Reply-To: ${messageId}`, `References: ${messageId}`, `Date: ${new Date().toUTCString()}`, '', 'Call me at 10:00 instead.', ''].join('\r\n'),
    );

    await Promise.all([worker(), worker()]);
    const afterRound = reads(s.mailbox.address);
    // One poll of a first read: the profile, the thread, the reply.
    expect(afterRound).toBe(3);
    expect((await timeline(s.prospect.id)).map((e) => e.type)).toEqual(['prospect.replied']);
    const [row] = await world.db.db.select().from(mailboxes).where(eq(mailboxes.id, s.mailbox.id));
    expect(row!.replyPollNotBefore!.getTime()).toBeGreaterThan(Date.now() + ROUND - 10_000);

    // Within the round: neither worker reads it again.
    await worker();
    expect(reads(s.mailbox.address)).toBe(afterRound);

    // The round is over: the next worker to come reads the history.
    await world.db.db.update(mailboxes).set({ replyPollNotBefore: sql`now() - interval '1 second'` }).where(eq(mailboxes.id, s.mailbox.id));
    await worker();
    expect(reads(s.mailbox.address)).toBeGreaterThan(afterRound);
  });
});
