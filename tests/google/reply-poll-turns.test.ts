// Every worker process runs the reply pollers: a mailbox's turn is taken in the database before it
// is read, so two workers polling at once read a Gmail mailbox once, the reply reaches the
// timeline once, and nobody reads it again before the round is over.
import { Client, Connection } from '@temporalio/client';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createGmailSender } from '../../channels/email/gmail.js';
import { createGoogleAccounts, type GoogleAccounts } from '../../channels/google/clients.js';
import { events, mailboxes } from '../../db/schema.js';
import { pollGmailMailboxes } from '../../runtime/gmail-poller.js';
import { createSecretBox } from '../../security/secrets.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google.js';
import { sendCadenceEmail } from '../support/mail-rows.js';
import { seedGmailRep } from './seed.js';

const secrets = createSecretBox(Buffer.alloc(32, 6));
let db: TestDatabase;
let fake: FakeGoogle;
let accounts: GoogleAccounts;
let connection: Connection;
let temporal: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeGoogle();
  accounts = createGoogleAccounts(fake.config(), secrets);
  connection = await Connection.connect({ address: inject('temporalAddress') });
  temporal = new Client({ connection, namespace: 'default' });
});
afterAll(async () => {
  await connection?.close();
  await fake?.close();
  await db?.drop();
});

const ROUND = 60_000;
const worker = () => pollGmailMailboxes({ db: db.db, temporal, turnMs: ROUND }, accounts);
/** Gmail reads of this account's mailbox (history, threads, messages; not the token). */
const reads = (address: string) => fake.requests.filter((r) => r.account === address && r.endpoint.startsWith('gmail.') && r.endpoint !== 'gmail.send').length;

describe('reply polling turns across workers', () => {
  it('two workers polling at once read the mailbox once; the reply is applied once; the next round reads it again', async () => {
    const s = await seedGmailRep(db.db, fake, secrets);
    const { messageId } = await sendCadenceEmail(db.db, s, createGmailSender(s.mailbox, secrets, fake.config()));
    s.account.gmail.deliver(
      [`From: Marie Curie <marie@globex.test>`, `To: ${s.mailbox.address}`, 'Subject: Re: Our call tomorrow', `Message-ID: <turn.${Date.now()}@globex.test>`, `In-Reply-To: ${messageId}`, `References: ${messageId}`, `Date: ${new Date().toUTCString()}`, '', 'Call me at 10:00 instead.', ''].join('\r\n'),
    );

    await Promise.all([worker(), worker()]);
    const afterRound = reads(s.mailbox.address);
    // One poll of a first read: the profile, the thread, the reply.
    expect(afterRound).toBe(3);
    expect((await db.db.select().from(events).where(eq(events.prospectId, s.prospect.id))).map((e) => e.type)).toEqual(['prospect.replied']);
    const [row] = await db.db.select().from(mailboxes).where(eq(mailboxes.id, s.mailbox.id));
    expect(row!.replyPollNotBefore!.getTime()).toBeGreaterThan(Date.now() + ROUND - 10_000);

    // Within the round: neither worker reads it again.
    await worker();
    expect(reads(s.mailbox.address)).toBe(afterRound);

    // The round is over: the next worker to come reads the history.
    await db.db.update(mailboxes).set({ replyPollNotBefore: sql`now() - interval '1 second'` }).where(eq(mailboxes.id, s.mailbox.id));
    await worker();
    expect(reads(s.mailbox.address)).toBeGreaterThan(afterRound);
  });
});
