// What the sequence editor shows from a definition alone: each step in words (every timing kind),
// and the diff between two versions (steps added, removed, moved; fields of steps and of the sequence).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEQUENCES, diffDefinitions, parseSequenceDefinition, sequenceInWords, type SequenceDefinitionInput } from '../../domain/sequences/index.js';

const announced = DEFAULT_SEQUENCES.find((d) => d.key === 'announced-call')!;

const inbound = parseSequenceDefinition({
  schemaVersion: 1,
  key: 'words',
  name: 'Every timing kind',
  coldCallReason: 'An inbound lead asked to be called back today.',
  steps: [
    { id: 'call-now', type: 'call', timing: { kind: 'within_minutes', minutes: 15 }, on: { no_answer: 'next' } },
    { id: 'later', type: 'task', title: 'Check the CRM', timing: { kind: 'after', minutes: 2880 } },
    { id: 'hours', type: 'wait', timing: { kind: 'after', minutes: 120 } },
    { id: 'follow-up', type: 'email', timing: { kind: 'business_days_after', days: 3, at: '10:00' }, template: { subject: 'Hi', body: 'Hello' } },
    { id: 'bypass', type: 'call', timing: { kind: 'bypass_window' } },
    { id: 'back', type: 'callback', timing: { kind: 'callback' } },
  ],
} satisfies SequenceDefinitionInput);

describe('a sequence in words', () => {
  it("the playbook's announced call: day 1 the note, day 2 the 08:00 email announcing the 09:15 call, the call at 09:15", () => {
    const words = sequenceInWords(announced);
    expect(words.slice(0, 3)).toEqual([
      { stepId: 'linkedin-note', day: 1, when: "day 1, as soon as the channel's window opens", what: 'LinkedIn note: LinkedIn connection request announcing the call' },
      { stepId: 'announce-email', day: 2, when: "day 2 at 08:00 in the prospect's zone", what: 'email announcing the 09:15 call' },
      { stepId: 'announced-call', day: 2, when: "day 2 at 09:15 in the prospect's zone, the time the email announced", what: 'call: Call at the announced time, sharp' },
    ]);
  });

  it('every other timing kind, days counted in business days along the steps', () => {
    expect(sequenceInWords(inbound).map((w) => [w.day, w.when, w.what])).toEqual([
      [1, 'within 15 minutes (day 1), inside the call window', 'call'],
      [3, "2 days after the previous step (day 3), inside the channel's window", 'task: Check the CRM'],
      [3, "2 hours after the previous step (day 3), inside the channel's window", 'wait'],
      [6, "day 6 at 10:00 in the prospect's zone", 'email'],
      [6, 'in the next by-pass window (before 08:30, lunch, after 18:30, Wednesday afternoon)', 'call'],
      [6, 'at the time the prospect or the gatekeeper gave, else the next by-pass window', 'call back'],
    ]);
  });
});

describe('the diff between two versions', () => {
  it('nothing changed: an empty diff', () => {
    expect(diffDefinitions(inbound, structuredClone(inbound))).toEqual({ sequence: [], added: [], removed: [], changed: [], reordered: null });
  });

  it('the sequence renamed, a step removed, one added, one changed field by field, two swapped', () => {
    const next = structuredClone(inbound);
    next.name = 'Inbound, faster';
    next.steps = next.steps.filter((s) => s.id !== 'hours');
    const email = next.steps.find((s) => s.id === 'follow-up')!;
    email.timing = { kind: 'business_days_after', days: 2, at: '10:00' };
    email.template = { subject: 'Hello again', body: 'Hello' };
    [next.steps[2], next.steps[3]] = [next.steps[3]!, next.steps[2]!];
    next.steps.push({ id: 'last', type: 'task', timing: { kind: 'after', minutes: 60 } });
    const diff = diffDefinitions(inbound, parseSequenceDefinition(next));
    expect(diff.sequence).toEqual([{ field: 'name', before: 'Every timing kind', after: 'Inbound, faster' }]);
    expect(diff.added).toEqual(['last']);
    expect(diff.removed).toEqual(['hours']);
    expect(diff.changed).toEqual([
      {
        stepId: 'follow-up',
        changes: [
          { field: 'template.subject', before: 'Hi', after: 'Hello again' },
          { field: 'timing.days', before: 3, after: 2 },
        ],
      },
    ]);
    expect(diff.reordered).toEqual({ before: ['call-now', 'later', 'hours', 'follow-up', 'bypass', 'back'], after: ['call-now', 'later', 'bypass', 'follow-up', 'back', 'last'] });
  });

  it('a field that appears or disappears reads as null on the other side', () => {
    const next = structuredClone(inbound);
    next.steps[1] = { ...next.steps[1]!, maxVisits: 2 };
    delete next.steps[1]!.title;
    expect(diffDefinitions(inbound, next).changed).toEqual([
      {
        stepId: 'later',
        changes: [
          { field: 'maxVisits', before: null, after: 2 },
          { field: 'title', before: 'Check the CRM', after: null },
        ],
      },
    ]);
  });
});
