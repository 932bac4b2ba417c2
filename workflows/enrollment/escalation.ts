// PLAYBOOK §4 in the cadence: a guarded decision, then (if allowed) the rep tells the champion
// first, then the manager calls the contact's N+1/N+2 with a briefing. Refused: back to the
// objection, with the reason.
import { since } from './legacy/patches.js';
import type { Step } from '../../domain/sequences/definition.js';
import { nextAfterOutcome, nextAfterStep } from '../../domain/sequences/transitions.js';
import { acts } from './activities.js';
import { ids, type Run } from './run.js';
import { nowIso, remember } from './state.js';
import type { StepEnd } from './steps.js';
import { awaitOutcome } from './waiting.js';

const TELL_CHAMPION_SCRIPT =
  'My director would like to talk with yours about the project: to get their feel for it, openly and in a collegial way. I wanted you to hear it from me first.';

export async function runEscalation(run: Run, step: Step, stepKey: string): Promise<StepEnd> {
  const { s, def } = run;
  const blocker = s.blocker;
  if (!blocker) {
    remember(s, 'escalation.skipped', 'no blocker recorded');
    return { kind: 'transition', t: nextAfterStep(def, step.id) };
  }
  const decision = await acts.requestEscalation({ ...ids(run), stepKey, blockerKind: blocker.kind, blockerNote: blocker.note, at: nowIso() });
  remember(s, `escalation.${decision.decision === 'allowed' ? 'requested' : 'refused'}`, decision.reason);

  // Histories recorded before: every task due at once, whatever the hour, and nothing upcoming.
  const inHours = since('escalation-working-hours');
  const open = async (req: Omit<Parameters<typeof acts.openTask>[0], 'dueAt' | 'step' | keyof ReturnType<typeof ids>>) => {
    const task = await acts.openTask({ ...ids(run), step, dueAt: nowIso(), ...req, ...(inHours ? { withinWorkingHours: true } : {}) });
    if (!inHours) return { taskId: task.taskId, dueAt: nowIso() };
    showPending(run, step, task.dueAt);
    return task;
  };

  if (decision.decision === 'refused') {
    const task = await open({
      stepKey: `${stepKey}:objection`,
      kind: 'objection_handling',
      title: `Work the ${blocker.kind.replace(/_/g, ' ')} objection`,
      extraPrep: { escalationRefused: decision.reason, blocker, script: null },
    });
    const got = await awaitOutcome(run, { taskId: task.taskId, stepId: step.id, dueAt: task.dueAt, allowedOutcomes: ['done', 'meeting_booked', 'not_interested'] }, null);
    return closeAndMove(run, step, task.taskId, got);
  }

  // Transparency first: the champion hears it from the rep, not from their boss.
  const tell = await open({
    stepKey: `${stepKey}:tell-champion`,
    kind: 'tell_champion',
    title: 'Tell your contact that your director will call theirs',
    // Told, not asked (PLAYBOOK §4): transparency avoids a sense of betrayal.
    extraPrep: { briefing: decision.briefing, script: TELL_CHAMPION_SCRIPT },
  });
  const told = await awaitOutcome(run, { taskId: tell.taskId, stepId: step.id, dueAt: tell.dueAt, allowedOutcomes: ['done'] }, null);
  if (told.kind !== 'outcome') return closeAndMove(run, step, tell.taskId, told);
  await acts.closeTask({ ...ids(run), taskId: tell.taskId, status: 'done', outcome: told.outcome, completedAt: nowIso() });
  s.pendingResults.set(told.token, { taskId: tell.taskId, outcome: told.outcome.outcome });

  const call = await open({
    stepKey: `${stepKey}:manager-call`,
    assigneeId: decision.managerId!,
    kind: 'escalation_call',
    title: "Call the contact's N+1/N+2: a collegial, low-key call",
    extraPrep: { briefing: decision.briefing },
  });
  resolvePending(run, step.id, inHours ? call.dueAt : nowIso());
  const got = await awaitOutcome(run, { taskId: call.taskId, stepId: step.id, dueAt: call.dueAt, allowedOutcomes: ['connected', 'no_answer', 'meeting_booked', 'not_interested', 'done'] }, null);
  return closeAndMove(run, step, call.taskId, got);
}

async function closeAndMove(run: Run, step: Step, taskId: string, got: Awaited<ReturnType<typeof awaitOutcome>>): Promise<StepEnd> {
  if (got.kind === 'exit') return { kind: 'exit' };
  if (got.kind !== 'outcome') {
    // Skipped (a reschedule does not apply to escalation tasks).
    await acts.closeTask({ ...ids(run), taskId, status: 'cancelled', completedAt: nowIso() });
    run.s.requests.skip = null;
    return { kind: 'transition', t: nextAfterStep(run.def, step.id) };
  }
  await acts.closeTask({ ...ids(run), taskId, status: 'done', outcome: got.outcome, completedAt: nowIso() });
  run.s.pendingResults.set(got.token, { taskId, outcome: got.outcome.outcome });
  remember(run.s, 'outcome', got.outcome.outcome);
  return { kind: 'transition', t: nextAfterOutcome(run.def, step.id, got.outcome.outcome) };
}

/** The escalation is pending until its open task is done: the step shows as upcoming, due with it. */
function showPending(run: Run, step: Step, dueAt: string): void {
  run.s.planSeq++;
  run.s.dueAt = dueAt;
  run.s.upcoming = [{ stepId: step.id, type: step.type, dueAt }];
}

/** Answers a completed update whose next step is part of this same escalation. */
function resolvePending(run: Run, stepId: string, dueAt: string): void {
  for (const [token, pending] of run.s.pendingResults) {
    run.s.results.set(token, { ...pending, status: 'active', next: { stepId, dueAt } });
    run.s.pendingResults.delete(token);
  }
}
