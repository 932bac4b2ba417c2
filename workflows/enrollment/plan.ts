// Plans the current step through an activity: the due time is recorded in history, so a later
// change of holiday data or timing code never changes a running cadence's past.
import { patched } from '@temporalio/workflow';
import type { Step } from '../../domain/sequences/definition.js';
import type { EnterStepInput } from '../../activities/step-entry.js';
import { local } from './activities.js';
import { ids, type Run } from './run.js';

/**
 * Whether a step is entered by one local activity (plan, the enrollment's start, the human
 * step's task) rather than one each. Histories recorded before it replay the separate ones.
 */
export const oneStepEntry = (): boolean => patched('one-step-entry');

/** Plans the step; with `task`, also opens the human step's task at the planned time. Returns its id. */
export async function planStep(run: Run, step: Step, from: string, task?: EnterStepInput['task']): Promise<string | null> {
  const { s } = run;
  const planning = {
    ...ids(run),
    definition: run.def,
    stepId: step.id,
    now: from,
    touches: s.touches,
    callbackAt: step.timing.kind === 'callback' ? s.callbackAt : null,
    announcedCallAt: step.timing.kind === 'announced_time' ? s.announcedCallAt : null,
  };
  let taskId: string | null = null;
  let planned: { dueAt: string; upcoming: typeof s.upcoming };
  if (oneStepEntry()) {
    const start = run.pendingStart;
    run.pendingStart = null;
    ({ taskId, ...planned } = await local.enterStep({ ...planning, ...(start ? { start } : {}), ...(task ? { task } : {}) }));
  } else {
    planned = await local.planStep(planning);
  }
  s.dueAt = planned.dueAt;
  s.upcoming = planned.upcoming;
  // An update that completed the previous task gets its answer now: what comes next, and when.
  for (const [token, pending] of s.pendingResults) {
    s.results.set(token, { ...pending, status: s.requests.pause ? 'paused' : 'active', next: { stepId: step.id, dueAt: planned.dueAt } });
    s.pendingResults.delete(token);
  }
  return taskId;
}
