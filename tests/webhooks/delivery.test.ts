// Webhook delivery end to end: events appended to the timeline fan out, the nudger wakes the
// subscription's workflow on the real Temporal dev server, and a real HTTP receiver gets signed
// messages, in order, exactly once; failures are retried, given up or disable the subscription.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../application/timeline.js';
import { events, webhookDeliveries, webhookSubscriptions } from '../../db/schema.js';
import { webhookWorkflowId } from '../../workflows/webhooks/messages.js';
import { createKeyedWorkspace, createTestApp } from '../support/api.js';
import { LOOPBACK_ALLOWED as allowList } from '../support/security.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestWorker, type TestTemporal } from '../support/temporal.js';
import { startReceiver, verifySignature, waitFor, type Receiver } from './receiver.js';

let db: TestDatabase;
let temporal: TestTemporal;
let app: ReturnType<typeof createTestApp>;
const receivers: Receiver[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  temporal = await startTestWorker(db.db, { webhooks: { allowList, backoff: { initialMs: 100, maxMs: 400 } }, webhookNudger: true });
  app = createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue, allowList });
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await temporal?.stop();
  await db?.drop();
});

async function subscribe(receiver: Receiver, eventTypes: string[] = ['*']) {
  const ws = await createKeyedWorkspace(app);
  const res = await ws.call<{ id: string; secret: string }>('POST', '/v1/webhooks', { url: receiver.url, eventTypes });
  expect(res.status).toBe(201);
  return { ws, id: res.body.id, secret: res.body.secret };
}

const append = (workspaceId: string, type: string, payload: Record<string, unknown>) =>
  appendEvent(db.db, { workspaceId, type, payload, dedupeKey: `${type}:${JSON.stringify(payload)}` });

describe('outbound webhooks', () => {
  it('retries through 503s and delivers every event exactly once, in order, signed', async () => {
    let failuresLeft = 4;
    const receiver = await startReceiver(() => (failuresLeft-- > 0 ? 503 : 204));
    receivers.push(receiver);
    const { ws, id, secret } = await subscribe(receiver, ['email.sent', 'task.created']);
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) {
      for (const enrollment of ['e1', 'e2']) {
        await append(ws.workspaceId, i % 2 ? 'task.created' : 'email.sent', { enrollment, step: i });
        sent.push(`${enrollment}:${i}`);
      }
    }
    await append(ws.workspaceId, 'call.logged', { enrollment: 'e1', step: 9 }); // not subscribed

    const ok = () => receiver.received.filter((r) => r.status === 204);
    await waitFor('six deliveries', () => ok().length >= 6);
    await new Promise((r) => setTimeout(r, 500)); // nothing more arrives
    expect(ok()).toHaveLength(6);
    const bodies = ok().map((r) => JSON.parse(r.body) as { type: string; timestamp: string; data: { enrollment: string; step: number; workspaceId: string; eventId: number } });
    expect(bodies.map((b) => `${b.data.enrollment}:${b.data.step}`)).toEqual(sent);
    expect(new Set(ok().map((r) => r.id)).size).toBe(6);
    expect(bodies[0]).toMatchObject({ type: 'email.sent', data: { workspaceId: ws.workspaceId } });
    // The first message was the one retried, under the same webhook-id.
    expect(receiver.received.slice(0, 5).map((r) => r.id)).toEqual(Array(5).fill(receiver.received[0]!.id));
    for (const r of receiver.received) expect(verifySignature(secret, r)).toBe(true);
    expect(verifySignature(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, receiver.received[0]!)).toBe(false);

    const [sub] = await db.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    expect(sub?.failingSince).toBeNull();
    const rows = await db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    expect(rows.every((d) => d.status === 'delivered')).toBe(true);
    expect(rows.map((d) => d.attempts).sort()).toEqual([1, 1, 1, 1, 1, 5]);

    // Rotation: the old and the new secret both verify messages sent during the overlap.
    const rotated = await ws.call<{ secret: string; secrets: Array<{ expiresAt: string | null }> }>('POST', `/v1/webhooks/${id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secrets.filter((s) => s.expiresAt !== null)).toHaveLength(1);
    await append(ws.workspaceId, 'email.sent', { enrollment: 'e1', step: 10 });
    const msg = await waitFor('the message after rotation', () => ok()[6]);
    expect(msg.signature.split(' ')).toHaveLength(2);
    expect(verifySignature(secret, msg)).toBe(true);
    expect(verifySignature(rotated.body.secret, msg)).toBe(true);
  });

  it('does not retry a 400', async () => {
    const receiver = await startReceiver(() => 400);
    receivers.push(receiver);
    const { ws, id } = await subscribe(receiver);
    await append(ws.workspaceId, 'task.missed', { n: 1 });
    await append(ws.workspaceId, 'task.missed', { n: 2 });
    await waitFor('both failed', async () => {
      const rows = await db.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.subscriptionId, id), eq(webhookDeliveries.status, 'failed')));
      return rows.length === 2;
    });
    await new Promise((r) => setTimeout(r, 800));
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { data: { n: number } }).data.n)).toEqual([1, 2]);
    const log = await ws.call<{ data: Array<{ status: string; attempts: number; lastStatusCode: number; attemptLog: unknown[] }> }>('GET', `/v1/webhooks/${id}/deliveries`);
    expect(log.body.data.map((d) => [d.status, d.attempts, d.lastStatusCode, d.attemptLog.length])).toEqual([
      ['failed', 1, 400, 1],
      ['failed', 1, 400, 1],
    ]);
  });

  it('disables a subscription failing for days and records webhook.disabled', async () => {
    const receiver = await startReceiver(() => 503);
    receivers.push(receiver);
    const { ws, id } = await subscribe(receiver);
    const watcher = (await ws.call<{ id: string }>('POST', '/v1/webhooks', { url: `${receiver.url}?watcher`, eventTypes: ['webhook.disabled'] })).body;
    // The streak started six days ago (the threshold is five).
    await db.db.update(webhookSubscriptions).set({ failingSince: new Date(Date.now() - 6 * 86400_000) }).where(eq(webhookSubscriptions.id, id));
    await append(ws.workspaceId, 'email.bounced', { n: 1 });
    const result = await temporal.client.workflow.getHandle(webhookWorkflowId(id)).result();
    expect(result).toBe('disabled');
    const [sub] = await db.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    expect(sub).toMatchObject({ status: 'disabled' });
    expect(sub?.disabledReason).toMatch(/failing/);
    const disabled = await db.db.select().from(events).where(and(eq(events.workspaceId, ws.workspaceId), eq(events.type, 'webhook.disabled')));
    expect(disabled).toHaveLength(1);
    expect(disabled[0]!.payload).toMatchObject({ subscriptionId: id });
    // The workspace's other subscription is told; the disabled one is not.
    const [fanned] = await db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, disabled[0]!.id));
    expect(fanned?.subscriptionId).toBe(watcher.id);

    // Re-enabling clears the streak and starts delivering again.
    const again = await ws.call<{ status: string; failingSince: string | null }>('PATCH', `/v1/webhooks/${id}`, { status: 'active' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'active', failingSince: null });
  });
});
