import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sequenceDefinition } from '../support/sequence-definition.js';
import {
  allowedOutcomes,
  BlockerKindSchema,
  brokenAnnouncementTarget,
  DEFAULT_SEQUENCES,
  nextAfterOutcome,
  nextAfterStep,
  OutcomeSchema,
  outcomeError,
  parseSequenceDefinition,
  stepById,
  UnknownStepError,
  type Outcome,
  type SequenceDefinition,
  type Transition,
} from '../../domain/sequences/index.js';

const ANNOUNCED = DEFAULT_SEQUENCES.find((d) => d.key === 'announced-call')!;
const EXPECTED = DEFAULT_SEQUENCES.find((d) => d.key === 'expected-callback')!;

const goto = (stepId: string): Transition => ({ kind: 'goto', stepId });

describe('nextAfterOutcome on the announced call', () => {
  it.each<[Outcome, Transition]>([
    ['no_answer', goto('voicemail')],
    ['gatekeeper', goto('callback')],
    ['voicemail_left', goto('callback')],
    ['connected', { kind: 'end', reason: 'connected' }],
    ['meeting_booked', { kind: 'end', reason: 'meeting_booked' }],
    ['not_interested', { kind: 'stop', reason: 'not_interested' }],
    ['wrong_number', { kind: 'stop', reason: 'wrong_number' }],
    ['blocker', goto('escalation')],
  ])('%s', (outcome, expected) => {
    expect(nextAfterOutcome(ANNOUNCED, 'announced-call', outcome)).toEqual(expected);
  });

  it('covers every allowed outcome of the call step', () => {
    expect([...allowedOutcomes(stepById(ANNOUNCED, 'announced-call'))].sort()).toEqual(OutcomeSchema.options.filter((o) => o !== 'done').sort());
  });
});

describe('nextAfterOutcome, other steps', () => {
  it('loops the callback on a gatekeeper and ends on no answer', () => {
    expect(nextAfterOutcome(ANNOUNCED, 'callback', 'gatekeeper')).toEqual(goto('callback'));
    expect(nextAfterOutcome(ANNOUNCED, 'callback', 'no_answer')).toEqual({ kind: 'end', reason: 'completed' });
    expect(nextAfterOutcome(ANNOUNCED, 'callback', 'connected')).toEqual({ kind: 'end', reason: 'connected' });
  });

  it('follows the array order for an unmapped outcome', () => {
    expect(nextAfterOutcome(ANNOUNCED, 'linkedin-note', 'done')).toEqual(goto('announce-email'));
    expect(nextAfterOutcome(ANNOUNCED, 'voicemail', 'voicemail_left')).toEqual(goto('callback'));
    expect(nextAfterOutcome(EXPECTED, 'inbound-call', 'voicemail_left')).toEqual(goto('follow-up-email'));
  });

  it('ends completed after the last step', () => {
    expect(nextAfterOutcome(ANNOUNCED, 'escalation', 'connected')).toEqual({ kind: 'end', reason: 'connected' });
    expect(nextAfterOutcome(ANNOUNCED, 'escalation', 'done')).toEqual({ kind: 'end', reason: 'completed' });
    const def = parseSequenceDefinition(
      sequenceDefinition('two', [
        { id: 'task', type: 'task', timing: { kind: 'immediately' }, on: { blocker: 'stop' } },
        { id: 'last', type: 'task', timing: { kind: 'immediately' } },
      ]),
    );
    expect(nextAfterOutcome(def, 'last', 'done')).toEqual({ kind: 'end', reason: 'completed' });
    expect(nextAfterOutcome(def, 'last', 'blocker')).toEqual({ kind: 'end', reason: 'completed' }); // no escalation step
    expect(nextAfterOutcome(def, 'task', 'blocker')).toEqual({ kind: 'stop', reason: 'sequence_rule' });
    expect(nextAfterStep(def, 'last')).toEqual({ kind: 'end', reason: 'completed' });
  });

  it('does not escalate a non-organizational blocker or past the quota (PLAYBOOK §4)', () => {
    expect(nextAfterOutcome(ANNOUNCED, 'announced-call', 'blocker', { blockerKind: 'no_consensus' })).toEqual(goto('escalation'));
    // The call step has no `next`: the following step in order is the voicemail.
    expect(nextAfterOutcome(ANNOUNCED, 'announced-call', 'blocker', { blockerKind: 'budget' })).toEqual(goto('voicemail'));
    expect(nextAfterOutcome(ANNOUNCED, 'callback', 'blocker', { blockerKind: 'technical' })).toEqual({ kind: 'end', reason: 'completed' });
    expect(nextAfterOutcome(ANNOUNCED, 'callback', 'blocker', { escalationAllowed: false })).toEqual({ kind: 'end', reason: 'completed' });
  });
});

describe('nextAfterStep and brokenAnnouncementTarget', () => {
  it('moves system steps along', () => {
    expect(nextAfterStep(ANNOUNCED, 'announce-email')).toEqual(goto('announced-call'));
    expect(nextAfterStep(EXPECTED, 'follow-up-email')).toEqual(goto('callback'));
  });

  it('sends a broken announcement to the callback', () => {
    expect(brokenAnnouncementTarget(ANNOUNCED, 'announced-call')).toEqual(goto('callback'));
    // Without onBroken: the first callback step, else the next step.
    expect(brokenAnnouncementTarget(EXPECTED, 'inbound-call')).toEqual(goto('callback'));
    const noCallback = parseSequenceDefinition({
      schemaVersion: 1,
      key: 'no-callback',
      name: 'No callback',
      steps: [
        { id: 'mail', type: 'email', timing: { kind: 'immediately' }, announce: { callStep: 'call', at: '09:15' }, template: { subject: 's', body: 'b' } },
        { id: 'call', type: 'call', timing: { kind: 'announced_time' } },
        { id: 'after', type: 'wait', timing: { kind: 'after', minutes: 5 } },
      ],
    });
    expect(brokenAnnouncementTarget(noCallback, 'call')).toEqual(goto('after'));
  });

  it('throws on an unknown step id', () => {
    expect(() => stepById(ANNOUNCED, 'nope')).toThrow(UnknownStepError);
    expect(() => nextAfterOutcome(ANNOUNCED, 'nope', 'done')).toThrow(/no step "nope"/);
  });
});

describe('outcomeError', () => {
  it('accepts allowed outcomes and explains the others', () => {
    expect(outcomeError(stepById(ANNOUNCED, 'announced-call'), 'gatekeeper')).toBeNull();
    expect(outcomeError(stepById(ANNOUNCED, 'linkedin-note'), 'voicemail_left')).toBe(
      'outcome "voicemail_left" does not fit a linkedin_note step (allowed: done, not_interested)',
    );
    expect(outcomeError(stepById(ANNOUNCED, 'announced-call'), 'done')).toMatch(/does not fit a call step/);
    expect(outcomeError(stepById(ANNOUNCED, 'announce-email'), 'done')).toMatch(/email step \(it takes no outcome\)/);
    expect(outcomeError(stepById(ANNOUNCED, 'escalation'), 'blocker')).toMatch(/escalation/);
    expect(outcomeError(stepById(ANNOUNCED, 'voicemail'), 'voicemail_left')).toBeNull();
  });
});

describe('properties', () => {
  const stepArb = fc.constantFrom(...DEFAULT_SEQUENCES.flatMap((def) => def.steps.map((step) => ({ def, step }))));

  function landsSomewhere(def: SequenceDefinition, t: Transition): boolean {
    if (t.kind === 'goto') return def.steps.some((s) => s.id === t.stepId);
    return t.kind === 'end' || t.kind === 'stop';
  }

  it('every allowed outcome of every default step leads to an existing step, an end or a stop', () => {
    fc.assert(
      fc.property(
        stepArb.chain(({ def, step }) =>
          fc.record({
            def: fc.constant(def),
            step: fc.constant(step),
            outcome: fc.constantFrom(...(allowedOutcomes(step).length > 0 ? allowedOutcomes(step) : (['done'] as const))),
            options: fc.record({ blockerKind: fc.constantFrom(...BlockerKindSchema.options), escalationAllowed: fc.boolean() }, { requiredKeys: [] }),
          }),
        ),
        ({ def, step, outcome, options }) => {
          if (allowedOutcomes(step).length === 0) {
            expect(landsSomewhere(def, nextAfterStep(def, step.id))).toBe(true);
            return;
          }
          const t = nextAfterOutcome(def, step.id, outcome, options);
          expect(landsSomewhere(def, t)).toBe(true);
          if (t.kind === 'goto' && stepById(def, t.stepId).type === 'escalation') {
            expect(outcome).toBe('blocker');
            expect(options.escalationAllowed).not.toBe(false);
            expect(options.blockerKind === undefined || ['champion_lacks_authority', 'no_consensus', 'urgency_not_perceived'].includes(options.blockerKind)).toBe(true);
          }
          expect(landsSomewhere(def, brokenAnnouncementTarget(def, step.id))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('same, exhaustively (the combinations are few)', () => {
    for (const def of DEFAULT_SEQUENCES) {
      for (const step of def.steps) {
        for (const outcome of allowedOutcomes(step)) {
          expect(landsSomewhere(def, nextAfterOutcome(def, step.id, outcome)), `${def.key}/${step.id}/${outcome}`).toBe(true);
        }
      }
    }
  });
});
