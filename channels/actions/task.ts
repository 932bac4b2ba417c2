// The default action provider is the rep task itself: a LinkedIn note, a call, a callback or a
// voicemail opens a task in the rep's queue (application/tasks.ts), the rep performs it
// and logs the outcome. Nothing reaches the outbox, so there is no touch row and no code to run
// here. Only when the workspace configured an active provider for the step's channel (POST
// /v1/action-providers) does openTask also write a touch, which the outbox dispatcher hands to
// that provider (channels/actions/http.ts); the task stays open until the result comes back.
import { STEP_TYPE_TABLE, type ActionChannel } from '../../domain/sequences/step-types.js';
import type { StepType } from '../../domain/sequences/vocabulary.js';

export { ACTION_CHANNELS, type ActionChannel } from '../../domain/sequences/step-types.js';

/**
 * The action channel of a human step, or null for steps no provider performs (generic tasks,
 * escalations). A voicemail is its own channel here, and a call for timing: see the table.
 */
export const actionChannelOf = (stepType: StepType): ActionChannel | null => STEP_TYPE_TABLE[stepType].actionChannel;

/** The inbound source a provider reports results to (POST /v1/inbound/{workspace}/{source}). */
export const resultSourceOf = (channel: ActionChannel): 'linkedin' | 'telephony' => (channel === 'linkedin' ? 'linkedin' : 'telephony');
