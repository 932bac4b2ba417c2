// Per-key rate limits: past the burst, 429 problem+json with Retry-After; another key of the
// same workspace keeps its own budget.
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { createKeyedWorkspace, type KeyedWorkspace, createTestApp } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let app: RelanceApp;
let ws: KeyedWorkspace;

beforeAll(async () => {
  db = await createTestDatabase();
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: '200ms' }) });
  app = createTestApp({ db: db.db, temporal, taskQueue: 'x', rateLimit: { perSecond: 0.5, burst: 3 } });
  ws = await createKeyedWorkspace(app);
});
afterAll(async () => db?.drop());

describe('rate limit per API key', () => {
  it('answers 429 with Retry-After past the burst, per key', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await ws.call('GET', '/v1/sequences')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await ws.call<{ type: string; detail: string }>('GET', '/v1/sequences');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(limited.body.type).toBe('/problems/rate-limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    // Another key has its own budget.
    const other = await createKeyedWorkspace(app, { name: 'Other' });
    expect((await other.call('GET', '/v1/sequences')).status).toBe(200);
  });
});
