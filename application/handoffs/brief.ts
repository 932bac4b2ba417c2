// What the field rep reads before a booked meeting: when and where, the call's notes and
// recording, the prospect's context and pretext. The API shows it on the handoff; the
// follow-up tasks carry it as their prep.
import type { handoffs } from '../../db/schema.js';

export const meetingBrief = (h: typeof handoffs.$inferSelect) => ({
  meetingAt: h.meetingAt?.toISOString() ?? null,
  location: h.location,
  notes: h.notes,
  recordingUrl: h.recordingUrl,
  context: h.context,
  pretext: h.pretext,
});
