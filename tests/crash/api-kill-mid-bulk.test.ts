// The API process killed with SIGKILL in the middle of a bulk enrollment of 300 prospects, on a
// split deployment (runtime/api-main.ts and runtime/worker-main.ts as processes, the run's
// PostgreSQL and Temporal dev server). The API reaches Temporal through a proxy that holds its
// calls just before the kill, so the kill lands, every time, where a real one lands by chance:
// rows inserted, their workflow starts in flight. The worker's reconciler (a 2 s grace here)
// starts them: every accepted enrollment ends up running, each with its workflow.
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { enrollments } from '../../db/schema.js';
import { deploymentEnv, killHard, startApi, startWorker, type RelanceProcess } from '../../drills/harness/processes.js';
import { startTcpProxy, type TcpProxy } from '../../drills/harness/tcp-proxy.js';
import { enrollItems, seedWorld, type World } from '../../drills/harness/world.js';
import { freePort } from '../../scripts/lib/ports.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const OPERATOR = randomBytes(24).toString('base64url');
let db: TestDatabase;
let api: RelanceProcess | undefined;
let worker: RelanceProcess | undefined;
let temporal: Client;
let proxy: TcpProxy;
let world: World;
let env: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  const port = await freePort();
  env = deploymentEnv({ databaseUrl: db.url, temporalAddress: inject('temporalAddress'), taskQueue: `api-kill-${randomBytes(4).toString('hex')}`, port, operatorToken: OPERATOR });
  proxy = await startTcpProxy(inject('temporalAddress'));
  [api, worker] = await Promise.all([startApi({ ...env, TEMPORAL_ADDRESS: proxy.address }), startWorker({ ...env, ENROLLMENT_START_GRACE_SECONDS: '2' })]);
  temporal = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
  world = await seedWorld({ baseUrl: `http://127.0.0.1:${port}`, operatorToken: OPERATOR, db: db.db, smtp: null, reps: 2, prospects: 300 });
}, 120_000);
afterAll(async () => {
  for (const p of [api, worker]) if (p) await killHard(p);
  await temporal?.connection.close();
  await proxy?.close();
  await db?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rowsOf = () => db.db.select().from(enrollments).where(eq(enrollments.workspaceId, world.workspaceId));

describe('the API killed mid-bulk', () => {
  it('leaves no enrollment pending without its workflow: the reconciler starts each, once', async () => {
    const bulk = world.call('POST', '/v1/enrollments/bulk', { items: enrollItems(world, world.taskSequenceId) }).catch(() => null);
    for (let n = 0; n < 60; ) {
      n = (await db.db.select({ n: count() }).from(enrollments).where(eq(enrollments.workspaceId, world.workspaceId)))[0]!.n;
      if (n < 60) await sleep(20);
    }
    proxy.hold();
    await sleep(500);
    await killHard(api!);
    api = undefined;
    expect(await bulk).toBeNull(); // the connection died with the process

    const accepted = await rowsOf();
    const orphans = (await Promise.all(accepted.map((r) => temporal.workflow.getHandle(r.workflowId).describe().then(() => 0, () => 1)))).reduce((a: number, b) => a + b, 0);
    expect(orphans).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(300);
    let rows = accepted;
    for (let i = 0; i < 600 && !rows.every((r) => r.status === 'active'); i++) {
      await sleep(100);
      rows = await rowsOf();
    }
    expect(rows.filter((r) => r.status !== 'active').map((r) => r.status)).toEqual([]);
    expect(rows.map((r) => r.id).sort()).toEqual(accepted.map((r) => r.id).sort());
    const described = await Promise.all(rows.map((r) => temporal.workflow.getHandle(r.workflowId).describe()));
    expect(described.every((d) => d.status.name === 'RUNNING')).toBe(true);
  }, 120_000);
});
