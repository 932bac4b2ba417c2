// Upcoming steps with their due times, along the cadence's expected path (no answer on calls,
// voicemail left, tasks done), so reps and ops see what comes next and when. A pause holds the
// path: until its end (steps due before it are planned again from it, as the cadence will), or
// until resumed (no time can be given: `dueAt` is null).
import type { Outcome, SequenceDefinition, Step } from '../sequences/definition.js';
import { nextAfterOutcome, nextAfterStep } from '../sequences/transitions.js';
import { type Place, type TimingRules } from '../timing/index.js';
import { desiredAnnouncedCall } from './plan.js';
import { planStepDueForRep, type RepCalendar } from './rep-absence.js';
import { isTouch } from './touch.js';

export type UpcomingStep = {
  stepId: string;
  type: Step['type'];
  /** null: the cadence is paused until resumed, so this step has no time yet. */
  dueAt: string | null;
};

/** A pause as the projection sees it: its end, or null when it lasts until resumed. */
export type Hold = { until: string | null };

const expectedOutcome: Partial<Record<Step['type'], Outcome>> = {
  call: 'no_answer',
  callback: 'no_answer',
  voicemail: 'voicemail_left',
  linkedin_note: 'done',
  task: 'done',
};

export function projectUpcoming(a: {
  definition: SequenceDefinition;
  fromStepId: string;
  firstDueAt: string;
  place: Place;
  rules: TimingRules;
  touches: readonly string[];
  limit?: number;
  /** The pause the cadence is under, if any. */
  hold?: Hold | null;
  /** The first step's due time stands whatever the pause (its task is already in the queue). */
  firstFixed?: boolean;
  /** What planning the first step again needs (a pause moved it). */
  callbackAt?: string | null;
  announcedCallAt?: string | null;
  /** The rep's days away: steps falling on them wait for the return, as the cadence will. */
  rep?: RepCalendar | null;
}): UpcomingStep[] {
  const out: UpcomingStep[] = [];
  const seen = new Set<string>();
  const touches = [...a.touches];
  const hold = a.hold ?? null;
  let stepId: string | undefined = a.fromStepId;
  let due: string | null = a.firstDueAt;
  let announcedCallAt: string | null = a.announcedCallAt ?? null;
  while (stepId && !seen.has(stepId) && out.length < (a.limit ?? 10)) {
    seen.add(stepId);
    const step: Step = a.definition.steps.find((s) => s.id === stepId)!;
    const first = out.length === 0;
    // An escalation is only on a blocker, not part of the expected path, unless it is pending now.
    if (step.type === 'escalation' && !first) break;
    const movable = !(first && a.firstFixed);
    if (hold && movable && hold.until === null) {
      due = null;
    } else if (due !== null) {
      const plan = (now: string) => planStepDueForRep({ step, now, place: a.place, rules: a.rules, touches, announcedCallAt, callbackAt: first ? (a.callbackAt ?? null) : null }, a.rep);
      if (!first) due = plan(due);
      // Due before the pause ends: planned again from its end, as the cadence will.
      if (hold?.until && movable && Date.parse(due) < Date.parse(hold.until)) due = plan(hold.until);
    }
    out.push({ stepId: step.id, type: step.type, dueAt: due });
    if (due !== null && isTouch(step)) touches.push(due);
    if (step.announce && due !== null) announcedCallAt = desiredAnnouncedCall(due, step.announce.at, a.place, a.rules);
    const outcome = expectedOutcome[step.type];
    const t = outcome ? nextAfterOutcome(a.definition, step.id, outcome) : nextAfterStep(a.definition, step.id);
    stepId = t.kind === 'goto' ? t.stepId : undefined;
  }
  return out;
}
