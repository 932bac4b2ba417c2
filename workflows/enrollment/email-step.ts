// An email step on the paced outbox: staged a little ahead (paced on the rep's mailbox, the
// announced call reserved from the time it will really leave), then watched until it ends. A
// retried or held touch is watched with a growing interval; one whose announcement went stale
// (it waited too long) comes back cancelled and is staged again with a fresh slot.
import { condition, sleep } from '@temporalio/workflow';
import { since } from './legacy/patches.js';
import { ANNOUNCE_FRESH_MS, isRestage } from '../../domain/outbox/restage.js';
import type { Step } from '../../domain/sequences/definition.js';
import { nextAfterStep, stepById } from '../../domain/sequences/transitions.js';
import type { TouchState } from '../../activities/touches.js';
import { acts, local } from './activities.js';
import { holdWhilePaused } from './waiting.js';
import { ids, type Run } from './run.js';
import type { StepEnd } from './steps.js';
import { nowIso, remember } from './state.js';

/** The workflow sends itself only if the dispatcher has not within this delay. */
export const DISPATCH_GRACE_MS = 2_000;
const FIRST_POLL_MS = 60_000;
const MAX_POLL_MS = 6 * 3_600_000;
/** Stagings of one step visit at most (each one after an expired announcement or a new mailbox). */
const MAX_STAGINGS = 5;
const FINAL = new Set(['sent', 'uncertain', 'failed', 'suppressed', 'cancelled']);

export type EmailEnd = StepEnd | 'replan' | 'skip';

export async function runPacedEmail(run: Run, step: Step, stepKey: string): Promise<EmailEnd> {
  const { s } = run;
  const r = s.requests;
  const slotKey = step.announce ? `${step.announce.callStep}#${(s.visits[step.announce.callStep] ?? 0) + 1}` : null;
  const releaseSlot = async () => {
    if (slotKey) await acts.releaseCallSlots({ enrollmentId: run.input.enrollmentId, stepKey: slotKey });
  };
  let state: TouchState | 'interrupted' = 'interrupted';
  for (let staging = 1; staging <= MAX_STAGINGS; staging++) {
    const desiredAt = new Date(Math.max(Date.parse(s.dueAt ?? nowIso()), Date.now())).toISOString();
    const staged = await acts.stagePacedEmail({ ...ids(run), stepKey, step, desiredAt, timing: run.def.timing ?? null, announce: announceOf(run, step, slotKey), ...(s.rulesOverridden ? { ignoreTimingRules: true } : {}) });
    state = await watch(run, staged.touchId, { status: staged.status, sentAt: null, detail: staged.detail, scheduledAt: staged.sendAt, announcedCallAt: staged.announcedCallAt });
    if (state === 'interrupted' || state.status !== 'cancelled' || !isRestage(state.detail)) break;
    await releaseSlot();
    remember(s, 'email.restaged', state.detail ?? undefined);
  }
  if (state === 'interrupted') {
    await releaseSlot();
    if (r.exit) return { kind: 'exit' };
    if (r.skip) return 'skip';
    if ((await holdWhilePaused(run)) === 'exit') return { kind: 'exit' };
    return 'replan';
  }
  const end = await recordEmailEnd(run, state, state.announcedCallAt, releaseSlot);
  if (end === 'opted-out' || (end === 'not-sent' && r.exit)) return { kind: 'exit' };
  return { kind: 'transition', t: nextAfterStep(run.def, step.id) };
}

/**
 * Records how an email step's touch ended: sent or uncertain, it counts as a touch (an uncertain
 * send may have reached the prospect) and its announcement stands; otherwise its call slot is
 * given back, and a refusal because the prospect opted out ends the cadence.
 */
export async function recordEmailEnd(
  run: Run,
  state: { status: string; sentAt: string | null; detail: string | null },
  announcedCallAt: string | null,
  releaseSlot: () => Promise<void>,
): Promise<'touched' | 'not-sent' | 'opted-out'> {
  const { s } = run;
  if (state.status === 'sent' || state.status === 'uncertain') {
    s.touches.push(state.sentAt ?? nowIso());
    s.announcedCallAt = announcedCallAt ?? s.announcedCallAt;
    remember(s, state.status === 'sent' ? 'email.sent' : 'email.uncertain', announcedCallAt ? `announces a call at ${announcedCallAt}` : (state.detail ?? undefined));
    return 'touched';
  }
  await releaseSlot();
  remember(s, `touch.${state.status}`, state.detail ?? undefined);
  if (state.detail !== 'prospect opted out') return 'not-sent';
  s.requests.exit = { status: 'stopped', reason: 'opted_out' };
  return 'opted-out';
}

/** The slot to reserve at staging; the call step too (its task shows as upcoming) for histories recorded since. */
function announceOf(run: Run, step: Step, slotKey: string | null) {
  if (!step.announce || !slotKey) return null;
  const withTask = since('announced-call-task-upcoming');
  return { slotKey, at: step.announce.at, ...(withTask ? { callStep: stepById(run.def, step.announce.callStep) } : {}) };
}

/**
 * Waits for the touch to end: until its send time (or its retry time) and a short grace, then
 * asks the outbox (sending it if no dispatcher did); a held touch is asked again 1 min, 2, 4...
 * up to 6 h later. A stop, skip or pause takes it back, unless it is already leaving.
 */
async function watch(run: Run, touchId: string, initial: TouchState): Promise<TouchState | 'interrupted'> {
  const r = run.s.requests;
  let state = initial;
  let poll = FIRST_POLL_MS;
  while (!FINAL.has(state.status)) {
    let waitMs: number;
    if (state.status === 'scheduled' && state.scheduledAt) {
      waitMs = Math.max(DISPATCH_GRACE_MS, Date.parse(state.scheduledAt) + DISPATCH_GRACE_MS - Date.now());
    } else {
      // A held email still fit to leave is watched again before its announcement goes stale:
      // if it left meanwhile, the call task must open before the call.
      const staleIn = state.announcedCallAt ? Date.parse(state.announcedCallAt) - ANNOUNCE_FRESH_MS - Date.now() : 0;
      waitMs = staleIn > 0 ? Math.min(poll, staleIn) : poll;
      poll = Math.min(poll * 2, MAX_POLL_MS);
    }
    // A touch already leaving cannot be taken back: its end is awaited whatever comes.
    if (state.status === 'sending') await sleep(waitMs);
    else if (await condition(() => Boolean(r.exit || r.skip || r.pause), waitMs)) {
      const taken = await acts.cancelStagedTouch({ touchId });
      if (taken.status === 'cancelled') return 'interrupted';
      state = taken;
      continue;
    }
    state = await local.dispatchTouch({ touchId, at: nowIso() });
  }
  return state;
}
