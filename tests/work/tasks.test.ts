// A rep's queue over the API: due order with overdue tasks first, keyset pages without gaps
// or repeats, the tasks_queue index, rep keys confined to their own tasks, reassignment.
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { repQueueQuery } from '../../api/services/task-queue.js';
import { events, tasks } from '../../db/schema.js';
import { createKeyedWorkspace, type Caller, type KeyedWorkspace, createTestApp } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestWorker, type TestTemporal } from '../support/temporal.js';

let db: TestDatabase;
let temporal: TestTemporal;
let app: RelanceApp;
let ws: KeyedWorkspace;
let manager: string, repA: string, repB: string;
let asA: Caller, asB: Caller, asManager: Caller, asOps: Caller;

type TaskJson = { id: string; repId: string; dueAt: string; overdue: boolean; status: string };
type Page = { data: TaskJson[]; nextCursor: string | null };

async function user(email: string, role: string, managerId?: string) {
  const res = await ws.call<{ id: string }>('POST', '/v1/users', { email, name: email, role, ...(managerId ? { managerId } : {}) });
  expect(res.status).toBe(201);
  return res.body.id;
}
async function keyFor(role: string, userId?: string) {
  const res = await ws.call<{ key: string }>('POST', '/v1/api-keys', { name: `${role} key`, role, ...(userId ? { userId } : {}) });
  expect(res.status).toBe(201);
  return ws.as(res.body.key);
}

const HOUR = 3_600_000;
const now = Date.now();
/** Rep A's open tasks, due from 3 h ago to 4 h ahead; two share a due time (the id breaks the tie). */
const dueOffsets = [2, -1, 4, -3, 1, 1, -2];

beforeAll(async () => {
  db = await createTestDatabase();
  temporal = await startTestWorker(db.db);
  app = createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
  ws = await createKeyedWorkspace(app);
  manager = await user('claire@acme.test', 'manager');
  repA = await user('sam@acme.test', 'rep', manager);
  repB = await user('lea@acme.test', 'rep');
  [asA, asB, asManager, asOps] = await Promise.all([keyFor('rep', repA), keyFor('rep', repB), keyFor('rep', manager), keyFor('ops')]);
  const row = (repId: string, i: number, offsetH: number, status: 'open' | 'done' = 'open') => ({
    workspaceId: ws.workspaceId,
    repId,
    stepKey: `step-${i}`,
    kind: 'call',
    title: `Task ${i}`,
    dueAt: new Date(now + offsetH * HOUR),
    status,
  });
  await db.db.insert(tasks).values([
    ...dueOffsets.map((h, i) => row(repA, i, h)),
    row(repA, 99, -10, 'done'),
    row(repB, 100, -5),
  ]);
});
afterAll(async () => {
  await temporal?.stop();
  await db?.drop();
});

async function allPages(call: Caller, path: string, limit: number) {
  const seen: TaskJson[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: { status: number; body: Page } = await call<Page>('GET', `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    seen.push(...res.body.data);
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  return { seen, pages };
}

describe("a rep's task queue", () => {
  it('lists open tasks by due time, overdue first, in pages without gaps or repeats', async () => {
    const expected = (await db.db.select().from(tasks).where(eq(tasks.repId, repA)))
      .filter((t) => t.status === 'open')
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((t) => t.id);
    const whole = await ws.call<Page>('GET', `/v1/reps/${repA}/tasks`);
    expect(whole.body.data.map((t) => t.id)).toEqual(expected);
    expect(whole.body.data.map((t) => t.overdue)).toEqual([true, true, true, false, false, false, false]);
    expect(whole.body.nextCursor).toBeNull();

    const { seen, pages } = await allPages(asA, `/v1/reps/${repA}/tasks`, 2);
    expect(pages).toBe(4);
    expect(seen.map((t) => t.id)).toEqual(expected);
    // The tie at +1 h sits across a page edge (positions 4 and 5 with pages of 2... and of 3).
    expect((await allPages(asA, `/v1/reps/${repA}/tasks`, 3)).seen.map((t) => t.id)).toEqual(expected);
  });

  it.each([
    [0, 'tasks_queue_priority'],
    [1, 'tasks_queue_priority'],
    [2, 'tasks_queue'],
  ] as const)('bucket %i of the queue can run on the %s index', async (bucket, index) => {
    const { sql: text, params } = repQueueQuery(db.db, { workspaceId: ws.workspaceId, repId: repA, limit: 2, bucket }).toSQL();
    const client = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      const plan = await client.begin(async (tx) => {
        // A seven-row table is cheaper to scan; forbid that to see what the query allows. The
        // reports' indexes on tasks would serve a seven-row table as cheaply: only the queue's
        // own indexes stay for this (rolled back) transaction.
        await tx.unsafe('set local enable_seqscan = off');
        const others = await tx.unsafe(`select indexname from pg_indexes where tablename = 'tasks' and indexname not like 'tasks_queue%' and indexname not in (select conname from pg_constraint)`);
        for (const o of others) await tx.unsafe(`drop index "${String(o.indexname)}"`);
        return tx.unsafe(`explain ${text}`, params as never[]);
      });
      const lines = plan.map((r) => String(r['QUERY PLAN']));
      expect(lines.join('\n'), lines.join('\n')).toMatch(new RegExp(`Index.* using ${index} on `));
    } finally {
      await client.end();
    }
  });

  it('a rep key sees its own queue and tasks only; others are 404', async () => {
    expect((await asA<Page>('GET', `/v1/reps/${repA}/tasks`)).body.data).toHaveLength(7);
    const other = await asA('GET', `/v1/reps/${repB}/tasks`);
    expect(other.status).toBe(404);
    const [bTask] = await db.db.select().from(tasks).where(eq(tasks.repId, repB));
    expect((await asA('GET', `/v1/tasks/${bTask!.id}`)).status).toBe(404);
    expect((await asA('POST', `/v1/tasks/${bTask!.id}/complete`, { outcome: 'done' })).status).toBe(404);
    expect((await asA('POST', `/v1/tasks/${bTask!.id}/reassign`, { repId: repA, reason: 'mine now' })).status).toBe(404);
    expect((await asB('GET', `/v1/tasks/${bTask!.id}`)).status).toBe(200);
    // Ops-only list.
    expect((await asA('GET', '/v1/tasks')).status).toBe(403);
  });

  it('ops list the workspace tasks by status and rep', async () => {
    const done = await asOps<Page>('GET', `/v1/tasks?status=done&repId=${repA}`);
    expect(done.status).toBe(200);
    expect(done.body.data.map((t) => t.status)).toEqual(['done']);
    const { seen } = await allPages(asOps, '/v1/tasks?status=open', 3);
    expect(seen).toHaveLength(8);
    expect(seen.map((t) => t.dueAt)).toEqual([...seen.map((t) => t.dueAt)].sort());
  });

  it('a cursor the API did not return is a 400 naming query.cursor', async () => {
    const forged = Buffer.from(JSON.stringify({ k: 'yesterday', id: 'x' })).toString('base64url');
    // Well-formed (time, id) but not the queue's: no bucket, or an instant that is not one.
    const timeOnly = { k: '2026-12-05T08:00:00.000000Z', id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' };
    const queueless = Buffer.from(JSON.stringify(timeOnly)).toString('base64url');
    const badBucket = Buffer.from(JSON.stringify({ ...timeOnly, b: 3, n: 1 })).toString('base64url');
    const badNow = Buffer.from(JSON.stringify({ ...timeOnly, b: 2, n: 'now' })).toString('base64url');
    for (const cursor of ['not-a-cursor!', forged, queueless, badBucket, badNow]) {
      const res = await asA<{ type: string; errors: { field: string }[] }>('GET', `/v1/reps/${repA}/tasks?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e) => e.field)).toEqual(['query.cursor']);
    }
  });

  it("the rep's manager (or ops) moves a task to another rep's queue, with a timeline event", async () => {
    const first = (await asA<Page>('GET', `/v1/reps/${repA}/tasks?limit=1`)).body.data[0]!;
    // The rep itself may not, nor may another rep's key see it.
    expect((await asA('POST', `/v1/tasks/${first.id}/reassign`, { repId: repB, reason: 'holiday' })).status).toBe(403);
    const unknown = await asManager<{ errors: { field: string }[] }>('POST', `/v1/tasks/${first.id}/reassign`, { repId: crypto.randomUUID(), reason: 'holiday' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]!.field).toBe('body.repId');
    const extra = await asManager<{ errors: { field: string }[] }>('POST', `/v1/tasks/${first.id}/reassign`, { repId: repB, reason: 'holiday', urgent: true });
    expect(extra.status).toBe(422);
    expect(extra.body.errors.map((e) => e.field)).toEqual(['body.urgent']);

    const moved = await asManager<TaskJson>('POST', `/v1/tasks/${first.id}/reassign`, { repId: repB, reason: 'Sam is on holiday' });
    expect(moved.status).toBe(200);
    expect(moved.body.repId).toBe(repB);
    expect((await asA<Page>('GET', `/v1/reps/${repA}/tasks`)).body.data.map((t) => t.id)).not.toContain(first.id);
    const bQueue = (await asB<Page>('GET', `/v1/reps/${repB}/tasks`)).body.data;
    // Both of B's tasks are overdue; the moved one (-3 h) comes after B's own (-5 h).
    expect(bQueue.map((t) => t.id)).toHaveLength(2);
    expect(bQueue[1]!.id).toBe(first.id);
    const [event] = await db.db.select().from(events).where(eq(events.type, 'task.reassigned'));
    expect(event!.payload).toMatchObject({ taskId: first.id, fromRepId: repA, toRepId: repB, reason: 'Sam is on holiday' });

    // Ops may move it back; B's manager is nobody, so B's key may not.
    expect((await asB('POST', `/v1/tasks/${first.id}/reassign`, { repId: repA, reason: 'back' })).status).toBe(403);
    expect((await asOps<TaskJson>('POST', `/v1/tasks/${first.id}/reassign`, { repId: repA, reason: 'back' })).body.repId).toBe(repA);
  });
});
