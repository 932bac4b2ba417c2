// Tasks in a rep's queue: opened by the workflow for every human step, closed by the workflow
// when the rep logs an outcome (so the database and the workflow never disagree). When the
// workspace hands a channel to an action provider (LinkedIn automation, telephony), the task
// also gets a touch row the outbox dispatcher sends to it; the task closes when the result
// comes back (or the rep logs it), and a touch still waiting then is cancelled.
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { handoffs, tasks, touches } from '../db/schema.js';
import type { TaskOutcome } from '../domain/cadence/outcome.js';
import { moveCallHold } from '../application/calendar-holds.js';
import { loadEnrollmentContext } from '../application/enrollment-context.js';
import { assigneeWorkingMoment, draftTask, writeTask, type OpenTaskInput } from '../application/tasks.js';
import type { RescheduleView } from '../workflows/enrollment/messages.js';
import { appendEvent } from '../application/timeline.js';
import { bookHandoff } from '../application/handoffs/book.js';
import { recordObjections } from '../application/objections.js';
import { startHandoffFollowUp } from '../application/handoffs/start.js';


export type { OpenTaskInput };

export type CloseTaskInput = {
  workspaceId: string;
  enrollmentId: string;
  prospectId: string;
  taskId: string;
  status: 'done' | 'missed' | 'cancelled';
  outcome?: TaskOutcome;
  completedAt: string;
};

/** The provider touch of a task (same enrollment and step visit), while it has not left. */
const waitingActionTouch = (enrollmentId: string, stepKey: string) =>
  and(eq(touches.enrollmentId, enrollmentId), eq(touches.stepKey, stepKey), eq(touches.status, 'scheduled'), ne(touches.channel, 'email'));

export function createTaskActivities({ db, temporal }: { db: Database; temporal?: Client | undefined }) {
  /** Closes the task and records the outcome, its notes, objections and booked meeting on the timeline, atomically. */
  const closeTaskRow = async (i: CloseTaskInput): Promise<{ status: string }> =>
    db.transaction(async (tx) => {
      const t = tx;
      const updated = await tx
        .update(tasks)
        .set({ status: i.status, outcome: i.outcome ?? null, completedAt: new Date(i.completedAt) })
        .where(and(eq(tasks.id, i.taskId), eq(tasks.workspaceId, i.workspaceId), eq(tasks.status, 'open')))
        .returning({ id: tasks.id, stepKey: tasks.stepKey, repId: tasks.repId });
      if (updated.length === 0) {
        const [row] = await tx.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, i.taskId));
        return { status: row?.status ?? 'missing' };
      }
      // Done by the rep, skipped or missed: the provider must not perform it any more.
      await tx.update(touches).set({ status: 'cancelled', detail: `task ${i.status}` }).where(waitingActionTouch(i.enrollmentId, updated[0]!.stepKey));
      const base = { workspaceId: i.workspaceId, prospectId: i.prospectId, enrollmentId: i.enrollmentId };
      const o = i.outcome;
      await appendEvent(t, { ...base, type: `task.${i.status === 'done' ? 'completed' : i.status}`, payload: { taskId: i.taskId, outcome: o?.outcome ?? null }, dedupeKey: `task.closed:${i.taskId}` });
      if (o && o.outcome !== 'done') {
        await appendEvent(t, { ...base, type: 'call.logged', payload: { taskId: i.taskId, ...o }, dedupeKey: `call.logged:${i.taskId}` });
      }
      if (o?.note) await appendEvent(t, { ...base, type: 'note.added', payload: { taskId: i.taskId, text: o.note }, dedupeKey: `note:${i.taskId}` });
      for (const [n, text] of (o?.objections ?? []).entries()) {
        // Heard when the call was logged (the workflow's time): the objections report reads periods by it.
        await appendEvent(t, { ...base, type: 'objection.heard', payload: { taskId: i.taskId, text }, dedupeKey: `objection:${i.taskId}:${n}`, occurredAt: new Date(i.completedAt) });
      }
      if (o?.objections?.length) await recordObjections(t, { ...base, taskId: i.taskId, repId: updated[0]!.repId, stepKey: updated[0]!.stepKey, texts: o.objections, heardAt: new Date(i.completedAt) });
      if (o?.outcome === 'meeting_booked') {
        const handoffId = await bookHandoff(t, { ...base, taskId: i.taskId, outcome: o, at: new Date(i.completedAt) });
        await appendEvent(t, { ...base, type: 'meeting.booked', payload: { taskId: i.taskId, note: o.note ?? null, handoffId }, dedupeKey: `meeting:${i.taskId}` });
      }
      if (o?.outcome === 'blocker') {
        await appendEvent(t, { ...base, type: 'blocker.found', payload: { taskId: i.taskId, kind: o.blockerKind ?? null, note: o.note ?? null }, dedupeKey: `blocker:${i.taskId}` });
      }
      return { status: i.status };
    });

  /** A booked meeting's handoff gets its follow-up (after the close committed, and again on a retry). */
  const followUpHandoff = async (i: CloseTaskInput) => {
    if (i.outcome?.outcome !== 'meeting_booked' || !temporal) return;
    const [h] = await db.select({ id: handoffs.id }).from(handoffs).where(and(eq(handoffs.sourceTaskId, i.taskId), eq(handoffs.workspaceId, i.workspaceId)));
    if (h) await startHandoffFollowUp(temporal, Context.current().info.taskQueue, { workspaceId: i.workspaceId, handoffId: h.id });
  };
  return {
    /** Idempotent per (enrollment, step visit): a retry returns the task already opened. */
    async openTask(i: OpenTaskInput): Promise<{ taskId: string; dueAt: string }> {
      const ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId);
      const dueAt = i.withinWorkingHours ? await assigneeWorkingMoment(db, ctx, i) : i.dueAt;
      const draft = await draftTask(db, ctx, { ...i, dueAt });
      if ('existingId' in draft) return { taskId: draft.existingId, dueAt };
      return { taskId: await db.transaction((tx) => writeTask(tx, draft)), dueAt };
    },

    /** Closes the task and records the outcome, its notes and objections on the timeline, atomically. */
    async closeTask(i: CloseTaskInput): Promise<{ status: string }> {
      const closed = await closeTaskRow(i);
      await followUpHandoff(i);
      return closed;
    },

    /** Moves an open task (the rep or ops rescheduled the step), its provider touch and its calendar hold. */
    async rescheduleTask(i: { workspaceId: string; enrollmentId: string; prospectId: string; taskId: string; dueAt: string; reason: string; fitted?: Omit<RescheduleView, 'stepId' | 'effectiveAt'> }): Promise<void> {
      await db.transaction(async (tx) => {
        const dueAt = new Date(i.dueAt);
        const [moved] = await tx
          .update(tasks)
          .set({ dueAt })
          .where(and(eq(tasks.id, i.taskId), eq(tasks.workspaceId, i.workspaceId), eq(tasks.status, 'open')))
          .returning({ stepKey: tasks.stepKey, prep: tasks.prep });
        if (moved) {
          await tx.update(touches).set({ scheduledAt: dueAt }).where(waitingActionTouch(i.enrollmentId, moved.stepKey));
          // An announced call's task shares its step key with the call slot and the hold.
          if ((moved.prep as { announcedCallAt?: string | null }).announcedCallAt) {
            await moveCallHold(tx, { enrollmentId: i.enrollmentId, stepKey: moved.stepKey, startsAt: dueAt });
          }
        }
        await appendEvent(tx, {
          workspaceId: i.workspaceId,
          prospectId: i.prospectId,
          enrollmentId: i.enrollmentId,
          type: 'step.rescheduled',
          // The time asked for and why it moved, when the rules moved it or were overridden.
          payload: { taskId: i.taskId, dueAt: i.dueAt, reason: i.reason, ...(i.fitted && (i.fitted.moved || i.fitted.timingRulesIgnored) ? i.fitted : {}) },
          dedupeKey: `rescheduled:${i.taskId}:${i.dueAt}`,
        });
      });
    },
  };
}
