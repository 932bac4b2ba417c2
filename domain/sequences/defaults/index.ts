// The two built-in cadences are data (JSON, like any user-authored sequence) and go through the
// same parser, so a default can never drift from what the API would accept.
import type { SequenceDefinition } from '../definition.js';
import { parseSequenceDefinition } from '../parse.js';
import announcedCall from './announced-call.json' with { type: 'json' };
import expectedCallback from './expected-callback.json' with { type: 'json' };

/** PLAYBOOK §1: LinkedIn note, 08:00 announcing email, call at 09:15 sharp, voicemail, callback. */
export const ANNOUNCED_CALL_SEQUENCE: SequenceDefinition = parseSequenceDefinition(announcedCall);
/** PLAYBOOK §6: inbound signal, call within 5 minutes, voicemail, follow-up email, callback. */
export const EXPECTED_CALLBACK_SEQUENCE: SequenceDefinition = parseSequenceDefinition(expectedCallback);

export const DEFAULT_SEQUENCES: readonly SequenceDefinition[] = [ANNOUNCED_CALL_SEQUENCE, EXPECTED_CALLBACK_SEQUENCE];
