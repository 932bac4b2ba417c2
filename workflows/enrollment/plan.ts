// Plans the current step through an activity: the due time is recorded in history, so a later
// change of holiday data or timing code never changes a running cadence's past.
import type { Step } from '../../domain/sequences/definition.js';
import { local } from './activities.js';
import { ids, type Run } from './run.js';

export async function planStep(run: Run, step: Step, from: string): Promise<void> {
  const { s } = run;
  const planned = await local.planStep({
    ...ids(run),
    definition: run.def,
    stepId: step.id,
    now: from,
    touches: s.touches,
    callbackAt: step.timing.kind === 'callback' ? s.callbackAt : null,
    announcedCallAt: step.timing.kind === 'announced_time' ? s.announcedCallAt : null,
  });
  s.dueAt = planned.dueAt;
  s.upcoming = planned.upcoming;
  // An update that completed the previous task gets its answer now: what comes next, and when.
  for (const [token, pending] of s.pendingResults) {
    s.results.set(token, { ...pending, status: s.requests.pause ? 'paused' : 'active', next: { stepId: step.id, dueAt: planned.dueAt } });
    s.pendingResults.delete(token);
  }
}
