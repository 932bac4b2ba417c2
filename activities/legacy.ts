// Activities only workflows recorded before a patch call (workflows/enrollment/legacy/patches.ts):
// registered under the same names so those histories replay and such enrollments finish. Each
// goes when its patch's old branch goes (step 1 of the removal plan there).
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import type { Step } from '../domain/sequences/index.js';
import { loadEnrollmentContext } from '../application/enrollment-context.js';
import { writeCurrentStep } from '../application/current-step.js';
import { planWithContext, type PlanStepInput, type PlanStepResult } from '../application/step-plan.js';
import { stageEmailTouch, type StageEmailResult } from '../outbox/staging.js';

export type { PlanStepInput, PlanStepResult };

/** Input of the workflows recorded before pacing: the slot was reserved before staging. */
export type StageEmailInput = { workspaceId: string; enrollmentId: string; stepKey: string; step: Step; sendAt: string; announcedCallAt?: string | null };

export function createLegacyActivities({ db, channels }: { db: Database; channels: ChannelRegistry }) {
  return {
    /** 'one-step-entry': the step's plan alone (enterStep plans, starts and opens the task in one). */
    async planStep(i: PlanStepInput): Promise<PlanStepResult> {
      const ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId, i.definition.timing);
      const planned = planWithContext(ctx, i);
      if (ctx.enrollment.currentStepId !== i.stepId) await writeCurrentStep(db, i);
      return planned;
    },

    /** 'paced-outbox': staged unpaced, to leave at `sendAt`, announcing the slot already reserved. */
    async stageEmail(i: StageEmailInput): Promise<StageEmailResult> {
      return stageEmailTouch(db, channels, { ...i, desiredAt: i.sendAt, pace: false, announcedCallAt: i.announcedCallAt ?? null });
    },
  };
}
