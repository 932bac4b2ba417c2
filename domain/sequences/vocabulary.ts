// The words of a cadence (step types, outcomes, blocker kinds) as plain constants, with no
// schema library: workflow code imports these, so the workflow bundle stays small (every
// cached workflow pays for what the bundle holds).
// What each step type is (human or automatic, channels, outcomes, runner): ./step-types.ts.
export const STEP_TYPES = ['linkedin_note', 'email', 'call', 'voicemail', 'callback', 'wait', 'task', 'escalation'] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** What a rep can log on a call-like step (PLAYBOOK §2), plus `done` for generic tasks. */
export const OUTCOMES = ['connected', 'gatekeeper', 'no_answer', 'voicemail_left', 'wrong_number', 'not_interested', 'meeting_booked', 'blocker', 'done'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** PLAYBOOK §4: only organizational blockers justify the boss calling the contact's N+1/N+2. */
export const ORGANIZATIONAL_BLOCKERS = ['champion_lacks_authority', 'no_consensus', 'urgency_not_perceived'] as const;
export const OTHER_BLOCKERS = ['budget', 'technical', 'offer_weakness'] as const;
export const BLOCKER_KINDS = [...ORGANIZATIONAL_BLOCKERS, ...OTHER_BLOCKERS] as const;
export type BlockerKind = (typeof BLOCKER_KINDS)[number];
