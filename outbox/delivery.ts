// The outbox: a touch is staged (rendered, paced, recorded as `scheduled`) ahead of its due time,
// then claimed by exactly one sender, either the dispatcher (many at once, right at the due
// time) or the touch's own workflow (a fallback a moment later). A claim is an atomic status
// change that also counts the attempt; every later write is guarded by that count, so a touch
// never leaves twice, even when a sender dies mid-send and the stale-claim sweep steps in.
import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { ChannelRegistry, MailboxRow } from '../channels/types.js';
import type { Database } from '../db/client.js';
import { events, touches } from '../db/schema.js';
import type { UnsubscribeSigner } from '../security/unsubscribe-token.js';
import { SMTP_POOL_CONNECTIONS } from '../channels/email/smtp.js';
import { retryWhileUnreachable } from '../db/retry.js';
import { rowsOf } from '../db/rows.js';
import type { DeliveryStatus } from './staging.js';
import { loadSendContext, type TouchRow } from './send-context.js';
import { sendLanes } from './lanes.js';
import { recordResults } from './record.js';
import { sendOne, type SendResult } from './send.js';
import { log } from '../logging/log.js';

const onUnreachable = (what: string) => log.error({ what }, 'database unreachable while writing; retrying');

export type { DeliveryStatus, TouchRow };

/**
 * What a claim sets. An email without a mailbox (the local outbox) counts as handed over from
 * the claim on; a mailbox email only once its sender marks it (outbox-send.ts markStarted), so
 * a sender that dies before starting it leaves it safe to send again.
 */
const claimSet = {
  status: 'sending' as const,
  claimedAt: sql`now()`,
  attempts: sql`${touches.attempts} + 1`,
  sentAt: sql`case when ${touches.channel} = 'email' and ${touches.provider} not in ('smtp', 'gmail', 'microsoft') then now() end`,
};

/** Claims due touches for this sender (status scheduled -> sending), oldest first. */
export async function claimDueTouches(db: Database, limit: number): Promise<TouchRow[]> {
  const due = db
    .select({ id: touches.id })
    .from(touches)
    .where(and(eq(touches.status, 'scheduled'), lte(touches.scheduledAt, sql`now()`)))
    .orderBy(touches.scheduledAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db.update(touches).set(claimSet).where(inArray(touches.id, due)).returning();
}

/** Claims one touch if it is due at `at` and still waiting; null when another sender has it, it is done or not yet due. */
export async function claimTouch(db: Database, touchId: string, at: Date): Promise<TouchRow | null> {
  const [row] = await db
    .update(touches)
    .set(claimSet)
    .where(and(eq(touches.id, touchId), eq(touches.status, 'scheduled'), lte(touches.scheduledAt, at)))
    .returning();
  return row ?? null;
}

export type DeliverOptions = {
  /** The sender's clock (the workflow's in the fallback); default: now. */
  at?: Date | undefined;
  concurrency?: number;
  /** Results are written every this many sends or this often, so a crash loses little. */
  flushEvery?: number;
  flushMs?: number;
  signer?: UnsubscribeSigner;
  /** The sender is stopping: nothing more leaves, sends in flight end, the rest is handed back. */
  stopped?: () => boolean;
};


/** Sends in flight per mailbox: as many as an SMTP mailbox's pool has connections. */
const inFlightLimit = (t: TouchRow) => (t.provider === 'smtp' ? SMTP_POOL_CONNECTIONS : Infinity);

/**
 * Sends claimed touches. Each is checked again right before it leaves: an opt-out, a bounce or
 * a suppression that arrived after staging stops it. Batched (a few look-ups for the batch, one
 * update and one event insert per flush) so an 08:00 burst costs a few queries per hundred.
 * Outcomes are written with retries while the database is unreachable: an email the server
 * accepted is recorded as sent, not left to become uncertain. A stopping sender hands back
 * (`scheduled` again) the touches it had not started.
 */
export async function deliverClaimed(db: Database, channels: ChannelRegistry, claimed: TouchRow | TouchRow[], o: DeliverOptions = {}): Promise<SendResult[]> {
  const batch = Array.isArray(claimed) ? claimed : [claimed];
  if (batch.length === 0) return [];
  const now = () => o.at ?? new Date();
  const signer = o.signer ?? channels.unsubscribe;
  const ctx = await loadSendContext(db, batch);
  const env = { db, channels, ctx, signer, now: now(), fixedSentAt: o.at };
  const applied: SendResult[] = [];
  let pending: SendResult[] = [];
  let lastFlush = Date.now();
  const flush = async () => {
    const take = pending;
    pending = [];
    lastFlush = Date.now();
    applied.push(...(await retryWhileUnreachable(() => recordResults(db, take, now()), { what: `the outcome of ${take.length} sends`, onUnreachable })));
  };
  const lanes = sendLanes(batch, inFlightLimit, o.stopped ?? (() => false));
  // A send that threw never reached its provider (the database failed before it started): handed back.
  const notStarted: TouchRow[] = [];
  await Promise.all(
    Array.from({ length: Math.min(o.concurrency ?? 32, batch.length) }, async () => {
      for (let t = await lanes.take(); t; t = await lanes.take()) {
        const touch = t;
        // Awaited first: `pending` is swapped by a flush meanwhile.
        const result = await sendOne({ ...env, now: now() }, touch).catch((err: unknown) => {
          if (notStarted.length === 0) log.error({ err }, 'outbox: a send could not start; handed back');
          notStarted.push(touch);
          return null;
        });
        lanes.done(touch);
        if (result) pending.push(result);
        if (pending.length >= (o.flushEvery ?? 100) || Date.now() - lastFlush >= (o.flushMs ?? 250)) await flush();
      }
    }),
  );
  await flush();
  await releaseClaims(db, [...lanes.left(), ...notStarted]);
  return applied;
}

/**
 * Hands claimed touches that were never started back to the queue, as if never claimed (the
 * attempt is not counted), under this sender's claim.
 */
export async function releaseClaims(db: Database, rows: readonly TouchRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const claims = JSON.stringify(rows.map((t) => ({ id: t.id, attempts: t.attempts })));
  const result = await retryWhileUnreachable(
    () =>
      db.execute(sql`
        update touches as t set status = 'scheduled', attempts = t.attempts - 1, claimed_at = null, sent_at = null
        from jsonb_to_recordset(${claims}::jsonb) as v(id uuid, attempts int)
        where t.id = v.id and t.status = 'sending' and t.attempts = v.attempts
        returning t.id`),
    { what: `${rows.length} claims handed back`, onUnreachable },
  );
  return rowsOf<{ id: string }>(result).length;
}

export type SweepOptions = { olderThanMs?: number; limit?: number };

/**
 * A sender that died (or lost its database) between claim and result leaves `sending` rows.
 * One never handed over is safe to send again (provider actions too: they are idempotent per
 * touch). One handed over is asked for when its provider can search its Sent folder (Gmail);
 * otherwise it may have reached the prospect: uncertain, with a task for the rep, never resent.
 */
export async function sweepStaleClaims(db: Database, channels: ChannelRegistry, o: SweepOptions = {}): Promise<{ resent: number; settled: SendResult[] }> {
  const stale = and(eq(touches.status, 'sending'), sql`${touches.claimedAt} < now() - ${`${o.olderThanMs ?? 120_000} milliseconds`}::interval`);
  // One statement: a sender marking its send started either did so before (not matched here)
  // or finds the touch no longer claimed (and sends nothing).
  const resent = await db
    .update(touches)
    .set({ status: 'scheduled', scheduledAt: sql`now()`, detail: 'the sender stopped before handing it over; sent again' })
    .where(and(stale, isNull(touches.sentAt)))
    .returning();
  if (resent.length) await db.insert(events).values(resent.map((t) => ({ workspaceId: t.workspaceId, prospectId: t.prospectId, enrollmentId: t.enrollmentId, type: 'touch.retrying', payload: { touchId: t.id, stepKey: t.stepKey, reason: t.detail }, dedupeKey: `touch.retrying:${t.id}:${t.attempts}` }))).onConflictDoNothing();
  // Handed over: re-claimed by this sweep (fresh claim time, same attempt count) while it asks.
  const started = await db
    .update(touches)
    .set({ claimedAt: sql`now()` })
    .where(inArray(touches.id, db.select({ id: touches.id }).from(touches).where(stale).limit(o.limit ?? 500).for('update', { skipLocked: true })))
    .returning();
  if (started.length === 0) return { resent: resent.length, settled: [] };
  const ctx = await loadSendContext(db, started);
  const results = await Promise.all(started.map((t) => settleStarted(channels, ctx.mailboxes.get(t.mailboxId ?? '') ?? null, t)));
  const settled = await recordResults(db, results.map((r) => ({ ...r, who: ctx.people.get(r.t.enrollmentId) })), new Date());
  return { resent: resent.length, settled };
}

async function settleStarted(channels: ChannelRegistry, mailbox: MailboxRow | null, t: TouchRow): Promise<SendResult> {
  const sender = mailbox ? channels.emailFor(mailbox) : null;
  if (sender?.findSent && t.messageId) {
    try {
      const found = await sender.findSent(t.messageId);
      if (found) return { t, status: 'sent', detail: null, provider: t.provider, sentAt: t.sentAt ?? new Date(), providerMessageId: found.providerMessageId, threadId: found.threadId ?? null };
      return { t, status: 'scheduled', detail: 'the sender stopped; not in the Sent folder, so sent again', provider: t.provider, nextAt: new Date() };
    } catch {
      // The provider cannot tell now: left claimed; the next sweep asks again.
      return { t, status: 'sending', detail: null, provider: t.provider };
    }
  }
  return { t, status: 'uncertain', detail: 'the sender stopped while sending; not resent', provider: t.provider };
}

export async function touchStatus(db: Database, touchId: string): Promise<TouchRow | undefined> {
  const [row] = await db.select().from(touches).where(eq(touches.id, touchId));
  return row;
}
