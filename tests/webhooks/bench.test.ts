// Smoke run of the webhook lag benchmark (short): every event arrives and the numbers are sane.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { measureWebhookLag } from '../../bench/webhooks.js';
import { workspaces } from '../../db/schema.js';
import { parseAllowList } from '../../security/ssrf.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestWorker, type TestTemporal } from '../support/temporal.js';

let db: TestDatabase;
let temporal: TestTemporal;
beforeAll(async () => {
  db = await createTestDatabase();
  temporal = await startTestWorker(db.db, { webhooks: { allowList: parseAllowList('127.0.0.1/32') } });
});
afterAll(async () => {
  await temporal?.stop();
  await db?.drop();
});

it('measures webhook delivery lag', async () => {
  const [ws] = await db.db.insert(workspaces).values({ name: 'Bench' }).returning();
  const r = await measureWebhookLag({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue, workspaceId: ws!.id, ratePerSecond: 50, durationSeconds: 2 });
  expect(r.webhook_events).toBe(100);
  expect(r.webhook_delivery_lag_ms_p50).toBeGreaterThanOrEqual(0);
  expect(r.webhook_delivery_lag_ms_p99).toBeGreaterThanOrEqual(r.webhook_delivery_lag_ms_p50!);
});
