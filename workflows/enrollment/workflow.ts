// One workflow per enrollment (prospect x sequence), started with a deterministic id. Walks the
// sequence's steps with durable timers; outcomes arrive as Updates, events as Signals.
import { ActivityFailure, allHandlersFinished, condition, continueAsNew, workflowInfo } from '@temporalio/workflow';
import { stepById } from '../../domain/sequences/transitions.js';
import { acts, local } from './activities.js';
import { registerHandlers } from './handlers.js';
import type { EnrollmentInput, EnrollmentResult } from './input.js';
import { since } from './legacy/patches.js';
import { writeStartApart } from './legacy/step-entry.js';
import { ids, type Run } from './run.js';
import { carry, initialState, nowIso, remember } from './state.js';
import { runStep } from './steps.js';

type Finish = { status: 'completed' | 'stopped'; reason: string };

export async function enrollmentWorkflow(input: EnrollmentInput): Promise<EnrollmentResult> {
  const def = input.sequence.definition;
  const run: Run = { input, def, s: initialState(input.carried) };
  const { s } = run;
  registerHandlers(run);

  let finish: Finish | null = null;
  try {
    if (!input.carried) finish = await start(run);
    let stepId: string | null = finish ? null : s.stepId;
    while (stepId && !finish) {
      if (workflowInfo().continueAsNewSuggested) {
        s.stepId = stepId;
        await condition(allHandlersFinished);
        await continueAsNew<typeof enrollmentWorkflow>({ ...input, carried: carry(s) });
      }
      const end = await runStep(run, stepById(def, stepId));
      s.lastStepEndedAt = nowIso();
      s.stepsRun++;
      if (end.kind === 'exit') {
        finish = s.requests.exit ?? { status: 'stopped', reason: 'stopped' };
      } else if (end.t.kind === 'goto') {
        stepId = end.t.stepId;
      } else {
        finish = { status: end.t.kind === 'end' ? 'completed' : 'stopped', reason: end.t.reason };
      }
    }
  } catch (err) {
    // A step that cannot be carried out (no call capacity, a prospect with an unknown zone)
    // stops this enrollment visibly instead of failing the workflow.
    if (!(err instanceof ActivityFailure)) throw err;
    finish = { status: 'stopped', reason: `error: ${err.cause?.message ?? err.message}` };
  }
  return end(run, finish ?? { status: 'completed', reason: 'completed' });
}

async function start(run: Run): Promise<Finish | null> {
  const { s, input } = run;
  if (input.startAt) {
    const delay = Date.parse(input.startAt) - Date.now();
    if (delay > 0) await condition(() => Boolean(s.requests.exit), delay);
    if (s.requests.exit) return s.requests.exit;
  }
  s.stepId = run.def.steps[0]!.id;
  s.lastStepEndedAt = nowIso();
  remember(s, 'enrollment.started');
  const started = {
    at: nowIso(),
    event: { type: 'enrollment.started', dedupeKey: `enrollment.started:${input.enrollmentId}`, payload: { sequenceVersion: input.sequence.version } },
  };
  // Written with the first step's entry; histories recorded before wrote it on its own.
  if (since('one-step-entry')) run.pendingStart = started;
  else await writeStartApart(run, started);
  return null;
}

async function end(run: Run, finish: Finish): Promise<EnrollmentResult> {
  const { s, input } = run;
  s.requests.exit = finish;
  remember(s, `enrollment.${finish.status}`, finish.reason);
  await local.setEnrollmentStatus({
    ...ids(run),
    status: finish.status,
    reason: finish.reason,
    at: nowIso(),
    event: { type: `enrollment.${finish.status}`, dedupeKey: `enrollment.finished:${input.enrollmentId}` },
  });
  if (finish.reason === 'opted_out') {
    await acts.propagateExit({ ...ids(run), kind: 'opt_out' });
  } else if (finish.reason === 'replied' && run.def.stopAccountOnReply) {
    await acts.propagateExit({ ...ids(run), kind: 'account_reply', accountId: input.accountId });
  }
  s.phase = 'finished';
  s.task = null;
  for (const [token, pending] of s.pendingResults) s.results.set(token, { ...pending, status: finish.status, next: null });
  s.pendingResults.clear();
  await condition(allHandlersFinished);
  return { enrollmentId: input.enrollmentId, status: finish.status, reason: finish.reason, stepsRun: s.stepsRun, finishedAt: nowIso() };
}
