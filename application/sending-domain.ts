// A sending domain that stops passing is told, not just stored: when the daily check finds a record
// it found before now missing or invalid (a DNS change, an expired provider include), the rep gets
// a task and the timeline (so webhooks) a `mailbox.dns_failing` event, once per check. The task is
// closed by the first check that finds those records again. A lookup that failed ("unknown") is
// not a regression: DNS timeouts say nothing about the records.
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import type { SendingDomainCheck } from '../channels/email/sender-dns.js';
import type { Database } from '../db/client.js';
import { mailboxes, tasks } from '../db/schema.js';
import { mailboxTask, openSystemTask } from './system-tasks.js';
import { appendEvent } from './timeline.js';

const RECORDS = ['spf', 'dkim', 'dmarc'] as const;
type RecordName = (typeof RECORDS)[number];
type CheckedMailbox = { id: string; workspaceId: string; userId: string; address: string; dnsCheck: unknown };

const failing = (c: SendingDomainCheck, r: RecordName) => c[r].status === 'missing' || c[r].status === 'invalid';

/** The records found by the previous check that this one finds missing or invalid. */
export function regressedRecords(before: SendingDomainCheck | null, after: SendingDomainCheck): RecordName[] {
  if (!before) return [];
  return RECORDS.filter((r) => before[r].status === 'found' && before[r].problems.length === 0 && failing(after, r));
}

/** Stores the check; tells the rep when records stopped passing; closes the task once they pass again. */
export async function recordSendingDomainCheck(db: Database, m: CheckedMailbox, check: SendingDomainCheck): Promise<RecordName[]> {
  const regressed = regressedRecords((m.dnsCheck as SendingDomainCheck | null) ?? null, check);
  await db.transaction(async (tx) => {
    await tx.update(mailboxes).set({ dnsCheck: check }).where(and(eq(mailboxes.id, m.id), eq(mailboxes.workspaceId, m.workspaceId)));
    const open = await tx
      .select({ id: tasks.id, prep: tasks.prep })
      .from(tasks)
      .where(and(eq(tasks.workspaceId, m.workspaceId), isNull(tasks.enrollmentId), eq(tasks.kind, 'mailbox_dns'), eq(tasks.status, 'open'), like(tasks.stepKey, `mailbox:${m.id}:dns:%`)));
    for (const t of open) {
      const records = ((t.prep as { records?: RecordName[] }).records ?? []).filter((r) => RECORDS.includes(r));
      if (records.some((r) => check[r].status !== 'found' || check[r].problems.length > 0)) continue;
      await tx.update(tasks).set({ status: 'done', outcome: { outcome: 'done', note: 'the sending domain passes again' }, completedAt: sql`now()` }).where(eq(tasks.id, t.id));
    }
    if (regressed.length === 0) return;
    const problems = regressed.flatMap((r) => check[r].problems);
    const at = new Date(check.checkedAt);
    const title = `The sending domain of ${m.address} stopped passing ${regressed.map((r) => r.toUpperCase()).join(', ')}: your emails may land in spam; fix the DNS records or ask ops`;
    await openSystemTask(tx, mailboxTask(m, { kind: 'mailbox_dns', key: 'dns', at, title, prep: { domain: check.domain, records: regressed, problems } }));
    await appendEvent(tx, {
      workspaceId: m.workspaceId,
      type: 'mailbox.dns_failing',
      payload: { mailboxId: m.id, address: m.address, userId: m.userId, domain: check.domain, records: regressed, problems },
      dedupeKey: `mailbox.dns_failing:${m.id}:${at.getTime()}`,
    });
  });
  return regressed;
}
