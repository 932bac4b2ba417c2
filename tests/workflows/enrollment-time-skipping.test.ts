// A durable timer of several days on the time-skipping server, with the real activities
// writing to the real PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { enrollments, events } from '../../db/schema.js';
import type { EnrollmentInputV1, EnrollmentResult } from '../../workflows/enrollment.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { seedWorkspace } from '../support/fixtures.js';
import { createTimeSkippingEnv } from '../support/time-skipping.js';

let env: TestWorkflowEnvironment;
let db: TestDatabase;

beforeAll(async () => {
  [env, db] = await Promise.all([createTimeSkippingEnv(), createTestDatabase()]);
});
afterAll(async () => {
  await env?.teardown();
  await db?.drop();
});

describe('enrollment workflow on the time-skipping server', () => {
  it('waits three days for its start, then activates the enrollment', async () => {
    const seed = await seedWorkspace(db.db);
    const [enrollment] = await db.db
      .insert(enrollments)
      .values({
        workspaceId: seed.workspace.id,
        prospectId: seed.prospect.id,
        sequenceId: seed.sequence.id,
        sequenceVersion: 1,
        repId: seed.rep.id,
        workflowId: `enrollment:${randomUUID()}`,
      })
      .returning();
    const taskQueue = `ts-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundle') },
      activities: createActivities({ db: db.db }),
    });

    const serverNow = (await env.currentTimeMs()) as number;
    const startAt = new Date(serverNow + 3 * 24 * 3600_000).toISOString();
    const input: EnrollmentInputV1 = {
      version: 1,
      workspaceId: seed.workspace.id,
      enrollmentId: enrollment!.id,
      prospectId: seed.prospect.id,
      startAt,
    };
    const wallStart = Date.now();
    const result: EnrollmentResult = await worker.runUntil(
      env.client.workflow.execute('enrollmentWorkflow', { taskQueue, workflowId: enrollment!.workflowId, args: [input] }),
    );

    expect(result.status).toBe('active');
    // Workflow time moved three days; the wall clock did not.
    expect(Date.parse(result.startedAt)).toBeGreaterThanOrEqual(Date.parse(startAt));
    expect(Date.now() - wallStart).toBeLessThan(60_000);
    const [row] = await db.db.select().from(enrollments).where(eq(enrollments.id, enrollment!.id));
    expect(row?.status).toBe('active');
    const started = await db.db.select().from(events).where(eq(events.enrollmentId, enrollment!.id));
    expect(started.map((e) => e.type)).toEqual(['enrollment.started']);
  });
});
