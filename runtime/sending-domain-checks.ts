// Every worker process checks the sending domains of the mailboxes again, a few at a time: a
// mailbox never checked, or last checked a day ago, gets its SPF, DKIM and DMARC records read
// (channels/email/sender-dns.ts) and the result kept on it, so what the mailbox shows stays
// current without anyone asking (POST .../dns-check still checks one now). A record that passed
// and no longer does is told to the rep (application/sending-domain.ts). Two workers may check the
// same mailbox in the same minute: the later answer is kept, and the rep is told at most twice.
import { and, asc, ne, or, sql } from 'drizzle-orm';
import { checkSendingDomain, senderOf, type DnsResolve } from '../channels/email/sender-dns.js';
import type { Database } from '../db/client.js';
import { mailboxes } from '../db/schema.js';
import { recordSendingDomainCheck } from '../application/sending-domain.js';
import { startPeriodic, type Periodic } from './periodic.js';

export type SendingDomainChecksOptions = { db: Database; resolve: DnsResolve; intervalMs?: number; staleMs?: number; batch?: number };

const checkedAt = sql`(${mailboxes.dnsCheck}->>'checkedAt')::timestamptz`;

/** One pass: the stalest mailboxes (never checked first), checked and stored; how many. */
export async function checkStaleSendingDomains(o: SendingDomainChecksOptions, stopped: () => boolean = () => false): Promise<number> {
  const staleMs = o.staleMs ?? 86_400_000;
  const due = await o.db
    .select()
    .from(mailboxes)
    .where(and(ne(mailboxes.status, 'disabled'), or(sql`${mailboxes.dnsCheck} is null`, sql`${checkedAt} < now() - ${`${Math.round(staleMs / 1000)} seconds`}::interval`)))
    .orderBy(sql`${checkedAt} asc nulls first`, asc(mailboxes.id))
    .limit(o.batch ?? 20);
  let done = 0;
  for (const m of due) {
    if (stopped()) break;
    const check = await checkSendingDomain(o.resolve, senderOf(m));
    await recordSendingDomainCheck(o.db, m, check);
    done++;
  }
  return done;
}

export function startSendingDomainChecks(o: SendingDomainChecksOptions): Periodic {
  return startPeriodic('sending domain checks', o.intervalMs ?? 600_000, async (stopped) => {
    await checkStaleSendingDomains(o, stopped);
  });
}
