// Plans the current step through an activity: the due time is recorded in history, so a later
// change of holiday data or timing code never changes a running cadence's past.
import type { Step } from '../../domain/sequences/definition.js';
import type { EnterStepInput } from '../../activities/step-entry.js';
import { local } from './activities.js';
import { ids, type Run } from './run.js';
import { holdOf } from './state.js';
import { since } from './legacy/patches.js';
import { planStepApart } from './legacy/step-entry.js';

/** Plans the step; with `task`, also opens the human step's task at the planned time. Returns its id. */
export async function planStep(run: Run, step: Step, from: string, task?: EnterStepInput['task'], announce?: EnterStepInput['announce']): Promise<string | null> {
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
  // A step is entered by one local activity (plan, the enrollment's start, the human step's task).
  if (since('one-step-entry')) {
    const start = run.pendingStart;
    run.pendingStart = null;
    const hold = since('upcoming-follows-pauses') ? holdOf(s) : null;
    ({ taskId, ...planned } = await local.enterStep({ ...planning, ...(start ? { start } : {}), ...(task ? { task } : {}), ...(hold ? { hold } : {}), ...(announce ? { announce } : {}) }));
  } else {
    planned = await planStepApart(planning);
  }
  s.planSeq++;
  s.rulesOverridden = false;
  s.dueAt = planned.dueAt;
  s.upcoming = planned.upcoming;
  // An update that completed the previous task gets its answer now: what comes next, and when.
  for (const [token, pending] of s.pendingResults) {
    s.results.set(token, { ...pending, status: s.requests.pause ? 'paused' : 'active', next: { stepId: step.id, dueAt: planned.dueAt } });
    s.pendingResults.delete(token);
  }
  return taskId;
}

/**
 * The upcoming steps again from the current one (a pause began or ended). Dropped when a newer
 * plan landed meanwhile: a handler may run this while the main loop plans the next step.
 */
export async function refreshUpcoming(run: Run): Promise<void> {
  const { s } = run;
  if (!s.stepId || !s.dueAt || s.phase === 'finished') return;
  const seq = s.planSeq;
  const upcoming = await local.projectSteps({
    ...ids(run),
    definition: run.def,
    stepId: s.stepId,
    dueAt: s.dueAt,
    touches: s.touches,
    announcedCallAt: s.announcedCallAt,
    hold: holdOf(s),
    firstFixed: s.phase === 'task_open',
  });
  if (s.planSeq === seq) s.upcoming = upcoming;
}
