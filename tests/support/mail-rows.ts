// A mailbox row and an outbound email as the senders take them, for the provider tests (SMTP,
// Gmail, Microsoft 365): every column a mailbox has, at its default, but what a test names.
import { randomUUID } from 'node:crypto';
import type { EmailProvider, MailboxRow, OutboundEmail } from '../../channels/types.js';
import type { Database } from '../../db/client.js';
import { touches } from '../../db/schema.js';

export function mailboxRow(provider: MailboxRow['provider'], address: string, sealedSecret: string, over: Partial<MailboxRow> = {}): MailboxRow {
  const now = new Date();
  return {
    id: randomUUID(), workspaceId: randomUUID(), userId: randomUUID(), address, displayName: 'Sam Rep', provider,
    status: 'connected', statusDetail: null, statusChangedAt: null, isDefault: true, settings: {}, sealedSecret,
    dailyCap: 400, hourlyCap: 100, minGapSeconds: 20, domainDailyCap: null, gmailHistoryId: null, graphDeltaLinks: null, replyPollNotBefore: null, calendarHolds: true,
    imapSettings: null, imapSealedSecret: null, imapStatusDetail: null, imapCheckedAt: null,
    warmupStartCap: null, warmupStep: null, warmupStartedAt: null, dkimSelector: null, dkimSealedKey: null, dkimPublicKey: null, dnsCheck: null,
    createdAt: now, updatedAt: now, ...over,
  };
}

let n = 0;
/** The 08:00 email announcing a 09:15 call, from `from` to Marie Curie, with its own Message-ID. */
export function outboundEmail(from: string, over: Partial<OutboundEmail> = {}): OutboundEmail {
  const id = `${++n}`;
  return {
    workspaceId: 'w', touchId: `t${id}`, enrollmentId: 'e', prospectId: 'p', messageId: `<touch-${id}.${Date.now()}@relance.test>`, inReplyTo: null, references: [], threadId: null,
    from: { name: 'Sam Rep', address: from }, to: { name: 'Marie Curie', address: 'marie@globex.test' },
    subject: 'Our call tomorrow', text: 'Bonjour Marie, I will call you tomorrow at 09:15 (Paris time).', unsubscribeUrl: `https://relance.test/v1/unsubscribe/tok${id}`,
    date: new Date('2026-03-10T07:00:00Z'), ...over,
  };
}

type Seeded = { workspace: { id: string }; enrollment: { id: string }; prospect: { id: string }; mailbox: MailboxRow };

/** A rep's cadence email really sent through `sender` and recorded as the enrollment's touch, as the outbox would. */
export async function sendCadenceEmail(db: Database, s: Seeded, sender: EmailProvider) {
  const messageId = `<${s.enrollment.id}.email-1@relance.test>`;
  const email = outboundEmail(s.mailbox.address, { workspaceId: s.workspace.id, touchId: 't', enrollmentId: s.enrollment.id, prospectId: s.prospect.id, messageId, date: new Date() });
  const out = await sender.send(email);
  if (out.status !== 'sent') throw new Error(`send: ${JSON.stringify(out)}`);
  await db.insert(touches).values({
    workspaceId: s.workspace.id, enrollmentId: s.enrollment.id, prospectId: s.prospect.id, stepKey: 'email#1', channel: 'email', provider: s.mailbox.provider, status: 'sent',
    toAddress: email.to.address, subject: email.subject, mailboxId: s.mailbox.id, messageId, threadId: out.threadId!, providerMessageId: out.providerMessageId!, sentAt: new Date(),
  });
  return { messageId, threadId: out.threadId! };
}
