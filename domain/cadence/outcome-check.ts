// The same rules as TaskOutcomeSchema, without zod, for the workflow's update validator: the API
// validates with the schema first; this is the workflow's own guard against any other caller.
import { BLOCKER_KINDS, OUTCOMES } from '../sequences/vocabulary.js';
import type { TaskOutcome } from './outcome.js';
import { checkBookedMeeting } from '../handoffs/meeting.js';

export type OutcomeCheck = { ok: true; value: TaskOutcome } | { ok: false; field: string; message: string };

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const KEYS = new Set(['outcome', 'note', 'objections', 'callbackAt', 'assistantName', 'blockerKind', 'meeting']);
const isText = (v: unknown, max: number) => typeof v === 'string' && v.length >= 1 && v.length <= max;

export function checkTaskOutcome(input: Record<string, unknown>): OutcomeCheck {
  const fail = (field: string, message: string): OutcomeCheck => ({ ok: false, field, message });
  for (const key of Object.keys(input)) if (!KEYS.has(key)) return fail(key, 'unknown field');
  const { outcome, note, objections, callbackAt, assistantName, blockerKind, meeting } = input;
  if (!(OUTCOMES as readonly unknown[]).includes(outcome)) return fail('outcome', `must be one of ${OUTCOMES.join(', ')}`);
  if (note !== undefined && (typeof note !== 'string' || note.length > 5000)) return fail('note', 'must be text of at most 5000 characters');
  if (objections !== undefined && (!Array.isArray(objections) || objections.length > 20 || !objections.every((o) => isText(o, 500)))) {
    return fail('objections', 'must be at most 20 texts of 1 to 500 characters');
  }
  if (callbackAt !== undefined && (typeof callbackAt !== 'string' || !ISO_WITH_OFFSET.test(callbackAt) || Number.isNaN(Date.parse(callbackAt)))) {
    return fail('callbackAt', 'must be an ISO instant with an offset');
  }
  if (assistantName !== undefined && !isText(assistantName, 200)) return fail('assistantName', 'must be text of 1 to 200 characters');
  if (blockerKind !== undefined && !(BLOCKER_KINDS as readonly unknown[]).includes(blockerKind)) return fail('blockerKind', `must be one of ${BLOCKER_KINDS.join(', ')}`);
  if (outcome === 'blocker' && blockerKind === undefined) return fail('blockerKind', 'a blocker outcome needs its kind');
  if (outcome !== 'blocker' && blockerKind !== undefined) return fail('blockerKind', 'only a blocker outcome has a blocker kind');
  if (meeting !== undefined) {
    if (outcome !== 'meeting_booked') return fail('meeting', 'only a meeting_booked outcome has a meeting');
    const bad = checkBookedMeeting(meeting);
    if (bad) return fail(bad.field ? `meeting.${bad.field}` : 'meeting', bad.message);
  }
  return { ok: true, value: input as TaskOutcome };
}
