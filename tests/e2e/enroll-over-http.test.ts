// End to end: an HTTP request to the running API starts a workflow on the real Temporal server
// whose activity writes to the real PostgreSQL.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { startHttpServer, type RunningServer } from '../../api/server.js';
import { enrollments, events } from '../../db/schema.js';
import type { EnrollmentResult } from '../../workflows/enrollment.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedWorkspace } from '../support/fixtures.js';
import { startTestWorker, type TestTemporal } from '../support/temporal.js';

let db: TestDatabase;
let temporal: TestTemporal;
let server: RunningServer;
let seed: Awaited<ReturnType<typeof seedWorkspace>>;

beforeAll(async () => {
  db = await createTestDatabase();
  temporal = await startTestWorker(db.db);
  server = await startHttpServer(
    createApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue }),
    '127.0.0.1',
    0,
  );
  seed = await seedWorkspace(db.db);
});

afterAll(async () => {
  await server?.close();
  await temporal?.stop();
  await db?.drop();
});

const enroll = (body: Record<string, unknown>) =>
  fetch(`${server.url}/v1/workspaces/${seed.workspace.id}/enrollments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /v1/workspaces/:id/enrollments over real HTTP', () => {
  it('starts the enrollment workflow, whose activity activates the row and logs the event', async () => {
    const res = await enroll({
      prospectId: seed.prospect.id,
      sequenceId: seed.sequence.id,
      repId: seed.rep.id,
      context: 'Series B announced on Monday',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; workflowId: string; status: string; sequenceVersion: number };
    expect(body.workflowId).toBe(`enrollment:${seed.workspace.id}:${seed.prospect.id}:${seed.sequence.id}`);
    expect(body.sequenceVersion).toBe(1);

    const result = (await temporal.client.workflow.getHandle(body.workflowId).result()) as EnrollmentResult;
    expect(result).toMatchObject({ enrollmentId: body.id, status: 'active' });

    const [row] = await db.db.select().from(enrollments).where(eq(enrollments.id, body.id));
    expect(row?.status).toBe('active');
    expect(row?.context).toBe('Series B announced on Monday');
    const logged = await db.db
      .select()
      .from(events)
      .where(and(eq(events.enrollmentId, body.id), eq(events.type, 'enrollment.started')));
    expect(logged).toHaveLength(1);
    expect(logged[0]?.prospectId).toBe(seed.prospect.id);
  });

  it('enrolling the same prospect twice returns the same enrollment and runs one workflow', async () => {
    const body = { prospectId: seed.prospect.id, sequenceId: seed.sequence.id, repId: seed.rep.id };
    const again = await enroll(body);
    expect(again.status).toBe(200);
    const json = (await again.json()) as { id: string; workflowId: string };
    const rows = await db.db.select().from(enrollments).where(eq(enrollments.prospectId, seed.prospect.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).toBe(json.id);
    const runs = [];
    for await (const wf of temporal.client.workflow.list({ query: `WorkflowId = '${json.workflowId}'` })) runs.push(wf);
    expect(runs).toHaveLength(1);
  });

  it('a prospect of another workspace is not found, and nothing is written', async () => {
    const other = await seedWorkspace(db.db);
    const res = await enroll({ prospectId: other.prospect.id, sequenceId: seed.sequence.id, repId: seed.rep.id });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { type: string; errors: Array<{ field: string }> };
    expect(problem.type).toBe('/problems/not-found');
    expect(problem.errors[0]?.field).toBe('body.prospectId');
    const rows = await db.db.select().from(enrollments).where(eq(enrollments.prospectId, other.prospect.id));
    expect(rows).toHaveLength(0);
  });
});
