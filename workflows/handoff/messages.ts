// The handoff workflow's public surface: one workflow per booked meeting, `handoff-<id>`,
// started by the activity that records the booking; Updates for what people report.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { MeetingOutcome } from '../../domain/handoffs/vocabulary.js';

/** Versioned: a later shape adds a version, and the workflow reads both. */
export type HandoffWorkflowInput = { v: 1; workspaceId: string; handoffId: string };

export const handoffWorkflowId = (handoffId: string) => `handoff-${handoffId}`;

export type MeetingOutcomeRequest = {
  outcome: MeetingOutcome;
  note?: string;
  /** With `rescheduled`: the new time (absent: the handoff waits for one). */
  meetingAt?: string;
  byUserId: string | null;
};

export type MeetingRescheduleRequest = {
  meetingAt: string;
  location?: string;
  fieldRepId?: string;
  reason: string;
  byUserId: string | null;
};

export type HandoffFollowUpView = { handoffId: string; status: string; meetingAt: string | null; fieldRepId: string | null };

export const recordMeetingOutcomeUpdate = defineUpdate<HandoffFollowUpView, [MeetingOutcomeRequest]>('recordMeetingOutcome');
export const rescheduleMeetingUpdate = defineUpdate<HandoffFollowUpView, [MeetingRescheduleRequest]>('rescheduleMeeting');
export const handoffStatusQuery = defineQuery<HandoffFollowUpView>('handoffStatus');
