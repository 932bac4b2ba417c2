// The Gmail sender against a local Google speaking the REST protocol (tests/support/fake-google):
// the raw MIME that lands in the mailbox, threading, token refresh, and the faults a real
// mailbox meets (revoked grant, 503, a send whose answer is lost, a bad recipient).
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGmailSender } from '../../channels/email/gmail.js';
import type { MailboxRow, OutboundEmail } from '../../channels/types.js';
import { createSecretBox } from '../../security/secrets.js';
import { startFakeGoogle, type FakeAccount, type FakeGoogle } from '../support/fake-google.js';
import { mailboxRow, outboundEmail } from '../support/mail-rows.js';

const secrets = createSecretBox(Buffer.alloc(32, 7));
let fake: FakeGoogle;
let account: FakeAccount;
let n = 0;

const mailbox = (over: Partial<MailboxRow> = {}) => mailboxRow('gmail', account.address, secrets.seal(account.refreshToken), over);
const email = (over: Partial<OutboundEmail> = {}) => outboundEmail(account.address, over);

const withId = (messageId: string) => account.gmail.messages.filter((m) => m.headers['message-id'] === messageId);

beforeAll(async () => {
  fake = await startFakeGoogle();
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => {
  account = fake.addAccount(`rep${++n}@acme.test`);
});

describe('Gmail sender', () => {
  it('posts our MIME raw: the mailbox holds our Message-ID, the unsubscribe headers and the body; a follow-up lands in the same thread', async () => {
    const sender = createGmailSender(mailbox(), secrets, fake.config());
    const first = email();
    const out = await sender.send(first);
    expect(out.status).toBe('sent');
    const [stored] = withId(first.messageId);
    expect(out).toEqual({ status: 'sent', providerMessageId: stored!.id, threadId: stored!.threadId });
    expect(stored!.labelIds).toEqual(['SENT']);
    const parsed = await simpleParser(stored!.raw);
    expect(parsed.messageId).toBe(first.messageId);
    expect(stored!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(stored!.headers['list-unsubscribe']).toBe(`<${first.unsubscribeUrl}>`);
    expect(parsed.text).toContain('09:15 (Paris time)');
    expect(parsed.to && 'value' in parsed.to ? parsed.to.value[0]?.address : null).toBe('marie@globex.test');

    const second = email({ inReplyTo: first.messageId, references: [first.messageId], threadId: out.status === 'sent' ? out.threadId! : null, subject: 'Re: Our call tomorrow' });
    const again = await sender.send(second);
    expect(again).toMatchObject({ status: 'sent', threadId: stored!.threadId });
    const followUp = await simpleParser(withId(second.messageId)[0]!.raw);
    expect(followUp.inReplyTo).toBe(first.messageId);
    expect(followUp.references).toBe(first.messageId);
    expect(account.gmail.sent().filter((m) => m.threadId === stored!.threadId)).toHaveLength(2);
  });

  it('keeps its access token between sends and refreshes it when Google expires it', async () => {
    const sender = createGmailSender(mailbox(), secrets, fake.config());
    const before = fake.refreshes;
    expect((await sender.send(email())).status).toBe('sent');
    expect((await sender.send(email())).status).toBe('sent');
    expect(fake.refreshes - before).toBe(1);
    fake.expireAccessTokens();
    expect((await sender.send(email())).status).toBe('sent');
    expect(fake.refreshes - before).toBe(2);
    expect(account.gmail.sent()).toHaveLength(3);
  });

  it('a revoked grant or a mailbox without credentials is disconnected, and nothing leaves', async () => {
    fake.revoke(account.address);
    const revoked = await createGmailSender(mailbox(), secrets, fake.config()).send(email());
    expect(revoked).toEqual({ status: 'disconnected', detail: 'Gmail access revoked: reconnect the mailbox' });
    const tokenCalls = fake.count('token');
    const bare = await createGmailSender(mailbox({ sealedSecret: null }), secrets, fake.config()).send(email());
    expect(bare).toMatchObject({ status: 'disconnected', detail: expect.stringContaining('no credentials') });
    const unconfigured = await createGmailSender(mailbox(), secrets, { ...fake.config(), clientId: undefined }).send(email());
    expect(unconfigured).toMatchObject({ status: 'disconnected', detail: expect.stringContaining('GOOGLE_CLIENT_ID') });
    expect(fake.count('token')).toBe(tokenCalls);
    expect(account.gmail.messages).toHaveLength(0);
  });

  it('a 503 is retried later; a refused recipient fails for good', async () => {
    const sender = createGmailSender(mailbox(), secrets, fake.config());
    const e = email();
    fake.fail('gmail.send', 503);
    expect(await sender.send(e)).toMatchObject({ status: 'retry', detail: expect.stringContaining('503') });
    expect(withId(e.messageId)).toHaveLength(0);
    expect((await sender.send(e)).status).toBe('sent');
    expect(withId(e.messageId)).toHaveLength(1);

    const bad = await sender.send(email({ to: { name: 'Nobody', address: 'not-an-address' } }));
    expect(bad).toMatchObject({ status: 'failed', detail: expect.stringContaining('Invalid To header') });
  });

  it('a send accepted but unanswered is found by its Message-ID, never sent twice', async () => {
    const sender = createGmailSender(mailbox(), secrets, fake.config());
    const e = email();
    fake.dropResponse('gmail.send');
    const out = await sender.send(e);
    const [stored] = withId(e.messageId);
    expect(out).toEqual({ status: 'sent', providerMessageId: stored!.id, threadId: stored!.threadId });
    expect(withId(e.messageId)).toHaveLength(1);
    // The stale-claim sweep asks the same question.
    expect(await sender.findSent!(e.messageId)).toEqual({ providerMessageId: stored!.id, threadId: stored!.threadId });
    expect(await sender.findSent!('<never-sent@relance.test>')).toBeNull();
  });

  it('when the mailbox cannot be searched either, the send is uncertain; the next attempt checks before sending', async () => {
    const sender = createGmailSender(mailbox(), secrets, fake.config());
    const e = email();
    fake.dropResponse('gmail.send');
    fake.fail('gmail.list', 503);
    expect(await sender.send(e)).toMatchObject({ status: 'uncertain' });
    expect(await sender.send(e)).toMatchObject({ status: 'sent', providerMessageId: withId(e.messageId)[0]!.id });
    expect(withId(e.messageId)).toHaveLength(1);
  });

  it('a send cut before Gmail stored it is not in the mailbox: retried, then sent once', async () => {
    const sender = createGmailSender(mailbox(), secrets, fake.config());
    const e = email();
    fake.cutConnection('gmail.send');
    expect(await sender.send(e)).toMatchObject({ status: 'retry', detail: expect.stringContaining('not in the mailbox') });
    expect(withId(e.messageId)).toHaveLength(0);
    expect((await sender.send(e)).status).toBe('sent');
    expect(withId(e.messageId)).toHaveLength(1);
    expect(fake.count('gmail.list')).toBeGreaterThanOrEqual(2);
  });
});
