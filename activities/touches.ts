// Automated touches (emails). Staged ahead of their due time (rendered, recorded once per
// enrollment step visit), then sent by the outbox dispatcher or, as a fallback, by the workflow.
import { and, eq } from 'drizzle-orm';
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { touches } from '../db/schema.js';
import { renderTemplate, type Step } from '../domain/sequences/index.js';
import { loadEnrollmentContext } from './context.js';
import { claimTouch, deliverClaimed, touchStatus, type DeliveryStatus } from './outbox.js';
import { suppressionOf } from './suppression.js';
import { templateVars } from './template-vars.js';
import { appendEvent } from './timeline.js';

export type StageEmailInput = {
  workspaceId: string;
  enrollmentId: string;
  stepKey: string;
  step: Step;
  /** When it is due to leave. */
  sendAt: string;
  announcedCallAt?: string | null;
};
export type StageEmailResult = { touchId: string; status: DeliveryStatus; detail: string | null };
export type TouchState = { status: DeliveryStatus; sentAt: string | null; detail: string | null };

/** How long the workflow's fallback waits for a sender that holds the touch. */
const IN_FLIGHT_WAIT_MS = 20_000;

export function createTouchActivities({ db, channels }: { db: Database; channels: ChannelRegistry }) {
  return {
    /** Idempotent per (enrollment, step visit): a retry returns the touch already staged. */
    async stageEmail(i: StageEmailInput): Promise<StageEmailResult> {
      const existing = await db.select().from(touches).where(and(eq(touches.enrollmentId, i.enrollmentId), eq(touches.stepKey, i.stepKey)));
      // A retry of a staged (or sent) touch returns it without reading or rendering anything.
      if (existing[0] && existing[0].status !== 'cancelled') return { touchId: existing[0].id, status: existing[0].status, detail: existing[0].detail };
      const ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId);
      const rendered = renderTemplate(i.step.template ?? { body: '' }, templateVars(ctx, { announcedCallAt: i.announcedCallAt ?? null }));
      if (existing[0]?.status === 'cancelled') {
        // Taken back by a pause: queued again for its new time, with its new announcement.
        await db
          .update(touches)
          .set({ status: 'scheduled', scheduledAt: new Date(i.sendAt), subject: rendered.subject ?? null, body: rendered.body, announcedCallAt: i.announcedCallAt ? new Date(i.announcedCallAt) : null, detail: null })
          .where(and(eq(touches.id, existing[0].id), eq(touches.status, 'cancelled')));
        return { touchId: existing[0].id, status: 'scheduled', detail: null };
      }
      // Checked again when it leaves; refusing here already keeps the queue honest.
      const suppressedBecause =
        ctx.prospect.status === 'opted_out' ? 'prospect opted out'
        : ctx.prospect.status === 'invalid_email' ? 'email address marked invalid'
        : !ctx.prospect.email ? 'prospect has no email address'
        : await suppressionOf(db, i.workspaceId, ctx.prospect.email);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(touches)
          .values({
            workspaceId: i.workspaceId,
            enrollmentId: i.enrollmentId,
            prospectId: ctx.prospect.id,
            stepKey: i.stepKey,
            channel: 'email',
            provider: channels.emailFor(null)?.id ?? 'none',
            status: suppressedBecause ? 'suppressed' : 'scheduled',
            scheduledAt: new Date(i.sendAt),
            toAddress: ctx.prospect.email,
            subject: rendered.subject ?? null,
            body: rendered.body,
            announcedCallAt: i.announcedCallAt ? new Date(i.announcedCallAt) : null,
            detail: suppressedBecause,
          })
          .onConflictDoNothing({ target: [touches.enrollmentId, touches.stepKey] })
          .returning();
        if (!row) {
          const [again] = await tx.select().from(touches).where(and(eq(touches.enrollmentId, i.enrollmentId), eq(touches.stepKey, i.stepKey)));
          return { touchId: again!.id, status: again!.status, detail: again!.detail };
        }
        if (suppressedBecause) {
          await appendEvent(tx as unknown as Database, { workspaceId: i.workspaceId, prospectId: ctx.prospect.id, enrollmentId: i.enrollmentId, type: 'touch.suppressed', payload: { touchId: row.id, stepKey: i.stepKey, reason: suppressedBecause }, dedupeKey: `touch:${row.id}` });
        }
        return { touchId: row.id, status: row.status, detail: suppressedBecause };
      });
    },

    /** Takes a staged touch back (stop, pause, skip); a touch already gone stays as it is. */
    async cancelStagedTouch(i: { touchId: string }): Promise<TouchState> {
      await db.update(touches).set({ status: 'cancelled' }).where(and(eq(touches.id, i.touchId), eq(touches.status, 'scheduled')));
      return stateOf(await touchStatus(db, i.touchId));
    },

    /**
     * The workflow's fallback at the due time: sends the touch if no dispatcher has claimed it,
     * waits briefly for one that holds it, and reports how it ended.
     */
    async dispatchTouch(i: { touchId: string; at: string }): Promise<TouchState> {
      const claimed = await claimTouch(db, i.touchId);
      if (claimed) await deliverClaimed(db, channels, claimed, new Date(i.at));
      const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
      let row = await touchStatus(db, i.touchId);
      while (row?.status === 'sending' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        row = await touchStatus(db, i.touchId);
      }
      return stateOf(row);
    },
  };
}

function stateOf(row: typeof touches.$inferSelect | undefined): TouchState {
  if (!row) return { status: 'failed', sentAt: null, detail: 'touch row missing' };
  return { status: row.status, sentAt: row.sentAt?.toISOString() ?? null, detail: row.detail };
}
