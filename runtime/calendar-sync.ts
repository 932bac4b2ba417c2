// Reconciles announced-call holds (calendar_holds, written by activities/calendar-holds.ts)
// with the reps' Google Calendars. A row is claimed under a lease (attempts+1, next attempt
// pushed out) so a sync that dies mid-call is retried later by any process; the event id is
// deterministic, so a retried insert meets its own event (409) and patches it: never two holds.
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { calendar_v3 } from 'googleapis/build/src/apis/calendar/index.js';
import { createGoogleAccounts, type GoogleAccounts } from '../channels/google/clients.js';
import { disconnectGoogleMailbox } from '../outbox/google-disconnect.js';
import { googleFailure } from '../channels/google/errors.js';
import type { Database } from '../db/client.js';
import { calendarHolds, mailboxes } from '../db/schema.js';
import type { SecretBox } from '../security/secrets.js';
import type { GoogleConfig } from './config.js';
import { startPeriodic } from './periodic.js';

type Hold = typeof calendarHolds.$inferSelect;

export type CalendarSyncOptions = {
  db: Database;
  google: GoogleConfig;
  secrets: SecretBox;
  intervalMs?: number;
  batchSize?: number;
  /** First retry delay after a failure, doubled per attempt up to an hour. */
  retryBaseMs?: number;
};

const LEASE_MS = 5 * 60_000;

/** One pass: claims due holds of connected mailboxes and applies them. Returns how many were claimed. */
export async function syncCalendarHolds(db: Database, accounts: GoogleAccounts, o: { batchSize?: number; retryBaseMs?: number } = {}): Promise<number> {
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
      const access = await accounts.for(mailbox);
      if (!access.ok) throw Object.assign(new Error(access.detail), { revoked: true });
      const existsRemotely = await apply(access.account.calendar, hold);
      await db
        .update(calendarHolds)
        .set({ syncedVersion: sql`greatest(${calendarHolds.syncedVersion}, ${hold.version})`, existsRemotely, attempts: 0, lastError: null, nextAttemptAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(calendarHolds.id, hold.id));
    } catch (err) {
      const f = (err as { revoked?: boolean }).revoked ? { kind: 'revoked' as const, detail: (err as Error).message } : googleFailure(err);
      if (f.kind === 'revoked') await disconnectGoogleMailbox(db, mailbox, f.detail);
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

/** Makes Google's event match the hold; returns whether the event now exists. */
async function apply(cal: calendar_v3.Calendar, h: Hold): Promise<boolean> {
  const ids = { calendarId: 'primary', eventId: h.googleEventId, sendUpdates: 'none' };
  if (h.desired === 'absent') {
    // Never sent to Google (first claim, nothing synced): nothing to delete.
    if (!h.existsRemotely && h.syncedVersion === 0 && h.attempts === 1) return false;
    await allow([404, 410], () => cal.events.delete(ids));
    return false;
  }
  const event: calendar_v3.Schema$Event = {
    summary: h.summary,
    description: h.description,
    start: { dateTime: h.startsAt.toISOString() },
    end: { dateTime: h.endsAt.toISOString() },
    // Also brings back an event deleted by hand or by an earlier release.
    status: 'confirmed',
    transparency: 'opaque',
    extendedProperties: { private: { relanceEnrollmentId: h.enrollmentId, relanceStepKey: h.stepKey } },
  };
  if (h.existsRemotely && (await allow([404], () => cal.events.patch({ ...ids, requestBody: event })))) return true;
  // Inserted with its deterministic id; a 409 means an earlier attempt already made it.
  if (!(await allow([409], () => cal.events.insert({ calendarId: 'primary', sendUpdates: 'none', requestBody: { id: h.googleEventId, ...event } })))) {
    await cal.events.patch({ ...ids, requestBody: event });
  }
  return true;
}

/** Runs the call; false when Google answered one of `statuses` (an expected outcome), true on success. */
async function allow(statuses: number[], call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (err) {
    const f = googleFailure(err);
    if (f.kind === 'refused' && statuses.includes(f.status)) return false;
    throw err;
  }
}

export function startCalendarSync(o: CalendarSyncOptions): { stop: () => Promise<void> } {
  const accounts = createGoogleAccounts(o.google, o.secrets);
  return startPeriodic('calendar sync', o.intervalMs ?? 5_000, async (stopped) => {
    while (!stopped() && (await syncCalendarHolds(o.db, accounts, o)) >= (o.batchSize ?? 50));
  });
}
