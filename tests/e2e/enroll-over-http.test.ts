// End to end over real HTTP: a workspace, a rep, a prospect and a sequence created through the
// API; the enrollment starts a workflow on the real Temporal server whose activities write to the
// real PostgreSQL; the rep completes the task through the API and the cadence finishes.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../api/server.js';
import { enrollments, events, touches } from '../../db/schema.js';
import type { EnrollmentResult } from '../../workflows/enrollment/input.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { callerFor, TEST_OPERATOR_TOKEN, createTestApp } from '../support/api.js';
import { startTestWorker, type TestTemporal } from '../support/temporal.js';

let db: TestDatabase;
let temporal: TestTemporal;
let server: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  temporal = await startTestWorker(db.db);
  server = await startHttpServer(createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue }), '127.0.0.1', 0);
});
afterAll(async () => {
  await server?.close();
  await temporal?.stop();
  await db?.drop();
});

const over = (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init);
const operator = () => callerFor(over, TEST_OPERATOR_TOKEN);
/** A workspace created over HTTP, and a caller holding its first admin key. */
async function newWorkspace(body: Record<string, unknown>) {
  const ws = await operator()<{ id: string; apiKey: { key: string } }>('POST', '/v1/workspaces', body);
  expect(ws.status).toBe(201);
  return { id: ws.body.id, key: ws.body.apiKey.key, call: callerFor(over, ws.body.apiKey.key) };
}

/** Always open: no weekends, no holidays, all-day windows, so the real server needs no waiting. */
const alwaysOpen = {
  weekendDays: [],
  holidayTypes: [],
  sendWindow: { start: '00:00', end: '23:59' },
  callWindow: { start: '00:00', end: '23:59' },
  minGapMinutes: 0,
};

const quickSequence = {
  schemaVersion: 1,
  key: 'qualify-then-recap',
  name: 'Qualify, then recap',
  timing: alwaysOpen,
  steps: [
    { id: 'qualify', type: 'task', title: 'Qualify the account', timing: { kind: 'immediately' } },
    {
      id: 'recap',
      type: 'email',
      timing: { kind: 'immediately' },
      template: { subject: 'Following up, {{prospect.firstName}}', body: 'Hello {{prospect.firstName}}, about {{context}}. {{rep.name}}' },
    },
  ],
};

describe('enrollment over real HTTP, Temporal and PostgreSQL', () => {
  it('runs a cadence from POST /enrollments to the workflow result', async () => {
    const { call } = await newWorkspace({ name: 'Acme', timeZone: 'UTC' });
    const rep = await call<{ id: string }>('POST', `/v1/users`, { email: 'sam@acme.test', name: 'Sam Rep' });
    const prospect = await call<{ id: string }>('POST', `/v1/prospects`, {
      email: 'marie@globex.test',
      firstName: 'Marie',
      lastName: 'Curie',
      timeZone: 'UTC',
      account: { name: 'Globex', domain: 'globex.test' },
    });
    const seq = await call<{ sequenceId: string; version: number }>('POST', `/v1/sequences`, { definition: quickSequence });
    expect([rep.status, prospect.status, seq.status]).toEqual([201, 201, 201]);

    const enrolled = await call<{ id: string; workflowId: string; sequenceVersion: number }>('POST', `/v1/enrollments`, {
      prospectId: prospect.body.id,
      sequenceId: seq.body.sequenceId,
      repId: rep.body.id,
      context: 'your Series B',
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.workflowId).toBe(`enrollment:${enrolled.body.id}`);

    // The task shows up in the rep's queue.
    let queue: { data: Array<{ id: string; title: string; prep: Record<string, unknown> }> } = { data: [] };
    for (let i = 0; i < 100 && queue.data.length === 0; i++) {
      queue = (await call<typeof queue>('GET', `/v1/reps/${rep.body.id}/tasks`)).body;
      if (queue.data.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(queue.data).toHaveLength(1);
    expect(queue.data[0]!.title).toBe('Qualify the account: Marie Curie (Globex)');
    expect(queue.data[0]!.prep).toMatchObject({ context: 'your Series B', decisionMaker: { name: 'Marie Curie' } });

    const done = await call<{ task: { status: string }; next: { stepId: string } | null }>('POST', `/v1/tasks/${queue.data[0]!.id}/complete`, { outcome: 'done', note: 'Right account' });
    expect(done.status).toBe(200);
    expect(done.body.task.status).toBe('done');
    expect(done.body.next?.stepId).toBe('recap');

    const again = await call<{ type: string }>('POST', `/v1/tasks/${queue.data[0]!.id}/complete`, { outcome: 'done' });
    expect(again.status).toBe(409);

    const result = (await temporal.client.workflow.getHandle(enrolled.body.workflowId).result()) as EnrollmentResult;
    expect(result).toMatchObject({ status: 'completed', reason: 'completed', stepsRun: 2 });

    const [row] = await db.db.select().from(enrollments).where(eq(enrollments.id, enrolled.body.id));
    expect(row?.status).toBe('completed');
    const sent = await db.db.select().from(touches).where(eq(touches.enrollmentId, enrolled.body.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: 'sent', subject: 'Following up, Marie', toAddress: 'marie@globex.test' });
    expect(sent[0]!.body).toContain('about your Series B');
    const types = (await db.db.select().from(events).where(eq(events.enrollmentId, enrolled.body.id))).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['enrollment.started', 'task.created', 'task.completed', 'note.added', 'email.sent', 'enrollment.completed']));

    // Enrolling again returns the same enrollment and starts nothing.
    const twice = await call<{ id: string }>('POST', `/v1/enrollments`, { prospectId: prospect.body.id, sequenceId: seq.body.sequenceId, repId: rep.body.id });
    expect(twice.status).toBe(200);
    expect(twice.body.id).toBe(enrolled.body.id);
  });

  it('a prospect of another workspace is not found, and nothing is written', async () => {
    const a = await newWorkspace({ name: 'A' });
    const b = await newWorkspace({ name: 'B' });
    const foreign = await b.call<{ id: string }>('POST', '/v1/prospects', { email: 'x@b.test', country: 'FR' });
    const rep = await a.call<{ id: string }>('POST', '/v1/users', { email: 'r@a.test', name: 'R' });
    const seqs = await a.call<{ data: Array<{ sequenceId: string; key: string }> }>('GET', '/v1/sequences');
    expect(seqs.body.data.map((s) => s.key).sort()).toEqual(['announced-call', 'expected-callback']);
    // Workspace A's key, B's prospect.
    const res = await fetch(`${server.url}/v1/enrollments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.key}` },
      body: JSON.stringify({ prospectId: foreign.body.id, sequenceId: seqs.body.data[0]!.sequenceId, repId: rep.body.id }),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { errors: Array<{ field: string }> };
    expect(problem.errors[0]?.field).toBe('body.prospectId');
    expect(await db.db.select().from(enrollments).where(eq(enrollments.prospectId, foreign.body.id))).toHaveLength(0);
  });
});
