// The email outbox: a touch is staged (rendered, recorded as `scheduled`) ahead of its due time,
// then claimed by exactly one sender, either the dispatcher (many at once, right at the due
// time) or the touch's own workflow (a fallback a moment later). A claim is an atomic status
// change, so a touch can never leave twice.
import { and, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import type { ChannelRegistry } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { enrollments, events, prospects, touches, users } from '../db/schema.js';

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
 * Sends claimed touches. Each prospect is checked again right before its email leaves: an
 * opt-out or a bounce that arrived after staging suppresses it. Batched (one look-up, one update
 * per outcome, one event insert) so an 08:00 burst costs a few queries per hundred emails.
 */
export async function deliverClaimed(db: Database, channels: ChannelRegistry, claimed: TouchRow | TouchRow[], sentAt?: Date, concurrency = 32): Promise<DeliveryStatus[]> {
  const batch = Array.isArray(claimed) ? claimed : [claimed];
  if (batch.length === 0) return [];
  const people = await db
    .select({ enrollmentId: enrollments.id, status: prospects.status, firstName: prospects.firstName, lastName: prospects.lastName, repId: users.id, repName: users.name, repEmail: users.email })
    .from(enrollments)
    .innerJoin(prospects, eq(prospects.id, enrollments.prospectId))
    .innerJoin(users, eq(users.id, enrollments.repId))
    .where(inArray(enrollments.id, batch.map((t) => t.enrollmentId)));
  const byEnrollment = new Map(people.map((p) => [p.enrollmentId, p]));
  const results: Array<{ t: TouchRow; status: DeliveryStatus; detail: string | null; provider: string }> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
      while (next < batch.length) {
        const t = batch[next++]!;
        results.push({ t, ...(await deliverOne(channels, t, byEnrollment.get(t.enrollmentId))) });
      }
    }),
  );
  await db.transaction(async (tx) => {
    for (const status of new Set(results.map((r) => r.status))) {
      const group = results.filter((r) => r.status === status);
      // Details differ per touch only when something went wrong; those groups are small.
      const byDetail = new Map<string, typeof group>();
      for (const r of group) {
        const key = `${r.provider}|${r.detail ?? ''}`;
        const rows = byDetail.get(key);
        if (rows) rows.push(r);
        else byDetail.set(key, [r]);
      }
      for (const rows of byDetail.values()) {
        await tx
          .update(touches)
          .set({ status, provider: rows[0]!.provider, detail: rows[0]!.detail, sentAt: status === 'sent' ? (sentAt ?? sql`clock_timestamp()`) : null })
          .where(inArray(touches.id, rows.map((r) => r.t.id)));
      }
    }
    await tx
      .insert(events)
      .values(
        results.map(({ t, status, detail }) => ({
          workspaceId: t.workspaceId,
          prospectId: t.prospectId,
          enrollmentId: t.enrollmentId,
          type: status === 'sent' ? 'email.sent' : `touch.${status}`,
          payload: { touchId: t.id, stepKey: t.stepKey, announcedCallAt: t.announcedCallAt?.toISOString() ?? null, reason: detail },
          dedupeKey: `touch:${t.id}`,
        })),
      )
      .onConflictDoNothing({ target: [events.workspaceId, events.dedupeKey] });
  });
  const statusById = new Map(results.map((r) => [r.t.id, r.status]));
  return batch.map((t) => statusById.get(t.id)!);
}

type Person = { status: string; firstName: string | null; lastName: string | null; repId: string; repName: string; repEmail: string };

async function deliverOne(channels: ChannelRegistry, t: TouchRow, who: Person | undefined): Promise<{ status: DeliveryStatus; detail: string | null; provider: string }> {
  const sender = channels.emailFor(null);
  const provider = sender?.id ?? 'none';
  const suppressedBecause =
    !who ? 'prospect or rep no longer exists'
    : who.status === 'opted_out' ? 'prospect opted out'
    : who.status === 'invalid_email' ? 'email address marked invalid'
    : null;
  if (suppressedBecause || !who) return { status: 'suppressed', detail: suppressedBecause, provider };
  if (!sender) return { status: 'held', detail: 'no mailbox to send from', provider };
  try {
    const result = await sender.send({
      workspaceId: t.workspaceId,
      touchId: t.id,
      enrollmentId: t.enrollmentId,
      prospectId: t.prospectId,
      messageId: t.messageId ?? `<${t.id}@relance.invalid>`,
      inReplyTo: t.inReplyTo,
      references: t.inReplyTo ? [t.inReplyTo] : [],
      threadId: t.threadId,
      to: { name: [who.firstName, who.lastName].filter(Boolean).join(' '), address: t.toAddress! },
      from: { name: who.repName, address: who.repEmail },
      subject: t.subject ?? '',
      text: t.body ?? '',
      unsubscribeUrl: `${channels.publicUrl}/v1/unsubscribe/pending`,
      date: t.scheduledAt ?? new Date(),
    });
    return result.status === 'sent'
      ? { status: 'sent', detail: null, provider }
      : { status: result.status === 'retry' || result.status === 'disconnected' ? 'failed' : result.status, detail: result.detail, provider };
  } catch (err) {
    // Whether the provider accepted it is unknown: never resend blindly.
    return { status: 'uncertain', detail: err instanceof Error ? err.message : String(err), provider };
  }
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

