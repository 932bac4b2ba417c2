// Wakes webhook delivery workflows as soon as events fan out: the fan-out trigger NOTIFYs
// `relance_webhooks` with the workspace id, and this listener signals-with-start the workflows
// of that workspace's subscriptions that have pending deliveries, at most once per 250 ms each.
// A periodic sweep catches what a lost notification (reconnect, restart) would miss; it is the
// only source when the database client cannot LISTEN. PostgreSQL and PGlite both can.
import type { Client } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { nudgeWebhookWorkflow } from '../application/webhook-workflows.js';
import { log } from '../logging/log.js';

export const WEBHOOK_CHANNEL = 'relance_webhooks';

export type WebhookNudgerOptions = {
  db: Database;
  temporal: Client;
  taskQueue: string;
  throttleMs?: number;
  /** Sweep interval: 30 s when listening, 2 s when polling only. */
  sweepMs?: number;
};

type Unlisten = () => Promise<void>;
type Listenable = {
  listen?: (channel: string, fn: (payload: string) => void, third?: unknown) => Promise<unknown>;
  /** PGlite only (a promise): how its client is told apart from postgres.js's. */
  waitReady?: unknown;
};

/**
 * LISTEN through the Drizzle client's driver. postgres.js calls `onlisten` at every (re)connect,
 * when notifications may have been missed; PGlite's third argument is a transaction, not a
 * callback, and an embedded database never reconnects: `onlisten` runs once, once listening.
 */
async function listenVia(db: Database, fn: (payload: string) => void, onlisten: () => void): Promise<Unlisten | null> {
  const client = (db as unknown as { $client?: Listenable }).$client;
  if (!client?.listen) return null;
  if (client.waitReady !== undefined) {
    const unlisten = (await client.listen(WEBHOOK_CHANNEL, fn)) as Unlisten;
    onlisten();
    return unlisten;
  }
  const pg = (await client.listen(WEBHOOK_CHANNEL, fn, onlisten)) as { unlisten?: Unlisten };
  return pg.unlisten ? () => pg.unlisten!() : null;
}

export async function startWebhookNudger(o: WebhookNudgerOptions): Promise<{ stop: () => Promise<void> }> {
  const throttleMs = o.throttleMs ?? 250;
  const state = new Map<string, { last: number; timer?: NodeJS.Timeout | undefined }>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  const fire = (id: string) => {
    const s = state.get(id)!;
    s.last = Date.now();
    s.timer = undefined;
    const p = nudgeWebhookWorkflow(o.temporal, o.taskQueue, id)
      .catch((err: unknown) => log.error({ err, subscriptionId: id }, 'webhooks: could not nudge the subscription'))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  // Leading edge now, then one trailing nudge per window, so the last event is never left waiting.
  const nudge = (id: string) => {
    if (stopped) return;
    const s = state.get(id) ?? { last: 0 };
    state.set(id, s);
    if (s.timer) return;
    const wait = s.last + throttleMs - Date.now();
    if (wait <= 0) fire(id);
    else s.timer = setTimeout(() => fire(id), wait);
  };

  const pendingSubscriptions = async (workspaceId: string | null) => {
    const rows = (await o.db.execute(sql`
      select s.id from webhook_subscriptions s
      where s.status = 'active' ${workspaceId ? sql`and s.workspace_id = ${workspaceId}` : sql``}
        and exists (select 1 from webhook_deliveries d where d.subscription_id = s.id and d.status = 'pending')`)) as unknown;
    const list = Array.isArray(rows) ? rows : ((rows as { rows?: unknown[] }).rows ?? []);
    return (list as Array<{ id: string }>).map((r) => r.id);
  };
  const wake = (workspaceId: string | null) => {
    if (stopped) return;
    pendingSubscriptions(workspaceId)
      .then((ids) => ids.forEach(nudge))
      .catch((err: unknown) => log.error({ err }, 'webhooks: the nudge query failed'));
  };

  const uuid = /^[0-9a-f-]{36}$/i;
  let unlisten: Unlisten | null = null;
  try {
    unlisten = await listenVia(o.db, (payload) => wake(uuid.test(payload) ? payload : null), () => wake(null));
  } catch (err) {
    log.warn({ err }, 'webhooks: LISTEN failed; polling instead');
  }
  const sweepMs = o.sweepMs ?? (unlisten ? 30_000 : 2_000);
  const sweep = setInterval(() => wake(null), sweepMs);
  wake(null);

  return {
    stop: async () => {
      stopped = true;
      clearInterval(sweep);
      for (const s of state.values()) clearTimeout(s.timer);
      await unlisten?.().catch(() => {});
      await Promise.all(inFlight);
    },
  };
}
