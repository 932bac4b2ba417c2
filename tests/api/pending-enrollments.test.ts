// An enrollment whose workflow start was lost (the API process died between the row's insert and
// the start: see tests/crash/api-kill-mid-bulk.test.ts for the real crash) is not lost: enrolling
// again, a control on it, or the worker's reconciler starts it, by its workflow id, once.
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { checkAndInsertEnrollment } from '../../api/services/enroll-statement.js';
import { enrollments } from '../../db/schema.js';
import { reconcilePendingEnrollments } from '../../runtime/enrollment-reconciler.js';
import { enrollmentWorkflowId } from '../../workflows/ids.js';
import { type KeyedWorkspace, withWorkerApi } from '../support/api.js';
import type { TestDatabase } from '../support/db.js';
import type { TestTemporal } from '../support/temporal.js';

let db: TestDatabase;
let temporal: TestTemporal;
let ws: KeyedWorkspace;
let repId: string, sequenceId: string;
let next = 0;

const definition = {
  schemaVersion: 1,
  key: 'qualify',
  name: 'Qualify',
  timing: { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0 },
  steps: [{ id: 'qualify', type: 'task', title: 'Qualify the account', timing: { kind: 'immediately' } }],
};

withWorkerApi({ timeZone: 'UTC' }, async (w) => {
  ({ db, temporal, ws } = w);
  repId = (await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam' })).body.id;
  sequenceId = (await ws.call<{ sequenceId: string }>('POST', '/v1/sequences', { definition })).body.sequenceId;
});

async function prospect(): Promise<string> {
  const p = await ws.call<{ id: string }>('POST', '/v1/prospects', { email: `p${next++}@globex.test`, firstName: 'Pat', timeZone: 'UTC' });
  expect(p.status).toBe(201);
  return p.body.id;
}

/** What the API leaves behind when it dies right after the insert: a pending row, no workflow. */
async function orphan(o: { startAt?: Date } = {}): Promise<{ id: string; prospectId: string; workflowId: string }> {
  const prospectId = await prospect();
  const id = uuidv7();
  const found = await checkAndInsertEnrollment(db.db, {
    id,
    workspaceId: ws.workspaceId,
    prospectId,
    sequenceId,
    repId,
    workflowId: enrollmentWorkflowId(id),
    context: null,
    pretext: null,
    mailboxId: null,
    startAt: o.startAt ?? null,
  });
  expect(found.inserted?.id).toBe(id);
  return { id, prospectId, workflowId: enrollmentWorkflowId(id) };
}

const statusOf = async (id: string) => (await db.db.select({ status: enrollments.status }).from(enrollments).where(eq(enrollments.id, id)))[0]?.status;

async function waitForStatus(id: string, status: string, timeoutMs = 20_000): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  let now = await statusOf(id);
  while (now !== status && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    now = await statusOf(id);
  }
  return now;
}

const workflowExists = (workflowId: string) =>
  temporal.client.workflow
    .getHandle(workflowId)
    .describe()
    .then(
      () => true,
      () => false,
    );

describe('an enrollment left pending without its workflow', () => {
  it('is started by enrolling again, one by one or in bulk (200: already enrolled)', async () => {
    const [a, b] = [await orphan(), await orphan()];
    const fresh = await prospect();
    expect(await workflowExists(a.workflowId)).toBe(false);

    const again = await ws.call<{ id: string; status: string }>('POST', '/v1/enrollments', { prospectId: a.prospectId, sequenceId, repId });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(a.id);
    const bulk = await ws.call<{ results: Array<{ status: number; enrollment?: { id: string } }> }>('POST', '/v1/enrollments/bulk', {
      items: [b, { prospectId: fresh }].map((x) => ({ prospectId: x.prospectId, sequenceId, repId })),
    });
    expect(bulk.body.results.map((r) => r.status)).toEqual([200, 201]);

    expect(await waitForStatus(a.id, 'active')).toBe('active');
    expect(await waitForStatus(b.id, 'active')).toBe('active');
    expect(await waitForStatus(bulk.body.results[1]!.enrollment!.id, 'active')).toBe('active');
  });

  it('takes a control: stop starts it and stops it, never "the enrollment is over"', async () => {
    const e = await orphan();
    const stop = await ws.call<{ status: string }>('POST', `/v1/enrollments/${e.id}/stop`, { reason: 'wrong contact' });
    expect(stop.status).toBe(200);
    expect(await waitForStatus(e.id, 'stopped')).toBe('stopped');
    const paused = await orphan();
    const pause = await ws.call('POST', `/v1/enrollments/${paused.id}/pause`, { reason: 'holidays' });
    // The pause reaches the workflow with its start, before its first step's task is open: the
    // main loop holds, and the answer comes without waiting for a resume.
    expect(pause.status).toBe(200);
    expect(await workflowExists(paused.workflowId)).toBe(true);
    expect(await waitForStatus(paused.id, 'paused')).toBe('paused');
    const resumed = await ws.call('POST', `/v1/enrollments/${paused.id}/resume`, { reason: 'back' });
    expect(resumed.status).toBe(200);
    expect(await waitForStatus(paused.id, 'active')).toBe('active');
  });

  it('is started by the reconciler past its grace, each row claimed by one of several reconcilers, not before its start time', async () => {
    const stalled = [await orphan(), await orphan(), await orphan()];
    const later = await orphan({ startAt: new Date(Date.now() + 3_600_000) });
    await new Promise((r) => setTimeout(r, 1_100));
    const deps = { db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue, graceMs: 1_000 };
    // Two worker processes' passes at once: each row is claimed by one of them.
    const seen = await Promise.all([reconcilePendingEnrollments(deps), reconcilePendingEnrollments(deps)]);
    expect(seen[0] + seen[1]).toBe(stalled.length);
    for (const e of stalled) expect(await waitForStatus(e.id, 'active')).toBe('active');
    expect(await workflowExists(later.workflowId)).toBe(false);
    // Looked at once per grace period: the next pass has nothing to do.
    expect(await reconcilePendingEnrollments(deps)).toBe(0);
    const [row] = await db.db.select().from(enrollments).where(and(eq(enrollments.id, later.id), eq(enrollments.workspaceId, ws.workspaceId)));
    expect(row).toMatchObject({ status: 'pending', startCheckedAt: null });
  });
});
