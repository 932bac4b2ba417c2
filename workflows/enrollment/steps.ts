// Runs one step of the cadence: plan, wait until due, then send, open a task or escalate.
import type { Step } from '../../domain/sequences/definition.js';
import { STEP_TYPE_TABLE, type StepRunner } from '../../domain/sequences/step-types.js';
import { isTouch } from '../../domain/cadence/touch.js';
import type { Transition } from '../../domain/sequences/transitions.js';
import { allowedOutcomes, brokenAnnouncementTarget, nextAfterOutcome, nextAfterStep } from '../../domain/sequences/transitions.js';
import { acts, local } from './activities.js';
import { runPacedEmail } from './email-step.js';
import { runEmailUnpaced } from './legacy/email-unpaced.js';
import { since } from './legacy/patches.js';
import { moveTaskAsAsked } from './legacy/reschedule.js';
import { openTaskAsActivity } from './legacy/step-entry.js';
import { runEscalation } from './escalation.js';
import { planStep } from './plan.js';
import { ids, type Run } from './run.js';
import { nowIso, remember } from './state.js';
import { answerReschedule, applyReschedule, fittedDetail } from './reschedule.js';
import { awaitOutcome, holdWhilePaused, waitUntilDue, type ReservedSlot } from './waiting.js';

export type StepEnd = { kind: 'transition'; t: Transition } | { kind: 'exit' };
/** 'replan': a pause took a staged email back; 'skip': the rep or ops skipped it meanwhile. */
type DueStepEnd = StepEnd | 'replan' | 'skip';

/** What performs a due system step, by its type's runner (human steps are the rep's tasks: runHumanStep). */
const systemRunners: Record<Exclude<StepRunner, 'task'>, (run: Run, step: Step, stepKey: string) => Promise<DueStepEnd>> = {
  wait: async (run, step) => ({ kind: 'transition', t: nextAfterStep(run.def, step.id) }),
  escalation: runEscalation,
  // Histories recorded before the paced outbox reserved the slot, then staged at the due time.
  email: (run, step, stepKey) => (since('paced-outbox') ? runPacedEmail(run, step, stepKey) : runEmailUnpaced(run, step, stepKey)),
};

const DEFAULT_MAX_VISITS = 3;
const DEFAULT_GRACE_MINUTES = 15;
/**
 * Emails are rendered and queued this long before they are due: enough for a worker to stage
 * an 08:00 burst of thousands before 08:00, short enough that a stop or pause rarely has to
 * take one back.
 */
const STAGE_LEAD_MS = 10 * 60_000;

export async function runStep(run: Run, step: Step): Promise<StepEnd> {
  const { s } = run;
  const visit = (s.visits[step.id] ?? 0) + 1;
  s.visits[step.id] = visit;
  s.stepId = step.id;
  if (visit > (step.maxVisits ?? DEFAULT_MAX_VISITS)) {
    remember(s, 'step.attempts_exhausted', `visit ${visit}`);
    return { kind: 'transition', t: { kind: 'end', reason: 'completed' } };
  }
  const stepKey = `${step.id}#${visit}`;

  // A human step's task goes into the queue as soon as it is planned (with the plan): the rep
  // sees it coming and prepares (PLAYBOOK §3); its due time is the planned one. A paused
  // cadence puts nothing new in the rep's queue.
  const { runner } = STEP_TYPE_TABLE[step.type];
  const human = runner === 'task';
  // An announcing email reserves its call slot when it is planned: the call's task shows as
  // upcoming in the rep's queue the day before (PLAYBOOK §3), and becomes actionable once sent.
  const announce = step.announce && !s.requests.pause && since('announced-call-task-upcoming') ? slotOf(run, step) : undefined;
  const opened = await planStep(run, step, s.lastStepEndedAt ?? nowIso(), human && !s.requests.pause ? taskRequest(run, step, stepKey) : undefined, announce);
  if (step.timing.kind === 'callback') s.callbackAt = null; // consumed
  if (human) {
    if (!opened && s.requests.pause) {
      if ((await holdWhilePaused(run)) === 'exit') return { kind: 'exit' };
      if (s.dueAt && Date.parse(s.dueAt) <= Date.now()) await planStep(run, step, nowIso());
    }
    return runHumanStep(run, step, stepKey, opened);
  }
  const slot = announce && reservedSlot(run, announce);
  for (;;) {
    const w = await waitUntilDue(run, step.type === 'email' ? STAGE_LEAD_MS : 0, slot);
    if (w === 'exit') return { kind: 'exit' };
    if (w === 'skip') {
      if (slot) await slot.release();
      return skipped(run, step);
    }
    if (w === 'replan') {
      await planStep(run, step, nowIso(), undefined, announce);
      continue;
    }
    if (w === 'calendar') {
      // Planned again from where it was first planned; a time already past is planned from now.
      await planStep(run, step, s.lastStepEndedAt ?? nowIso(), undefined, announce);
      if (s.dueAt && Date.parse(s.dueAt) < Date.now()) await planStep(run, step, nowIso(), undefined, announce);
      continue;
    }
    s.phase = 'executing';
    const ended = await systemRunners[runner](run, step, stepKey);
    if (ended === 'skip') return skipped(run, step);
    if (ended !== 'replan') return ended;
    await planStep(run, step, nowIso(), undefined, announce);
  }
}

/** The call slot an announcing email reserves, keyed by the call step's next visit. */
function slotOf(run: Run, step: Step) {
  const callStep = step.announce!.callStep;
  return { slotKey: `${callStep}#${(run.s.visits[callStep] ?? 0) + 1}`, at: step.announce!.at, callStepId: callStep };
}

function reservedSlot(run: Run, a: NonNullable<ReturnType<typeof slotOf>>): ReservedSlot {
  return {
    release: async () => {
      await acts.releaseCallSlots({ enrollmentId: run.input.enrollmentId, stepKey: a.slotKey });
    },
    reserve: async () => {
      await local.reserveAnnouncedCall({ ...ids(run), definition: run.def, stepKey: a.slotKey, sendAt: run.s.dueAt ?? nowIso(), at: a.at, callStepId: a.callStepId });
    },
  };
}

async function skipped(run: Run, step: Step): Promise<StepEnd> {
  const reason = run.s.requests.skip?.reason ?? '';
  run.s.requests.skip = null;
  remember(run.s, 'step.skipped', reason);
  await local.appendTimeline({ ...ids(run), type: 'step.skipped', dedupeKey: `skipped:${run.input.enrollmentId}:${run.s.history.length}`, payload: { stepId: step.id, reason } });
  return { kind: 'transition', t: nextAfterStep(run.def, step.id) };
}

/** A call step due at the time an email announced: the announcement is a promise to keep. */
const keepsAnnouncement = (run: Run, step: Step) => step.timing.kind === 'announced_time' && run.s.announcedCallAt !== null;

function taskRequest(run: Run, step: Step, stepKey: string) {
  return { stepKey, announcedCallAt: keepsAnnouncement(run, step) ? run.s.announcedCallAt : null, assistantName: run.s.assistantName };
}

/** Runs a human step whose task `opened` already holds (opened with the plan), else opens it. */
async function runHumanStep(run: Run, step: Step, stepKey: string, opened: string | null): Promise<StepEnd> {
  const { s, def } = run;
  let dueAt = s.dueAt ?? nowIso();
  const announced = keepsAnnouncement(run, step);
  let taskId = opened;
  if (!taskId) {
    // Histories recorded before the patch opened the task as a regular activity.
    const openTask = since('open-task-local') ? local.openTask : openTaskAsActivity;
    ({ taskId } = await openTask({ ...ids(run), step, dueAt, ...taskRequest(run, step, stepKey) }));
  }
  remember(s, 'task.created', taskId);
  const graceMs = (step.graceMinutes ?? DEFAULT_GRACE_MINUTES) * 60_000;
  let got = await awaitOutcome(run, { taskId, stepId: step.id, dueAt, allowedOutcomes: [...allowedOutcomes(step)] }, announced ? new Date(Date.parse(dueAt) + graceMs).toISOString() : null);
  while (got.kind === 'reschedule') {
    const req = got.request;
    if (req.token !== undefined) {
      // Fitted to the rules (or as asked when overridden); refused: the task stays where it was.
      const view = await applyReschedule(run, req, true);
      if (view) {
        dueAt = view.effectiveAt;
        await acts.rescheduleTask({ ...ids(run), taskId, dueAt, reason: req.reason, fitted: fittedDetail(view) });
        answerReschedule(run, req, view);
      }
    } else {
      dueAt = await moveTaskAsAsked(run, taskId, got.at, got.reason);
    }
    got = await awaitOutcome(run, { taskId, stepId: step.id, dueAt, allowedOutcomes: [...allowedOutcomes(step)] }, announced ? new Date(Date.parse(dueAt) + graceMs).toISOString() : null);
  }
  const closing = { ...ids(run), taskId, completedAt: nowIso() };
  switch (got.kind) {
    case 'exit':
      return { kind: 'exit' };
    case 'skip':
      await acts.closeTask({ ...closing, status: 'cancelled' });
      return skipped(run, step);
    case 'deadline': {
      // The announced call was not made in time: record the broken promise and follow the rule.
      await acts.closeTask({ ...closing, status: 'missed' });
      remember(s, 'announcement.broken', s.announcedCallAt ?? undefined);
      await local.appendTimeline({ ...ids(run), type: 'announcement.broken', dedupeKey: `broken:${taskId}`, payload: { taskId, announcedCallAt: s.announcedCallAt } });
      // The promised slot is over: give it back (and its calendar hold) rather than leave it reserved.
      if (since('release-broken-slot')) await acts.releaseCallSlots({ enrollmentId: run.input.enrollmentId, stepKey });
      s.announcedCallAt = null;
      return { kind: 'transition', t: brokenAnnouncementTarget(def, step.id) };
    }
    case 'away': {
      // Not the rep's broken promise: the prospect is away at the announced time. The task is
      // cancelled, the slot given back, and the cadence goes on as after a broken announcement
      // (its next step waits for the pause to end).
      await acts.closeTask({ ...closing, status: 'cancelled' });
      remember(s, 'announcement.voided', `out of office until ${got.until}`);
      await local.appendTimeline({ ...ids(run), type: 'announcement.voided', dedupeKey: `voided:${taskId}`, payload: { taskId, announcedCallAt: s.announcedCallAt, reason: 'out_of_office', until: got.until } });
      await acts.releaseCallSlots({ enrollmentId: run.input.enrollmentId, stepKey });
      s.announcedCallAt = null;
      return { kind: 'transition', t: brokenAnnouncementTarget(def, step.id) };
    }
    case 'outcome': {
      const o = got.outcome;
      await acts.closeTask({ ...closing, status: 'done', outcome: o });
      if (isTouch(step)) s.touches.push(closing.completedAt);
      s.callbackAt = o.callbackAt ?? null;
      if (o.assistantName) s.assistantName = o.assistantName;
      if (o.outcome === 'blocker' && o.blockerKind) s.blocker = { kind: o.blockerKind, note: o.note ?? null };
      remember(s, 'outcome', o.outcome);
      s.pendingResults.set(got.token, { taskId, outcome: o.outcome });
      return { kind: 'transition', t: nextAfterOutcome(def, step.id, o.outcome) };
    }
  }
}
