// A mailbox row and an outbound email as the senders take them, for the provider tests (SMTP,
// Gmail, Microsoft 365): every column a mailbox has, at its default, but what a test names.
import { randomUUID } from 'node:crypto';
import type { MailboxRow, OutboundEmail } from '../../channels/types.js';

export function mailboxRow(provider: MailboxRow['provider'], address: string, sealedSecret: string, over: Partial<MailboxRow> = {}): MailboxRow {
  const now = new Date();
  return {
    id: randomUUID(), workspaceId: randomUUID(), userId: randomUUID(), address, displayName: 'Sam Rep', provider,
    status: 'connected', statusDetail: null, statusChangedAt: null, isDefault: true, settings: {}, sealedSecret,
    dailyCap: 400, hourlyCap: 100, minGapSeconds: 20, domainDailyCap: null, gmailHistoryId: null, graphDeltaLinks: null, calendarHolds: true,
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
