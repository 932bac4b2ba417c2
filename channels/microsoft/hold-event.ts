// Puts one announced-call hold on the rep's Outlook calendar (calendar_holds row → event) through
// Graph: POST /me/events, then PATCH or DELETE /me/events/{id}. Graph chooses event ids, so the
// create carries a transactionId (the hold's deterministic key) that makes a retried create
// return the event the first one made, and the id is kept on the row. An event the rep deleted
// by hand comes back; the prospect is never invited (no attendees).
import type { Client } from '@microsoft/microsoft-graph-client';
import type { calendarHolds } from '../../db/schema.js';
import { unlessRefused } from '../expected-refusal.js';
import { microsoftFailure } from './errors.js';

const allow = (statuses: number[], call: () => Promise<unknown>) => unlessRefused(microsoftFailure, statuses, call);

type Hold = typeof calendarHolds.$inferSelect;
type Created = { id: string; subject?: string; start?: { dateTime?: string } };

/** Graph's dateTimeTimeZone: a wall-clock time and its zone (UTC here; Outlook shows it in the rep's zone). */
const at = (d: Date) => ({ dateTime: d.toISOString().slice(0, 19), timeZone: 'UTC' });

function eventOf(h: Hold) {
  return {
    subject: h.summary,
    body: { contentType: 'text', content: h.description },
    start: at(h.startsAt),
    end: at(h.endsAt),
    showAs: 'busy',
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    categories: ['Relance'],
  };
}

/** Makes Outlook's event match the hold: whether it now exists, and its id. */
export async function applyOutlookHold(graph: Client, h: Hold): Promise<{ existsRemotely: boolean; remoteEventId: string | null }> {
  if (h.desired === 'absent') {
    let id = h.remoteEventId;
    // Never sent to Outlook (first claim, nothing synced): nothing to delete.
    if (!id && !h.existsRemotely && h.syncedVersion === 0 && h.attempts === 1) return { existsRemotely: false, remoteEventId: null };
    // A create whose answer was lost may have made it: the same transactionId finds it.
    id ??= (await create(graph, h, h.googleEventId)).id;
    await allow([404], () => graph.api(`/me/events/${encodeURIComponent(id)}`).delete());
    return { existsRemotely: false, remoteEventId: id };
  }
  const event = eventOf(h);
  if (h.remoteEventId && (await allow([404], () => graph.api(`/me/events/${encodeURIComponent(h.remoteEventId!)}`).patch(event)))) {
    return { existsRemotely: true, remoteEventId: h.remoteEventId };
  }
  // First create: the hold's key; after the rep deleted the event, a new key per version, so Graph
  // never hands back the deleted one.
  const created = await create(graph, h, h.remoteEventId ? `${h.googleEventId}.${h.version}` : h.googleEventId);
  // A retried create returns the event as it was first made: bring it to the current state.
  if (created.subject !== event.subject || created.start?.dateTime?.slice(0, 19) !== event.start.dateTime) {
    await graph.api(`/me/events/${encodeURIComponent(created.id)}`).patch(event);
  }
  return { existsRemotely: true, remoteEventId: created.id };
}

async function create(graph: Client, h: Hold, transactionId: string): Promise<Created> {
  return (await graph.api('/me/events').post({ ...eventOf(h), transactionId })) as Created;
}
