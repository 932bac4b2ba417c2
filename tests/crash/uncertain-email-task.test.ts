// An email the SMTP server may have received (the connection dropped after the whole message,
// before the answer) is `uncertain`, and its rep gets a "check your Sent folder" task. The
// cadence goes on and ends; the task stays open, in the rep's queue, until a person settles it.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelanceApp } from '../../api/app.js';
import { enrollments, tasks, touches } from '../../db/schema.js';
import { createKeyedWorkspace, type KeyedWorkspace, createTestApp } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { startTestWorker, testChannelRegistry, type TestTemporal } from '../support/temporal.js';
import { LOOPBACK_ALLOWED } from '../support/security.js';

let db: TestDatabase;
let smtp: TestSmtpServer;
let temporal: TestTemporal;
let app: RelanceApp;
let ws: KeyedWorkspace;

const ALWAYS_OPEN = { weekendDays: [], holidayTypes: [], sendWindow: { start: '00:00', end: '23:59' }, callWindow: { start: '00:00', end: '23:59' }, minGapMinutes: 0 };

beforeAll(async () => {
  [db, smtp] = await Promise.all([createTestDatabase(), startTestSmtpServer()]);
  temporal = await startTestWorker(db.db, { channels: testChannelRegistry({ localOutboxDir: null, allowList: LOOPBACK_ALLOWED }) });
  app = createTestApp({ db: db.db, temporal: temporal.client, taskQueue: temporal.taskQueue, allowList: LOOPBACK_ALLOWED });
  ws = await createKeyedWorkspace(app, { timeZone: 'UTC' });
});
afterAll(async () => {
  await temporal?.stop();
  await smtp?.close();
  await db?.drop();
});

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let v = await read();
  while (!ok(v) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

describe('an uncertain email', () => {
  it("keeps its rep task open after the cadence ends, until the rep settles it", async () => {
    const rep = (await ws.call<{ id: string }>('POST', '/v1/users', { email: 'sam@acme.test', name: 'Sam' })).body.id;
    const smtpSettings = { host: smtp.host, port: smtp.port, secure: false, requireTls: false, username: smtp.username, password: smtp.password };
    expect((await ws.call('POST', '/v1/mailboxes', { userId: rep, address: 'sam@acme.test', provider: 'smtp', smtp: smtpSettings, minGapSeconds: 0 })).status).toBe(201);
    const prospect = (await ws.call<{ id: string }>('POST', '/v1/prospects', { email: 'marie@globex.test', firstName: 'Marie', timeZone: 'UTC' })).body.id;
    const definition = {
      schemaVersion: 1,
      key: 'one-email',
      name: 'One email',
      timing: ALWAYS_OPEN,
      steps: [{ id: 'hello', type: 'email', timing: { kind: 'immediately' }, template: { subject: 'Hello {{prospect.firstName}}', body: 'Ten minutes next week?' } }],
    };
    const sequenceId = (await ws.call<{ sequenceId: string }>('POST', '/v1/sequences', { definition })).body.sequenceId;

    smtp.fail({ stage: 'drop-after-data' });
    const enrolled = await ws.call<{ id: string }>('POST', '/v1/enrollments', { prospectId: prospect, sequenceId, repId: rep });
    expect(enrolled.status).toBe(201);
    const enrollmentId = enrolled.body.id;

    const [ended] = await until(
      () => db.db.select().from(enrollments).where(eq(enrollments.id, enrollmentId)),
      ([e]) => e?.status === 'completed',
    );
    expect(ended?.status).toBe('completed');
    const [touch] = await db.db.select().from(touches).where(eq(touches.enrollmentId, enrollmentId));
    expect(touch).toMatchObject({ status: 'uncertain' });
    expect(smtp.received.filter((m) => m.messageId === touch!.messageId)).toHaveLength(1);

    const [task] = await db.db.select().from(tasks).where(and(eq(tasks.enrollmentId, enrollmentId), eq(tasks.kind, 'email_uncertain')));
    expect(task).toMatchObject({ status: 'open', repId: rep, stepKey: 'hello#1~uncertain' });
    const queue = await ws.call<{ data: Array<{ id: string }> }>('GET', `/v1/reps/${rep}/tasks`);
    expect(queue.body.data.map((t) => t.id)).toContain(task!.id);

    const settled = await ws.call('POST', `/v1/tasks/${task!.id}/complete`, { outcome: 'done', note: 'it is in my Sent folder' });
    expect(settled.status).toBe(200);
    const [done] = await db.db.select().from(tasks).where(eq(tasks.id, task!.id));
    expect(done).toMatchObject({ status: 'done' });
  }, 60_000);
});
