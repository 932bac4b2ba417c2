// Automated touches (emails) as the workflow sees them: staged ahead of their due time (paced on
// the mailbox, the announced call reserved from the real send time), then sent by the outbox
// dispatcher or, as a fallback, by the workflow itself, which also watches a retried or held
// touch until it ends.
import { and, eq, inArray } from 'drizzle-orm';
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { MAILBOX_AVAILABLE } from '../domain/outbox/restage.js';
import { enrollments, mailboxes, touches } from '../db/schema.js';
import { stageEmailTouch, type DeliveryStatus, type StageEmailResult, type StageRequest } from '../outbox/staging.js';
import { repHasMailbox } from '../outbox/pacing.js';
import { claimTouch, deliverClaimed, touchStatus } from '../outbox/delivery.js';

export type { StageEmailResult };
/** What the workflow stages: paced on the mailbox, the announced call reserved from the send time. */
export type StagePacedEmailInput = Omit<StageRequest, 'pace' | 'announcedCallAt'>;
export type TouchState = { status: DeliveryStatus; sentAt: string | null; detail: string | null; scheduledAt: string | null; announcedCallAt: string | null };

/** How long the workflow's fallback waits for a sender that holds the touch. */
const IN_FLIGHT_WAIT_MS = 20_000;

export function createTouchActivities({ db, channels }: { db: Database; channels: ChannelRegistry }) {
  return {
    /** Idempotent per (enrollment, step visit): paced on its mailbox, the announced call reserved from the send time. */
    async stagePacedEmail(i: StagePacedEmailInput): Promise<StageEmailResult> {
      return stageEmailTouch(db, channels, { ...i, pace: true });
    },

    /** Takes a staged or held touch back (stop, pause, skip); a touch already leaving or gone stays as it is. */
    async cancelStagedTouch(i: { touchId: string }): Promise<TouchState> {
      await db.update(touches).set({ status: 'cancelled', detail: 'taken back by the cadence' }).where(and(eq(touches.id, i.touchId), inArray(touches.status, ['scheduled', 'held'])));
      return stateOf(await touchStatus(db, i.touchId));
    },

    /**
     * The workflow's fallback once the touch is due (`at`, the workflow's clock): sends it if no
     * dispatcher has claimed it, waits briefly for one that holds it, lets a held touch go when
     * its mailbox is back, and reports where it stands.
     */
    async dispatchTouch(i: { touchId: string; at: string }): Promise<TouchState> {
      const at = new Date(i.at);
      const claimed = await claimTouch(db, i.touchId, at);
      if (claimed) await deliverClaimed(db, channels, claimed, { at });
      let row = await touchStatus(db, i.touchId);
      if (row?.status === 'held') row = await release(row);
      // Polled at 250 ms, 500 ms, 1 s... (a burst's thousands of workflows must not hammer the database).
      const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
      for (let pause = 250; row?.status === 'sending' && Date.now() < deadline; pause = Math.min(pause * 2, 4_000)) {
        await new Promise((r) => setTimeout(r, pause));
        row = await touchStatus(db, i.touchId);
      }
      return stateOf(row);
    },
  };

  /** A held touch whose mailbox is connected again is queued; one without a mailbox is re-staged once the rep has one. */
  async function release(row: typeof touches.$inferSelect): Promise<typeof touches.$inferSelect> {
    if (row.mailboxId) {
      const [mailbox] = await db.select({ status: mailboxes.status }).from(mailboxes).where(eq(mailboxes.id, row.mailboxId));
      if (mailbox?.status !== 'connected') return row;
      const [queued] = await db.update(touches).set({ status: 'scheduled', detail: null }).where(and(eq(touches.id, row.id), eq(touches.status, 'held'))).returning();
      return queued ?? row;
    }
    const [enrollment] = await db.select({ repId: enrollments.repId }).from(enrollments).where(eq(enrollments.id, row.enrollmentId));
    if (!enrollment || !(channels.emailFor(null) || (await repHasMailbox(db, row.workspaceId, enrollment.repId)))) return row;
    const [taken] = await db.update(touches).set({ status: 'cancelled', detail: MAILBOX_AVAILABLE }).where(and(eq(touches.id, row.id), eq(touches.status, 'held'))).returning();
    return taken ?? row;
  }
}

function stateOf(row: typeof touches.$inferSelect | undefined): TouchState {
  if (!row) return { status: 'failed', sentAt: null, detail: 'touch row missing', scheduledAt: null, announcedCallAt: null };
  return {
    status: row.status,
    sentAt: row.sentAt?.toISOString() ?? null,
    detail: row.detail,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    announcedCallAt: row.announcedCallAt?.toISOString() ?? null,
  };
}
