// A sequence's steps as ops read them in the editor: "Day 2 at 08:00 in the prospect's zone:
// email announcing the 09:15 call". Days are counted along the steps' order in business days,
// as the timing rules count them; the real instants depend on the prospect (see the preview).
import type { SequenceDefinition, Step, TimingRule } from './definition.js';

export type StepInWords = {
  stepId: string;
  /** The business day of the cadence the step nominally falls on, 1 for the first. */
  day: number;
  /** When, in words: "day 2 at 08:00 in the prospect's zone". */
  when: string;
  /** What, in words: "email announcing the 09:15 call". */
  what: string;
};

const WHAT: Record<Step['type'], string> = {
  linkedin_note: 'LinkedIn note',
  email: 'email',
  call: 'call',
  voicemail: 'voicemail',
  callback: 'call back',
  wait: 'wait',
  task: 'task',
  escalation: "manager's escalation call",
};

function duration(minutes: number): string {
  if (minutes === 0) return 'right';
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** The clock of the call an earlier email announces, or null. */
const announcedAt = (def: SequenceDefinition, stepId: string) => def.steps.find((s) => s.announce?.callStep === stepId)?.announce?.at ?? null;

function when(def: SequenceDefinition, step: Step, day: number, timing: TimingRule): string {
  const zone = "in the prospect's zone";
  switch (timing.kind) {
    case 'immediately':
      return `day ${day}, as soon as the ${step.type === 'email' ? 'email' : 'channel'}'s window opens`;
    case 'after':
      return `${duration(timing.minutes)} after the previous step (day ${day}), inside the channel's window`;
    case 'next_business_day_at':
    case 'business_days_after':
      return `day ${day} at ${timing.at} ${zone}`;
    case 'announced_time': {
      const at = announcedAt(def, step.id);
      return at ? `day ${day} at ${at} ${zone}, the time the email announced` : `day ${day}, at the time the email announced`;
    }
    case 'callback':
      return 'at the time the prospect or the gatekeeper gave, else the next by-pass window';
    case 'bypass_window':
      return 'in the next by-pass window (before 08:30, lunch, after 18:30, Wednesday afternoon)';
    case 'within_minutes':
      return `within ${duration(timing.minutes)} (day ${day}), inside the call window`;
  }
}

function what(step: Step): string {
  const kind = WHAT[step.type];
  if (step.announce) return `${kind} announcing the ${step.announce.at} call`;
  return step.title ? `${kind}: ${step.title}` : kind;
}

/** Each step of the definition in words, in the definition's order. */
export function sequenceInWords(def: SequenceDefinition): StepInWords[] {
  let day = 1;
  return def.steps.map((step, i) => {
    const t = step.timing;
    if (i > 0) {
      if (t.kind === 'next_business_day_at') day += 1;
      else if (t.kind === 'business_days_after') day += t.days;
      else if (t.kind === 'after') day += Math.floor(t.minutes / 1440);
    }
    return { stepId: step.id, day, when: when(def, step, day, t), what: what(step) };
  });
}
