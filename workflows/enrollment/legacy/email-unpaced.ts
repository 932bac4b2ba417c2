// Legacy replay path of email steps (./patches.ts: 'paced-outbox'): before the paced outbox, the
// announced slot was reserved first, then the email staged unpaced at its due time.
import { condition } from '@temporalio/workflow';
import type { Step } from '../../../domain/sequences/definition.js';
import { nextAfterStep } from '../../../domain/sequences/transitions.js';
import { acts, local } from '../activities.js';
import { DISPATCH_GRACE_MS, recordEmailEnd, type EmailEnd } from '../email-step.js';
import { ids, type Run } from '../run.js';
import { nowIso } from '../state.js';
import { holdWhilePaused } from '../waiting.js';

/**
 * Before the paced outbox: emails are staged a little ahead of their due time (slot reserved,
 * rendered, queued in the outbox) so the dispatcher can send a whole 08:00 burst at 08:00; the
 * workflow then confirms, or sends itself if no dispatcher did. 'replan' after a pause took the
 * staged email back. Kept unchanged for workflows recorded before the patch.
 */
export async function runEmailUnpaced(run: Run, step: Step, stepKey: string): Promise<EmailEnd> {
  const { s } = run;
  const r = s.requests;
  const sendAt = new Date(Math.max(Date.parse(s.dueAt ?? nowIso()), Date.now())).toISOString();
  let announcedCallAt: string | null = null;
  const slotKey = step.announce ? `${step.announce.callStep}#${(s.visits[step.announce.callStep] ?? 0) + 1}` : null;
  if (step.announce) {
    // The slot is reserved before the email is queued: the promise is one the rep can keep.
    const reserved = await acts.reserveAnnouncedCall({ ...ids(run), definition: run.def, stepKey: slotKey!, sendAt, at: step.announce.at });
    announcedCallAt = reserved.callAt;
  }
  const releaseSlot = async () => {
    if (slotKey) await acts.releaseCallSlots({ enrollmentId: run.input.enrollmentId, stepKey: slotKey });
  };
  const staged = await acts.stageEmail({ ...ids(run), stepKey, step, sendAt, announcedCallAt });
  let state: { status: string; sentAt: string | null; detail: string | null } = { status: staged.status, sentAt: null, detail: staged.detail };
  if (staged.status === 'scheduled') {
    const interrupted = await condition(() => Boolean(r.exit || r.skip || r.pause), Math.max(0, Date.parse(sendAt) + DISPATCH_GRACE_MS - Date.now()));
    if (interrupted) {
      state = await acts.cancelStagedTouch({ touchId: staged.touchId });
      if (state.status === 'cancelled') {
        await releaseSlot();
        if (r.exit) return { kind: 'exit' };
        if (r.skip) return 'skip';
        if ((await holdWhilePaused(run)) === 'exit') return { kind: 'exit' };
        return 'replan';
      }
    }
    if (state.status === 'scheduled' || state.status === 'sending') state = await local.dispatchTouch({ touchId: staged.touchId, at: nowIso() });
  }
  if ((await recordEmailEnd(run, state, announcedCallAt, releaseSlot)) === 'opted-out') return { kind: 'exit' };
  return { kind: 'transition', t: nextAfterStep(run.def, step.id) };
}
