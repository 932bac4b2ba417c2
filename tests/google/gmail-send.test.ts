// The Gmail sender against a local Google speaking the REST protocol (tests/support/fake-google):
// the shared sender contract (tests/support/sender-contract.ts) with Gmail's own words: the raw
// MIME lands labelled SENT, threads are Gmail threads.
import { expect } from 'vitest';
import { createGmailSender } from '../../channels/email/gmail.js';
import { startFakeGoogle, type FakeAccount, type FakeGoogle } from '../support/fake-google.js';
import { describeSenderContract, useSenderWorld, type SenderAdapter } from '../support/sender-contract.js';
import type { FakeMessage } from '../support/fake-gmail.js';

const gmail: SenderAdapter<FakeGoogle, FakeAccount, FakeMessage> = {
  name: 'Gmail',
  provider: 'gmail',
  domain: 'acme.test',
  start: startFakeGoogle,
  addAccount: (fake, address) => fake.addAccount(address),
  create: createGmailSender,
  messages: (account) => account.gmail.messages,
  sent: (account) => account.gmail.sent(),
  thread: (m) => m.threadId,
  expectSent: (stored) => expect(stored.labelIds).toEqual(['SENT']),
  clientIdVariable: 'GOOGLE_CLIENT_ID',
  revokedDetail: 'Gmail access revoked: reconnect the mailbox',
  badRecipientDetail: 'Invalid To header',
  endpoints: { store: 'gmail.send', send: 'gmail.send', search: 'gmail.list' },
};

describeSenderContract(gmail, useSenderWorld(gmail, 7));
