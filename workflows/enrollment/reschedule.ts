// A reschedule follows the rules planning follows: the main loop asks an activity for the
// earliest allowed time at or after the one asked for (or takes it as asked when the caller
// overrides the rules), moves the step there with the steps after it, and answers the update
// with what it did. A time no rule can fit is refused and changes nothing.
import { local } from './activities.js';
import type { RescheduleView } from './messages.js';
import { ids, type Run } from './run.js';
import { holdOf, remember, type Requests } from './state.js';

export type RescheduleRequest = NonNullable<Requests['reschedule']>;

/** Fits the requested time and moves the current step there; null when refused (already answered). */
export async function applyReschedule(run: Run, req: RescheduleRequest, taskOpen: boolean): Promise<RescheduleView | null> {
  const { s } = run;
  const stepId = s.stepId!;
  const answer = await local.rescheduleStep({
    ...ids(run),
    definition: run.def,
    stepId,
    at: req.at,
    ignoreTimingRules: req.ignoreTimingRules === true,
    touches: s.touches,
    announcedCallAt: s.announcedCallAt,
    hold: holdOf(s),
    firstFixed: taskOpen,
  });
  if (!answer.ok) {
    s.rescheduled.set(req.token!, { ok: false, message: answer.message });
    return null;
  }
  const view: RescheduleView = { stepId, ...answer.rescheduled };
  s.planSeq++;
  s.dueAt = view.effectiveAt;
  s.upcoming = answer.upcoming;
  s.rulesOverridden = view.timingRulesIgnored;
  remember(s, 'step.rescheduled', `${view.effectiveAt}: ${req.reason}${view.moved ? ` (asked for ${view.requestedAt})` : ''}`);
  return view;
}

/** Answers the update once everything the reschedule changed is written. */
export function answerReschedule(run: Run, req: RescheduleRequest, view: RescheduleView): void {
  run.s.rescheduled.set(req.token!, { ok: true, rescheduled: view });
}

/** What the timeline and the task's event say about a fitted reschedule. */
export function fittedDetail(view: RescheduleView) {
  return { requestedAt: view.requestedAt, moved: view.moved, because: view.because, timingRulesIgnored: view.timingRulesIgnored };
}
