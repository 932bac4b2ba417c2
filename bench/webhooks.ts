// Webhook delivery lag: events appended at a steady rate, received by a local HTTP receiver;
// lag = receive time - event occurred_at. The worker on `taskQueue` must allow 127.0.0.1
// (WEBHOOK_ALLOWED_HOSTS=127.0.0.1/32, or its activity deps' webhooks.allowList).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { appendEvent } from '../application/timeline.js';
import type { Database } from '../db/client.js';
import { webhookSubscriptions } from '../db/schema.js';
import { nudgeWebhookWorkflow } from '../application/webhook-workflows.js';
import { startWebhookNudger } from '../runtime/webhook-nudger.js';
import { processSecurity } from '../runtime/secret-key.js';
import { generateWebhookSecret, newStoredSecret } from '../security/webhook-signing.js';
import { percentile } from './pool.js';

export type WebhookLagOptions = {
  db: Database;
  temporal: Client;
  taskQueue: string;
  workspaceId: string;
  ratePerSecond?: number;
  durationSeconds?: number;
  /** Run a nudger here (leave true unless the worker process runs one). */
  nudger?: boolean;
};

/** null when nothing arrived: a lag of 0 would read as a success. */
const quantile = (sorted: number[], p: number) => (sorted.length ? percentile(sorted, p) : null);

export async function measureWebhookLag(opts: WebhookLagOptions): Promise<{ webhook_delivery_lag_ms_p99: number | null; webhook_delivery_lag_ms_p50: number | null; webhook_events: number }> {
  const rate = opts.ratePerSecond ?? 50;
  const total = Math.round(rate * (opts.durationSeconds ?? 20));
  const lags: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = Date.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { timestamp: string };
      lags.push(received - Date.parse(body.timestamp));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const [sub] = await opts.db
    .insert(webhookSubscriptions)
    .values({ workspaceId: opts.workspaceId, url: `http://127.0.0.1:${port}/bench`, eventTypes: ['email.sent'], secrets: [newStoredSecret(processSecurity().secrets, generateWebhookSecret())] })
    .returning();
  const nudger = opts.nudger === false ? null : await startWebhookNudger({ db: opts.db, temporal: opts.temporal, taskQueue: opts.taskQueue });
  try {
    await nudgeWebhookWorkflow(opts.temporal, opts.taskQueue, sub!.id);
    const run = `bench-${Date.now()}`;
    const t0 = Date.now();
    for (let i = 0; i < total; i++) {
      // Steady pacing: each event at its slot, whatever the previous insert cost.
      const wait = t0 + (i * 1000) / rate - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await appendEvent(opts.db, { workspaceId: opts.workspaceId, type: 'email.sent', payload: { i }, dedupeKey: `${run}:${i}` });
    }
    const deadline = Date.now() + 60_000;
    while (lags.length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  } finally {
    await nudger?.stop();
    // Deleting ends the subscription's workflow at its next run.
    await opts.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, sub!.id));
    await nudgeWebhookWorkflow(opts.temporal, opts.taskQueue, sub!.id).catch(() => {});
    await new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  }
  const sorted = [...lags].sort((a, b) => a - b);
  return { webhook_delivery_lag_ms_p99: quantile(sorted, 99), webhook_delivery_lag_ms_p50: quantile(sorted, 50), webhook_events: lags.length };
}
