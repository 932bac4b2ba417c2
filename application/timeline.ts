// The append-only timeline. Activities may be retried, so every event has a dedupe key
// and a second write of the same event is a no-op.
import { events } from '../db/schema.js';
import type { Database } from '../db/client.js';

export type TimelineEvent = {
  workspaceId: string;
  prospectId?: string | null;
  enrollmentId?: string | null;
  type: string;
  payload?: Record<string, unknown>;
  dedupeKey: string;
  occurredAt?: Date;
};

/** Returns true when the event was written now, false when it was already there. */
export async function appendEvent(db: Database, e: TimelineEvent): Promise<boolean> {
  const rows = await db
    .insert(events)
    .values({
      workspaceId: e.workspaceId,
      prospectId: e.prospectId ?? null,
      enrollmentId: e.enrollmentId ?? null,
      type: e.type,
      payload: e.payload ?? {},
      dedupeKey: e.dedupeKey,
      ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}),
    })
    .onConflictDoNothing({ target: [events.workspaceId, events.dedupeKey] })
    .returning({ id: events.id });
  return rows.length > 0;
}
