// STUB (to be written): an inbound email (Gmail poller, email provider webhook) matched to the
// touch it answers (In-Reply-To, References, the bounced Message-ID) or the sender's prospect,
// classified, then applied (reply stops, bounce stops and invalidates, out-of-office pauses).
import type { Client } from '@temporalio/client';
import type { Database } from '../../db/client.js';
import type { InboundMail, MailClassification } from '../../domain/mail/types.js';

export type InboundMailResult =
  | { applied: true; prospectId: string; enrollmentId: string | null; classification: MailClassification; enrollmentsSignalled: number }
  | { applied: false; reason: string };

export async function applyInboundMail(
  _deps: { db: Database; temporal: Client },
  _i: { workspaceId: string; mail: InboundMail; source: 'gmail' | 'email'; dedupeKey: string; mailboxId?: string | undefined },
): Promise<InboundMailResult> {
  return { applied: false, reason: 'not implemented' };
}
