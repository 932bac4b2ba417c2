// Which mailboxes and threads the reply pollers read (Gmail, Microsoft 365): only the threads of
// emails whose enrollment is still running, and only the mailboxes that have some.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { MailboxRow } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { enrollments, mailboxes, touches } from '../db/schema.js';

/** What one poll of one mailbox did. */
export type MailboxPoll = { seen: number; applied: number; resynced: boolean };

const LIVE = ['pending', 'active', 'paused'] as const;

/** Threads (Gmail threads, Outlook conversations) of this mailbox's touches whose enrollment is still running. */
export async function knownThreads(db: Database, m: MailboxRow): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ threadId: touches.threadId })
    .from(touches)
    .innerJoin(enrollments, eq(enrollments.id, touches.enrollmentId))
    .where(and(eq(touches.workspaceId, m.workspaceId), eq(touches.mailboxId, m.id), isNotNull(touches.threadId), inArray(enrollments.status, [...LIVE])));
  return new Set(rows.map((r) => r.threadId!));
}

/**
 * Mailboxes of a provider with threads of live enrollments: the ones worth reading. Connected, or
 * paused by the bounce guard (its emails wait, but a reply must still stop the cadence).
 */
export async function mailboxesWithLiveThreads(db: Database, provider: 'gmail' | 'microsoft'): Promise<MailboxRow[]> {
  const live = db
    .select({ id: touches.mailboxId })
    .from(touches)
    .innerJoin(enrollments, eq(enrollments.id, touches.enrollmentId))
    .where(and(isNotNull(touches.threadId), inArray(enrollments.status, [...LIVE])));
  return db
    .select()
    .from(mailboxes)
    .where(and(eq(mailboxes.provider, provider), inArray(mailboxes.status, ['connected', 'paused']), inArray(mailboxes.id, live)));
}
