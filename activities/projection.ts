// What the workflow asks when the plan changes without a new step: a pause or its end (the
// upcoming steps again), and a reschedule (the time asked for, checked against the rules planning
// follows, and the steps after it). Local activities: reads only, answers recorded in history.
import { ApplicationFailure } from '@temporalio/activity';
import type { Database } from '../db/client.js';
import { projectUpcoming, type Hold, type UpcomingStep } from '../domain/cadence/projection.js';
import { channelOf, isTouch } from '../domain/cadence/touch.js';
import type { SequenceDefinition } from '../domain/sequences/index.js';
import { fitRequestedTime, TimingError, type FittedTime } from '../domain/timing/index.js';
import { loadEnrollmentContext, type EnrollmentContext } from '../application/enrollment-context.js';
import { stepOf } from '../application/step-plan.js';

export type ProjectInput = {
  workspaceId: string;
  enrollmentId: string;
  definition: SequenceDefinition;
  /** The current step and its due time. */
  stepId: string;
  dueAt: string;
  touches: string[];
  callbackAt?: string | null;
  announcedCallAt?: string | null;
  hold?: Hold | null;
  /** The current step's task is open: its due time stands whatever the pause. */
  firstFixed?: boolean;
};

export type RescheduleInput = Omit<ProjectInput, 'dueAt'> & { at: string; ignoreTimingRules: boolean };
export type Rescheduled = FittedTime & { timingRulesIgnored: boolean };
export type RescheduleResult = { ok: true; rescheduled: Rescheduled; upcoming: UpcomingStep[] } | { ok: false; message: string };

function project(ctx: EnrollmentContext, i: ProjectInput): UpcomingStep[] {
  return projectUpcoming({
    definition: i.definition,
    fromStepId: i.stepId,
    firstDueAt: i.dueAt,
    place: ctx.place,
    rules: ctx.rules,
    touches: i.touches,
    hold: i.hold ?? null,
    firstFixed: i.firstFixed ?? false,
    callbackAt: i.callbackAt ?? null,
    announcedCallAt: i.announcedCallAt ?? null,
    rep: ctx.repCalendar,
  });
}

export function createProjectionActivities({ db }: { db: Database }) {
  return {
    async projectSteps(i: ProjectInput): Promise<UpcomingStep[]> {
      const ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId, i.definition.timing);
      try {
        return project(ctx, i);
      } catch (err) {
        if (err instanceof TimingError) throw ApplicationFailure.nonRetryable(err.message, 'InvalidTiming');
        throw err;
      }
    },

    /**
     * A reschedule follows the rules planning follows (the prospect's zone, business days and
     * holidays, the step's window, the gap and weekly cap): the earliest allowed time at or after
     * the one asked for, and why it moved; as asked when the caller overrides the rules. A time
     * no rule can fit is refused (not thrown: the cadence goes on as it was).
     */
    async rescheduleStep(i: RescheduleInput): Promise<RescheduleResult> {
      const ctx = await loadEnrollmentContext(db, i.workspaceId, i.enrollmentId, i.definition.timing);
      const step = stepOf(i.definition, i.stepId);
      try {
        const fitted: FittedTime = i.ignoreTimingRules
          ? { requestedAt: new Date(i.at).toISOString(), effectiveAt: new Date(i.at).toISOString(), moved: false, because: [] }
          : fitRequestedTime({ requested: i.at, channel: channelOf(step), place: ctx.place, rules: ctx.rules, previousTouches: isTouch(step) ? i.touches : [] });
        const upcoming = project(ctx, { ...i, dueAt: fitted.effectiveAt });
        return { ok: true, rescheduled: { ...fitted, timingRulesIgnored: i.ignoreTimingRules }, upcoming };
      } catch (err) {
        if (err instanceof TimingError) return { ok: false, message: err.message };
        throw err;
      }
    },
  };
}
