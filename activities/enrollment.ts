// Enrollment life-cycle writes and exits that reach beyond one enrollment (an opt-out stops
// every enrollment of the prospect; a reply may stop the others at the same account).
import type { Client } from '@temporalio/client';
import { and, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { callSlots, enrollments, prospects, tasks, touches } from '../db/schema.js';
import { releaseCallHolds } from './calendar-holds.js';
import { prospectEventSignal } from '../workflows/enrollment/messages.js';
import { TASKS_OUTLIVING_THE_CADENCE } from './system-tasks.js';
import { appendEvent } from './timeline.js';

export type EnrollmentStatus = 'active' | 'paused' | 'completed' | 'stopped';

export type SetStatusInput = {
  workspaceId: string;
  enrollmentId: string;
  prospectId: string;
  status: EnrollmentStatus;
  currentStepId?: string | null;
  /** Why it stopped or completed (stopReason), or why it is paused (pauseReason). */
  reason?: string | null;
  /** With status paused: the pause's end (null: until resumed). */
  pausedUntil?: string | null;
  /** Timeline event to append with the change, deduplicated by key. */
  event?: { type: string; dedupeKey: string; payload?: Record<string, unknown> };
  at: string;
};

export function createEnrollmentActivities({ db, temporal }: { db: Database; temporal?: Client | undefined }) {
  return {
    async setEnrollmentStatus(i: SetStatusInput): Promise<void> {
      await db.transaction((tx) => writeEnrollmentStatus(tx as unknown as Database, i));
    },

    async appendTimeline(i: { workspaceId: string; prospectId: string; enrollmentId: string; type: string; dedupeKey: string; payload?: Record<string, unknown> }): Promise<void> {
      await appendEvent(db, i);
    },

    /**
     * Applies an exit to the other enrollments: an opt-out marks the prospect and stops all of
     * its enrollments; an account-wide reply stops the enrollments of the account's other contacts.
     */
    async propagateExit(i: {
      workspaceId: string;
      prospectId: string;
      enrollmentId: string;
      kind: 'opt_out' | 'account_reply';
      accountId?: string | null;
    }): Promise<{ signalled: number }> {
      if (i.kind === 'opt_out') {
        await db
          .update(prospects)
          .set({ status: 'opted_out' })
          .where(and(eq(prospects.id, i.prospectId), eq(prospects.workspaceId, i.workspaceId)));
        await appendEvent(db, { workspaceId: i.workspaceId, prospectId: i.prospectId, type: 'prospect.opted_out', dedupeKey: `opted_out:${i.prospectId}` });
      }
      const prospectIds =
        i.kind === 'opt_out'
          ? [i.prospectId]
          : i.accountId
            ? (await db.select({ id: prospects.id }).from(prospects).where(and(eq(prospects.workspaceId, i.workspaceId), eq(prospects.accountId, i.accountId)))).map((r) => r.id)
            : [];
      if (prospectIds.length === 0 || !temporal) return { signalled: 0 };
      const others = await db
        .select({ workflowId: enrollments.workflowId })
        .from(enrollments)
        .where(
          and(
            eq(enrollments.workspaceId, i.workspaceId),
            inArray(enrollments.prospectId, prospectIds),
            inArray(enrollments.status, ['pending', 'active', 'paused']),
            ne(enrollments.id, i.enrollmentId),
          ),
        );
      const type = i.kind === 'opt_out' ? 'opt_out' : 'account_replied';
      let signalled = 0;
      for (const o of others) {
        try {
          await temporal.workflow.getHandle(o.workflowId).signal(prospectEventSignal, { type, source: 'propagated' });
          signalled++;
        } catch (err) {
          // Already finished: nothing to stop.
          if (!(err instanceof Error && err.name === 'WorkflowNotFoundError')) throw err;
        }
      }
      return { signalled };
    },
  };
}

/** The status change and its timeline event, inside the caller's transaction. */
export async function writeEnrollmentStatus(db: Database, i: SetStatusInput): Promise<void> {
  const terminal = i.status === 'completed' || i.status === 'stopped';
  const paused = i.status === 'paused';
  await db
    .update(enrollments)
    .set({
      status: i.status,
      ...(i.currentStepId !== undefined ? { currentStepId: i.currentStepId } : {}),
      // A pause's reason is not a stop's: each has its own column, and a pause's fields go with it.
      ...(i.reason !== undefined && !paused ? { stopReason: i.reason } : {}),
      ...(paused ? { pauseReason: i.reason ?? null, pausedUntil: i.pausedUntil ? new Date(i.pausedUntil) : null } : { pauseReason: null, pausedUntil: null }),
      ...(terminal ? { completedAt: new Date(i.at) } : {}),
      updatedAt: new Date(i.at),
    })
    .where(and(eq(enrollments.id, i.enrollmentId), eq(enrollments.workspaceId, i.workspaceId)));
  if (terminal) {
    // Nothing of the cadence is left in a rep's queue or calendar once it is over; a task only a
    // person can settle (did an uncertain email leave?) stays until someone does.
    await db
      .update(tasks)
      .set({ status: 'cancelled', completedAt: new Date(i.at) })
      .where(and(eq(tasks.enrollmentId, i.enrollmentId), inArray(tasks.status, ['open', 'upcoming']), notInArray(tasks.kind, TASKS_OUTLIVING_THE_CADENCE)));
    await db
      .update(callSlots)
      .set({ status: 'released' })
      .where(and(eq(callSlots.enrollmentId, i.enrollmentId), eq(callSlots.status, 'reserved')));
    await db
      .update(touches)
      .set({ status: 'cancelled' })
      .where(and(eq(touches.enrollmentId, i.enrollmentId), inArray(touches.status, ['scheduled', 'held'])));
    await releaseCallHolds(db, { enrollmentId: i.enrollmentId });
  }
  if (i.event) {
    await appendEvent(db, {
      workspaceId: i.workspaceId,
      prospectId: i.prospectId,
      enrollmentId: i.enrollmentId,
      type: i.event.type,
      payload: { ...i.event.payload, status: i.status, reason: i.reason ?? null, stepId: i.currentStepId ?? null },
      dedupeKey: i.event.dedupeKey,
    });
  }
}
