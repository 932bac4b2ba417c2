// Reply polling of Microsoft 365 mailboxes through Graph delta queries, against the local Graph,
// a real database and the real inbound-mail service: a prospect's reply, an out-of-office and a
// bounce in the conversation of a cadence email reach the timeline once, in the inbox or the
// junk folder; other conversations are not fetched; the delta links are kept per folder so a new
// process resumes where the last one stopped; a lost sync state is read again; revoked consent
// disconnects the mailbox and tells the rep.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutlookSender } from '../../channels/email/outlook.js';
import { createMicrosoftAccounts } from '../../channels/microsoft/clients.js';
import { enrollments, mailboxes, tasks } from '../../db/schema.js';
import { pollOutlookMailboxes, startOutlookPoller } from '../../runtime/outlook-poller.js';
import { createSecretBox } from '../../security/secrets.js';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';
import { expectHardBounce, firstEventsOf, timelineOf, usePollingWorld } from '../support/polling-world.js';
import { seedMicrosoftRep } from './seed.js';
import { sendCadenceEmail } from '../support/mail-rows.js';

const secrets = createSecretBox(Buffer.alloc(32, 13));
const world = usePollingWorld();
let fake: FakeGraph;

/** A rep's cadence email really sent through Graph, recorded as its touch. */
async function cadenceEmailSent() {
  const s = await seedMicrosoftRep(world.db.db, fake, secrets);
  const { messageId, threadId } = await sendCadenceEmail(world.db.db, s, createOutlookSender(s.mailbox, secrets, fake.config()));
  return { ...s, messageId, conversationId: threadId, outlook: s.account.outlook };
}

let n = 0;
const reply = (to: string, inReplyTo: string, extra = '', body = 'Thanks Sam, call me at 10:00 instead.', messageId = `<reply-${++n}.${Date.now()}@globex.test>`) =>
  [`From: Marie Curie <marie@globex.test>`, `To: ${to}`, `Subject: Re: Our call tomorrow`, `Message-ID: ${messageId}`, `In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`, `Date: ${new Date().toUTCString()}`, ...(extra ? [extra] : []), 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\r\n');

const timeline = (prospectId: string) => timelineOf(world, prospectId);
/** A worker's poll round; a fresh `accounts` is a new process (nothing in memory). */
const poll = (accounts = createMicrosoftAccounts(fake.config(), secrets, { db: world.db.db })) => pollOutlookMailboxes({ db: world.db.db, temporal: world.temporal }, accounts);
const linksOf = async (id: string) => (await world.db.db.select().from(mailboxes).where(eq(mailboxes.id, id)))[0]!.graphDeltaLinks;
const fetches = (address: string) => fake.requests.filter((r) => r.account === address && r.endpoint === 'messages.value').length;

beforeAll(async () => {
  fake = await startFakeGraph();
});
afterAll(async () => {
  await fake?.close();
});

describe('Microsoft 365 reply polling', () => {
  it('a reply that came before the first poll is found; later mail comes through the delta links, in the inbox or junk, once', async () => {
    const s = await cadenceEmailSent();
    s.outlook.pageSize = 2; // the first read spans pages (@odata.nextLink)
    for (let i = 0; i < 3; i++) s.outlook.deliver(`From: news@vendor.test\r\nTo: ${s.mailbox.address}\r\nSubject: Digest ${i}\r\nMessage-ID: <n${i}.${Date.now()}@vendor.test>\r\n\r\nhello\r\n`);
    const first = reply(s.mailbox.address, s.messageId);
    s.outlook.deliver(first);
    await poll();
    expect((await timeline(s.prospect.id)).map((e) => e.type)).toEqual(['prospect.replied']);
    expect(Object.keys((await linksOf(s.mailbox.id))!).sort()).toEqual(['inbox', 'junkemail']);
    // Only the reply was fetched: the digests are in other conversations.
    expect(fetches(s.mailbox.address)).toBe(1);

    // The same reply seen again (copied to junk by a rule), an out-of-office in junk, a newsletter in the inbox.
    s.outlook.deliver(first, 'junkemail');
    const ooo = s.outlook.deliver(reply(s.mailbox.address, s.messageId, 'Auto-Submitted: auto-replied', 'I am out of the office until 20 March 2026 with limited access to email.'), 'junkemail');
    expect(ooo.conversationId).toBe(s.conversationId);
    s.outlook.deliver(`From: news@vendor.test\r\nTo: ${s.mailbox.address}\r\nSubject: Weekly\r\nMessage-ID: <w.${Date.now()}@vendor.test>\r\n\r\nhello\r\n`);
    await poll();
    expect((await timeline(s.prospect.id)).map((e) => e.type)).toEqual(['prospect.replied', 'prospect.auto_replied']);
    expect(fetches(s.mailbox.address)).toBe(3);

    // A new process resumes from the stored links: nothing read again, nothing applied twice.
    const deltaCalls = fake.requests.filter((r) => r.account === s.mailbox.address && r.endpoint === 'messages.delta');
    await poll();
    const resumed = fake.requests.filter((r) => r.account === s.mailbox.address && r.endpoint === 'messages.delta').slice(deltaCalls.length);
    expect(resumed.map((r) => new URL(r.path, 'http://x').searchParams.has('$deltatoken'))).toEqual([true, true]);
    expect(fetches(s.mailbox.address)).toBe(3);
    expect(await timeline(s.prospect.id)).toHaveLength(2);
  });

  it("a bounce in the conversation marks the prospect's address invalid", async () => {
    const s = await cadenceEmailSent();
    await poll();
    s.outlook.deliver(
      [
        'From: Microsoft Outlook <postmaster@contoso.test>', `To: ${s.mailbox.address}`, 'Subject: Undeliverable: Our call tomorrow', `Message-ID: <ndr.${Date.now()}@contoso.test>`,
        `References: ${s.messageId}`, `In-Reply-To: ${s.messageId}`, 'Auto-Submitted: auto-replied', 'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '',
        '--b1', 'Content-Type: text/plain; charset=utf-8', '', "Your message to marie@globex.test couldn't be delivered.", '',
        '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; contoso.test', '', 'Final-Recipient: rfc822; marie@globex.test', 'Action: failed', 'Status: 5.1.10', 'Diagnostic-Code: smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound', '',
        '--b1', 'Content-Type: text/rfc822-headers', '', `From: Sam Rep <${s.mailbox.address}>`, 'To: Marie Curie <marie@globex.test>', 'Subject: Our call tomorrow', `Message-ID: ${s.messageId}`, '',
        '--b1--', '',
      ].join('\r\n'),
    );
    await poll();
    await expectHardBounce(world, s.prospect.id, s.mailbox.id);
  });

  it('a sync state Graph no longer keeps (410) is read again from recent mail, applying nothing twice', async () => {
    const s = await cadenceEmailSent();
    s.outlook.deliver(reply(s.mailbox.address, s.messageId));
    await poll();
    const stale = await linksOf(s.mailbox.id);
    s.outlook.forgetDeltas();
    s.outlook.deliver(reply(s.mailbox.address, s.messageId, 'Auto-Submitted: auto-replied', 'I am out of the office until 20 March 2026.'));
    await poll();
    expect((await timeline(s.prospect.id)).map((e) => e.type)).toEqual(['prospect.replied', 'prospect.auto_replied']);
    expect(await linksOf(s.mailbox.id)).not.toEqual(stale);
  });

  it('finished enrollments are not polled; revoked consent disconnects the mailbox and tells the rep', async () => {
    const done = await cadenceEmailSent();
    await world.db.db.update(enrollments).set({ status: 'stopped' }).where(eq(enrollments.id, done.enrollment.id));
    done.outlook.deliver(reply(done.mailbox.address, done.messageId));
    const revoked = await cadenceEmailSent();
    fake.revoke(revoked.account.address);
    await poll();
    expect(await timeline(done.prospect.id)).toHaveLength(0);
    expect(await linksOf(done.mailbox.id)).toBeNull();
    const [box] = await world.db.db.select().from(mailboxes).where(eq(mailboxes.id, revoked.mailbox.id));
    expect(box).toMatchObject({ status: 'disconnected', statusDetail: 'Microsoft 365 access revoked: reconnect the mailbox' });
    const reconnect = await world.db.db.select().from(tasks).where(and(eq(tasks.workspaceId, revoked.workspace.id), eq(tasks.kind, 'mailbox_disconnected')));
    expect(reconnect).toHaveLength(1);
    expect(reconnect[0]).toMatchObject({ repId: revoked.rep.id, status: 'open' });
    // The stopped enrollment's mailbox was never read (its only calls were the send's).
    expect(fake.requests.filter((r) => r.account === done.account.address).map((r) => r.endpoint)).toEqual(['messages.create', 'messages.send']);
  });

  it('a refresh token Microsoft rotated is sealed in place of the stored one, unless new credentials were given meanwhile', async () => {
    const s = await seedMicrosoftRep(world.db.db, fake, secrets);
    const stored = async () => secrets.open((await world.db.db.select().from(mailboxes).where(eq(mailboxes.id, s.mailbox.id)))[0]!.sealedSecret!);
    const access = await createMicrosoftAccounts(fake.config(), secrets, { db: world.db.db }).for(s.mailbox);
    if (!access.ok) throw new Error(access.detail);
    await access.graph.api('/me/messages').top(1).get();
    const rotated = await stored();
    expect(rotated).not.toBe(s.account.refreshToken);
    expect(s.account.refreshTokens.has(rotated)).toBe(true);

    // The rep reconnects through the API while this client still runs on its own token.
    const given = fake.regrant(s.account.address);
    await world.db.db.update(mailboxes).set({ sealedSecret: secrets.seal(given) }).where(eq(mailboxes.id, s.mailbox.id));
    fake.expireAccessTokens();
    await access.graph.api('/me/messages').top(1).get();
    expect(await stored()).toBe(given);
  });

  it('a mailbox paused by the bounce guard still has its replies read', async () => {
    const s = await cadenceEmailSent();
    await world.db.db.update(mailboxes).set({ status: 'paused', statusDetail: '3 hard bounces among the last 100 emails' }).where(eq(mailboxes.id, s.mailbox.id));
    s.outlook.deliver(reply(s.mailbox.address, s.messageId));
    await poll();
    expect((await timeline(s.prospect.id)).map((e) => e.type)).toEqual(['prospect.replied']);
  });

  it('the running poller applies replies as they arrive', async () => {
    const s = await cadenceEmailSent();
    const poller = startOutlookPoller({ db: world.db.db, temporal: world.temporal, microsoft: fake.config(), secrets, intervalMs: 50 });
    try {
      s.outlook.deliver(reply(s.mailbox.address, s.messageId));
      expect(await firstEventsOf(world, s.prospect.id)).toEqual(['prospect.replied']);
    } finally {
      await poller.stop();
    }
  });
});
