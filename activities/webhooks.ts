// Delivers a subscription's pending webhook messages in event order. A message that fails with a
// retryable outcome (network error, 408, 429, 5xx) blocks those after it: the activity throws and
// Temporal's retry policy backs off, so a receiver sees each enrollment's events in order.
import { Context } from '@temporalio/activity';
import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { events, webhookAttempts, webhookDeliveries, webhookSubscriptions } from '../db/schema.js';
import type { SecretBox } from '../security/secrets.js';
import { UnsafeUrlError, vetUrl, type AllowList, type LookupAll } from '../security/ssrf.js';
import { signMessage, type StoredSecret } from '../security/webhook-signing.js';
import { appendEvent } from '../application/timeline.js';
import { postPinned, type PostResult } from '../channels/pinned-post.js';

export type WebhookActivityOptions = {
  /** Private hosts an operator lets webhooks reach (WEBHOOK_ALLOWED_HOSTS). */
  allowList: AllowList;
  lookup?: LookupAll;
  /** Per POST; 10 s. */
  timeoutMs?: number;
  /** A message whose first attempt is older than this is given up; 24 h. */
  giveUpAfterMs?: number;
  /** A subscription failing without a success for longer than this is disabled; 5 days. */
  disableAfterMs?: number;
  /** Overrides the workflow's retry intervals (tests); the workflow's policy applies otherwise. */
  backoff?: { initialMs: number; maxMs: number };
  /** Work done by one activity run before it hands back to the workflow; 60 s. */
  budgetMs?: number;
};

export type DeliverResult = { state: 'idle' | 'more' | 'disabled' | 'gone'; delivered: number; failed: number };

type Outcome = 'delivered' | 'failed' | 'retry';

const classify = (r: PostResult): Outcome => {
  if (r.statusCode === null) return 'retry';
  if (r.statusCode >= 200 && r.statusCode < 300) return 'delivered';
  if (r.statusCode === 408 || r.statusCode === 429 || r.statusCode >= 500) return 'retry';
  return 'failed';
};

export function messageBody(e: typeof events.$inferSelect): string {
  const data = { eventId: e.id, workspaceId: e.workspaceId, prospectId: e.prospectId, enrollmentId: e.enrollmentId, ...(e.payload as Record<string, unknown>) };
  return JSON.stringify({ type: e.type, timestamp: e.occurredAt.toISOString(), data });
}

export const webhookMessageId = (deliveryId: number) => `msg_${deliveryId}`;

export function createWebhookActivities(deps: { db: Database; secrets: SecretBox; webhooks: WebhookActivityOptions }) {
  const o = deps.webhooks;
  const db = deps.db;
  const allowList = o.allowList;
  const box = deps.secrets;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const giveUpAfterMs = o.giveUpAfterMs ?? 24 * 3600_000;
  const disableAfterMs = o.disableAfterMs ?? 5 * 24 * 3600_000;
  const budgetMs = o.budgetMs ?? 60_000;

  async function attempt(sub: typeof webhookSubscriptions.$inferSelect, d: typeof webhookDeliveries.$inferSelect, e: typeof events.$inferSelect) {
    const at = new Date();
    let result: PostResult;
    try {
      const target = await vetUrl(sub.url, allowList, o.lookup);
      const body = messageBody(e);
      result = await postPinned(target, signMessage(box, sub.secrets as StoredSecret[], webhookMessageId(d.id), body, at), body, timeoutMs);
    } catch (err) {
      if (!(err instanceof UnsafeUrlError)) throw err;
      result = { statusCode: null, error: `refused: ${err.message}`, durationMs: Date.now() - at.getTime() };
    }
    let outcome = classify(result);
    const firstAt = d.firstAttemptAt ?? at;
    if (outcome === 'retry' && at.getTime() - firstAt.getTime() > giveUpAfterMs) outcome = 'failed';
    await db.transaction(async (tx) => {
      await tx.insert(webhookAttempts).values({
        workspaceId: sub.workspaceId,
        subscriptionId: sub.id,
        deliveryId: d.id,
        statusCode: result.statusCode,
        error: result.error,
        durationMs: result.durationMs,
        attemptedAt: at,
      });
      // Only a pending row changes: a retried activity never marks a message twice.
      await tx
        .update(webhookDeliveries)
        .set({
          attempts: sql`${webhookDeliveries.attempts} + 1`,
          firstAttemptAt: sql`coalesce(${webhookDeliveries.firstAttemptAt}, ${at.toISOString()}::timestamptz)`,
          lastAttemptAt: at,
          lastStatusCode: result.statusCode,
          lastError: result.error,
          ...(outcome === 'delivered' ? { status: 'delivered' as const, deliveredAt: at } : outcome === 'failed' ? { status: 'failed' as const } : {}),
        })
        .where(and(eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.status, 'pending')));
      await tx
        .update(webhookSubscriptions)
        .set({ failingSince: outcome === 'delivered' ? null : sql`coalesce(${webhookSubscriptions.failingSince}, ${at.toISOString()}::timestamptz)` })
        .where(eq(webhookSubscriptions.id, sub.id));
    });
    return { outcome, result };
  }

  /** Disables a subscription failing for too long; true when it is (now) disabled. */
  async function disableIfFailingTooLong(subscriptionId: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const reason = `deliveries have been failing for more than ${Math.round(disableAfterMs / 3600_000)} hours`;
      const [row] = await tx
        .update(webhookSubscriptions)
        .set({ status: 'disabled', disabledReason: reason })
        .where(
          and(
            eq(webhookSubscriptions.id, subscriptionId),
            eq(webhookSubscriptions.status, 'active'),
            sql`${webhookSubscriptions.failingSince} < now() - make_interval(secs => ${disableAfterMs / 1000})`,
          ),
        )
        .returning();
      if (!row) return false;
      await appendEvent(tx, {
        workspaceId: row.workspaceId,
        type: 'webhook.disabled',
        payload: { subscriptionId: row.id, url: row.url, reason, failingSince: row.failingSince?.toISOString() ?? null },
        dedupeKey: `webhook.disabled:${row.id}:${row.failingSince?.toISOString() ?? ''}`,
      });
      return true;
    });
  }

  return {
    async deliverPendingWebhooks(input: { subscriptionId: string }): Promise<DeliverResult> {
      const started = Date.now();
      const tally = { delivered: 0, failed: 0 };
      for (;;) {
        const [sub] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, input.subscriptionId));
        if (!sub) return { state: 'gone', ...tally };
        if (sub.status !== 'active') return { state: 'disabled', ...tally };
        const batch = await db
          .select({ d: webhookDeliveries, e: events })
          .from(webhookDeliveries)
          .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
          .where(and(eq(webhookDeliveries.subscriptionId, sub.id), eq(webhookDeliveries.status, 'pending')))
          .orderBy(asc(webhookDeliveries.eventId))
          .limit(100);
        if (batch.length === 0) return { state: 'idle', ...tally };
        for (const { d, e } of batch) {
          if (Date.now() - started > budgetMs) return { state: 'more', ...tally };
          const { outcome, result } = await attempt(sub, d, e);
          if (outcome === 'delivered') {
            tally.delivered++;
            continue;
          }
          if (await disableIfFailingTooLong(sub.id)) return { state: 'disabled', ...tally };
          if (outcome === 'failed') {
            tally.failed++;
            continue;
          }
          const why = result.statusCode === null ? (result.error ?? 'network error') : `HTTP ${result.statusCode}`;
          const attemptNo = Context.current().info.attempt;
          throw ApplicationFailure.create({
            message: `webhook ${webhookMessageId(d.id)} to ${sub.url} failed: ${why}`,
            type: 'WebhookDeliveryFailed',
            // An unreachable receiver is routine: logged at debug level, not as a worker warning.
            category: ApplicationFailureCategory.BENIGN,
            ...(o.backoff ? { nextRetryDelay: Math.min(o.backoff.initialMs * 2 ** (attemptNo - 1), o.backoff.maxMs) } : {}),
          });
        }
        // Next batch: the subscription is re-read first, a PATCH may have changed its URL.
      }
    },
  };
}
