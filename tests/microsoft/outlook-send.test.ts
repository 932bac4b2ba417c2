// The Microsoft 365 sender against a local Graph (tests/support/fake-graph): the real Graph SDK
// and MSAL pointed at it. The shared sender contract (tests/support/sender-contract.ts), then what
// only Graph has: our very bytes in Sent Items, drafts made then sent, a wrong app secret, a
// sign-in outage.
import { describe, expect, it } from 'vitest';
import { buildMime } from '../../channels/email/mime.js';
import { createOutlookSender } from '../../channels/email/outlook.js';
import { startFakeGraph, type FakeGraph, type GraphAccount } from '../support/fake-graph.js';
import type { OutlookMessage } from '../support/fake-outlook.js';
import { describeSenderContract, useSenderWorld, type SenderAdapter } from '../support/sender-contract.js';

const outlook: SenderAdapter<FakeGraph, GraphAccount & { refreshToken: string }, OutlookMessage> = {
  name: 'Microsoft 365',
  provider: 'microsoft',
  domain: 'contoso.test',
  start: startFakeGraph,
  addAccount: (fake, address) => fake.addAccount(address),
  create: createOutlookSender,
  messages: (account) => account.outlook.messages,
  sent: (account) => account.outlook.sent(),
  thread: (m) => m.conversationId,
  expectSent: async (stored, email) => {
    expect(stored).toMatchObject({ folder: 'sentitems', isDraft: false });
    // The very bytes the SMTP sender and the local outbox write (channels/email/mime.ts).
    expect(stored.raw.equals(await buildMime(email))).toBe(true);
  },
  clientIdVariable: 'MICROSOFT_CLIENT_ID',
  revokedDetail: 'Microsoft 365 access revoked: reconnect the mailbox',
  badRecipientDetail: 'recipient is not valid',
  endpoints: { store: 'messages.create', send: 'messages.send', search: 'messages.list' },
  retryHint: { retryAfterMs: 1000 },
};

const w = useSenderWorld(outlook, 11);
describeSenderContract(outlook, w);

describe('Microsoft 365 sender', () => {
  const sender = () => createOutlookSender(w.mailbox(), w.secrets, w.fake.config());
  const sentItem = expect.objectContaining({ folder: 'sentitems', isDraft: false });

  it('a server with a wrong app secret is disconnected after one token call, and nothing leaves', async () => {
    const tokenCalls = w.fake.count('token');
    const wrongSecret = await createOutlookSender(w.mailbox(), w.secrets, { ...w.fake.config(), clientSecret: 'wrong' }).send(w.email());
    expect(wrongSecret).toMatchObject({ status: 'disconnected', detail: expect.stringContaining('invalid_client') });
    expect(w.fake.count('token')).toBe(tokenCalls + 1);
    expect(w.account.outlook.messages).toHaveLength(0);
  });

  it('a sign-in outage is retried; a send refused for now sends the draft made next time, none left behind', async () => {
    const s = sender();
    const e = w.email();
    w.fake.cutConnection('token');
    expect(await s.send(e)).toMatchObject({ status: 'retry', detail: expect.stringContaining('sign-in unavailable') });
    expect((await s.send(e)).status).toBe('sent');

    const later = w.email();
    w.fake.fail('messages.send', 503);
    expect(await s.send(later)).toMatchObject({ status: 'retry' });
    expect(await s.send(later)).toMatchObject({ status: 'sent' });
    expect(w.withId(later.messageId)).toEqual([sentItem]);
  });

  it('a draft whose answer was lost is sent, not made twice', async () => {
    const s = sender();
    const e = w.email();
    w.fake.dropResponse('messages.create');
    expect(await s.send(e)).toMatchObject({ status: 'sent' });
    expect(w.withId(e.messageId)).toHaveLength(1);
    expect(w.withId(e.messageId)[0]).toMatchObject({ folder: 'sentitems', isDraft: false });
  });

  it('after a sender died between the draft and its send, the next claim sends that draft', async () => {
    const e = w.email();
    // The dead sender's draft (made with our MIME), then a new process's sender at the next claim.
    expect(w.account.outlook.createDraft(Buffer.from((await buildMime(e)).toString('base64')), 'text/plain').status).toBe(201);
    const creates = w.fake.count('messages.create');
    const out = await sender().send({ ...e, attempt: 2 });
    expect(out).toMatchObject({ status: 'sent', providerMessageId: w.withId(e.messageId)[0]!.id });
    expect(w.withId(e.messageId)).toEqual([sentItem]);
    expect(w.fake.count('messages.create')).toBe(creates);
  });
});
