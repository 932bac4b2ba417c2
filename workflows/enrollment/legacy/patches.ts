// Every behaviour change of the enrollment workflow since enrollments first ran, in one table.
// A running enrollment replays its history against today's code: a change that would make it
// take other steps is behind patched(id), true for runs started (or reaching that point) since,
// false while an older history replays. The old branches themselves are beside this file (and the
// activities only they call in activities/legacy.ts); the saved histories without the patch's
// marker (tests/histories, pre-<id>-*.json among them) keep them replayed by
// tests/workflows/replay.test.ts.
//
// Removing a patch takes two deployments:
//  1. When no enrollment that could take the old branch still runs (none started before the
//     patch's date: `temporal workflow count --query "WorkflowType='enrollmentWorkflow' AND
//     ExecutionStatus='Running' AND StartTime < '<since>'"` answers 0), replace patched(id) by
//     deprecatePatch(id), delete the old branch from this folder (and the activities it alone
//     calls), and the saved histories that took it (the replay test names them: those that no
//     longer replay without the branch).
//  2. When no history with the marker is kept any more (the namespace's retention after the
//     last enrollment of step 1 closed), remove deprecatePatch(id).
import { patched } from '@temporalio/workflow';

type Patch = {
  /** The day it shipped: enrollments started before may still take the old branch. */
  since: string;
  /** What the old branch does, kept for those histories. */
  before: string;
};

export const PATCHES = {
  'one-step-entry': {
    since: '2026-11-22',
    before: "planned the step, wrote the start and opened the human step's task with one local activity each (step-entry.ts)",
  },
  'paced-outbox': {
    since: '2026-11-22',
    before: 'reserved the announced slot, then staged the email unpaced at its due time (email-unpaced.ts; the activity stageEmail)',
  },
  'open-task-local': {
    since: '2026-11-22',
    before: "opened a human step's task with a regular activity, not a local one (step-entry.ts)",
  },
  'auto-reply-pause-persisted': {
    since: '2026-11-22',
    before: "paused on an out-of-office reply in the workflow only: the enrollment row and the timeline did not say so",
  },
  'upcoming-follows-pauses': {
    since: '2026-12-05',
    before: 'the upcoming steps stayed as planned when the step was entered, whatever pauses, skips and reschedules did next',
  },
  'reschedule-by-timing-rules': {
    since: '2026-12-05',
    before: 'a reschedule moved the step to the time asked, unfitted to the timing rules (reschedule.ts)',
  },
  'announced-call-task-upcoming': {
    since: '2026-12-05',
    before: "the announced call's task appeared when the call step began, not when the announcing email was planned",
  },
  'escalation-working-hours': {
    since: '2026-12-05',
    before: "the escalation's task was due when the step was, outside the manager's working hours if so",
  },
  'release-broken-slot': {
    since: '2026-12-05',
    before: 'a broken announcement kept its call slot (and calendar hold) reserved until the enrollment ended',
  },
  'rep-calendar-replan': {
    since: '2026-12-05',
    before: "a waiting step ignored changes to the rep's days away (it kept the time planned before)",
  },
  'pause-hold-settles': {
    since: '2026-12-06',
    before: "holding a pause did not count as the main loop's reaction: a pause arriving as a human step was planned waited for the resume",
  },
  'away-voids-announced-call': {
    since: '2026-12-06',
    before: "an out-of-office reply arriving while the announced call's task was open left it open: its deadline passed during the pause and the call counted as broken by the rep",
  },
} as const satisfies Record<string, Patch>;

export type PatchId = keyof typeof PATCHES;

/** Whether this run follows the code since the patch (a new run, or a history recorded since). */
export const since = (id: PatchId): boolean => patched(id);
