// The enrollment workflow's public surface: Updates for rep and ops actions (validated, with a
// result), Signals for events from outside, a Query for status. Shared by API and activities.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { TaskOutcome } from '../../domain/cadence/outcome.js';
import type { UpcomingStep } from '../../domain/cadence/projection.js';

export type ProspectEvent =
  | { type: 'reply'; source?: string; detail?: string }
  | { type: 'bounce'; source?: string; detail?: string }
  | { type: 'opt_out'; source?: string }
  | { type: 'account_replied'; source?: string }
  /** Out-of-office: pause until the return date, or for the default number of days. */
  | { type: 'auto_reply'; source?: string; returnAt?: string }
  /** A call outcome reported by telephony for the open call task. */
  | { type: 'call_outcome'; source?: string; taskId: string; outcome: TaskOutcome };

export type HistoryEntry = { at: string; type: string; stepId?: string; detail?: string };

export type EnrollmentStatusView = {
  enrollmentId: string;
  status: 'active' | 'paused' | 'completed' | 'stopped';
  reason: string | null;
  stepId: string | null;
  phase: 'waiting' | 'task_open' | 'executing' | 'finished';
  dueAt: string | null;
  currentTask: { taskId: string; stepId: string; dueAt: string; allowedOutcomes: string[] } | null;
  announcedCallAt: string | null;
  pausedUntil: string | null;
  upcoming: UpcomingStep[];
  history: HistoryEntry[];
  sequenceVersion: number;
};

/** What a reschedule did: the time asked for, the time the rules allow, and why it moved. */
export type RescheduleView = {
  stepId: string;
  requestedAt: string;
  effectiveAt: string;
  moved: boolean;
  because: Array<{ rule: string; detail: string }>;
  timingRulesIgnored: boolean;
};
export type RescheduleArgs = { at: string; reason: string; ignoreTimingRules?: boolean };

export type CompleteTaskArgs = { taskId: string } & TaskOutcome;
export type CompleteTaskResult = {
  taskId: string;
  outcome: TaskOutcome['outcome'];
  status: EnrollmentStatusView['status'];
  next: { stepId: string; dueAt: string } | null;
};

export const prospectEventSignal = defineSignal<[ProspectEvent]>('prospectEvent');
/** The rep's time off or covering rep changed: plan the waiting step again around it. */
export const repCalendarChangedSignal = defineSignal<[{ reason: string }]>('repCalendarChanged');
export const completeTaskUpdate = defineUpdate<CompleteTaskResult, [CompleteTaskArgs]>('completeTask');
export const pauseUpdate = defineUpdate<EnrollmentStatusView, [{ reason?: string; until?: string }]>('pause');
export const resumeUpdate = defineUpdate<EnrollmentStatusView, [{ reason?: string }]>('resume');
export const stopUpdate = defineUpdate<EnrollmentStatusView, [{ reason: string }]>('stop');
export const skipUpdate = defineUpdate<EnrollmentStatusView, [{ reason: string }]>('skip');
export const rescheduleUpdate = defineUpdate<EnrollmentStatusView & { rescheduled?: RescheduleView }, [RescheduleArgs]>('reschedule');
export const statusQuery = defineQuery<EnrollmentStatusView>('status');
