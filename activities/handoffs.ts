// The handoff workflow's activities: read where the follow-up stands, ask, remind, tell the
// manager, record the outcome or the new time. Their work is in application/handoffs/.
import type { Database } from '../db/client.js';
import {
  alertManagerOfMeetingOutcome,
  askMeetingOutcome,
  handoffFollowUpState,
  recordFinalMeetingOutcome,
  remindMeetingOutcome,
  rescheduleHandoffMeeting,
  type HandoffFollowUpState,
} from '../application/handoffs/follow-up.js';
import type { FinalMeetingOutcome } from '../domain/handoffs/vocabulary.js';
import type { HandoffFollowUpView } from '../workflows/handoff/messages.js';

type Ref = { workspaceId: string; handoffId: string };
type At = { at: string };

const view = (h: { id: string; status: string; meetingAt: Date | null; fieldRepId: string | null }): HandoffFollowUpView => ({
  handoffId: h.id,
  status: h.status,
  meetingAt: h.meetingAt?.toISOString() ?? null,
  fieldRepId: h.fieldRepId,
});

export function createHandoffActivities({ db }: { db: Database }) {
  return {
    async handoffFollowUp(i: Ref): Promise<HandoffFollowUpState | null> {
      return handoffFollowUpState(db, i);
    },
    async askMeetingOutcome(i: Ref & At): Promise<void> {
      await askMeetingOutcome(db, i);
    },
    async remindMeetingOutcome(i: Ref & At): Promise<void> {
      await remindMeetingOutcome(db, i);
    },
    async alertManagerOfMeetingOutcome(i: Ref & At): Promise<void> {
      await alertManagerOfMeetingOutcome(db, i);
    },
    /** Null: the handoff was closed already. */
    async recordMeetingOutcome(i: Ref & At & { outcome: FinalMeetingOutcome; note?: string; byUserId: string | null }): Promise<HandoffFollowUpView | null> {
      const h = await recordFinalMeetingOutcome(db, i);
      return h ? view(h) : null;
    },
    async rescheduleMeeting(i: Ref & At & { meetingAt: string | null; location?: string; fieldRepId?: string; reason: string; byUserId: string | null }): Promise<HandoffFollowUpView | null> {
      const h = await rescheduleHandoffMeeting(db, i);
      return h ? view(h) : null;
    },
  };
}
