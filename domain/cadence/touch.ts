// Which steps are touches, and on which channel: kept apart from the timing code so workflow
// code can use it without bundling holiday data.
import type { Step } from '../sequences/definition.js';

export type TouchChannel = 'email' | 'linkedin' | 'call' | 'task';

export function channelOf(step: Step): TouchChannel {
  switch (step.type) {
    case 'email':
      return 'email';
    case 'linkedin_note':
      return 'linkedin';
    case 'call':
    case 'callback':
    case 'voicemail':
      return 'call';
    default:
      return 'task';
  }
}

/** Steps that count as a touch on the prospect (gap, weekly cap). A voicemail is part of its call. */
export function isTouch(step: Step): boolean {
  return ['email', 'linkedin_note', 'call', 'callback'].includes(step.type);
}
