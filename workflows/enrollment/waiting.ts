// Waiting for a step's due time, or for a task's outcome, while honouring pause, stop, skip
// and reschedule requests: `condition(pred, timeout)` wakes on whichever comes first.
import { condition } from '@temporalio/workflow';
import type { TaskOutcome } from '../../domain/cadence/outcome.js';
import { local } from './activities.js';
import { refreshUpcoming } from './plan.js';
import { since } from './legacy/patches.js';
import { moveWaitingStepAsAsked } from './legacy/reschedule.js';
import { answerReschedule, applyReschedule, fittedDetail, type RescheduleRequest } from './reschedule.js';
import { ids, type Run } from './run.js';
import { nowIso, remember, type OpenTask } from './state.js';

/** 'replan': planned again from now (a pause ended after the due time); 'calendar': from where it was planned (the rep's days away changed). */
export type WaitResult = 'due' | 'exit' | 'skip' | 'replan' | 'calendar';

/**
 * The call slot an announcing email reserved when it was planned: given back while the cadence
 * is paused (the rep's capacity and queue show no call that will not happen), reserved again
 * when it resumes or the email moves.
 */
export type ReservedSlot = { release: () => Promise<void>; reserve: () => Promise<void> };

/** Waits until the step's due time, or `leadMs` before it (emails are staged ahead). */
export async function waitUntilDue(run: Run, leadMs = 0, slot?: ReservedSlot): Promise<WaitResult> {
  const { s } = run;
  const r = s.requests;
  s.phase = 'waiting';
  for (;;) {
    if (r.exit) return 'exit';
    if (r.skip) return 'skip';
    if (r.reschedule?.token !== undefined) {
      const req = r.reschedule;
      r.reschedule = null;
      const view = await applyReschedule(run, req, false);
      if (!view) continue;
      await local.appendTimeline({ ...ids(run), type: 'step.rescheduled', dedupeKey: `rescheduled:${run.input.enrollmentId}:${s.history.length}`, payload: { stepId: s.stepId, at: view.effectiveAt, reason: req.reason, ...fittedDetail(view) } });
      if (slot) await slot.reserve();
      answerReschedule(run, req, view);
      continue;
    }
    if (r.reschedule) {
      // A request without token: 'reschedule-by-timing-rules' (legacy/patches.ts).
      const { at, reason } = r.reschedule;
      r.reschedule = null;
      await moveWaitingStepAsAsked(run, at, reason);
      continue;
    }
    if (r.pause) {
      if (slot) await slot.release();
      s.settled++;
      if ((await holdWhilePaused(run)) === 'exit') return 'exit';
      // A step that came due during the pause is planned again rather than fired late.
      if (s.dueAt && Date.parse(s.dueAt) <= Date.now()) return 'replan';
      if (slot) await slot.reserve();
      continue;
    }
    if (r.replan && since('rep-calendar-replan')) {
      remember(s, 'step.replanned', r.replan.reason);
      r.replan = null;
      if (slot) await slot.release();
      return 'calendar';
    }
    const remaining = Date.parse(s.dueAt ?? nowIso()) - leadMs - Date.now();
    if (remaining <= 0) return 'due';
    s.settled++;
    await condition(() => Boolean(r.exit || r.skip || r.reschedule || r.pause || r.replan), remaining);
  }
}

/**
 * Waits (in a handler) until a waiting main loop has reacted to what the handler just asked (a
 * pause gave its call slot back, a resume reserved it again or planned the step anew).
 */
export async function mainLoopSettled(run: Run, settledBefore: number, wasWaiting: boolean): Promise<void> {
  const { s } = run;
  if (wasWaiting) await condition(() => s.settled > settledBefore || s.phase !== 'waiting' || Boolean(s.requests.exit));
}

/** Holds the cadence while it is paused: until resumed, until the pause's end, or until an exit. */
export async function holdWhilePaused(run: Run): Promise<'exit' | 'resumed'> {
  const { s } = run;
  const r = s.requests;
  // Holding is how the main loop reacts to a pause: a pause handler waiting for that reaction
  // goes on (without this, a pause arriving as a human step was planned waited for the resume).
  if (since('pause-hold-settles')) s.settled++;
  const until = r.pause?.until;
  if (until) {
    const resumedEarly = await condition(() => !r.pause || Boolean(r.exit), Math.max(0, Date.parse(until) - Date.now()));
    if (!resumedEarly && !r.exit) {
      r.pause = null;
      remember(s, 'enrollment.resumed', 'pause ended');
      await local.setEnrollmentStatus({ ...ids(run), status: 'active', at: nowIso(), event: { type: 'enrollment.resumed', dedupeKey: `resumed:${run.input.enrollmentId}:${s.history.length}` } });
      if (since('upcoming-follows-pauses')) await refreshUpcoming(run);
    }
  } else {
    await condition(() => !r.pause || Boolean(r.exit));
  }
  return r.exit ? 'exit' : 'resumed';
}

export type OutcomeWait =
  | { kind: 'outcome'; outcome: TaskOutcome; token: number }
  | { kind: 'exit' }
  | { kind: 'skip' }
  | { kind: 'reschedule'; at: string; reason: string; request: RescheduleRequest }
  | { kind: 'deadline' }
  /** The prospect is away (an out-of-office reply) past the announced call's time: the promise is void. */
  | { kind: 'away'; until: string };

/** Waits for the rep's outcome on the open task; `deadline` (ISO) for announced calls. */
export async function awaitOutcome(run: Run, task: OpenTask, deadline: string | null): Promise<OutcomeWait> {
  const { s } = run;
  const r = s.requests;
  s.phase = 'task_open';
  s.task = task;
  const answered = () => Boolean(r.outcome && r.outcome.taskId === task.taskId);
  // An announced call the prospect will not be there for: their auto-reply pauses the cadence past its time.
  const voidable = deadline !== null && since('away-voids-announced-call');
  const away = () => voidable && Boolean(r.pause?.outOfOffice && r.pause.until && Date.parse(r.pause.until) > Date.parse(task.dueAt));
  const ready = () => Boolean(r.exit || r.skip || r.reschedule || answered() || away());
  try {
    if (deadline) {
      const answered = await condition(ready, Math.max(0, Date.parse(deadline) - Date.now()));
      if (!answered) return { kind: 'deadline' };
    } else {
      await condition(ready);
    }
    if (r.exit) return { kind: 'exit' };
    if (r.skip) return { kind: 'skip' };
    if (r.reschedule) {
      const request = r.reschedule;
      r.reschedule = null;
      return { kind: 'reschedule', at: request.at, reason: request.reason, request };
    }
    // A call logged is kept even if the out-of-office came too: the rep did call.
    if (!answered() && away()) return { kind: 'away', until: r.pause!.until! };
    const got = r.outcome!;
    r.outcome = null;
    return { kind: 'outcome', outcome: got.outcome, token: got.token };
  } finally {
    s.task = null;
    s.phase = 'executing';
  }
}
