// The follow-up of one booked meeting (PLAYBOOK §5), `handoff-<id>`: once the meeting should be
// over the field rep is asked for its outcome; unanswered after the workspace's delay they are
// reminded, then their manager is told. An outcome ends it; a new time starts it over on the same
// handoff. The row is the truth: each turn reads it, so a retried or replayed turn only waits.
import { ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { MEETING_OUTCOMES, isFinalHandoffStatus, type FinalMeetingOutcome } from '../../domain/handoffs/vocabulary.js';
import {
  handoffStatusQuery,
  recordMeetingOutcomeUpdate,
  rescheduleMeetingUpdate,
  type HandoffFollowUpView,
  type HandoffWorkflowInput,
  type MeetingOutcomeRequest,
  type MeetingRescheduleRequest,
} from './messages.js';

type Acts = Pick<Activities, 'handoffFollowUp' | 'askMeetingOutcome' | 'remindMeetingOutcome' | 'alertManagerOfMeetingOutcome' | 'recordMeetingOutcome' | 'rescheduleMeeting'>;
const acts = proxyActivities<Acts>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

type Request = { kind: 'outcome'; r: MeetingOutcomeRequest; token: number } | { kind: 'reschedule'; r: MeetingRescheduleRequest; token: number };
type Answer = { ok: true; view: HandoffFollowUpView } | { ok: false; message: string };

const HOUR = 3_600_000;
const invalid = (message: string) => ApplicationFailure.create({ type: 'InvalidRequest', message, nonRetryable: true });
const conflict = (message: string) => ApplicationFailure.create({ type: 'Conflict', message, nonRetryable: true });
const nowIso = () => new Date(Date.now()).toISOString();

function assertInstant(value: string | undefined, field: string): void {
  if (value === undefined) return;
  if (!/[zZ]|[+-]\d\d:?\d\d$/.test(value) || Number.isNaN(Date.parse(value))) throw invalid(`${field}: must be an ISO instant with an offset`);
}

export async function handoffWorkflow(input: HandoffWorkflowInput): Promise<{ status: string }> {
  const { workspaceId, handoffId } = input;
  let view: HandoffFollowUpView = { handoffId, status: 'to_schedule', meetingAt: null, fieldRepId: null };
  let closed = false;
  let request: Request | null = null;
  let nextToken = 1;
  const answers = new Map<number, Answer>();

  const ask = async (req: Request): Promise<HandoffFollowUpView> => {
    request = req;
    await condition(() => answers.has(req.token));
    const answer = answers.get(req.token)!;
    answers.delete(req.token);
    if (!answer.ok) throw conflict(answer.message);
    return answer.view;
  };
  const validateOpen = () => {
    if (closed) throw conflict(`the meeting's outcome is already recorded (${view.status})`);
    if (request) throw conflict('another change of this handoff is being applied; try again in a moment');
  };

  setHandler(handoffStatusQuery, () => view);
  setHandler(recordMeetingOutcomeUpdate, async (r) => ask({ kind: 'outcome', r, token: nextToken++ }), {
    validator: (r) => {
      validateOpen();
      if (!(MEETING_OUTCOMES as readonly string[]).includes(r.outcome)) throw invalid(`outcome: must be one of ${MEETING_OUTCOMES.join(', ')}`);
      assertInstant(r.meetingAt, 'meetingAt');
      if (r.meetingAt !== undefined && r.outcome !== 'rescheduled') throw invalid('meetingAt: only a rescheduled meeting has a new time');
    },
  });
  setHandler(rescheduleMeetingUpdate, async (r) => ask({ kind: 'reschedule', r, token: nextToken++ }), {
    validator: (r) => {
      validateOpen();
      assertInstant(r.meetingAt, 'meetingAt');
      if (!r.reason?.trim()) throw invalid('reason: must not be blank');
    },
  });

  /** Applies what a person reported, and answers the Update that asked. */
  const apply = async (req: Request): Promise<void> => {
    const base = { workspaceId, handoffId, at: nowIso() };
    const r = req.r;
    const done =
      req.kind === 'outcome' && req.r.outcome !== 'rescheduled'
        ? await acts.recordMeetingOutcome({ ...base, outcome: req.r.outcome as FinalMeetingOutcome, byUserId: r.byUserId, ...(req.r.note ? { note: req.r.note } : {}) })
        : await acts.rescheduleMeeting({
            ...base,
            meetingAt: r.meetingAt ?? null,
            byUserId: r.byUserId,
            reason: req.kind === 'reschedule' ? req.r.reason : (req.r.note ?? 'rescheduled at the meeting outcome'),
            ...(req.kind === 'reschedule' && req.r.location ? { location: req.r.location } : {}),
            ...(req.kind === 'reschedule' && req.r.fieldRepId ? { fieldRepId: req.r.fieldRepId } : {}),
          });
    request = null;
    answers.set(req.token, done ? { ok: true, view: done } : { ok: false, message: 'the handoff is already closed' });
    if (done) view = done;
    // An outcome closes it at once: a second report waiting for the next turn would never be answered.
    if (done && isFinalHandoffStatus(done.status)) closed = true;
  };

  /** Waits for a report or the deadline: true when a report came (and was applied). */
  const reportBefore = async (deadline: number | null): Promise<boolean> => {
    const got = deadline === null ? await condition(() => request !== null).then(() => true) : await condition(() => request !== null, Math.max(0, deadline - Date.now()));
    if (got && request) await apply(request);
    return got;
  };

  for (;;) {
    const state = await acts.handoffFollowUp({ workspaceId, handoffId });
    if (!state) return { status: 'gone' };
    view = { handoffId, status: state.status, meetingAt: state.meetingAt, fieldRepId: state.fieldRepId };
    if (isFinalHandoffStatus(state.status)) {
      closed = true;
      return { status: state.status };
    }
    const { policy } = state;
    if (state.status === 'to_schedule') {
      await reportBefore(null);
    } else if (state.status === 'scheduled') {
      const askAt = Date.parse(state.meetingAt!) + policy.meetingMinutes * 60_000;
      if (!(await reportBefore(askAt))) await acts.askMeetingOutcome({ workspaceId, handoffId, at: nowIso() });
    } else if (!state.remindedAt) {
      const remindAt = Date.parse(state.outcomeRequestedAt!) + policy.reminderAfterHours * HOUR;
      if (!(await reportBefore(remindAt))) await acts.remindMeetingOutcome({ workspaceId, handoffId, at: nowIso() });
    } else if (!state.managerAlertedAt) {
      const alertAt = Date.parse(state.remindedAt) + policy.managerAfterHours * HOUR;
      if (!(await reportBefore(alertAt))) await acts.alertManagerOfMeetingOutcome({ workspaceId, handoffId, at: nowIso() });
    } else {
      await reportBefore(null);
    }
  }
}
