// Telling running cadences that their rep's calendar or their rep changed: a waiting step is
// planned again (a task already open keeps its time). A cadence not reached (Temporal briefly
// away) still reads the change when it plans its next step: the signal only makes it sooner.
import type { Client } from '@temporalio/client';
import { repCalendarChangedSignal } from '../../workflows/enrollment/messages.js';

/** Signals the workflows 20 at a time; counts those reached and those not (finished ones aside). */
export async function signalRepChanged(temporal: Client, workflowIds: readonly string[], reason: string) {
  let cadencesNotified = 0;
  let cadencesNotReached = 0;
  for (let k = 0; k < workflowIds.length; k += 20) {
    const batch = workflowIds.slice(k, k + 20);
    const results = await Promise.allSettled(batch.map((id) => temporal.workflow.getHandle(id).signal(repCalendarChangedSignal, { reason })));
    for (const r of results) {
      if (r.status === 'fulfilled') cadencesNotified++;
      else if (!(r.reason instanceof Error && r.reason.name === 'WorkflowNotFoundError')) cadencesNotReached++;
    }
  }
  return { cadencesNotified, cadencesNotReached };
}
