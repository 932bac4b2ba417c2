// The cadence graph as pure functions: given a definition, a step and what happened, where
// does the enrollment go. Stateless on purpose: visit counts (maxVisits), escalation quotas
// and clocks belong to the caller, so the same answer comes out in the API and in a workflow.
import type { SequenceDefinition, Step, Target } from './definition.js';
import { ORGANIZATIONAL_BLOCKERS, type BlockerKind, type Outcome } from './vocabulary.js';
import { STEP_TYPE_TABLE } from './step-types.js';
import { UnknownStepError } from './errors.js';

export type Transition =
  | { kind: 'goto'; stepId: string }
  | { kind: 'end'; reason: 'completed' | 'meeting_booked' | 'connected' }
  | { kind: 'stop'; reason: 'not_interested' | 'wrong_number' | 'sequence_rule' };

/** Outcomes that end the cadence whatever the definition says (PLAYBOOK §2). */
export const EXIT_OUTCOMES: readonly Outcome[] = ['meeting_booked', 'not_interested', 'wrong_number'];

export function allowedOutcomes(step: Step): readonly Outcome[] {
  return STEP_TYPE_TABLE[step.type].outcomes;
}

/** A sentence explaining why `outcome` cannot be logged on `step`, or null when it can. */
export function outcomeError(step: Step, outcome: Outcome): string | null {
  const allowed = allowedOutcomes(step);
  if (allowed.includes(outcome)) return null;
  if (allowed.length === 0) return `outcome "${outcome}" does not fit a ${step.type} step (it takes no outcome)`;
  return `outcome "${outcome}" does not fit a ${step.type} step (allowed: ${allowed.join(', ')})`;
}

export function stepById(def: SequenceDefinition, id: string): Step {
  const step = def.steps.find((s) => s.id === id);
  if (!step) throw new UnknownStepError(id, def.key);
  return step;
}

function resolve(def: SequenceDefinition, from: Step, target: Target, outcome?: Outcome): Transition {
  if (target === 'next') {
    const following = def.steps[def.steps.indexOf(from) + 1];
    return following ? { kind: 'goto', stepId: following.id } : { kind: 'end', reason: 'completed' };
  }
  if (target === 'end') return { kind: 'end', reason: outcome === 'connected' ? 'connected' : 'completed' };
  if (target === 'stop') return { kind: 'stop', reason: 'sequence_rule' };
  // Validate even though the schema checked targets: a hand-built definition must not yield a dangling goto.
  return { kind: 'goto', stepId: stepById(def, target).id };
}

export type OutcomeOptions = {
  /** The blocker found; a non-organizational one (budget, technical, offer) never escalates. */
  blockerKind?: BlockerKind;
  /** false when the escalation quota (per account / per rep) is used up. */
  escalationAllowed?: boolean;
};

export function isOrganizationalBlocker(kind: BlockerKind): boolean {
  return (ORGANIZATIONAL_BLOCKERS as readonly string[]).includes(kind);
}

/**
 * Where the cadence goes after `outcome` is logged on step `stepId`. Does not check that the
 * outcome fits the step: call `outcomeError` first. Exit outcomes win over the step's `on`.
 * A blocker defaults to the first escalation step; when `options` say escalating is not
 * allowed (PLAYBOOK §4: wrong kind of blocker, quota used up), any route into an escalation
 * step is replaced by the step's `next` and, failing that, the cadence ends.
 */
export function nextAfterOutcome(
  def: SequenceDefinition,
  stepId: string,
  outcome: Outcome,
  options: OutcomeOptions = {},
): Transition {
  const step = stepById(def, stepId);
  if (outcome === 'meeting_booked') return { kind: 'end', reason: 'meeting_booked' };
  if (outcome === 'not_interested') return { kind: 'stop', reason: 'not_interested' };
  if (outcome === 'wrong_number') return { kind: 'stop', reason: 'wrong_number' };

  const escalation = def.steps.find((s) => s.type === 'escalation');
  const mapped = step.on?.[outcome];
  const target: Target = mapped ?? (outcome === 'blocker' && escalation ? escalation.id : (step.next ?? 'next'));
  const transition = resolve(def, step, target, outcome);

  const mayEscalate =
    options.escalationAllowed !== false && (options.blockerKind === undefined || isOrganizationalBlocker(options.blockerKind));
  if (outcome !== 'blocker' || mayEscalate || !entersEscalation(def, transition)) return transition;
  const fallback = resolve(def, step, step.next ?? 'next', outcome);
  return entersEscalation(def, fallback) ? { kind: 'end', reason: 'completed' } : fallback;
}

function entersEscalation(def: SequenceDefinition, t: Transition): boolean {
  return t.kind === 'goto' && stepById(def, t.stepId).type === 'escalation';
}

/** Where a step without outcomes (email, wait) leads once done. */
export function nextAfterStep(def: SequenceDefinition, stepId: string): Transition {
  const step = stepById(def, stepId);
  return resolve(def, step, step.next ?? 'next');
}

/**
 * Where an announced call goes when the promised slot passed without the call (PLAYBOOK §1: a
 * broken promise burns the prospect, so do not call late: fall back to a by-pass callback).
 */
export function brokenAnnouncementTarget(def: SequenceDefinition, stepId: string): Transition {
  const step = stepById(def, stepId);
  const callback = def.steps.find((s) => s.type === 'callback');
  return resolve(def, step, step.onBroken ?? callback?.id ?? 'next');
}
