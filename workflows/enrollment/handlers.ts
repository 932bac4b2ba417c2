// Update, signal and query handlers. Validators reject what does not fit the current state
// (nothing is half-applied); handlers only leave requests for the main loop and wait for it.
import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { checkTaskOutcome } from '../../domain/cadence/outcome-check.js';
import { local } from './activities.js';
import {
  completeTaskUpdate,
  pauseUpdate,
  prospectEventSignal,
  repCalendarChangedSignal,
  rescheduleUpdate,
  resumeUpdate,
  skipUpdate,
  statusQuery,
  stopUpdate,
} from './messages.js';
import { stepById } from '../../domain/sequences/transitions.js';
import { refreshUpcoming } from './plan.js';
import { since } from './legacy/patches.js';
import { rescheduleAsAsked } from './legacy/reschedule.js';
import { mainLoopSettled } from './waiting.js';
import { ids, statusView, type Run } from './run.js';
import { nowIso, remember } from './state.js';

/** Default pause after an out-of-office reply with no return date. */
const AUTO_REPLY_PAUSE_DAYS = 5;

const invalid = (message: string) => ApplicationFailure.create({ type: 'InvalidRequest', message, nonRetryable: true });
const conflict = (message: string) => ApplicationFailure.create({ type: 'Conflict', message, nonRetryable: true });

function assertRunning(run: Run): void {
  if (run.s.phase === 'finished' || run.s.requests.exit) throw conflict('the enrollment is over');
}

function assertFutureInstant(value: string, field: string): void {
  const t = Date.parse(value);
  if (!/[zZ]|[+-]\d\d:?\d\d$/.test(value) || Number.isNaN(t)) throw invalid(`${field}: must be an ISO instant with an offset`);
  if (t <= Date.now()) throw invalid(`${field}: must be in the future`);
}

/** The prospect events that end the cadence, and the stop reason each writes. */
const STOPPED_BY = { reply: 'replied', bounce: 'bounced', opt_out: 'opted_out', account_replied: 'account_replied' } as const;

export function registerHandlers(run: Run): void {
  const { s } = run;
  const r = s.requests;

  setHandler(statusQuery, () => statusView(run));

  setHandler(
    completeTaskUpdate,
    async ({ taskId, ...outcome }) => {
      const token = s.nextToken++;
      const checked = checkTaskOutcome(outcome);
      if (!checked.ok) throw invalid(`${checked.field}: ${checked.message}`); // the validator already refused it
      r.outcome = { taskId, outcome: checked.value, token };
      await condition(() => s.results.has(token));
      const result = s.results.get(token)!;
      s.results.delete(token);
      return result;
    },
    {
      validator: ({ taskId, ...outcome }) => {
        assertRunning(run);
        if (!s.task || s.task.taskId !== taskId) throw conflict(`task ${taskId} is not open on this enrollment`);
        if (r.outcome) throw conflict(`an outcome for task ${taskId} is already being processed`);
        const checked = checkTaskOutcome(outcome);
        if (!checked.ok) throw invalid(`${checked.field}: ${checked.message}`);
        if (!s.task.allowedOutcomes.includes(checked.value.outcome)) {
          throw invalid(`outcome: "${checked.value.outcome}" does not fit this step (allowed: ${s.task.allowedOutcomes.join(', ')})`);
        }
        if (checked.value.callbackAt) assertFutureInstant(checked.value.callbackAt, 'callbackAt');
      },
    },
  );

  setHandler(
    pauseUpdate,
    async ({ reason, until }) => {
      const settled = s.settled;
      const waiting = s.phase === 'waiting';
      r.pause = { until: until ?? null };
      remember(s, 'enrollment.paused', reason);
      // The waiting main loop reacts first (it gives a call slot back), then this handler writes:
      // never two activities at once, whose order a replay could not reproduce.
      const truthful = since('upcoming-follows-pauses');
      if (truthful) await mainLoopSettled(run, settled, waiting);
      await local.setEnrollmentStatus({ ...ids(run), status: 'paused', at: nowIso(), reason: reason ?? null, pausedUntil: until ?? null, event: { type: 'enrollment.paused', dedupeKey: `paused:${run.input.enrollmentId}:${s.history.length}`, payload: { until: until ?? null } } });
      // What comes next now starts after the pause (or waits for the resume).
      if (truthful) await refreshUpcoming(run);
      return statusView(run);
    },
    {
      validator: ({ until }) => {
        assertRunning(run);
        if (r.pause) throw conflict('the enrollment is already paused');
        if (until) assertFutureInstant(until, 'until');
      },
    },
  );

  setHandler(
    resumeUpdate,
    async ({ reason }) => {
      const settled = s.settled;
      const waiting = s.phase === 'waiting';
      r.pause = null;
      remember(s, 'enrollment.resumed', reason);
      const truthful = since('upcoming-follows-pauses');
      if (truthful) await mainLoopSettled(run, settled, waiting);
      await local.setEnrollmentStatus({ ...ids(run), status: 'active', at: nowIso(), reason: null, event: { type: 'enrollment.resumed', dedupeKey: `resumed:${run.input.enrollmentId}:${s.history.length}` } });
      if (truthful) await refreshUpcoming(run);
      return statusView(run);
    },
    {
      validator: (_args) => {
        assertRunning(run);
        if (!r.pause) throw conflict('the enrollment is not paused');
      },
    },
  );

  setHandler(
    stopUpdate,
    async ({ reason }) => {
      r.exit = { status: 'stopped', reason: `stopped: ${reason}` };
      await condition(() => s.phase === 'finished');
      return statusView(run, r.exit);
    },
    {
      validator: ({ reason }) => {
        assertRunning(run);
        if (!reason?.trim()) throw invalid('reason: must not be blank');
      },
    },
  );

  setHandler(
    skipUpdate,
    async ({ reason }) => {
      const plansBefore = s.planSeq;
      r.skip = { reason };
      // The answer shows what comes instead: it waits for the next step's plan.
      if (since('upcoming-follows-pauses')) await condition(() => (r.skip === null && s.planSeq > plansBefore) || s.phase === 'finished');
      else await condition(() => r.skip === null || s.phase === 'finished');
      return statusView(run);
    },
    {
      validator: ({ reason }) => {
        assertRunning(run);
        if (!reason?.trim()) throw invalid('reason: must not be blank');
        if (s.phase === 'executing') throw conflict('the current step is executing; try again in a moment');
      },
    },
  );

  setHandler(
    rescheduleUpdate,
    async ({ at, reason, ignoreTimingRules }) => {
      const iso = new Date(Date.parse(at)).toISOString();
      if (!since('reschedule-by-timing-rules')) return rescheduleAsAsked(run, iso, reason);
      // The main loop fits the time to the rules, moves the step and answers by token.
      const token = s.nextToken++;
      r.reschedule = { at: iso, reason, ignoreTimingRules: ignoreTimingRules === true, token };
      await condition(() => s.rescheduled.has(token) || s.phase === 'finished');
      const answer = s.rescheduled.get(token);
      s.rescheduled.delete(token);
      if (answer && !answer.ok) throw invalid(`at: ${answer.message}`);
      return { ...statusView(run), ...(answer?.ok ? { rescheduled: answer.rescheduled } : {}) };
    },
    {
      validator: ({ at, reason, ignoreTimingRules }) => {
        assertRunning(run);
        if (!reason?.trim()) throw invalid('reason: must not be blank');
        if (ignoreTimingRules !== undefined && typeof ignoreTimingRules !== 'boolean') throw invalid('ignoreTimingRules: must be true or false');
        assertFutureInstant(at, 'at');
        if (r.reschedule) throw conflict('a reschedule is already being applied; try again in a moment');
        if (s.phase !== 'waiting' && s.phase !== 'task_open') throw conflict('the current step is executing; try again in a moment');
        // Its tasks follow the team's working hours; skip it, or log the task's outcome.
        if (s.stepId && stepById(run.def, s.stepId).type === 'escalation') throw conflict('an escalation step cannot be rescheduled');
        // A paused cadence plans its step again when it resumes: a time set now would not hold.
        if (r.pause && s.phase === 'waiting') throw conflict('the enrollment is paused; resume it first (or pause it until a date)');
      },
    },
  );

  setHandler(repCalendarChangedSignal, async ({ reason }) => {
    if (s.phase === 'finished' || r.exit) return;
    // A waiting step is planned again by the main loop; an open task keeps its time, but what
    // follows it is projected again around the rep's days away.
    if (s.phase === 'task_open') await refreshUpcoming(run);
    else r.replan = { reason };
  });

  setHandler(prospectEventSignal, async (e) => {
    if (s.phase === 'finished' || r.exit) return;
    switch (e.type) {
      case 'reply':
      case 'bounce':
      case 'opt_out':
      case 'account_replied':
        r.exit = { status: 'stopped', reason: STOPPED_BY[e.type] };
        break;
      case 'auto_reply': {
        const until = e.returnAt && Date.parse(e.returnAt) > Date.now() ? e.returnAt : new Date(Date.now() + AUTO_REPLY_PAUSE_DAYS * 86_400_000).toISOString();
        const settled = s.settled;
        const waiting = s.phase === 'waiting';
        r.pause = { until, outOfOffice: true };
        remember(s, 'enrollment.paused', `out of office until ${until}`);
        // Like a manual pause, the enrollment row and the timeline say so (the end of the pause
        // writes `active` and `enrollment.resumed`).
        if (since('auto-reply-pause-persisted')) {
          if (since('upcoming-follows-pauses')) await mainLoopSettled(run, settled, waiting);
          await local.setEnrollmentStatus({ ...ids(run), status: 'paused', at: nowIso(), reason: `out of office until ${until}`, pausedUntil: until, event: { type: 'enrollment.paused', dedupeKey: `paused:${run.input.enrollmentId}:${s.history.length}`, payload: { until, source: 'auto_reply' } } });
          if (since('upcoming-follows-pauses')) await refreshUpcoming(run);
        }
        break;
      }
      case 'call_outcome':
        // Telephony reports the outcome of the open call task; anything else is stale.
        if (s.task?.taskId === e.taskId && !r.outcome && s.task.allowedOutcomes.includes(e.outcome.outcome)) {
          r.outcome = { taskId: e.taskId, outcome: e.outcome, token: s.nextToken++ };
        } else {
          remember(s, 'signal.ignored', `call outcome for task ${e.taskId}`);
        }
        break;
    }
  });
}
