// Legacy replay paths of entering a step (./patches.ts: 'one-step-entry', 'open-task-local'):
// before, the plan, the enrollment's start and the human step's task were one activity each, and
// the task's a regular activity rather than a local one.
import type { PlanStepInput } from '../../../activities/legacy.js';
import { acts, local } from '../activities.js';
import { ids, type Run } from '../run.js';

/** The step's plan on its own ('one-step-entry' now plans, starts and opens the task in one). */
export const planStepApart = (planning: PlanStepInput) => local.planStep(planning);

/** The enrollment's start on its own, before its first step is entered ('one-step-entry'). */
export async function writeStartApart(run: Run, started: NonNullable<Run['pendingStart']>): Promise<void> {
  await local.setEnrollmentStatus({ ...ids(run), status: 'active', currentStepId: run.s.stepId, ...started });
}

/** A human step's task opened by a regular activity ('open-task-local' opens it locally). */
export const openTaskAsActivity = acts.openTask;
