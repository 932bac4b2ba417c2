// The outbox on real PostgreSQL: two dispatchers and a workflow fallback racing over the same
// due emails send each exactly once; an opt-out or a suppression after staging stops a touch;
// not-yet-due waits; a provider action gets its task and its signed result address; a system
// task is completed through the tasks API without any workflow.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { claimTouch, deliverClaimed } from '../../outbox/delivery.js';
import { openSystemTask, uncertainDeliveryTask } from '../../application/system-tasks.js';
import type { RelanceApp } from '../../api/app.js';
import { generateApiKey } from '../../api/middleware/auth.js';
import type { ActionProvider, EmailProvider, OutboundAction, OutboundEmail } from '../../channels/types.js';
import { actionProviders, apiKeys, enrollments, events, prospects, suppressions, tasks, touches } from '../../db/schema.js';
import { startOutboxDispatcher } from '../../runtime/outbox-dispatcher.js';
import { callerFor, withTestApi } from '../support/api.js';
import { type TestDatabase } from '../support/db.js';
import { seedWorkspace } from '../support/fixtures.js';
import { testChannelRegistry } from '../support/temporal.js';

let db: TestDatabase;
let app: RelanceApp;
withTestApi({}, (w) => ({ db, app } = w));

function countingProvider(): EmailProvider & { sent: OutboundEmail[] } {
  const sent: OutboundEmail[] = [];
  return {
    id: 'counting',
    sent,
    async send(email) {
      sent.push(email);
      await new Promise((r) => setTimeout(r, 1));
      return { status: 'sent' };
    },
  };
}
const registryOf = (provider: EmailProvider) => testChannelRegistry({ overrides: { email: () => provider } });

async function stage(n: number, dueInMs: number) {
  const seed = await seedWorkspace(db.db);
  const ws = seed.workspace.id;
  const rows = [];
  for (let i = 0; i < n; i++) {
    const [p] = await db.db.insert(prospects).values({ workspaceId: ws, email: `p${i}@x${i % 3}.test`, firstName: `P${i}`, timeZone: 'UTC' }).returning();
    const [e] = await db.db
      .insert(enrollments)
      .values({ workspaceId: ws, prospectId: p!.id, sequenceId: seed.sequence.id, sequenceVersion: 1, repId: seed.rep.id, workflowId: `wf-${ws}-${i}` })
      .returning();
    rows.push({ workspaceId: ws, enrollmentId: e!.id, prospectId: p!.id, stepKey: 'email#1', channel: 'email', provider: 'local-outbox', status: 'scheduled' as const, scheduledAt: new Date(Date.now() + dueInMs), toAddress: p!.email, subject: `Hi P${i}`, body: 'Hello', messageId: `<${e!.id}.email-1.relance@relance.local>` });
  }
  return { seed, ws, touches: await db.db.insert(touches).values(rows).returning() };
}

async function settle(ws: string, done: (statuses: string[]) => boolean) {
  for (let i = 0; i < 100; i++) {
    const rows = await db.db.select().from(touches).where(eq(touches.workspaceId, ws));
    if (done(rows.map((r) => r.status))) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  return db.db.select().from(touches).where(eq(touches.workspaceId, ws));
}

describe('outbox dispatch', () => {
  it('sends every due email exactly once across two dispatchers and the workflow fallback', async () => {
    const { ws, touches: staged } = await stage(200, 0);
    const provider = countingProvider();
    const channels = registryOf(provider);
    const a = startOutboxDispatcher({ db: db.db, channels, batchSize: 25 });
    const b = startOutboxDispatcher({ db: db.db, channels, batchSize: 25 });
    // The workflows' fallback claims some at the same time.
    await Promise.all(staged.slice(0, 50).map(async (t) => {
      const claimed = await claimTouch(db.db, t.id, new Date());
      if (claimed) await deliverClaimed(db.db, channels, claimed);
    }));
    const rows = await settle(ws, (s) => s.every((x) => x === 'sent'));
    await Promise.all([a.stop(), b.stop()]);
    expect(rows.map((r) => r.status).filter((s) => s !== 'sent')).toEqual([]);
    expect(provider.sent).toHaveLength(200);
    expect(new Set(provider.sent.map((t) => t.messageId)).size).toBe(200);
    expect(rows.every((r) => r.sentAt !== null && r.sentAt.getTime() >= r.scheduledAt!.getTime() && r.attempts === 1)).toBe(true);
    const sent = provider.sent[0]!;
    expect(sent.unsubscribeUrl).toMatch(/^http:\/\/relance\.test\/v1\/unsubscribe\/[\w-]+\.[\w-]+$/);
    expect(sent.from).toEqual({ name: 'Sam Rep', address: 'rep@acme.test' });
    const sentEvents = await db.db.select().from(events).where(and(eq(events.workspaceId, ws), eq(events.type, 'email.sent')));
    expect(sentEvents).toHaveLength(200);
  });

  it('stops an email whose prospect opted out or whose domain was suppressed after staging, and leaves future ones alone', async () => {
    const { ws, touches: [optedOut, suppressedOne, future] } = await stage(3, 0);
    await db.db.update(prospects).set({ status: 'opted_out' }).where(eq(prospects.id, optedOut!.prospectId));
    await db.db.insert(suppressions).values({ workspaceId: ws, value: 'x1.test', kind: 'domain' });
    await db.db.update(touches).set({ scheduledAt: new Date(Date.now() + 3_600_000) }).where(eq(touches.id, future!.id));
    const provider = countingProvider();
    const d = startOutboxDispatcher({ db: db.db, channels: registryOf(provider) });
    const rows = await settle(ws, (s) => s.filter((x) => x === 'suppressed').length === 2);
    await d.stop();
    expect(rows.find((r) => r.id === optedOut!.id)).toMatchObject({ status: 'suppressed', detail: 'prospect opted out', sentAt: null });
    expect(rows.find((r) => r.id === suppressedOne!.id)).toMatchObject({ status: 'suppressed', detail: 'suppressed: x1.test' });
    expect(rows.find((r) => r.id === future!.id)?.status).toBe('scheduled');
    expect(provider.sent).toHaveLength(0);
  });

  it('hands a LinkedIn touch to the workspace provider with its task and result address', async () => {
    const { seed, ws, touches: [email] } = await stage(1, 3_600_000);
    const [task] = await db.db.insert(tasks).values({ workspaceId: ws, enrollmentId: email!.enrollmentId, repId: seed.rep.id, stepKey: 'note#1', kind: 'linkedin_note', title: 'Note', dueAt: new Date() }).returning();
    await db.db.insert(actionProviders).values({ workspaceId: ws, channel: 'linkedin', url: 'https://automation.example/hook', secret: 'sealed' });
    const [action] = await db.db
      .insert(touches)
      .values({ workspaceId: ws, enrollmentId: email!.enrollmentId, prospectId: email!.prospectId, stepKey: 'note#1', channel: 'linkedin', provider: 'http', status: 'scheduled', scheduledAt: new Date(), body: 'Hi P0, saw your Series B.' })
      .returning();
    const performed: OutboundAction[] = [];
    const provider: ActionProvider = { id: 'http', perform: async (a) => (performed.push(a), { status: 'sent', providerMessageId: 'job-1' }) };
    const d = startOutboxDispatcher({ db: db.db, channels: testChannelRegistry({ overrides: { action: () => provider } }) });
    await settle(ws, (s) => s.includes('sent'));
    await d.stop();
    expect(performed).toHaveLength(1);
    expect(performed[0]).toMatchObject({ touchId: action!.id, taskId: task!.id, channel: 'linkedin', message: 'Hi P0, saw your Series B.', resultUrl: `http://relance.test/v1/inbound/${ws}/linkedin` });
    const [row] = await db.db.select().from(touches).where(eq(touches.id, action!.id));
    expect(row).toMatchObject({ status: 'sent', providerMessageId: 'job-1' });
  });
});

describe('system tasks through the tasks API', () => {
  it('completes an uncertain-delivery task with "done" only, once, and never across workspaces', async () => {
    const { seed, ws, touches: [t] } = await stage(1, 3_600_000);
    const taskId = await openSystemTask(db.db, uncertainDeliveryTask({ ...t!, detail: 'connection lost' }, seed.rep.id, 'P0', new Date()));
    expect(await openSystemTask(db.db, uncertainDeliveryTask({ ...t!, detail: 'connection lost' }, seed.rep.id, 'P0', new Date()))).toBeNull();
    const key = generateApiKey();
    await db.db.insert(apiKeys).values({ workspaceId: ws, name: 'ops', role: 'ops', prefix: key.prefix, secretHash: key.secretHash });
    const call = callerFor((path, init) => app.request(path, init), key.key);

    const queue = await call<{ data: Array<{ id: string; kind: string; title: string }> }>('GET', `/v1/reps/${seed.rep.id}/tasks`);
    expect(queue.body.data.find((x) => x.id === taskId)).toMatchObject({ kind: 'email_uncertain', title: "Delivery uncertain: check your Sent folder for 'Hi P0' to P0; if it is not there, send it by hand" });
    const wrong = await call<{ errors: Array<{ field: string }> }>('POST', `/v1/tasks/${taskId}/complete`, { outcome: 'no_answer' });
    expect([wrong.status, wrong.body.errors[0]?.field]).toEqual([422, 'body.outcome']);
    const done = await call<{ task: { status: string; outcome: unknown }; next: unknown }>('POST', `/v1/tasks/${taskId}/complete`, { outcome: 'done', note: 'it was in Sent' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ task: { status: 'done', outcome: { outcome: 'done', note: 'it was in Sent' } }, next: null });
    expect((await call('POST', `/v1/tasks/${taskId}/complete`, { outcome: 'done' })).status).toBe(409);

    const other = await seedWorkspace(db.db);
    const otherKey = generateApiKey();
    await db.db.insert(apiKeys).values({ workspaceId: other.workspace.id, name: 'ops', role: 'ops', prefix: otherKey.prefix, secretHash: otherKey.secretHash });
    const outsider = callerFor((path, init) => app.request(path, init), otherKey.key);
    expect((await outsider('POST', `/v1/tasks/${taskId}/complete`, { outcome: 'done' })).status).toBe(404);
  });
});
