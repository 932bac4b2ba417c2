// Reconciles announced-call holds (calendar_holds, written by activities/calendar-holds.ts)
// with the reps' Google Calendars and Outlook calendars. A row is claimed under a lease
// (attempts+1, next attempt pushed out) so a sync that dies mid-call is retried later by any
// process; Google's event id is deterministic, so a retried insert meets its own event (409) and
// patches it, and Outlook's create carries a transactionId that makes a retried create return
// the event it made: never two holds.
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { createGoogleAccounts, type GoogleAccounts } from '../channels/google/clients.js';
import { applyGoogleHold } from '../channels/google/hold-event.js';
import { googleFailure } from '../channels/google/errors.js';
import { createMicrosoftAccounts, type MicrosoftAccounts } from '../channels/microsoft/clients.js';
import { microsoftFailure } from '../channels/microsoft/errors.js';
import { applyOutlookHold } from '../channels/microsoft/hold-event.js';
import type { MailboxRow, ProviderFailure } from '../channels/types.js';
import { disconnectMailboxNow } from '../outbox/disconnect-now.js';
import type { Database } from '../db/client.js';
import { calendarHolds, mailboxes } from '../db/schema.js';
import type { SecretBox } from '../security/secrets.js';
import { UNCONFIGURED_MICROSOFT, type GoogleConfig, type MicrosoftConfig } from '../channels/config.js';
import { startPeriodic } from './periodic.js';

type Hold = typeof calendarHolds.$inferSelect;
/** The calendars holds are put on: one client per mailbox of each provider. */
export type HoldCalendars = { google: GoogleAccounts; microsoft: MicrosoftAccounts };

export type CalendarSyncOptions = {
  db: Database;
  google: GoogleConfig;
  /** Absent: Outlook holds wait (their mailboxes are disconnected as not configured). */
  microsoft?: MicrosoftConfig;
  secrets: SecretBox;
  intervalMs?: number;
  batchSize?: number;
  /** First retry delay after a failure, doubled per attempt up to an hour. */
  retryBaseMs?: number;
};

const LEASE_MS = 5 * 60_000;

/** One pass: claims due holds of connected mailboxes and applies them. Returns how many were claimed. */
export async function syncCalendarHolds(db: Database, calendars: HoldCalendars, o: { batchSize?: number; retryBaseMs?: number } = {}): Promise<number> {
  const due = db
    .select({ id: calendarHolds.id })
    .from(calendarHolds)
    .innerJoin(mailboxes, eq(mailboxes.id, calendarHolds.mailboxId))
    .where(and(sql`${calendarHolds.version} > ${calendarHolds.syncedVersion}`, lte(calendarHolds.nextAttemptAt, sql`now()`), eq(mailboxes.status, 'connected')))
    .orderBy(calendarHolds.nextAttemptAt)
    .limit(o.batchSize ?? 50)
    .for('update', { of: calendarHolds, skipLocked: true });
  const claimed = await db
    .update(calendarHolds)
    .set({ attempts: sql`${calendarHolds.attempts} + 1`, nextAttemptAt: sql`now() + ${`${LEASE_MS} milliseconds`}::interval` })
    .where(inArray(calendarHolds.id, due))
    .returning();
  if (claimed.length === 0) return 0;
  const boxes = await db.select().from(mailboxes).where(inArray(mailboxes.id, [...new Set(claimed.map((h) => h.mailboxId))]));
  for (const hold of claimed) {
    const mailbox = boxes.find((m) => m.id === hold.mailboxId)!;
    try {
      const { existsRemotely, remoteEventId } = await applyHold(calendars, mailbox, hold);
      await db
        .update(calendarHolds)
        .set({ syncedVersion: sql`greatest(${calendarHolds.syncedVersion}, ${hold.version})`, existsRemotely, remoteEventId, attempts: 0, lastError: null, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(calendarHolds.id, hold.id));
    } catch (err) {
      const f: ProviderFailure = (err as { revoked?: boolean }).revoked ? { kind: 'revoked', detail: (err as Error).message } : mailbox.provider === 'microsoft' ? microsoftFailure(err) : googleFailure(err);
      if (f.kind === 'revoked') await disconnectMailboxNow(db, mailbox, f.detail);
      // A revoked mailbox's holds wait for the reconnection (only connected mailboxes are claimed).
      const delay = f.kind === 'revoked' ? 0 : Math.min((o.retryBaseMs ?? 30_000) * 2 ** (hold.attempts - 1), 3_600_000);
      await db
        .update(calendarHolds)
        .set({ lastError: f.detail, nextAttemptAt: sql`now() + ${`${delay} milliseconds`}::interval`, updatedAt: sql`now()` })
        .where(eq(calendarHolds.id, hold.id));
    }
  }
  return claimed.length;
}

/** Makes the provider's event match the hold: whether it now exists, and its id when the provider chose it. */
async function applyHold(calendars: HoldCalendars, mailbox: MailboxRow, hold: Hold): Promise<{ existsRemotely: boolean; remoteEventId: string | null }> {
  const unavailable = (detail: string) => Object.assign(new Error(detail), { revoked: true });
  if (mailbox.provider === 'microsoft') {
    const access = await calendars.microsoft.for(mailbox);
    if (!access.ok) throw unavailable(access.detail);
    return applyOutlookHold(access.graph, hold);
  }
  const access = await calendars.google.for(mailbox);
  if (!access.ok) throw unavailable(access.detail);
  return { existsRemotely: await applyGoogleHold(access.account.calendar, hold), remoteEventId: hold.remoteEventId };
}

export function startCalendarSync(o: CalendarSyncOptions): { stop: () => Promise<void> } {
  const calendars = { google: createGoogleAccounts(o.google, o.secrets), microsoft: createMicrosoftAccounts(o.microsoft ?? UNCONFIGURED_MICROSOFT, o.secrets, { db: o.db }) };
  return startPeriodic('calendar sync', o.intervalMs ?? 5_000, async (stopped) => {
    while (!stopped() && (await syncCalendarHolds(o.db, calendars, o)) >= (o.batchSize ?? 50));
  });
}
