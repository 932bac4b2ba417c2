// Planning activities: the call slot an announcing email reserves, and its release (a step's
// plan is part of entering it: step-entry.ts).
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { callSlots } from '../db/schema.js';
import type { SequenceDefinition } from '../domain/sequences/index.js';
import { releaseCallHolds } from '../application/calendar-holds.js';
import { reserveCallSlot } from '../application/call-slots.js';
import { stepOf } from '../application/step-plan.js';
import { dropUpcomingCallTasks } from '../application/tasks.js';
import { loadEnrollmentContext } from '../application/enrollment-context.js';


export type ReserveCallInput = {
  workspaceId: string;
  enrollmentId: string;
  definition: SequenceDefinition;
  /** Key of the call step visit the slot is for. */
  stepKey: string;
  sendAt: string;
  at: string;
  /** The announced call's step: its task is shown as upcoming from the reservation on. */
  callStepId?: string;
};

export function createPlanningActivities({ db }: { db: Database }) {
  return {
    /**
     * Reserves the rep's call slot before the announcing email leaves: the promised time is one
     * the rep can keep. Idempotent per (enrollment, step visit); serialized per rep with a row lock.
     */
    async reserveAnnouncedCall(i: ReserveCallInput): Promise<{ callAt: string }> {
      const ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId, i.definition.timing);
      const callStep = i.callStepId ? stepOf(i.definition, i.callStepId) : undefined;
      return db.transaction(async (tx) => ({ callAt: await reserveCallSlot(tx, ctx, { ...i, ...(callStep ? { callStep } : {}) }) }));
    },

    /** Frees the slots an enrollment still holds (stop, completion, rescheduled call), and their calendar holds. */
    async releaseCallSlots(i: { enrollmentId: string; stepKey?: string }): Promise<number> {
      return db.transaction(async (tx) => {
        const rows = await tx
          .update(callSlots)
          .set({ status: 'released' })
          .where(and(eq(callSlots.enrollmentId, i.enrollmentId), eq(callSlots.status, 'reserved'), i.stepKey ? eq(callSlots.stepKey, i.stepKey) : sql`true`))
          .returning({ id: callSlots.id });
        await releaseCallHolds(tx, { enrollmentId: i.enrollmentId, stepKey: i.stepKey });
        await dropUpcomingCallTasks(tx, i);
        return rows.length;
      });
    },
  };
}
