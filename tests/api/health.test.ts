// GET /health against the real PostgreSQL and Temporal, and with each of them down.
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { freePort } from '../../scripts/lib/ports.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { createTestApp } from '../support/api.js';

let db: TestDatabase;
let temporal: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  temporal = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
});
afterAll(async () => {
  await temporal?.connection.close();
  await db?.drop();
});

describe('GET /health', () => {
  it('is 200 when the database and Temporal answer', async () => {
    const app = createTestApp({ db: db.db, temporal, taskQueue: 'health' });
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect(body.status).toBe('ok');
    expect(body.checks.database?.ok).toBe(true);
    expect(body.checks.temporal?.ok).toBe(true);
  });

  it('is 503 naming Temporal when Temporal is unreachable', async () => {
    const deadPort = await freePort();
    const down = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${deadPort}`, connectTimeout: 500 }) });
    const app = createTestApp({ db: db.db, temporal: down, taskQueue: 'health' });
    const res = await app.request('/health');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as { type: string; detail: string; checks: Record<string, { ok: boolean }> };
    expect(body.type).toBe('/problems/service-unavailable');
    expect(body.detail).toMatch(/^temporal: /);
    expect(body.checks.database?.ok).toBe(true);
    expect(body.checks.temporal?.ok).toBe(false);
  });

  it('is 503 naming the database when PostgreSQL is unreachable', async () => {
    const closed = await createTestDatabase();
    await closed.drop(); // connection pool ended and database gone
    const app = createTestApp({ db: closed.db, temporal, taskQueue: 'health' });
    const res = await app.request('/health');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { detail: string; checks: Record<string, { ok: boolean }> };
    expect(body.detail).toMatch(/^database: /);
    expect(body.checks.temporal?.ok).toBe(true);
  });
});
