// A hard bounce or a spam complaint about one of a mailbox's emails is counted on its touch; past
// a limit (domain/mail/bounce-rate.ts) the mailbox pauses by itself: its waiting emails are held (they
// stay visible and leave paced when ops resume it, PATCH status "connected"), the rep gets a task
// and the timeline (so webhooks) a `mailbox.paused` event. Replies are still read meanwhile.
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client.js';
import { mailboxes, touches, workspaces } from '../db/schema.js';
import { deliverabilityPolicy, deliveryLimitReached, pauseReason, type DeliverabilityPolicy, type DeliveryCount } from '../domain/mail/bounce-rate.js';
import { mailboxTask, openSystemTask, type SystemTask } from './system-tasks.js';
import { appendEvent } from './timeline.js';

export type DeliveryProblem = 'hard_bounce' | 'complaint';

/** Records the touch's hard bounce or complaint (once) and pauses its mailbox when a limit is reached; whether it paused now. */
export async function recordDeliveryProblem(db: Database, i: { workspaceId: string; touchId: string; problem: DeliveryProblem }): Promise<boolean> {
  const column = i.problem === 'hard_bounce' ? touches.bouncedAt : touches.complainedAt;
  return db.transaction(async (tx) => {
    const [touch] = await tx
      .update(touches)
      .set(i.problem === 'hard_bounce' ? { bouncedAt: sql`now()` } : { complainedAt: sql`now()` })
      .where(and(eq(touches.id, i.touchId), eq(touches.workspaceId, i.workspaceId), sql`${column} is null`))
      .returning({ mailboxId: touches.mailboxId });
    if (!touch?.mailboxId) return false;
    // Serializes the counts of one mailbox's bounces arriving together.
    const [mailbox] = await tx.select().from(mailboxes).where(and(eq(mailboxes.id, touch.mailboxId), eq(mailboxes.workspaceId, i.workspaceId))).for('update');
    if (!mailbox || mailbox.status !== 'connected') return false;
    const [ws] = await tx.select({ policy: workspaces.deliverabilityPolicy }).from(workspaces).where(eq(workspaces.id, i.workspaceId));
    const policy = deliverabilityPolicy(ws?.policy);
    const count = await recentProblems(tx, mailbox.id, mailbox.statusChangedAt, policy.window);
    if (!deliveryLimitReached(count, policy)) return false;
    await pauseMailbox(tx, mailbox, count, policy);
    return true;
  });
}

/** The mailbox's latest sends since it was last connected or resumed, how many bounced hard, how many were complained about. */
async function recentProblems(tx: DbOrTx, mailboxId: string, since: Date | null, window: number): Promise<DeliveryCount> {
  const latest = tx
    .select({ bouncedAt: touches.bouncedAt, complainedAt: touches.complainedAt })
    .from(touches)
    // Latest first along the (mailbox, scheduled time) index: an email leaves at or after its scheduled time.
    .where(and(eq(touches.mailboxId, mailboxId), eq(touches.status, 'sent'), since ? gte(touches.sentAt, since) : undefined))
    .orderBy(desc(touches.scheduledAt))
    .limit(window)
    .as('latest');
  const [row] = await tx
    .select({ sent: sql<number>`count(*)::int`, hardBounces: sql<number>`count(${latest.bouncedAt})::int`, complaints: sql<number>`count(${latest.complainedAt})::int` })
    .from(latest);
  return row ?? { sent: 0, hardBounces: 0, complaints: 0 };
}

async function pauseMailbox(tx: DbOrTx, m: typeof mailboxes.$inferSelect, count: DeliveryCount, policy: DeliverabilityPolicy): Promise<void> {
  const reason = pauseReason(count, policy);
  const [paused] = await tx
    .update(mailboxes)
    .set({ status: 'paused', statusDetail: reason, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(mailboxes.id, m.id))
    .returning();
  await tx.update(touches).set({ status: 'held', detail: reason }).where(and(eq(touches.mailboxId, m.id), eq(touches.status, 'scheduled')));
  const at = paused!.statusChangedAt!;
  await openSystemTask(tx, mailboxPausedTask({ ...m, statusChangedAt: at }, reason));
  await appendEvent(tx, {
    workspaceId: m.workspaceId,
    type: 'mailbox.paused',
    payload: { mailboxId: m.id, address: m.address, userId: m.userId, reason, ...count },
    dedupeKey: `mailbox.paused:${m.id}:${at.getTime()}`,
  });
}

/** The rep's task (closed when ops resume the mailbox, as a reconnection closes its "reconnect" task). */
function mailboxPausedTask(m: { id: string; workspaceId: string; userId: string; address: string; statusChangedAt: Date }, reason: string): SystemTask {
  const title = `Your mailbox ${m.address} paused itself after hard bounces or a spam complaint: check your list, then ask ops to resume it`;
  return mailboxTask(m, { kind: 'mailbox_paused', at: m.statusChangedAt, title, prep: { reason } });
}
