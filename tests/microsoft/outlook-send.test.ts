// The Microsoft 365 sender against a local Graph (tests/support/fake-graph): the real Graph SDK
// and MSAL pointed at it. The MIME that lands in Sent Items, threading by conversation, token
// refresh, and the faults a real mailbox meets (revoked consent, 503, an answer lost).
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildMime } from '../../channels/email/mime.js';
import { createOutlookSender } from '../../channels/email/outlook.js';
import type { MailboxRow, OutboundEmail } from '../../channels/types.js';
import { createSecretBox } from '../../security/secrets.js';
import { startFakeGraph, type FakeGraph, type GraphAccount } from '../support/fake-graph.js';
import { mailboxRow, outboundEmail } from '../support/mail-rows.js';

const secrets = createSecretBox(Buffer.alloc(32, 11));
let fake: FakeGraph;
let account: GraphAccount & { refreshToken: string };
let n = 0;

const mailbox = (over: Partial<MailboxRow> = {}) => mailboxRow('microsoft', account.address, secrets.seal(account.refreshToken), over);
const email = (over: Partial<OutboundEmail> = {}) => outboundEmail(account.address, over);

const withId = (messageId: string) => account.outlook.messages.filter((m) => m.headers['message-id'] === messageId);

beforeAll(async () => {
  fake = await startFakeGraph();
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => {
  account = fake.addAccount(`rep${++n}@contoso.test`);
});

describe('Microsoft 365 sender', () => {
  it('posts our MIME: Sent Items holds our Message-ID, the unsubscribe headers and the body; a follow-up lands in the same conversation', async () => {
    const sender = createOutlookSender(mailbox(), secrets, fake.config());
    const first = email();
    const out = await sender.send(first);
    const [stored] = withId(first.messageId);
    expect(out).toEqual({ status: 'sent', providerMessageId: stored!.id, threadId: stored!.conversationId });
    expect(stored).toMatchObject({ folder: 'sentitems', isDraft: false });
    // The very bytes the SMTP sender and the local outbox write (channels/email/mime.ts).
    expect(stored!.raw.equals(await buildMime(first))).toBe(true);
    const parsed = await simpleParser(stored!.raw);
    expect(parsed.messageId).toBe(first.messageId);
    expect(stored!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(stored!.headers['list-unsubscribe']).toBe(`<${first.unsubscribeUrl}>`);
    expect(parsed.text).toContain('09:15 (Paris time)');

    const second = email({ inReplyTo: first.messageId, references: [first.messageId], threadId: stored!.conversationId, subject: 'Re: Our call tomorrow' });
    expect(await sender.send(second)).toMatchObject({ status: 'sent', threadId: stored!.conversationId });
    const followUp = await simpleParser(withId(second.messageId)[0]!.raw);
    expect(followUp.inReplyTo).toBe(first.messageId);
    expect(followUp.references).toBe(first.messageId);
    expect(account.outlook.sent().filter((m) => m.conversationId === stored!.conversationId)).toHaveLength(2);
  });

  it('keeps its access token between sends and refreshes it when Graph refuses it', async () => {
    const sender = createOutlookSender(mailbox(), secrets, fake.config());
    const before = fake.refreshes;
    expect((await sender.send(email())).status).toBe('sent');
    expect((await sender.send(email())).status).toBe('sent');
    expect(fake.refreshes - before).toBe(1);
    fake.expireAccessTokens();
    expect((await sender.send(email())).status).toBe('sent');
    expect(fake.refreshes - before).toBe(2);
    expect(account.outlook.sent()).toHaveLength(3);
  });

  it('revoked consent, a mailbox without credentials or a server without the app registration: disconnected, nothing leaves', async () => {
    fake.revoke(account.address);
    const revoked = await createOutlookSender(mailbox(), secrets, fake.config()).send(email());
    expect(revoked).toEqual({ status: 'disconnected', detail: 'Microsoft 365 access revoked: reconnect the mailbox' });
    const tokenCalls = fake.count('token');
    const bare = await createOutlookSender(mailbox({ sealedSecret: null }), secrets, fake.config()).send(email());
    expect(bare).toMatchObject({ status: 'disconnected', detail: expect.stringContaining('no credentials') });
    const unconfigured = await createOutlookSender(mailbox(), secrets, { ...fake.config(), clientId: undefined }).send(email());
    expect(unconfigured).toMatchObject({ status: 'disconnected', detail: expect.stringContaining('MICROSOFT_CLIENT_ID') });
    const wrongSecret = await createOutlookSender(mailbox(), secrets, { ...fake.config(), clientSecret: 'wrong' }).send(email());
    expect(wrongSecret).toMatchObject({ status: 'disconnected', detail: expect.stringContaining('invalid_client') });
    expect(fake.count('token')).toBe(tokenCalls + 1);
    expect(account.outlook.messages).toHaveLength(0);
  });

  it('a 503 is retried later, a sign-in outage too; a refused recipient fails for good', async () => {
    const sender = createOutlookSender(mailbox(), secrets, fake.config());
    const e = email();
    fake.cutConnection('token');
    expect(await sender.send(e)).toMatchObject({ status: 'retry', detail: expect.stringContaining('sign-in unavailable') });
    fake.fail('messages.create', 503);
    expect(await sender.send(e)).toMatchObject({ status: 'retry', detail: expect.stringContaining('503'), retryAfterMs: 1000 });
    expect(withId(e.messageId)).toHaveLength(0);
    expect((await sender.send(e)).status).toBe('sent');
    expect(withId(e.messageId)).toHaveLength(1);

    // A send refused for now: the draft made is the one sent next time, none left behind.
    const later = email();
    fake.fail('messages.send', 503);
    expect(await sender.send(later)).toMatchObject({ status: 'retry' });
    expect(await sender.send(later)).toMatchObject({ status: 'sent' });
    expect(withId(later.messageId)).toEqual([expect.objectContaining({ folder: 'sentitems', isDraft: false })]);

    const bad = await sender.send(email({ to: { name: 'Nobody', address: 'not-an-address' } }));
    expect(bad).toMatchObject({ status: 'failed', detail: expect.stringContaining('recipient is not valid') });
  });

  it('a send accepted but unanswered is found by its Message-ID, never sent twice', async () => {
    const sender = createOutlookSender(mailbox(), secrets, fake.config());
    // Characters a URL would misread ('+', '&', '#', an apostrophe) are legal in a Message-ID.
    const e = email({ messageId: `<touch+1&o'neil#${Date.now()}@relance.test>` });
    const sends = fake.count('messages.send');
    fake.dropResponse('messages.send');
    const out = await sender.send(e);
    const [stored] = withId(e.messageId);
    expect(out).toEqual({ status: 'sent', providerMessageId: stored!.id, threadId: stored!.conversationId });
    expect(withId(e.messageId)).toHaveLength(1);
    expect(fake.count('messages.send')).toBe(sends + 1);
    // The stale-claim sweep asks the same question.
    expect(await sender.findSent!(e.messageId)).toEqual({ providerMessageId: stored!.id, threadId: stored!.conversationId });
    expect(await sender.findSent!('<never-sent@relance.test>')).toBeNull();
  });

  it('a draft whose answer was lost is sent, not made twice; when the mailbox cannot be searched the send is uncertain', async () => {
    const sender = createOutlookSender(mailbox(), secrets, fake.config());
    const e = email();
    fake.dropResponse('messages.create');
    expect(await sender.send(e)).toMatchObject({ status: 'sent' });
    expect(withId(e.messageId)).toHaveLength(1);
    expect(withId(e.messageId)[0]).toMatchObject({ folder: 'sentitems', isDraft: false });

    const u = email();
    fake.dropResponse('messages.send');
    fake.fail('messages.list', 503);
    expect(await sender.send(u)).toMatchObject({ status: 'uncertain' });
    expect(await sender.send(u)).toMatchObject({ status: 'sent', providerMessageId: withId(u.messageId)[0]!.id });
    expect(withId(u.messageId)).toHaveLength(1);
  });

  it('after a sender died between the draft and its send, the next claim sends that draft', async () => {
    const e = email();
    // The dead sender's draft (made with our MIME), then a new process's sender at the next claim.
    expect(account.outlook.createDraft(Buffer.from((await buildMime(e)).toString('base64')), 'text/plain').status).toBe(201);
    const creates = fake.count('messages.create');
    const out = await createOutlookSender(mailbox(), secrets, fake.config()).send({ ...e, attempt: 2 });
    expect(out).toMatchObject({ status: 'sent', providerMessageId: withId(e.messageId)[0]!.id });
    expect(withId(e.messageId)).toEqual([expect.objectContaining({ folder: 'sentitems', isDraft: false })]);
    expect(fake.count('messages.create')).toBe(creates);
  });

  it('a request cut before Graph did anything is not in the mailbox: retried, then sent once', async () => {
    const sender = createOutlookSender(mailbox(), secrets, fake.config());
    const e = email();
    fake.cutConnection('messages.create');
    expect(await sender.send(e)).toMatchObject({ status: 'retry', detail: expect.stringContaining('not in the mailbox') });
    expect(withId(e.messageId)).toHaveLength(0);
    expect((await sender.send(e)).status).toBe('sent');
    expect(withId(e.messageId)).toHaveLength(1);
  });
});
