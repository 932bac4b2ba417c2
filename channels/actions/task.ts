// The default action provider is the rep task itself: a LinkedIn note, a call, a callback or a
// voicemail opens a task in the rep's queue (activities/tasks.ts openTask), the rep performs it
// and logs the outcome. Nothing reaches the outbox, so there is no touch row and no code to run
// here. Only when the workspace configured an active provider for the step's channel (POST
// /v1/action-providers) does openTask also write a touch, which the outbox dispatcher hands to
// that provider (channels/actions/http.ts); the task stays open until the result comes back.
import type { StepType } from '../../domain/sequences/vocabulary.js';
import type { OutboundAction } from '../types.js';

export type ActionChannel = OutboundAction['channel'];
export const ACTION_CHANNELS = ['linkedin', 'call', 'voicemail'] as const satisfies readonly ActionChannel[];

/**
 * The action channel of a human step, or null for steps no provider performs (generic tasks,
 * escalations). Unlike domain/cadence/touch.ts, a voicemail is its own channel here: drop
 * services and dialers are often different products.
 */
export function actionChannelOf(stepType: StepType): ActionChannel | null {
  switch (stepType) {
    case 'linkedin_note':
      return 'linkedin';
    case 'call':
    case 'callback':
      return 'call';
    case 'voicemail':
      return 'voicemail';
    default:
      return null;
  }
}

/** The inbound source a provider reports results to (POST /v1/inbound/{workspace}/{source}). */
export const resultSourceOf = (channel: ActionChannel): 'linkedin' | 'telephony' => (channel === 'linkedin' ? 'linkedin' : 'telephony');
