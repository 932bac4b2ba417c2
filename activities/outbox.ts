// The email outbox: a touch is staged (rendered, recorded as `scheduled`) ahead of its due time,
// then claimed by exactly one sender, either the dispatcher (many at once, right at the due
// time) or the touch's own workflow (a fallback a moment later). A claim is an atomic status
// change, so a touch can never leave twice.
import { and, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { prospects, touches, users } from '../db/schema.js';
import { appendEvent } from './timeline.js';

export type TouchRow = typeof touches.$inferSelect;
export type DeliveryStatus = TouchRow['status'];

/** Claims due touches for this sender (status scheduled -> sending), oldest first. */
export async function claimDueTouches(db: Database, limit: number): Promise<TouchRow[]> {
  const due = db
    .select({ id: touches.id })
    .from(touches)
    .where(and(eq(touches.status, 'scheduled'), lte(touches.scheduledAt, sql`now()`)))
    .orderBy(touches.scheduledAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db.update(touches).set({ status: 'sending' }).where(inArray(touches.id, due)).returning();
}

/** Claims one touch if it is still waiting; null when another sender has it or it is done. */
export async function claimTouch(db: Database, touchId: string): Promise<TouchRow | null> {
  const [row] = await db
    .update(touches)
    .set({ status: 'sending' })
    .where(and(eq(touches.id, touchId), eq(touches.status, 'scheduled')))
    .returning();
  return row ?? null;
}

/**
 * Sends a claimed touch. The prospect is checked again right before it leaves: an opt-out or a
 * bounce that arrived after staging suppresses it.
 */
export async function deliverClaimed(db: Database, channels: ChannelRegistry, t: TouchRow, sentAt?: Date): Promise<DeliveryStatus> {
  const [who] = await db
    .select({ status: prospects.status, firstName: prospects.firstName, lastName: prospects.lastName, repName: users.name, repEmail: users.email, repId: users.id })
    .from(prospects)
    .innerJoin(users, eq(users.workspaceId, prospects.workspaceId))
    .where(and(eq(prospects.id, t.prospectId), eq(users.id, sql`(select rep_id from enrollments where id = ${t.enrollmentId})`)));
  const suppressedBecause =
    !who ? 'prospect or rep no longer exists'
    : who.status === 'opted_out' ? 'prospect opted out'
    : who.status === 'invalid_email' ? 'email address marked invalid'
    : null;
  let status: DeliveryStatus = 'suppressed';
  let detail = suppressedBecause;
  let provider = channels.email.id;
  if (!suppressedBecause && who) {
    try {
      const result = await channels.email.send({
        workspaceId: t.workspaceId,
        enrollmentId: t.enrollmentId,
        prospectId: t.prospectId,
        stepKey: t.stepKey,
        channel: 'email',
        to: { name: [who.firstName, who.lastName].filter(Boolean).join(' '), email: t.toAddress! },
        from: { repId: who.repId, name: who.repName, email: who.repEmail },
        subject: t.subject ?? '',
        body: t.body ?? '',
        announcedCallAt: t.announcedCallAt?.toISOString() ?? null,
      });
      provider = result.provider;
      status = result.status === 'sent' ? 'sent' : 'failed';
      detail = result.status === 'failed' ? result.detail : null;
    } catch (err) {
      // Whether the provider accepted it is unknown: never resend blindly.
      status = 'uncertain';
      detail = err instanceof Error ? err.message : String(err);
    }
  }
  await db.transaction(async (tx) => {
    await tx
      .update(touches)
      .set({ status, provider, detail, sentAt: status === 'sent' ? (sentAt ?? sql`clock_timestamp()`) : null })
      .where(eq(touches.id, t.id));
    await appendEvent(tx as unknown as Database, {
      workspaceId: t.workspaceId,
      prospectId: t.prospectId,
      enrollmentId: t.enrollmentId,
      type: status === 'sent' ? 'email.sent' : `touch.${status}`,
      payload: { touchId: t.id, stepKey: t.stepKey, announcedCallAt: t.announcedCallAt?.toISOString() ?? null, reason: detail },
      dedupeKey: `touch:${t.id}`,
    });
  });
  return status;
}

/** A sender that died between claim and result leaves `sending` rows; they become uncertain. */
export async function markStaleSendsUncertain(db: Database, olderThanMs: number): Promise<number> {
  const rows = await db
    .update(touches)
    .set({ status: 'uncertain', detail: 'the sender stopped while sending; not resent' })
    .where(and(eq(touches.status, 'sending'), lt(touches.scheduledAt, sql`now() - ${`${olderThanMs} milliseconds`}::interval`)))
    .returning({ id: touches.id });
  return rows.length;
}

export async function touchStatus(db: Database, touchId: string): Promise<TouchRow | undefined> {
  const [row] = await db.select().from(touches).where(eq(touches.id, touchId));
  return row;
}

