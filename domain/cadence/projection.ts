// Upcoming steps with their due times, along the cadence's expected path (no answer on calls,
// voicemail left, tasks done), so reps and ops see what comes next and when.
import type { Outcome, SequenceDefinition, Step } from '../sequences/definition.js';
import { nextAfterOutcome, nextAfterStep } from '../sequences/transitions.js';
import { atLocalTime, localDateOf, parseInstant, type Place, type TimingRules } from '../timing/index.js';
import { planStepDue } from './plan.js';
import { isTouch } from './touch.js';

export type UpcomingStep = { stepId: string; type: Step['type']; dueAt: string };

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
}): UpcomingStep[] {
  const out: UpcomingStep[] = [];
  const seen = new Set<string>();
  const touches = [...a.touches];
  let stepId: string | undefined = a.fromStepId;
  let due = a.firstDueAt;
  let announcedCallAt: string | null = null;
  while (stepId && !seen.has(stepId) && out.length < (a.limit ?? 10)) {
    seen.add(stepId);
    const step: Step = a.definition.steps.find((s) => s.id === stepId)!;
    if (out.length > 0) {
      due = planStepDue({ step, now: due, place: a.place, rules: a.rules, touches, announcedCallAt });
    }
    if (step.type === 'escalation') break; // only on a blocker, not part of the expected path
    out.push({ stepId: step.id, type: step.type, dueAt: due });
    if (isTouch(step)) touches.push(due);
    if (step.announce) {
      const day = localDateOf(parseInstant(due, 'due'), a.place.timeZone);
      announcedCallAt = atLocalTime(day, step.announce.at, a.place.timeZone).toUTC().toISO();
    }
    const outcome = expectedOutcome[step.type];
    const t = outcome ? nextAfterOutcome(a.definition, step.id, outcome) : nextAfterStep(a.definition, step.id);
    stepId = t.kind === 'goto' ? t.stepId : undefined;
  }
  return out;
}
