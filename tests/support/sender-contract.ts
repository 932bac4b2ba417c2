// What every API mailbox sender (Gmail, Microsoft 365) must do against its local provider: the MIME
// that lands in the mailbox, threading, token refresh, and the faults a real mailbox meets (revoked
// grant, 503, a send whose answer is lost, a request cut, a bad recipient). Each provider's test
// file runs this suite with its adapter and keeps its own extra cases.
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmailProvider, MailboxRow, OutboundEmail } from '../../channels/types.js';
import { createSecretBox, type SecretBox } from '../../security/secrets.js';
import type { FakeService } from './fake-service.js';
import { mailboxRow, outboundEmail } from './mail-rows.js';

type Fake = FakeService & { config(): { clientId?: string | undefined }; refreshes: number; expireAccessTokens(): void; revoke(address: string): void };
type Account = { address: string; refreshToken: string };
type Message = { id: string; raw: Buffer; headers: Record<string, string | undefined> };
type Config<F extends Fake> = ReturnType<F['config']>;

export type SenderAdapter<F extends Fake, A extends Account, M extends Message> = {
  name: string;
  provider: MailboxRow['provider'];
  domain: string;
  start(): Promise<F>;
  addAccount(fake: F, address: string): A;
  create(mailbox: MailboxRow, secrets: SecretBox, config: Config<F>): EmailProvider;
  /** Every message of the account's mailbox, drafts included, and the ones sent. */
  messages(account: A): M[];
  sent(account: A): M[];
  /** The thread a message is in, under the provider's own name. */
  thread(message: M): string;
  /** What a sent message must be besides ours (its label, its folder, its bytes). */
  expectSent(stored: M, email: OutboundEmail): Promise<void> | void;
  /** The configuration variable named when the client id is missing. */
  clientIdVariable: string;
  revokedDetail: string;
  badRecipientDetail: string;
  /** The endpoints a fault is armed on: where the message is first stored, where it is sent, where it is searched. */
  endpoints: { store: string; send: string; search: string };
  /** What a 503's retry says besides its detail. */
  retryHint?: Record<string, unknown>;
};

export type SenderWorld<F, A, M> = { fake: F; account: A; secrets: SecretBox; mailbox: (over?: Partial<MailboxRow>) => MailboxRow; email: (over?: Partial<OutboundEmail>) => OutboundEmail; withId: (messageId: string) => M[] };

/** Registers the fake's lifecycle and a fresh account per test; the world's fields are live. */
export function useSenderWorld<F extends Fake, A extends Account, M extends Message>(adapter: SenderAdapter<F, A, M>, secretSeed: number): SenderWorld<F, A, M> {
  const secrets = createSecretBox(Buffer.alloc(32, secretSeed));
  let n = 0;
  const world: SenderWorld<F, A, M> = {
    fake: undefined as unknown as F,
    account: undefined as unknown as A,
    secrets,
    mailbox: (over = {}) => mailboxRow(adapter.provider, world.account.address, secrets.seal(world.account.refreshToken), over),
    email: (over = {}) => outboundEmail(world.account.address, over),
    withId: (messageId) => adapter.messages(world.account).filter((m) => m.headers['message-id'] === messageId),
  };
  beforeAll(async () => {
    world.fake = await adapter.start();
  });
  afterAll(async () => {
    await world.fake?.close();
  });
  beforeEach(() => {
    world.account = adapter.addAccount(world.fake, `rep${++n}@${adapter.domain}`);
  });
  return world;
}

/** The cases every sender shares, run from each provider's test file. */
export function describeSenderContract<F extends Fake, A extends Account, M extends Message>(adapter: SenderAdapter<F, A, M>, w: SenderWorld<F, A, M>) {
  const sender = (over?: Partial<MailboxRow>, config?: Config<F>) => adapter.create(w.mailbox(over), w.secrets, config ?? (w.fake.config() as Config<F>));
  const { store, send, search } = adapter.endpoints;

  describe(`${adapter.name} sender (shared contract)`, () => {
    it('posts our MIME: the mailbox holds our Message-ID, the unsubscribe headers and the body; a follow-up lands in the same thread', async () => {
      const s = sender();
      const first = w.email();
      const out = await s.send(first);
      expect(out.status).toBe('sent');
      const [stored] = w.withId(first.messageId);
      expect(out).toEqual({ status: 'sent', providerMessageId: stored!.id, threadId: adapter.thread(stored!) });
      await adapter.expectSent(stored!, first);
      const parsed = await simpleParser(stored!.raw);
      expect(parsed.messageId).toBe(first.messageId);
      expect(stored!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(stored!.headers['list-unsubscribe']).toBe(`<${first.unsubscribeUrl}>`);
      expect(parsed.text).toContain('09:15 (Paris time)');
      expect(parsed.to && 'value' in parsed.to ? parsed.to.value[0]?.address : null).toBe('marie@globex.test');

      const second = w.email({ inReplyTo: first.messageId, references: [first.messageId], threadId: out.status === 'sent' ? out.threadId! : null, subject: 'Re: Our call tomorrow' });
      expect(await s.send(second)).toMatchObject({ status: 'sent', threadId: adapter.thread(stored!) });
      const followUp = await simpleParser(w.withId(second.messageId)[0]!.raw);
      expect(followUp.inReplyTo).toBe(first.messageId);
      expect(followUp.references).toBe(first.messageId);
      expect(adapter.sent(w.account).filter((m) => adapter.thread(m) === adapter.thread(stored!))).toHaveLength(2);
    });

    it('keeps its access token between sends and refreshes it when the provider refuses it', async () => {
      const s = sender();
      const before = w.fake.refreshes;
      expect((await s.send(w.email())).status).toBe('sent');
      expect((await s.send(w.email())).status).toBe('sent');
      expect(w.fake.refreshes - before).toBe(1);
      w.fake.expireAccessTokens();
      expect((await s.send(w.email())).status).toBe('sent');
      expect(w.fake.refreshes - before).toBe(2);
      expect(adapter.sent(w.account)).toHaveLength(3);
    });

    it('a revoked grant, a mailbox without credentials or a server without the app registration: disconnected, nothing leaves', async () => {
      w.fake.revoke(w.account.address);
      expect(await sender().send(w.email())).toEqual({ status: 'disconnected', detail: adapter.revokedDetail });
      const tokenCalls = w.fake.count('token');
      const bare = await sender({ sealedSecret: null }).send(w.email());
      expect(bare).toMatchObject({ status: 'disconnected', detail: expect.stringContaining('no credentials') });
      const unconfigured = await sender({}, { ...w.fake.config(), clientId: undefined } as Config<F>).send(w.email());
      expect(unconfigured).toMatchObject({ status: 'disconnected', detail: expect.stringContaining(adapter.clientIdVariable) });
      expect(w.fake.count('token')).toBe(tokenCalls);
      expect(adapter.messages(w.account)).toHaveLength(0);
    });

    it('a 503 is retried later; a refused recipient fails for good', async () => {
      const s = sender();
      const e = w.email();
      w.fake.fail(store, 503);
      expect(await s.send(e)).toMatchObject({ status: 'retry', detail: expect.stringContaining('503'), ...adapter.retryHint });
      expect(w.withId(e.messageId)).toHaveLength(0);
      expect((await s.send(e)).status).toBe('sent');
      expect(w.withId(e.messageId)).toHaveLength(1);

      const bad = await s.send(w.email({ to: { name: 'Nobody', address: 'not-an-address' } }));
      expect(bad).toMatchObject({ status: 'failed', detail: expect.stringContaining(adapter.badRecipientDetail) });
    });

    it('a send accepted but unanswered is found by its Message-ID, never sent twice', async () => {
      const s = sender();
      // Characters a URL would misread ('+', '&', '#', an apostrophe) are legal in a Message-ID.
      const e = w.email({ messageId: `<touch+1&o'neil#${Date.now()}@relance.test>` });
      const sends = w.fake.count(send);
      w.fake.dropResponse(send);
      const out = await s.send(e);
      const [stored] = w.withId(e.messageId);
      expect(out).toEqual({ status: 'sent', providerMessageId: stored!.id, threadId: adapter.thread(stored!) });
      expect(w.withId(e.messageId)).toHaveLength(1);
      expect(w.fake.count(send)).toBe(sends + 1);
      // The stale-claim sweep asks the same question.
      expect(await s.findSent!(e.messageId)).toEqual({ providerMessageId: stored!.id, threadId: adapter.thread(stored!) });
      expect(await s.findSent!('<never-sent@relance.test>')).toBeNull();
    });

    it('when the mailbox cannot be searched either, the send is uncertain; the next attempt checks before sending', async () => {
      const s = sender();
      const e = w.email();
      w.fake.dropResponse(send);
      w.fake.fail(search, 503);
      expect(await s.send(e)).toMatchObject({ status: 'uncertain' });
      expect(await s.send(e)).toMatchObject({ status: 'sent', providerMessageId: w.withId(e.messageId)[0]!.id });
      expect(w.withId(e.messageId)).toHaveLength(1);
    });

    it('a request cut before the provider stored anything is not in the mailbox: retried, then sent once', async () => {
      const s = sender();
      const e = w.email();
      w.fake.cutConnection(store);
      expect(await s.send(e)).toMatchObject({ status: 'retry', detail: expect.stringContaining('not in the mailbox') });
      expect(w.withId(e.messageId)).toHaveLength(0);
      expect((await s.send(e)).status).toBe('sent');
      expect(w.withId(e.messageId)).toHaveLength(1);
      expect(w.fake.count(search)).toBeGreaterThanOrEqual(2);
    });
  });
}
