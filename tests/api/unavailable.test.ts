// A dependency that does not answer is a 503 problem+json with Retry-After on every route, not a
// 500: a real PostgreSQL stopped under the API (and started again), a database on a closed port,
// a closed PGlite, an unreachable Temporal.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { generateApiKey } from '../../api/middleware/auth.js';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/lib/pg-cluster.js';
import { freePort } from '../../scripts/lib/ports.js';
import { callerFor, createKeyedWorkspace, TEST_OPERATOR_TOKEN, type ApiResult, type KeyedWorkspace, createTestApp, type Problem } from '../support/api.js';
import { createTestDatabase, onPglite } from '../support/db.js';


function expectUnavailable(res: ApiResult<Problem>, what: RegExp) {
  expect([res.status, res.headers.get('content-type'), res.headers.get('retry-after'), res.body.type]).toEqual([503, 'application/problem+json', '5', '/problems/service-unavailable']);
  expect(res.body.detail).toMatch(what);
}

let temporal: Client;
beforeAll(async () => {
  temporal = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
});
afterAll(async () => {
  await temporal?.connection.close();
});

describe.skipIf(onPglite())('PostgreSQL unavailable', () => {
  let pg: ThrowawayPostgres;
  let handle: DatabaseHandle;
  let ws: KeyedWorkspace;
  let app: ReturnType<typeof createTestApp>;

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    handle = await openDatabase({ databaseUrl: pg.url, maxConnections: 2 });
    await migrateDatabase(handle);
    app = createTestApp({ db: handle.db, temporal, taskQueue: 'unavailable' });
    ws = await createKeyedWorkspace(app);
  });
  afterAll(async () => {
    await handle?.close();
    await pg?.stop();
  });

  it('stopped: every kind of route answers 503 with Retry-After; started again: 200', async () => {
    expect((await ws.call('GET', '/v1/prospects')).status).toBe(200);
    await pg.halt('fast');
    const requests: Array<[string, string, unknown?]> = [
      ['GET', '/v1/prospects'],
      ['POST', '/v1/prospects', { email: 'jane@globex.test' }],
      ['GET', '/v1/sequences'],
      ['PATCH', `/v1/users/${randomUUID()}`, { name: 'Sam' }],
    ];
    for (const [method, path, body] of requests) expectUnavailable(await ws.call<Problem>(method, path, body), /^the database is unavailable/);
    // Public routes too: workspace creation (operator token) and a signed inbound webhook.
    expectUnavailable(await callerFor((p, i) => app.request(p, i), TEST_OPERATOR_TOKEN)<Problem>('POST', '/v1/workspaces', { name: 'Initech' }), /^the database is unavailable/);
    expectUnavailable(await callerFor((p, i) => app.request(p, i), null)<Problem>('POST', `/v1/inbound/${ws.workspaceId}/email`, '{}', { 'webhook-id': 'msg_1', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' }), /^the database is unavailable/);

    await pg.resume();
    expect((await ws.call('GET', '/v1/prospects')).status).toBe(200);
  });

  it('never reached (a closed port): 503 with Retry-After', async () => {
    const closed = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${await freePort()}/relance`, maxConnections: 1 });
    try {
      const down = createTestApp({ db: closed.db, temporal, taskQueue: 'unavailable' });
      expectUnavailable(await callerFor((p, i) => down.request(p, i), generateApiKey().key)<Problem>('GET', '/v1/prospects'), /^the database is unavailable/);
    } finally {
      await closed.close();
    }
  });
});

describe.runIf(onPglite())('PGlite closed', () => {
  it('answers 503 with Retry-After', async () => {
    const db = await createTestDatabase();
    const app = createTestApp({ db: db.db, temporal, taskQueue: 'unavailable' });
    const ws = await createKeyedWorkspace(app);
    await db.drop();
    expectUnavailable(await ws.call<Problem>('GET', '/v1/prospects'), /^the database is unavailable/);
  });
});

describe('Temporal unreachable', () => {
  it('a route that starts or signals a workflow answers 503 with Retry-After', async () => {
    const db = await createTestDatabase();
    try {
      // Without the client's own retries (about 20 s against a closed port): the same answer, sooner.
      const nowhere = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}`, connectTimeout: '200ms', interceptors: [] }) });
      const app = createTestApp({ db: db.db, temporal: nowhere, taskQueue: 'unavailable' });
      const ws = await createKeyedWorkspace(app);
      const rep = await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam Rep', phone: '+33 1 23 45 67 89' });
      const prospect = await ws.call<{ id: string }>('POST', '/v1/prospects', { email: 'jane@globex.test', firstName: 'Jane', phone: '+33 6 12 34 56 78' });
      const sequences = await ws.call<{ data: Array<{ sequenceId: string; key: string }> }>('GET', '/v1/sequences');
      expect([rep.status, prospect.status, sequences.status]).toEqual([201, 201, 200]);
      const sequenceId = sequences.body.data.find((s) => s.key === 'announced-call')!.sequenceId;
      const res = await ws.call<Problem>('POST', '/v1/enrollments', { prospectId: prospect.body.id, sequenceId, repId: rep.body.id });
      expectUnavailable(res, /^Temporal is unavailable/);
    } finally {
      await db.drop();
    }
  });
});
