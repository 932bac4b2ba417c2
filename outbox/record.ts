// Writing how sends ended, a batch at a time: one UPDATE for every touch (the rows as one JSON
// parameter), one INSERT of timeline events, and the rare side effects (a rep task for an
// uncertain send, a mailbox marked disconnected, a calendar hold for an announced call), all
// in one transaction. Only results still under their sender's claim are applied.
import { and, eq, sql } from 'drizzle-orm';
import type { MailboxRow } from '../channels/types.js';
import type { Database, DbOrTx } from '../db/client.js';
import { events, mailboxes, touches } from '../db/schema.js';
import { holdAnnouncedCall } from '../application/calendar-holds.js';
import { NO_MAILBOX } from './staging.js';
import { fullName } from './send-context.js';
import type { SendResult } from './send.js';
import { mailboxDisconnectedTask, noMailboxTask, openSystemTask, uncertainDeliveryTask } from '../application/system-tasks.js';
import { appendEvent } from '../application/timeline.js';

/** Applies the results; returns those applied (a touch taken over by the sweep meanwhile is not). */
export async function recordResults(db: Database, results: readonly SendResult[], now: Date): Promise<SendResult[]> {
  const todo = results.filter((r) => r.status !== 'sending');
  if (todo.length === 0) return [];
  return db.transaction(async (tx) => {
    const rows = todo.map((r) => ({
      id: r.t.id,
      attempts: r.t.attempts,
      status: r.status,
      detail: r.detail,
      provider: r.provider,
      sent_at: r.status === 'sent' ? (r.sentAt ?? now).toISOString() : null,
      next_at: r.nextAt?.toISOString() ?? null,
      provider_message_id: r.providerMessageId ?? null,
      thread_id: r.threadId ?? null,
    }));
    const result = (await tx.execute(sql`
      update touches as t set
        status = v.status, detail = v.detail, provider = v.provider, sent_at = v.sent_at,
        scheduled_at = coalesce(v.next_at, t.scheduled_at),
        provider_message_id = coalesce(v.provider_message_id, t.provider_message_id),
        thread_id = coalesce(v.thread_id, t.thread_id)
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, attempts int, status text, detail text, provider text, sent_at timestamptz, next_at timestamptz, provider_message_id text, thread_id text)
      where t.id = v.id and t.status = 'sending' and t.attempts = v.attempts
      returning t.id`)) as unknown;
    const list = (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as Array<{ id: string }>;
    const applied = new Set(list.map((r) => r.id));
    const done = todo.filter((r) => applied.has(r.t.id));
    if (done.length === 0) return [];
    await tx
      .insert(events)
      .values(done.map((r) => ({ workspaceId: r.t.workspaceId, prospectId: r.t.prospectId, enrollmentId: r.t.enrollmentId, ...eventOf(r) })))
      .onConflictDoNothing({ target: [events.workspaceId, events.dedupeKey] });
    for (const r of done) await sideEffects(tx, r, now);
    return done;
  });
}

/** Final outcomes have one event per touch; waiting states one per attempt. */
function eventOf(r: SendResult): { type: string; payload: Record<string, unknown>; dedupeKey: string } {
  const t = r.t;
  const payload = { touchId: t.id, stepKey: t.stepKey, channel: t.channel, provider: r.provider, attempts: t.attempts, announcedCallAt: t.announcedCallAt?.toISOString() ?? null, reason: r.detail, ...(t.variant ? { variant: t.variant } : {}) };
  switch (r.status) {
    case 'sent':
      return { type: t.channel === 'email' ? 'email.sent' : 'touch.sent', payload, dedupeKey: `touch:${t.id}` };
    case 'scheduled':
      return { type: 'touch.retrying', payload: { ...payload, nextAttemptAt: r.nextAt?.toISOString() ?? null }, dedupeKey: `touch.retrying:${t.id}:${t.attempts}` };
    case 'held':
    case 'cancelled':
      return { type: `touch.${r.status}`, payload, dedupeKey: `touch.${r.status}:${t.id}:${t.attempts}` };
    default:
      return { type: `touch.${r.status}`, payload, dedupeKey: `touch:${t.id}` };
  }
}

async function sideEffects(tx: DbOrTx, r: SendResult, now: Date): Promise<void> {
  const t = r.t;
  if ((r.status === 'sent' || r.status === 'uncertain') && t.channel === 'email' && t.announcedCallAt) await holdAnnouncedCall(tx, { touchId: t.id });
  if (r.status === 'uncertain' && r.who) {
    await openSystemTask(tx, uncertainDeliveryTask({ ...t, detail: r.detail }, r.who.repId, fullName(r.who), now));
  }
  if (r.status === 'held' && r.detail === NO_MAILBOX && r.who) await openSystemTask(tx, noMailboxTask({ workspaceId: t.workspaceId, repId: r.who.repId, at: now }));
  if (r.disconnected) await disconnectMailbox(tx, r.disconnected, r.detail ?? 'credentials refused', now);
}

/**
 * The mailbox refused its credentials: marked disconnected (once), its waiting emails held, its
 * owner told with one task, the timeline told. Its emails leave again when it is reconnected.
 */
export async function disconnectMailbox(tx: DbOrTx, mailbox: MailboxRow, detail: string, now: Date): Promise<boolean> {
  const [changed] = await tx
    .update(mailboxes)
    .set({ status: 'disconnected', statusDetail: detail, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(mailboxes.id, mailbox.id), eq(mailboxes.status, 'connected')))
    .returning();
  if (!changed) return false;
  await tx.update(touches).set({ status: 'held', detail }).where(and(eq(touches.mailboxId, mailbox.id), eq(touches.status, 'scheduled')));
  const changedAt = changed.statusChangedAt ?? now;
  await openSystemTask(tx, mailboxDisconnectedTask({ ...changed, statusChangedAt: changedAt }));
  await appendEvent(tx, {
    workspaceId: changed.workspaceId,
    type: 'mailbox.disconnected',
    payload: { mailboxId: changed.id, address: changed.address, provider: changed.provider, reason: detail },
    dedupeKey: `mailbox.disconnected:${changed.id}:${changedAt.getTime()}`,
  });
  return true;
}
