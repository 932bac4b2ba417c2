// What the rep may say about the meeting they booked, with the call outcome "meeting booked":
// who will hold it, when, where, and the call's recording. Checked without zod too, because the
// enrollment workflow's update validator checks outcomes (domain/cadence/outcome-check.ts).
export type BookedMeeting = { fieldRepId?: string; startsAt?: string; location?: string; recordingUrl?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const KEYS = new Set(['fieldRepId', 'startsAt', 'location', 'recordingUrl']);
const isText = (v: unknown, max: number) => typeof v === 'string' && v.length >= 1 && v.length <= max;

/** null when it fits; else the failing field (relative to the meeting) and why. */
export function checkBookedMeeting(m: unknown): { field: string; message: string } | null {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return { field: '', message: 'must be an object' };
  const o = m as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!KEYS.has(key)) return { field: key, message: 'unknown field' };
  if (o.fieldRepId !== undefined && (typeof o.fieldRepId !== 'string' || !UUID.test(o.fieldRepId))) return { field: 'fieldRepId', message: 'must be a user id' };
  if (o.startsAt !== undefined && (typeof o.startsAt !== 'string' || !ISO_WITH_OFFSET.test(o.startsAt) || Number.isNaN(Date.parse(o.startsAt)))) {
    return { field: 'startsAt', message: 'must be an ISO instant with an offset' };
  }
  if (o.location !== undefined && !isText(o.location, 500)) return { field: 'location', message: 'must be text of 1 to 500 characters' };
  if (o.recordingUrl !== undefined && (!isText(o.recordingUrl, 2000) || !/^https?:\/\//i.test(o.recordingUrl as string))) return { field: 'recordingUrl', message: 'must be an http(s) URL' };
  return null;
}
