// A rep's call capacity: announced calls are slots the rep can really keep (PLAYBOOK §1).
// Pure candidate search; the activity checks each candidate against reserved slots.
import { z } from 'zod';
import { isoWeekday, localDateOf, localTimeOf, parseInstant, scheduleTouch, toInstantString, type Place, type TimingRules } from '../timing/index.js';

const HHMM_FORMAT = /^([01]\d|2[0-3]):[0-5]\d$/;
const HHMM = z.string().regex(HHMM_FORMAT, 'expected "HH:mm"');
export const CallBlockSchema = z.strictObject({
  days: z.array(z.number().int().min(1).max(7)).min(1).optional(),
  start: HHMM,
  end: HHMM,
});
export type CallBlock = z.infer<typeof CallBlockSchema>;
/** A block as people set it: within one local day, so it ends after it starts (18:00-00:00 would never match). */
export const CallBlockInputSchema = CallBlockSchema.refine((b) => !HHMM_FORMAT.test(b.start) || !HHMM_FORMAT.test(b.end) || b.start < b.end, { path: ['end'], message: 'end must be after start (call blocks cannot span midnight)' });

export type RepCapacity = { callsPerHour: number; callBlocks: readonly CallBlock[]; timeZone: string };

export function slotMinutes(cap: RepCapacity): number {
  return Math.max(1, Math.floor(60 / Math.max(1, cap.callsPerHour)));
}

/** Inside one of the rep's call blocks (in the rep's own zone); no blocks means any time. */
export function insideCallBlocks(instant: string, cap: RepCapacity): boolean {
  if (cap.callBlocks.length === 0) return true;
  const t = parseInstant(instant, 'instant');
  const day = localDateOf(t, cap.timeZone);
  const time = localTimeOf(t, cap.timeZone);
  const weekday = isoWeekday(day);
  return cap.callBlocks.some((b) => (!b.days || b.days.includes(weekday)) && b.start <= time && time < b.end);
}

/** Instants from `desired` on, `stepMinutes` apart, inside the prospect's call window on a business day. */
export function* callTimes(desired: string, stepMinutes: number, place: Place, rules: TimingRules, limit = 2000) {
  let t = scheduleTouch({ earliest: desired, channel: 'call', place, rules });
  for (let i = 0; i < limit; i++) {
    yield t;
    const next = toInstantString(parseInstant(t, 'candidate').plus({ minutes: stepMinutes }));
    t = scheduleTouch({ earliest: next, channel: 'call', place, rules });
  }
}
