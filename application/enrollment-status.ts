// An enrollment's status change, with what ends with the cadence (its tasks, call slots, touches
// waiting to leave, calendar holds) and its timeline event, in the caller's transaction.
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { callSlots, enrollments, tasks, touches } from '../db/schema.js';
import { releaseCallHolds } from './calendar-holds.js';
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

/** The status change and its timeline event, inside the caller's transaction. */
export async function writeEnrollmentStatus(db: DbOrTx, i: SetStatusInput): Promise<void> {
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
