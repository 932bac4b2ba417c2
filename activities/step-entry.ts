// Entering a step in one local activity: its plan, and with it the enrollment's start (first
// step) and the step's task (human step). One context read, one transaction, and one history
// marker instead of three: every cadence enters a step this way, an 08:00 burst thousands at once.
import { ApplicationFailure } from '@temporalio/activity';
import type { Database } from '../db/client.js';
import { loadEnrollmentContext, type EnrollmentContext } from '../application/enrollment-context.js';
import { writeEnrollmentStatus, type SetStatusInput } from '../application/enrollment-status.js';
import { writeCurrentStep } from '../application/current-step.js';
import { reserveCallSlot } from '../application/call-slots.js';
import { planWithContext, stepOf, type PlanStepInput, type PlanStepResult } from '../application/step-plan.js';
import { draftTask, writeTask, type OpenTaskInput } from '../application/tasks.js';

export type EnterStepInput = PlanStepInput & {
  prospectId: string;
  /** The enrollment starts with this step: status active, current step, 'enrollment.started'. */
  start?: { at: string; event: NonNullable<SetStatusInput['event']> };
  /** The human step's task, due at the planned time. Idempotent per (enrollment, step visit). */
  task?: Pick<OpenTaskInput, 'stepKey' | 'announcedCallAt' | 'assistantName'>;
  /**
   * An email announcing a call: its slot is reserved from the planned send time, and the call's
   * task shown as upcoming, as soon as the email is planned (the rep prepares the day before).
   */
  announce?: { slotKey: string; at: string; callStepId: string };
};

export type EnterStepResult = PlanStepResult & { taskId: string | null };

export function createStepEntryActivities({ db }: { db: Database }) {
  return {
    async enterStep(i: EnterStepInput): Promise<EnterStepResult> {
      const ids = { workspaceId: i.workspaceId, enrollmentId: i.enrollmentId, prospectId: i.prospectId };
      const start: SetStatusInput | null = i.start ? { ...ids, status: 'active', currentStepId: i.stepId, at: i.start.at, event: i.start.event } : null;
      let ctx: EnrollmentContext;
      let planned: PlanStepResult;
      try {
        ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId, i.definition.timing);
        planned = planWithContext(ctx, { ...i, firstFixed: Boolean(i.task) });
      } catch (err) {
        // A step that cannot be planned (an unknown zone) stops the enrollment; its timeline
        // still shows it started, as when the start was an activity of its own.
        if (start && err instanceof ApplicationFailure && err.nonRetryable) await db.transaction((tx) => writeEnrollmentStatus(tx, start));
        throw err;
      }
      const draft = i.task
        ? await draftTask(db, ctx, { ...i.task, workspaceId: i.workspaceId, enrollmentId: i.enrollmentId, step: stepOf(i.definition, i.stepId), dueAt: planned.dueAt })
        : null;
      // The row follows the cadence from step to step (the start writes it with the status).
      const moved = !start && ctx.enrollment.currentStepId !== i.stepId;
      if (!start && !moved && !i.announce && (!draft || 'existingId' in draft)) return { ...planned, taskId: draft && 'existingId' in draft ? draft.existingId : null };
      const taskId = await db.transaction(async (tx) => {
        const t = tx;
        if (start) await writeEnrollmentStatus(t, start);
        if (moved) await writeCurrentStep(t, i);
        if (i.announce) {
          const callStep = stepOf(i.definition, i.announce.callStepId);
          await reserveCallSlot(t, ctx, { workspaceId: i.workspaceId, enrollmentId: i.enrollmentId, stepKey: i.announce.slotKey, sendAt: planned.dueAt, at: i.announce.at, callStep });
        }
        if (!draft) return null;
        return 'existingId' in draft ? draft.existingId : writeTask(t, draft);
      });
      return { ...planned, taskId };
    },
  };
}
