// One table of step types: what each kind of step is, read by the sequence schema, the timing
// rules, the tasks, the action providers and the workflow (which picks its runner here). Plain
// constants, no schema library: workflow code imports it (the bundle stays small).
import type { Outcome, StepType } from './vocabulary.js';

/** The channel whose windows place a step in time (domain/timing) and whose touches it counts. */
export type TouchChannel = 'email' | 'linkedin' | 'call' | 'task';

/** The channels an action provider may perform for the rep (POST /v1/action-providers). */
export const ACTION_CHANNELS = ['linkedin', 'call', 'voicemail'] as const;
export type ActionChannel = (typeof ACTION_CHANNELS)[number];

/** What performs a due step in the enrollment workflow (workflows/enrollment/steps.ts). */
export type StepRunner = 'task' | 'email' | 'wait' | 'escalation';

export type StepTypeInfo = {
  /** A rep performs it: a task in the rep's queue from the moment it is planned, closed with an outcome. */
  human: boolean;
  /** It counts as a touch on the prospect (minimum gap, weekly cap). A voicemail is part of its call. */
  touch: boolean;
  touchChannel: TouchChannel;
  /** The provider that may perform it instead of the rep; null: only the rep (or the system) does. */
  actionChannel: ActionChannel | null;
  /** Its task's title when the step names none; null: it opens no task of its own. */
  defaultTitle: string | null;
  /** What can be logged on it (PLAYBOOK §2); none for steps that end by themselves. */
  outcomes: readonly Outcome[];
  runner: StepRunner;
};

const CALL_OUTCOMES: readonly Outcome[] = ['connected', 'gatekeeper', 'no_answer', 'voicemail_left', 'wrong_number', 'not_interested', 'meeting_booked', 'blocker'];

/**
 * A voicemail has two channels on purpose, each right for its question: its touch channel is
 * `call` (it is left within the call window, as part of its call, and is no touch of its own),
 * its action channel is `voicemail` (drop services and dialers are often different products).
 */
export const STEP_TYPE_TABLE: { readonly [T in StepType]: StepTypeInfo } = {
  linkedin_note: { human: true, touch: true, touchChannel: 'linkedin', actionChannel: 'linkedin', defaultTitle: 'Send the LinkedIn connection note', outcomes: ['done', 'not_interested'], runner: 'task' },
  email: { human: false, touch: true, touchChannel: 'email', actionChannel: null, defaultTitle: null, outcomes: [], runner: 'email' },
  call: { human: true, touch: true, touchChannel: 'call', actionChannel: 'call', defaultTitle: 'Call', outcomes: CALL_OUTCOMES, runner: 'task' },
  voicemail: {
    human: true,
    touch: false,
    touchChannel: 'call',
    actionChannel: 'voicemail',
    defaultTitle: 'Leave a voicemail',
    // Leaving a voicemail can still turn into a live conversation or a gatekeeper picking up.
    outcomes: ['voicemail_left', 'no_answer', 'connected', 'gatekeeper', 'meeting_booked', 'not_interested', 'wrong_number', 'blocker'],
    runner: 'task',
  },
  callback: { human: true, touch: true, touchChannel: 'call', actionChannel: 'call', defaultTitle: 'Call back', outcomes: CALL_OUTCOMES, runner: 'task' },
  wait: { human: false, touch: false, touchChannel: 'task', actionChannel: null, defaultTitle: null, outcomes: [], runner: 'wait' },
  task: { human: true, touch: false, touchChannel: 'task', actionChannel: null, defaultTitle: 'Task', outcomes: ['done', 'meeting_booked', 'not_interested', 'blocker'], runner: 'task' },
  // The executive's call to the contact's N+1/N+2 (PLAYBOOK §4): the system opens the manager's task.
  escalation: { human: false, touch: false, touchChannel: 'task', actionChannel: null, defaultTitle: 'Escalation call', outcomes: ['connected', 'no_answer', 'meeting_booked', 'not_interested', 'done'], runner: 'escalation' },
};

export const stepTypeOf = (type: StepType): StepTypeInfo => STEP_TYPE_TABLE[type];

const typesWhere = (keep: (t: StepTypeInfo) => boolean): readonly StepType[] => (Object.keys(STEP_TYPE_TABLE) as StepType[]).filter((t) => keep(STEP_TYPE_TABLE[t]));

/** Steps a person performs (a task in the rep's queue) versus steps the system sends. */
export const HUMAN_STEP_TYPES = typesWhere((t) => t.human);
/** Calls to the prospect: the steps warming must come before (PLAYBOOK §3). */
export const CALL_STEP_TYPES = typesWhere((t) => t.human && t.touch && t.touchChannel === 'call');
