// Legacy replay path of reschedules (./patches.ts: 'reschedule-by-timing-rules'): before, a
// reschedule moved the step to the very time asked, unfitted to the timing rules, and its update
// waited for the main loop to take the request (no token, no answer to carry back).
import { condition } from '@temporalio/workflow';
import { acts, local } from '../activities.js';
import type { EnrollmentStatusView } from '../messages.js';
import { ids, statusView, type Run } from '../run.js';
import { remember } from '../state.js';

/** The update's side: leaves the request for the main loop and waits until it is taken. */
export async function rescheduleAsAsked(run: Run, at: string, reason: string): Promise<EnrollmentStatusView> {
  const { s } = run;
  s.requests.reschedule = { at, reason };
  await condition(() => s.requests.reschedule === null || s.phase === 'finished');
  return statusView(run);
}

/** The main loop's side, on a waiting step: due at the time asked. */
export async function moveWaitingStepAsAsked(run: Run, at: string, reason: string): Promise<void> {
  const { s } = run;
  s.dueAt = at;
  remember(s, 'step.rescheduled', `${at}: ${reason}`);
  await local.appendTimeline({ ...ids(run), type: 'step.rescheduled', dedupeKey: `rescheduled:${run.input.enrollmentId}:${s.history.length}`, payload: { stepId: s.stepId, at, reason } });
}

/** The main loop's side, on an open task: the task moves to the time asked; returns its due time. */
export async function moveTaskAsAsked(run: Run, taskId: string, at: string, reason: string): Promise<string> {
  const { s } = run;
  s.dueAt = at;
  await acts.rescheduleTask({ ...ids(run), taskId, dueAt: at, reason });
  remember(s, 'step.rescheduled', `${at}: ${reason}`);
  return at;
}
