// The words of a handoff (PLAYBOOK §5) as plain constants: the handoff workflow imports these,
// so its bundle carries no schema library.

/** What became of a meeting, as the field rep who held it (or their manager) reports it. */
export const MEETING_OUTCOMES = ['held', 'no_show', 'rescheduled', 'cancelled_by_prospect', 'cancelled_by_us', 'disqualified'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** Outcomes that close a handoff (a reschedule puts the meeting back on the calendar instead). */
export const FINAL_MEETING_OUTCOMES = ['held', 'no_show', 'cancelled_by_prospect', 'cancelled_by_us', 'disqualified'] as const;
export type FinalMeetingOutcome = (typeof FINAL_MEETING_OUTCOMES)[number];

export const HANDOFF_STATUSES = ['to_schedule', 'scheduled', 'awaiting_outcome', ...FINAL_MEETING_OUTCOMES] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

export const isFinalHandoffStatus = (s: string): s is FinalMeetingOutcome => (FINAL_MEETING_OUTCOMES as readonly string[]).includes(s);

/** Tasks the follow-up opens: the field rep's question, and the manager's nudge when it stays unanswered. */
export const HANDOFF_TASK_KINDS = ['meeting_outcome', 'meeting_outcome_overdue'] as const;
export const isHandoffTaskKind = (kind: string) => (HANDOFF_TASK_KINDS as readonly string[]).includes(kind);
