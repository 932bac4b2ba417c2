// LISTEN/NOTIFY works on PGlite, the embedded database of `npm start`: an event fanned out to a
// subscription wakes its delivery workflow at once, without waiting for the periodic sweep (set
// here to ten minutes, so only the notification can do it), and nothing is logged as failed.
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { appendEvent } from '../../application/timeline.js';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { webhookSubscriptions, workspaces } from '../../db/schema.js';
import { startWebhookNudger } from '../../runtime/webhook-nudger.js';
import { webhookWorkflowId } from '../../workflows/webhooks/messages.js';

let handle: DatabaseHandle;
let connection: Connection;
let temporal: Client;

beforeAll(async () => {
  handle = await openDatabase({ inMemory: true });
  await migrateDatabase(handle);
  connection = await Connection.connect({ address: inject('temporalAddress') });
  temporal = new Client({ connection });
});
afterAll(async () => {
  await connection?.close();
  await handle?.close();
});

describe('the webhook nudger on PGlite', () => {
  it('is woken by NOTIFY, not by polling', async () => {
    const errors = vi.spyOn(console, 'error');
    const [ws] = await handle.db.insert(workspaces).values({ name: 'Embedded' }).returning();
    const [sub] = await handle.db.insert(webhookSubscriptions).values({ workspaceId: ws!.id, url: 'https://hooks.example.com/in', secrets: [] }).returning();
    const taskQueue = `listen-${randomBytes(4).toString('hex')}`;
    const nudger = await startWebhookNudger({ db: handle.db, temporal, taskQueue, sweepMs: 600_000, throttleMs: 0 });
    try {
      await appendEvent(handle.db, { workspaceId: ws!.id, type: 'note', dedupeKey: 'n1', payload: {} });
      const started = await waitFor(() => temporal.workflow.getHandle(webhookWorkflowId(sub!.id)).describe().then(() => true, () => false));
      expect(started).toBe(true);
      expect(errors.mock.calls.map((c) => String(c[0]))).not.toContainEqual(expect.stringContaining('LISTEN failed'));
    } finally {
      await nudger.stop();
      await temporal.workflow.getHandle(webhookWorkflowId(sub!.id)).terminate().catch(() => {});
      errors.mockRestore();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
