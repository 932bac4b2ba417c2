// Puts one announced-call hold on the rep's Google Calendar (calendar_holds row → event): the
// event id is deterministic, so an insert whose answer was lost meets its own event (409) and
// is patched; a deleted event comes back; the prospect is never invited.
import type { calendar_v3 } from 'googleapis/build/src/apis/calendar/index.js';
import type { calendarHolds } from '../../db/schema.js';
import { unlessRefused } from '../expected-refusal.js';
import { googleFailure } from './errors.js';

const allow = (statuses: number[], call: () => Promise<unknown>) => unlessRefused(googleFailure, statuses, call);

type Hold = typeof calendarHolds.$inferSelect;

/** Makes Google's event match the hold; returns whether the event now exists. */
export async function applyGoogleHold(cal: calendar_v3.Calendar, h: Hold): Promise<boolean> {
  const ids = { calendarId: 'primary', eventId: h.googleEventId, sendUpdates: 'none' };
  if (h.desired === 'absent') {
    // Never sent to Google (first claim, nothing synced): nothing to delete.
    if (!h.existsRemotely && h.syncedVersion === 0 && h.attempts === 1) return false;
    await allow([404, 410], () => cal.events.delete(ids));
    return false;
  }
  const event: calendar_v3.Schema$Event = {
    summary: h.summary,
    description: h.description,
    start: { dateTime: h.startsAt.toISOString() },
    end: { dateTime: h.endsAt.toISOString() },
    // Also brings back an event deleted by hand or by an earlier release.
    status: 'confirmed',
    transparency: 'opaque',
    extendedProperties: { private: { relanceEnrollmentId: h.enrollmentId, relanceStepKey: h.stepKey } },
  };
  if (h.existsRemotely && (await allow([404], () => cal.events.patch({ ...ids, requestBody: event })))) return true;
  // Inserted with its deterministic id; a 409 means an earlier attempt already made it.
  if (!(await allow([409], () => cal.events.insert({ calendarId: 'primary', sendUpdates: 'none', requestBody: { id: h.googleEventId, ...event } })))) {
    await cal.events.patch({ ...ids, requestBody: event });
  }
  return true;
}
