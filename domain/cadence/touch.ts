// Which steps are touches, and on which channel (domain/sequences/step-types.ts): kept apart from
// the timing code so workflow code can use it without bundling holiday data.
import type { Step } from '../sequences/definition.js';
import { STEP_TYPE_TABLE, type TouchChannel } from '../sequences/step-types.js';

export type { TouchChannel };

export const channelOf = (step: Step): TouchChannel => STEP_TYPE_TABLE[step.type].touchChannel;

/** Steps that count as a touch on the prospect (gap, weekly cap). A voicemail is part of its call. */
export const isTouch = (step: Step): boolean => STEP_TYPE_TABLE[step.type].touch;
