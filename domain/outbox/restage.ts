// When the outbox takes back a touch it will not send as staged (status cancelled with one of
// these details) and its workflow stages it again, freshly paced, with a fresh call slot.
// Pure: shared by the outbox activities and the enrollment workflow.

/**
 * An email announcing a call must leave well before that call: a promise that arrives minutes
 * before (or after) the call is a broken one. Staging reserves the slot an hour after the send
 * (domain/cadence/plan.ts MIN_ANNOUNCE_LEAD_MINUTES); a send delayed by retries or a held
 * mailbox may still leave down to this much notice, no less.
 */
export const ANNOUNCE_FRESH_MS = 30 * 60_000;
export const ANNOUNCEMENT_EXPIRED = 'announcement expired';
/** A held email whose rep now has a mailbox (or the deployment a local outbox). */
export const MAILBOX_AVAILABLE = 'a mailbox is available now';

/** Whether an email announcing a call at `announcedCallAt` may still leave at `at` (ms). */
export const announcementFresh = (announcedCallAt: number, at: number): boolean => announcedCallAt - at >= ANNOUNCE_FRESH_MS;

export const isRestage = (detail: string | null): boolean => detail === ANNOUNCEMENT_EXPIRED || detail === MAILBOX_AVAILABLE;
