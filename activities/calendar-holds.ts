// STUB (to be written): desired state of the rep's Google Calendar holds for announced calls.
// Callers write the desired state (in their own transaction when they have one); the calendar
// sync (runtime/calendar-sync.ts) reconciles it with Google.
import type { Database } from '../db/client.js';

/** An email announcing a call has left (sent or uncertain): hold the announced slot. */
export async function holdAnnouncedCall(_db: Database, _i: { touchId: string }): Promise<void> {}

/** The announced call moved (task rescheduled): move its hold. */
export async function moveCallHold(_db: Database, _i: { enrollmentId: string; stepKey: string; startsAt: Date }): Promise<void> {}

/** The slot was released (cadence stopped, call re-planned): remove the hold(s). */
export async function releaseCallHolds(_db: Database, _i: { enrollmentId: string; stepKey?: string | undefined }): Promise<void> {}
