// When a step is due and what comes after it, from an enrollment's loaded context.
import { ApplicationFailure } from '@temporalio/activity';
import { planStepDueForRep } from '../domain/cadence/rep-absence.js';
import { projectUpcoming, type Hold, type UpcomingStep } from '../domain/cadence/projection.js';
import type { SequenceDefinition, Step } from '../domain/sequences/index.js';
import { TimingError } from '../domain/timing/index.js';
import type { EnrollmentContext } from './enrollment-context.js';

export type PlanStepInput = {
  workspaceId: string;
  enrollmentId: string;
  definition: SequenceDefinition;
  stepId: string;
  now: string;
  touches: string[];
  callbackAt?: string | null;
  announcedCallAt?: string | null;
  /** The pause the cadence is under: the projection shows the steps after it (or without times). */
  hold?: Hold | null;
  /** The step's task opens with the plan: its due time stands whatever the pause. */
  firstFixed?: boolean;
};
export type PlanStepResult = { dueAt: string; timeZone: string; upcoming: UpcomingStep[] };

/** When the step is due and what comes after it, for an enrollment whose context is loaded. */
export function planWithContext(ctx: EnrollmentContext, i: PlanStepInput): PlanStepResult {
  const step = stepOf(i.definition, i.stepId);
  try {
    const dueAt = planStepDueForRep({ step, now: i.now, place: ctx.place, rules: ctx.rules, touches: i.touches, callbackAt: i.callbackAt ?? null, announcedCallAt: i.announcedCallAt ?? null }, ctx.repCalendar);
    const upcoming = projectUpcoming({ definition: i.definition, fromStepId: i.stepId, firstDueAt: dueAt, place: ctx.place, rules: ctx.rules, touches: i.touches, hold: i.hold ?? null, firstFixed: i.firstFixed ?? false, callbackAt: i.callbackAt ?? null, announcedCallAt: i.announcedCallAt ?? null, rep: ctx.repCalendar });
    return { dueAt, timeZone: ctx.place.timeZone, upcoming };
  } catch (err) {
    if (err instanceof TimingError) throw ApplicationFailure.nonRetryable(err.message, 'InvalidTiming');
    throw err;
  }
}

export function stepOf(def: SequenceDefinition, id: string): Step {
  const step = def.steps.find((s) => s.id === id);
  if (!step) throw ApplicationFailure.nonRetryable(`unknown step ${id}`, 'UnknownStep');
  return step;
}
